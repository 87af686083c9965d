/**
 * The status bar entry: `profile · region` when signed in (click to switch profile), "Sign in"
 * otherwise (click to sign in). A warning icon marks credentials kept in memory only.
 *
 * Shown only in windows that use VOD: once a profile is stored, or once this workspace has shown an
 * image ID (`VodPresence`). A window that never touches VOD gets no entry.
 */
import * as vscode from 'vscode';
import { localizeMessage } from './localize';
import type { StoreMode } from './credentialStore';
import { sessionLabel, type Session } from './auth/session';
import type { SessionState, UiSettings } from './services';
import type { VodPresence } from './vodPresence';

/** What the entry follows (the ServiceHost). */
export interface StatusBarSource {
  readonly onDidChangeSession: vscode.Event<SessionState>;
  currentSession(): Session;
  readonly storeMode: StoreMode;
  settings(): UiSettings;
  /** The stored profiles (read after the first session resolution, never during activation). */
  readonly profiles: { list(): readonly unknown[] };
}

export interface StatusBarInput {
  readonly session: Session;
  readonly storeMode: StoreMode;
  /** The configured endpoint host when it overrides the region (shown in the tooltip). */
  readonly endpointHost: string | undefined;
  readonly visible: boolean;
}

export interface StatusBarView {
  readonly text: string;
  readonly tooltip: string;
  readonly command: string;
  /** False in windows that have not used VOD yet. */
  readonly visible: boolean;
}

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private view: StatusBarView;
  private readonly subscriptions: vscode.Disposable[];
  private hasProfiles = false;

  constructor(
    private readonly source: StatusBarSource,
    private readonly presence: VodPresence,
  ) {
    this.item = vscode.window.createStatusBarItem('vodImages.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('VOD Images');
    // Until the first session is resolved (a SecretStorage read away) the entry only names the extension.
    this.view = { text: '$(file-media) ' + vscode.l10n.t('VOD Images'), tooltip: vscode.l10n.t('VOD Images'), command: 'vodImages.signIn', visible: presence.hasSeenIds };
    this.apply();
    this.subscriptions = [
      source.onDidChangeSession(() => {
        this.hasProfiles = source.profiles.list().length > 0;
        this.refresh();
      }),
      presence.onDidSee(() => this.refresh()),
    ];
  }

  private refresh(): void {
    const endpoint = this.source.settings().endpoint;
    this.view = describe({
      session: this.source.currentSession(),
      storeMode: this.source.storeMode,
      endpointHost: endpoint === undefined ? undefined : hostOf(endpoint),
      visible: this.hasProfiles || this.presence.hasSeenIds,
    });
    this.apply();
  }

  /** What the entry shows now (read by the integration tests through the test hooks). */
  current(): StatusBarView {
    return this.view;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }

  private apply(): void {
    this.item.text = this.view.text;
    this.item.tooltip = this.view.tooltip;
    this.item.command = this.view.command;
    this.item.accessibilityInformation = { label: this.view.tooltip };
    if (this.view.visible) this.item.show();
    else this.item.hide();
  }
}

function describe({ session, storeMode, endpointHost, visible }: StatusBarInput): StatusBarView {
  const label = sessionLabel(session);
  const target = endpointHost === undefined ? '' : '\n' + vscode.l10n.t('Endpoint: {0}', endpointHost);
  if (label === undefined) {
    const reason =
      session.kind === 'signedOut' && session.problem?.kind === 'missingSecret'
        ? vscode.l10n.t('The credentials of profile "{0}" are missing. Sign in again.', session.problem.profile)
        : session.kind === 'signedOut' && session.problem?.kind === 'chainError'
          ? localizeMessage(session.problem.message)
          : vscode.l10n.t('Not signed in. Click to sign in to ApsaraVideo VOD.');
    return { text: '$(sign-in) ' + vscode.l10n.t('Sign in'), tooltip: reason + target, command: 'vodImages.signIn', visible };
  }
  const memoryOnly = storeMode === 'memory' && session.kind === 'profile';
  const icon = memoryOnly ? '$(warning)' : session.boundToWorkspace ? '$(root-folder)' : '$(file-media)';
  const lines = [vscode.l10n.t('VOD Images: {0} in {1}. Click to switch profile.', label, session.region)];
  if (session.boundToWorkspace) lines.push(vscode.l10n.t('Chosen for this workspace only.'));
  if (memoryOnly) lines.push(vscode.l10n.t('Secure storage is unavailable: these credentials are kept for this session only.'));
  return { text: `${icon} ${label} · ${session.region}`, tooltip: lines.join('\n') + target, command: 'vodImages.switchProfile', visible };
}

/** The endpoint's host for display; the raw text when it is not a URL (settings never hold secrets). */
function hostOf(endpoint: string): string {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`).host;
  } catch {
    return endpoint;
  }
}

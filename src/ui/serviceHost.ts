/**
 * The `Services` the feature modules run on. It owns the session (which credentials, which region),
 * the settings view and the credential store, and builds the heavy parts — transport (undici), client,
 * image cache — on first use. Any change of session or of a client setting starts a new generation:
 * the old parts are retired and `onDidChangeSession` fires, so consumers drop what they cached.
 */
import * as vscode from 'vscode';
import { localizeMessage } from './localize';
import type { VodApi } from '../vod/api';
import type { Clock } from '../vod/clock';
import type { Credentials, ResolvedCredentials } from '../vod/credentials';
import type { CredentialProvider, ProviderDeps } from '../vod/temporaryCredentials';
import { resolveEndpoint } from '../vod/endpoint';
import { VodError } from '../vod/errors';
import { msg } from '../vod/messages';
import type { ImageService } from '../vod/imageService';
import type { Transport } from '../vod/transport';
import { resolveSession, sessionLabel, sessionSecrets, type Session } from './auth/session';
import { CredentialStore, type StoreMode, type StoreOperation } from './credentialStore';
import { ProfileRegistry } from './profiles';
import { readBinding } from './workspaceBinding';
import { createRedactingChannel, createRequestLogSink } from './requestLog';
import type { FeatureLog, ImageWrite, Services, SessionState, ThumbnailFetcher, UiSettings } from './services';
import { CLIENT_SETTING_KEYS, isRegionExplicit, readSettings, SETTINGS_SECTION, type SettingProblem } from './settings';

export interface ServiceHostOptions {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** SecretStorage to use; the context's by default (tests pass one whose failures they control). */
  readonly secrets?: vscode.SecretStorage;
  /** The environment / CLI credential chain; the core's with `process.env` and the real file system by default. */
  readonly chain?: (cliProfile?: string) => Promise<ResolvedCredentials | undefined>;
  /** Where STS and the instance metadata service are reached; tests point them at the emulator. */
  readonly credentialEndpoints?: Pick<ProviderDeps, 'stsEndpoint' | 'metadataOrigin'>;
}

/** Reported once per distinct fallback or settings problem; kept for the integration tests. */
export interface HostWarning {
  readonly kind: 'secretStorage' | 'settings';
  readonly message: string;
}

interface Built<T> {
  readonly generation: number;
  readonly value: Promise<T>;
}

interface Core {
  readonly api: VodApi;
  readonly images: ImageService;
}

const NOT_YET: Session = { kind: 'signedOut', region: 'cn-shanghai', problem: undefined };

export class ServiceHost implements Services, vscode.Disposable {
  readonly context: vscode.ExtensionContext;
  /** Every line written through it is redacted against the secrets in use; the raw channel stays here. */
  readonly log: FeatureLog;
  readonly store: CredentialStore;
  readonly profiles: ProfileRegistry;
  readonly warnings: HostWarning[] = [];

  private readonly sessionEmitter = new vscode.EventEmitter<SessionState>();
  readonly onDidChangeSession = this.sessionEmitter.event;
  private readonly lookedUpEmitter = new vscode.EventEmitter<readonly string[]>();
  /** The explorer's Recent group listens here; lookUp and openDetails report through `noteLookedUp`. */
  readonly onDidLookUp = this.lookedUpEmitter.event;
  private readonly writeEmitter = new vscode.EventEmitter<ImageWrite>();
  /** The explorer and the details panels listen here; the write commands report through `noteWritten`. */
  readonly onDidWrite = this.writeEmitter.event;

  private readonly chain: (cliProfile?: string) => Promise<ResolvedCredentials | undefined>;
  private readonly credentialEndpoints: Pick<ProviderDeps, 'stsEndpoint' | 'metadataOrigin'>;
  private readonly disposables: vscode.Disposable[] = [];
  private current: Session = NOT_YET;
  private generation = 0;
  private cachedSettings: UiSettings | undefined;
  private reportedProblems = '';
  private transportBuilt: Built<Transport> | undefined;
  private coreBuilt: Built<Core> | undefined;
  private clock: Promise<Clock> | undefined;
  /** Secrets being checked during a sign-in, not yet the session's: the log must not show them either. */
  private readonly candidateSecrets = new Set<string>();
  /** Temporary credentials fetched for this generation's session (STS, instance metadata, credentials URI). */
  private readonly fetchedSecrets = new Set<string>();
  private refreshQueue: Promise<void>;

  constructor(options: ServiceHostOptions) {
    this.context = options.context;
    this.log = createRedactingChannel(options.log, () => this.secretsInUse());
    this.store = new CredentialStore(options.secrets ?? options.context.secrets, {
      onFallback: (operation, error) => this.onStoreFallback(operation, error),
    });
    this.profiles = new ProfileRegistry(options.context.globalState);
    this.chain = options.chain ?? coreCredentialChain;
    this.credentialEndpoints = options.credentialEndpoints ?? {};
    this.disposables.push(
      this.sessionEmitter,
      this.lookedUpEmitter,
      this.writeEmitter,
      this.store.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => this.onConfigurationChanged(e)),
    );
    // The first session needs a SecretStorage read: started now, never awaited by activation.
    this.refreshQueue = Promise.resolve().then(() => this.resolveNow());
  }

  /** Resolves once the first session is known (api() waits for it). */
  whenReady(): Promise<void> {
    return this.refreshQueue;
  }

  /** Re-reads profile, secret and chain; starts a new generation and fires `onDidChangeSession`. */
  refresh(): Promise<void> {
    const next = this.refreshQueue.then(
      () => this.resolveNow(),
      () => this.resolveNow(),
    );
    this.refreshQueue = next;
    return next;
  }

  currentSession(): Session {
    return this.current;
  }

  session(): SessionState {
    const s = this.current;
    return {
      signedIn: s.kind !== 'signedOut',
      label: sessionLabel(s),
      region: s.region,
      source: s.kind === 'profile' ? 'profile' : s.kind === 'chain' ? s.source : undefined,
      boundToWorkspace: s.boundToWorkspace === true,
      sessionOnly: s.kind === 'profile' ? s.profile.sessionOnly || this.store.mode === 'memory' : undefined,
    };
  }

  get storeMode(): StoreMode {
    return this.store.mode;
  }

  settings(): UiSettings {
    if (this.cachedSettings === undefined) {
      const { settings, problems } = readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION));
      this.cachedSettings = settings;
      this.reportSettingsProblems(problems);
    }
    return this.cachedSettings;
  }

  async api(): Promise<VodApi> {
    return (await this.core()).api;
  }

  async images(): Promise<ImageService> {
    return (await this.core()).images;
  }

  /** Thumbnails need no credentials: only the (proxy-aware) transport. */
  async thumbnails(): Promise<ThumbnailFetcher> {
    return this.transport();
  }

  /**
   * A client for credentials that are not the session's yet (the sign-in check). It shares the transport
   * and the log, and its secrets are redacted from the log while `use` runs.
   */
  async withCandidate<T>(credentials: Credentials, region: string, use: (api: VodApi) => Promise<T>): Promise<T> {
    const secrets = [credentials.accessKeySecret, credentials.securityToken].filter((s): s is string => !!s);
    for (const s of secrets) this.candidateSecrets.add(s);
    try {
      const api = await this.buildClient(() => Promise.resolve(credentials), region);
      return await use(api);
    } finally {
      for (const s of secrets) this.candidateSecrets.delete(s);
    }
  }

  noteLookedUp(ids: readonly string[]): void {
    if (ids.length > 0) this.lookedUpEmitter.fire([...ids]);
  }

  noteWritten(write: ImageWrite): void {
    if (write.imageIds.length > 0) this.writeEmitter.fire({ kind: write.kind, imageIds: [...write.imageIds] });
  }

  dispose(): void {
    this.retire();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async resolveNow(): Promise<void> {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const settings = this.settings();
    this.current = await resolveSession({
      profiles: this.profiles,
      store: this.store,
      chain: this.chain,
      binding: readBinding(this.context.workspaceState),
      settingRegion: settings.region,
      settingRegionExplicit: isRegionExplicit(config),
    });
    this.retire();
    await Promise.all([
      vscode.commands.executeCommand('setContext', 'vodImages.signedIn', this.current.kind !== 'signedOut'),
      vscode.commands.executeCommand('setContext', 'vodImages.hasProfiles', this.profiles.list().length > 0),
    ]);
    this.sessionEmitter.fire(this.session());
  }

  private onConfigurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!e.affectsConfiguration(SETTINGS_SECTION) && !CLIENT_SETTING_KEYS.some((k) => e.affectsConfiguration(k))) return;
    this.cachedSettings = undefined;
    this.settings();
    if (CLIENT_SETTING_KEYS.some((k) => e.affectsConfiguration(k))) void this.refresh();
  }

  /** Starts a new generation: what was built for the old one is closed once nobody waits for it. */
  private retire(): void {
    this.generation += 1;
    this.fetchedSecrets.clear();
    const core = this.coreBuilt;
    const transport = this.transportBuilt;
    this.coreBuilt = undefined;
    this.transportBuilt = undefined;
    core?.value.then((c) => c.images.dispose(), () => undefined);
    // undici's close() lets requests in flight finish before the sockets go.
    transport?.value.then((t) => t.close(), () => undefined).catch(() => undefined);
  }

  transport(): Promise<Transport> {
    if (this.transportBuilt?.generation !== this.generation) {
      this.transportBuilt = { generation: this.generation, value: this.buildTransport() };
    }
    return this.transportBuilt.value;
  }

  private async core(): Promise<Core> {
    await this.whenReady();
    if (this.coreBuilt?.generation !== this.generation) {
      this.coreBuilt = { generation: this.generation, value: this.buildCore(this.current) };
    }
    return this.coreBuilt.value;
  }

  private async buildCore(session: Session): Promise<Core> {
    if (session.kind === 'signedOut') throw this.noCredentialsError(session);
    const api = await this.buildClient(await this.sessionProvider(session), session.region);
    const { ImageService } = await import('../vod/imageService');
    const images = new ImageService({ api });
    // Said once per session, quietly (the log, no notification): image lookups keep working.
    images.onVideoStepUnavailable((error) =>
      this.log.info(`Audio/video IDs cannot be told apart from unknown IDs with this AccessKey: ${error.message}`),
    );
    images.onAudioCheckUnavailable((error) =>
      this.log.info(`Audio cannot be told from video with this AccessKey (audio shows as video): ${error.message}`),
    );
    return { api, images };
  }

  /**
   * Temporary credentials are fetched on the first request (not at activation) through the same transport,
   * and their secrets join the log's redaction list as they arrive.
   */
  private async sessionProvider(session: Exclude<Session, { kind: 'signedOut' }>): Promise<CredentialProvider> {
    if (session.kind === 'profile') return () => Promise.resolve(session.credentials);
    const [{ credentialProvider }, transport, clock] = await Promise.all([import('../vod/temporaryCredentials'), this.transport(), this.sharedClock()]);
    const provider = credentialProvider(session.supply, { transport, now: () => clock.now().getTime(), ...this.credentialEndpoints });
    const generation = this.generation;
    return async () => {
      const credentials = await provider();
      if (generation === this.generation) {
        for (const secret of [credentials.accessKeySecret, credentials.securityToken]) if (secret) this.fetchedSecrets.add(secret);
      }
      return credentials;
    };
  }

  private async buildClient(credentials: CredentialProvider, region: string): Promise<VodApi> {
    const settings = this.settings();
    // Throws a VodError (invalidInput) for a bad endpoint or region: callers show it like any API error.
    const endpoint = resolveEndpoint({ region, endpoint: settings.endpoint });
    const [{ VodClient }, transport, clock] = await Promise.all([import('../vod/client'), this.transport(), this.sharedClock()]);
    return new VodClient({
      endpoint,
      credentials,
      signatureVersion: settings.signatureVersion,
      transport,
      timeoutMs: settings.requestTimeoutSeconds * 1000,
      clock,
      log: createRequestLogSink(this.log),
    });
  }

  private async buildTransport(): Promise<Transport> {
    const http = vscode.workspace.getConfiguration('http');
    const noProxy = http.get<unknown>('noProxy');
    const { createUndiciTransport } = await import('../vod/transport');
    return createUndiciTransport({
      proxy: nonEmpty(http.get<unknown>('proxy')),
      noProxy: Array.isArray(noProxy) ? noProxy.filter((h) => typeof h === 'string').join(',') || undefined : undefined,
      strictSSL: http.get<boolean>('proxyStrictSSL') !== false,
      env: process.env,
      timeoutMs: this.settings().requestTimeoutSeconds * 1000,
    });
  }

  /** One clock for every client, so an offset learnt from the server survives profile switches. */
  private sharedClock(): Promise<Clock> {
    this.clock ??= import('../vod/clock').then(({ SkewCorrectedClock }) => new SkewCorrectedClock());
    return this.clock;
  }

  private noCredentialsError(session: Extract<Session, { kind: 'signedOut' }>): VodError {
    const problem = session.problem;
    const text =
      problem?.kind === 'missingSecret'
        ? msg('session.missingSecret', { profile: problem.profile })
        : problem?.kind === 'chainError'
          ? problem.message
          : msg('session.notSignedIn');
    return new VodError('noCredentials', text);
  }

  private secretsInUse(): string[] {
    return [...sessionSecrets(this.current), ...this.candidateSecrets, ...this.fetchedSecrets];
  }

  private onStoreFallback(operation: StoreOperation, error: unknown): void {
    const message = vscode.l10n.t(
      'Secure storage (the OS keyring) is not available, so VOD credentials are kept in memory for this session only. They are not written to disk; sign in again after a restart.',
    );
    const reason = error instanceof Error ? error.message : String(error);
    this.log.warn(`SecretStorage ${operation} failed (${reason}); using the session-only memory store.`);
    this.warnings.push({ kind: 'secretStorage', message });
    void vscode.window.showWarningMessage(message);
    this.sessionEmitter.fire(this.session());
  }

  private reportSettingsProblems(problems: readonly SettingProblem[]): void {
    const key = JSON.stringify(problems);
    if (key === this.reportedProblems) return;
    this.reportedProblems = key;
    for (const problem of problems) {
      const message = vscode.l10n.t('Setting {0} is invalid and was ignored: {1}', problem.key, localizeMessage(problem.reason));
      this.log.warn(message);
      this.warnings.push({ kind: 'settings', message });
      void vscode.window.showWarningMessage(message);
    }
  }
}

async function coreCredentialChain(cliProfile?: string): Promise<ResolvedCredentials | undefined> {
  const { resolveCredentials, nodeCredentialFs } = await import('../vod/credentials');
  return resolveCredentials({ profile: cliProfile, env: process.env, fs: nodeCredentialFs() });
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

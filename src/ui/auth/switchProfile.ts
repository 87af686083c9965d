/**
 * `vodImages.switchProfile`: the status bar's menu. With a profile name (or `{profile}`) it switches at
 * once; `{profile: null}` switches to the environment / CLI credential chain. Without an argument it
 * lists the profiles plus "use environment credentials", "change region", "for this workspace only",
 * "sign in", "sign out".
 *
 * This workspace only: `{workspace: true, profile}` or `{workspace: true, cliProfile, region?}` binds a
 * stored or CLI profile to the workspace (workspaceBinding.ts); `{workspace: null}` removes the binding.
 * While a binding exists, choosing a profile (or the environment credentials) from the menu changes the
 * binding, not the other windows.
 */
import * as vscode from 'vscode';
import type { ServiceHost } from '../serviceHost';
import { nodeCredentialFs, listCliProfiles } from '../../vod/credentials';
import { readBinding, writeBinding, type WorkspaceBinding } from '../workspaceBinding';
import { profileNameArg } from './profileArg';
import { pickRegion } from './regionPick';

export type SwitchOutcome = { readonly ok: true; readonly profile: string | undefined } | { readonly ok: false; readonly message: string };

type Action =
  | { readonly kind: 'profile'; readonly name: string }
  | { readonly kind: 'chain' }
  | { readonly kind: 'region' }
  | { readonly kind: 'bind' }
  | { readonly kind: 'unbind' }
  | { readonly kind: 'command'; readonly command: 'vodImages.signIn' | 'vodImages.signOut' };

interface ActionItem extends vscode.QuickPickItem {
  readonly action?: Action;
}

export async function switchProfile(host: ServiceHost, arg: unknown): Promise<SwitchOutcome> {
  const workspaceArg = bindingArg(arg);
  if (workspaceArg !== undefined) return bind(host, workspaceArg === null ? undefined : workspaceArg);
  if (isChainArg(arg)) return activate(host, undefined);
  const named = profileNameArg(arg);
  if (named !== undefined) return activate(host, named);

  const action = await chooseAction(host);
  if (action === undefined) return { ok: false, message: vscode.l10n.t('Cancelled.') };
  switch (action.kind) {
    case 'profile':
      return activate(host, action.name);
    case 'chain':
      return activate(host, undefined);
    case 'region':
      return changeRegion(host);
    case 'bind':
      return pickBinding(host);
    case 'unbind':
      return bind(host, undefined);
    case 'command':
      await vscode.commands.executeCommand(action.command);
      return { ok: true, profile: host.profiles.active()?.name };
  }
}

async function activate(host: ServiceHost, name: string | undefined): Promise<SwitchOutcome> {
  if (name !== undefined && host.profiles.get(name) === undefined) {
    const message = vscode.l10n.t('There is no stored profile "{0}".', name);
    void vscode.window.showWarningMessage(message);
    return { ok: false, message };
  }
  const bound = readBinding(host.context.workspaceState) !== undefined;
  // A bound window keeps its choice to itself, the environment chain included.
  if (bound) await writeBinding(host.context.workspaceState, name === undefined ? { chain: true } : { profile: name });
  else await host.profiles.setActive(name);
  await host.refresh();
  const session = host.session();
  if (!session.signedIn) {
    void vscode.window.showWarningMessage(
      name === undefined
        ? vscode.l10n.t('No environment or Alibaba Cloud CLI credentials were found. Sign in to use VOD.')
        : vscode.l10n.t('The credentials of profile "{0}" are missing. Run "VOD Images: Sign In" again.', name),
    );
  }
  return { ok: true, profile: name };
}

async function bind(host: ServiceHost, binding: WorkspaceBinding | undefined): Promise<SwitchOutcome> {
  if (binding?.profile !== undefined && host.profiles.get(binding.profile) === undefined) {
    const message = vscode.l10n.t('There is no stored profile "{0}".', binding.profile);
    void vscode.window.showWarningMessage(message);
    return { ok: false, message };
  }
  await writeBinding(host.context.workspaceState, binding);
  await host.refresh();
  return { ok: true, profile: binding?.profile ?? binding?.cliProfile };
}

interface BindItem extends vscode.QuickPickItem {
  readonly binding?: WorkspaceBinding;
}

/** Stored profiles and the CLI's profiles (any supported mode), for this workspace only. */
async function pickBinding(host: ServiceHost): Promise<SwitchOutcome> {
  const items: BindItem[] = host.profiles.list().map((p) => ({ label: `$(account) ${p.name}`, description: p.region, binding: { profile: p.name } }));
  let cli: Awaited<ReturnType<typeof listCliProfiles>> = [];
  try {
    cli = await listCliProfiles({ fs: nodeCredentialFs() });
  } catch {
    // An unreadable CLI config only hides its profiles here.
  }
  for (const p of cli.filter((c) => c.supported)) {
    items.push({ label: `$(terminal) aliyun:${p.name}`, description: `${p.mode}${p.regionId ? ` · ${p.regionId}` : ''}`, binding: { cliProfile: p.name } });
  }
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Profile for this workspace only'), placeHolder: vscode.l10n.t('Other windows keep their profile') });
  if (picked?.binding === undefined) return { ok: false, message: vscode.l10n.t('Cancelled.') };
  return bind(host, picked.binding);
}

async function changeRegion(host: ServiceHost): Promise<SwitchOutcome> {
  const binding = readBinding(host.context.workspaceState);
  if (binding !== undefined) {
    // A bound window changes its own region: the stored profile (and every other window) keeps its own.
    const session = host.session();
    const region = await pickRegion(session.region, vscode.l10n.t('Region for this workspace only'));
    if (region === undefined) return { ok: false, message: vscode.l10n.t('Cancelled.') };
    await writeBinding(host.context.workspaceState, { ...binding, region });
    await host.refresh();
    return { ok: true, profile: binding.profile };
  }
  const active = host.profiles.active();
  if (active === undefined) return { ok: false, message: vscode.l10n.t('No profile is active.') };
  const region = await pickRegion(active.region, vscode.l10n.t('Region for profile "{0}"', active.name));
  if (region === undefined) return { ok: false, message: vscode.l10n.t('Cancelled.') };
  await host.profiles.upsertAndActivate({ ...active, region });
  await host.refresh();
  return { ok: true, profile: active.name };
}

async function chooseAction(host: ServiceHost): Promise<Action | undefined> {
  // The check marks and the region item follow what this window uses: its binding, if it has one.
  const binding = readBinding(host.context.workspaceState);
  const active = binding === undefined ? host.profiles.active()?.name : binding.profile;
  const session = host.session();
  const items: ActionItem[] = host.profiles.list().map((p) => ({
    label: `${p.name === active ? '$(check)' : '$(account)'} ${p.name}`,
    description: `${p.region} · ${p.maskedKeyId}${p.hasSecurityToken ? ' · STS' : ''}`,
    action: { kind: 'profile', name: p.name },
  }));
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({
    label: `${active === undefined && session.signedIn ? '$(check)' : '$(terminal)'} ` + vscode.l10n.t('Environment / Alibaba Cloud CLI credentials'),
    description: vscode.l10n.t('no stored profile'),
    action: { kind: 'chain' },
  });
  if (binding !== undefined) {
    items.push({ label: '$(globe) ' + vscode.l10n.t('Change region for this workspace…'), description: session.region, action: { kind: 'region' } });
  } else if (active !== undefined) {
    items.push({ label: '$(globe) ' + vscode.l10n.t('Change region of "{0}"…', active), description: session.region, action: { kind: 'region' } });
  }
  items.push({ label: '$(root-folder) ' + vscode.l10n.t('Use a profile for this workspace only…'), action: { kind: 'bind' } });
  if (session.boundToWorkspace) items.push({ label: '$(close) ' + vscode.l10n.t('Stop using a profile for this workspace'), action: { kind: 'unbind' } });
  items.push({ label: '$(sign-in) ' + vscode.l10n.t('Sign in with another profile…'), action: { kind: 'command', command: 'vodImages.signIn' } });
  if (host.profiles.list().length > 0) {
    items.push({ label: '$(sign-out) ' + vscode.l10n.t('Sign out…'), action: { kind: 'command', command: 'vodImages.signOut' } });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('VOD Images: {0} in {1}', session.label ?? vscode.l10n.t('not signed in'), session.region),
    placeHolder: vscode.l10n.t('Switch profile'),
  });
  return picked?.action;
}

/** `{workspace: true, profile | cliProfile, region?}` → the binding; `{workspace: null}` → null; else undefined. */
function bindingArg(arg: unknown): WorkspaceBinding | null | undefined {
  if (typeof arg !== 'object' || arg === null || !('workspace' in arg)) return undefined;
  const { workspace, profile, cliProfile, region } = arg as Record<string, unknown>;
  if (workspace === null) return null;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const regionText = text(region);
  if (workspace !== true) return undefined;
  if (text(profile) !== undefined) return { profile: text(profile)!, region: regionText };
  if (text(cliProfile) !== undefined) return { cliProfile: text(cliProfile)!, region: regionText };
  return undefined;
}

function isChainArg(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && 'profile' in arg && (arg as { profile: unknown }).profile === null;
}

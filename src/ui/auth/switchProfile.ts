/**
 * `vodImages.switchProfile`: the status bar's menu. With a profile name (or `{profile}`) it switches at
 * once; `{profile: null}` switches to the environment / CLI credential chain. Without an argument it
 * lists the profiles plus "use environment credentials", "change region", "sign in", "sign out".
 */
import * as vscode from 'vscode';
import type { ServiceHost } from '../serviceHost';
import { profileNameArg } from './profileArg';
import { pickRegion } from './regionPick';

export type SwitchOutcome = { readonly ok: true; readonly profile: string | undefined } | { readonly ok: false; readonly message: string };

type Action =
  | { readonly kind: 'profile'; readonly name: string }
  | { readonly kind: 'chain' }
  | { readonly kind: 'region' }
  | { readonly kind: 'command'; readonly command: 'vodImages.signIn' | 'vodImages.signOut' };

interface ActionItem extends vscode.QuickPickItem {
  readonly action?: Action;
}

export async function switchProfile(host: ServiceHost, arg: unknown): Promise<SwitchOutcome> {
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
  await host.profiles.setActive(name);
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

async function changeRegion(host: ServiceHost): Promise<SwitchOutcome> {
  const active = host.profiles.active();
  if (active === undefined) return { ok: false, message: vscode.l10n.t('No profile is active.') };
  const region = await pickRegion(active.region, vscode.l10n.t('Region for profile "{0}"', active.name));
  if (region === undefined) return { ok: false, message: vscode.l10n.t('Cancelled.') };
  await host.profiles.upsertAndActivate({ ...active, region });
  await host.refresh();
  return { ok: true, profile: active.name };
}

async function chooseAction(host: ServiceHost): Promise<Action | undefined> {
  const active = host.profiles.active()?.name;
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
  if (active !== undefined) {
    items.push({ label: '$(globe) ' + vscode.l10n.t('Change region of "{0}"…', active), description: session.region, action: { kind: 'region' } });
  }
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

function isChainArg(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && 'profile' in arg && (arg as { profile: unknown }).profile === null;
}

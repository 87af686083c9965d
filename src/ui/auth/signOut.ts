/**
 * `vodImages.signOut [profile]`: deletes a stored profile's credentials and its record. Without an
 * argument it signs out of the only profile, or asks which one. Afterwards the environment / CLI
 * credential chain applies again, if it finds anything.
 *
 * It deletes stored secrets, which cannot be undone, so it asks first (a modal). Automation that has
 * already decided passes `{ profile, confirmed: true }`; a bare name still asks.
 */
import * as vscode from 'vscode';
import type { ServiceHost } from '../serviceHost';
import { profileNameArg } from './profileArg';

export type SignOutOutcome = { readonly ok: true; readonly profile: string } | { readonly ok: false; readonly message: string };

export async function signOut(host: ServiceHost, arg: unknown): Promise<SignOutOutcome> {
  const profile = profileNameArg(arg) ?? (await chooseProfile(host));
  if (profile === undefined) return { ok: false, message: vscode.l10n.t('Sign-out cancelled.') };
  if (host.profiles.get(profile) === undefined) {
    const message = vscode.l10n.t('There is no stored profile "{0}".', profile);
    void vscode.window.showWarningMessage(message);
    return { ok: false, message };
  }
  if (!confirmedArg(arg) && !(await confirm(profile))) return { ok: false, message: vscode.l10n.t('Sign-out cancelled.') };
  await host.store.delete(profile);
  await host.profiles.remove(profile);
  await host.refresh();
  host.log.info(`Signed out of profile ${profile}; its credentials were deleted.`);
  const after = host.session();
  void vscode.window.showInformationMessage(
    after.signedIn
      ? vscode.l10n.t('Signed out of "{0}" and deleted its credentials. Now using {1}.', profile, after.label ?? '')
      : vscode.l10n.t('Signed out of "{0}" and deleted its credentials.', profile),
  );
  return { ok: true, profile };
}

function confirmedArg(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && (arg as { confirmed?: unknown }).confirmed === true;
}

async function confirm(profile: string): Promise<boolean> {
  const signOutLabel = vscode.l10n.t('Sign Out');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Sign out of "{0}"?', profile),
    { modal: true, detail: vscode.l10n.t('Its AccessKey is deleted from this computer\'s secure storage. You need the key again to sign back in.') },
    signOutLabel,
  );
  return answer === signOutLabel;
}

async function chooseProfile(host: ServiceHost): Promise<string | undefined> {
  const profiles = host.profiles.list();
  if (profiles.length === 0) {
    const chain = host.session().signedIn;
    void vscode.window.showInformationMessage(
      chain
        ? vscode.l10n.t('No profile is stored. The credentials in use come from the environment or the Alibaba Cloud CLI; remove them there.')
        : vscode.l10n.t('No profile is stored.'),
    );
    return undefined;
  }
  if (profiles.length === 1) return profiles[0]!.name;
  const active = host.profiles.active()?.name;
  const items = profiles.map((p) => ({
    label: p.name,
    description: `${p.region} · ${p.maskedKeyId}`,
    ...(p.name === active ? { detail: vscode.l10n.t('Active') } : {}),
  }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Sign out of which profile?') });
  return picked?.label;
}

/**
 * The second half of every sign-in (typed, imported or automated): check the credentials with one
 * cheap call, then store them and make the profile active — unless the check proved them wrong.
 */
import * as vscode from 'vscode';
import { isVodError, VodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import { redactText } from '../../vod/redact';
import type { StoreMode } from '../credentialStore';
import type { ServiceHost } from '../serviceHost';
import { checkCredentials, rejectsCredentials, type CheckResult, type CredentialProblem } from './credentialCheck';
import { maskKeyId } from './maskKeyId';
import { credentialProblemMessage } from './messages';
import type { SignInRequest } from './signInInput';

export type SignInOutcome =
  | {
      readonly ok: true;
      readonly profile: string;
      readonly region: string;
      readonly storage: StoreMode;
      /** Images the check found in the region; undefined when the check failed without rejecting. */
      readonly imageCount: number | undefined;
      /** Set when the profile was saved although the check failed (no permission, unreachable…). */
      readonly warning: string | undefined;
    }
  | {
      readonly ok: false;
      readonly reason: 'invalidArguments' | 'rejected' | 'cancelled';
      readonly message: string;
      readonly problem?: CredentialProblem | undefined;
      readonly code?: string | undefined;
    };

export async function completeSignIn(host: ServiceHost, request: SignInRequest & { region: string }): Promise<SignInOutcome> {
  const check = await runCheck(host, request);
  // Error text is built never to hold a secret; the candidate's are blanked anyway before anything is shown or logged.
  const { accessKeySecret, securityToken } = request.credentials;
  const clean = (text: string): string => redactText(text, securityToken ? [accessKeySecret, securityToken] : [accessKeySecret]);
  if (!check.ok && check.error.kind === 'cancelled') {
    return { ok: false, reason: 'cancelled', message: vscode.l10n.t('Sign-in cancelled.') };
  }
  if (!check.ok && rejectsCredentials(check.problem)) {
    const message = clean(credentialProblemMessage(check.problem, check.error));
    host.log.warn(clean(`Sign-in check for profile ${request.profile} failed: ${check.error.toLine()}`));
    return { ok: false, reason: 'rejected', message, problem: check.problem, code: check.error.code };
  }

  await host.store.store(request.profile, request.credentials);
  await host.profiles.upsertAndActivate({
    name: request.profile,
    region: request.region,
    maskedKeyId: maskKeyId(request.credentials.accessKeyId),
    hasSecurityToken: request.credentials.securityToken !== undefined,
    sessionOnly: host.store.mode === 'memory',
    updatedAt: new Date().toISOString(),
  });
  await host.refresh();

  if (check.ok) {
    host.log.info(`Signed in as profile ${request.profile} (${request.region}).`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Signed in to ApsaraVideo VOD as "{0}" ({1}): {2} images in this region.', request.profile, request.region, check.imageCount),
    );
    return { ok: true, profile: request.profile, region: request.region, storage: host.store.mode, imageCount: check.imageCount, warning: undefined };
  }
  const warning = clean(
    vscode.l10n.t('Saved profile "{0}", but the check call failed: {1}', request.profile, credentialProblemMessage(check.problem, check.error)),
  );
  host.log.warn(`Sign-in check for profile ${request.profile} failed; saved anyway: ${check.error.toLine()}`);
  void vscode.window.showWarningMessage(warning);
  return { ok: true, profile: request.profile, region: request.region, storage: host.store.mode, imageCount: undefined, warning };
}

/** The check under a cancellable progress notification; a bad endpoint setting counts as a failed check. */
function runCheck(host: ServiceHost, request: SignInRequest & { region: string }): Thenable<CheckResult> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the VOD credentials…'), cancellable: true },
    async (_progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await host.withCandidate(request.credentials, request.region, (api) => checkCredentials(api, { signal: controller.signal }));
      } catch (error) {
        const vodError = isVodError(error) ? error : new VodError('invalidInput', msg('check.couldNotStart'), { cause: error });
        return { ok: false, problem: 'other', error: vodError } as const;
      } finally {
        subscription.dispose();
      }
    },
  );
}

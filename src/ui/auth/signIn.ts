/**
 * `vodImages.signIn`. With an argument `{profile, accessKeyId, accessKeySecret, securityToken?, region?}`
 * it signs in without any prompt (automation, tests); without one it asks, step by step, or offers to
 * import credentials from the environment or an Alibaba Cloud CLI profile when it finds them.
 * Either way the credentials are checked before they are stored.
 */
import * as vscode from 'vscode';
import { nodeCredentialFs } from '../../vod/credentials';
import { isVodError } from '../../vod/errors';
import { profileNameProblem } from '../profiles';
import type { ServiceHost } from '../serviceHost';
import { completeSignIn, type SignInOutcome } from './completeSignIn';
import { discoverImportSources, readImportSource, suggestedProfileName, type ImportContext, type ImportSource } from './importSources';
import { fieldProblemText, invalidFieldMessage } from './messages';
import { pickRegion } from './regionPick';
import {
  accessKeyIdProblem,
  accessKeySecretProblem,
  buildCredentials,
  isStsKeyId,
  parseSignInArgs,
  securityTokenProblem,
  type SignInRequest,
} from './signInInput';

const STEPS = 5;

export async function signIn(host: ServiceHost, arg: unknown): Promise<SignInOutcome> {
  if (arg !== undefined && arg !== null) return signInWithArguments(host, arg);
  return signInInteractively(host, undefined);
}

async function signInWithArguments(host: ServiceHost, arg: unknown): Promise<SignInOutcome> {
  const parsed = parseSignInArgs(arg);
  if (!parsed.ok) {
    const message = invalidFieldMessage(parsed.invalid);
    void vscode.window.showErrorMessage(message);
    return { ok: false, reason: 'invalidArguments', message };
  }
  const outcome = await completeSignIn(host, { ...parsed.request, region: parsed.request.region ?? host.settings().region });
  if (!outcome.ok && outcome.reason === 'rejected') void vscode.window.showErrorMessage(outcome.message);
  return outcome;
}

/** What the user typed last time, offered again after a rejected check (never the secret). */
interface Prefill {
  readonly profile: string;
  readonly accessKeyId: string;
  readonly region: string;
}

async function signInInteractively(host: ServiceHost, prefill: Prefill | undefined): Promise<SignInOutcome> {
  const cancelled: SignInOutcome = { ok: false, reason: 'cancelled', message: vscode.l10n.t('Sign-in cancelled.') };
  const importContext: ImportContext = { env: process.env, fs: nodeCredentialFs() };
  const source = prefill === undefined ? await pickSource(await discoverImportSources(importContext)) : 'manual';
  if (source === undefined) return cancelled;

  const request = source === 'manual' ? await askCredentials(host, prefill) : await importCredentials(host, source, importContext);
  if (request === undefined) return cancelled;

  const outcome = await completeSignIn(host, request);
  if (outcome.ok || outcome.reason !== 'rejected') return outcome;
  const tryAgain = vscode.l10n.t('Try Again');
  const choice = await vscode.window.showErrorMessage(outcome.message, tryAgain);
  if (choice !== tryAgain) return outcome;
  return signInInteractively(host, { profile: request.profile, accessKeyId: request.credentials.accessKeyId, region: request.region });
}

interface SourceItem extends vscode.QuickPickItem {
  readonly source: ImportSource | 'manual';
}

async function pickSource(sources: readonly ImportSource[]): Promise<ImportSource | 'manual' | undefined> {
  if (sources.length === 0) return 'manual';
  const items: SourceItem[] = [
    { label: '$(key) ' + vscode.l10n.t('Enter an AccessKey…'), source: 'manual' },
    ...sources.map((source): SourceItem =>
      source.kind === 'environment'
        ? {
            label: '$(terminal) ' + vscode.l10n.t('Import from environment variables'),
            description: `ALIBABA_CLOUD_ACCESS_KEY_ID=${source.maskedKeyId}`,
            source,
          }
        : {
            label: '$(cloud) ' + vscode.l10n.t('Import Alibaba Cloud CLI profile "{0}"', source.name),
            description: [source.mode, source.regionId, source.current ? vscode.l10n.t('current') : undefined].filter(Boolean).join(' · '),
            source,
          },
    ),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Sign in to ApsaraVideo VOD'),
    placeHolder: vscode.l10n.t('Credentials were found on this machine: import them, or enter an AccessKey'),
    ignoreFocusOut: true,
  });
  return picked?.source;
}

async function askCredentials(host: ServiceHost, prefill: Prefill | undefined): Promise<(SignInRequest & { region: string }) | undefined> {
  const title = (step: number): string => vscode.l10n.t('Sign in to ApsaraVideo VOD ({0}/{1})', step, STEPS);
  const profile = await askProfileName(host, title(1), prefill?.profile);
  if (profile === undefined) return undefined;

  const accessKeyId = await vscode.window.showInputBox({
    title: title(2),
    prompt: vscode.l10n.t('AccessKey ID (RAM console → AccessKey management)'),
    value: prefill?.accessKeyId ?? '',
    ignoreFocusOut: true,
    validateInput: (v) => problemText(accessKeyIdProblem(v)),
  });
  if (accessKeyId === undefined) return undefined;

  const accessKeySecret = await vscode.window.showInputBox({
    title: title(3),
    prompt: vscode.l10n.t("AccessKey secret (kept in VS Code's secret storage, never in settings)"),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => problemText(accessKeySecretProblem(v)),
  });
  if (accessKeySecret === undefined) return undefined;

  const securityToken = await vscode.window.showInputBox({
    title: title(4),
    prompt: vscode.l10n.t('STS security token — only for temporary credentials; leave empty for an AccessKey pair'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => {
      const problem = problemText(securityTokenProblem(v));
      if (problem !== undefined) return problem;
      if (v.trim() === '' && isStsKeyId(accessKeyId)) {
        return { message: vscode.l10n.t('AccessKey IDs starting with "STS." need their security token.'), severity: vscode.InputBoxValidationSeverity.Warning };
      }
      return undefined;
    },
  });
  if (securityToken === undefined) return undefined;

  const region = await pickRegion(prefill?.region ?? host.settings().region, title(5));
  if (region === undefined) return undefined;
  return { profile, credentials: buildCredentials(accessKeyId, accessKeySecret, securityToken), region };
}

async function importCredentials(
  host: ServiceHost,
  source: ImportSource,
  context: ImportContext,
): Promise<(SignInRequest & { region: string }) | undefined> {
  let resolved;
  try {
    resolved = await readImportSource(source, context);
  } catch (error) {
    void vscode.window.showErrorMessage(isVodError(error) ? error.message : vscode.l10n.t('The credentials could not be read.'));
    return undefined;
  }
  if (resolved === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The credentials are no longer there.'));
    return undefined;
  }
  const title = (step: number): string => vscode.l10n.t('Import credentials ({0}/{1})', step, 2);
  const profile = await askProfileName(host, title(1), suggestedProfileName(source));
  if (profile === undefined) return undefined;
  const region = await pickRegion(resolved.regionId ?? host.settings().region, title(2));
  if (region === undefined) return undefined;
  return { profile, credentials: resolved.credentials, region };
}

function askProfileName(host: ServiceHost, title: string, initial: string | undefined): Thenable<string | undefined> {
  const existing = new Set(host.profiles.list().map((p) => p.name));
  return vscode.window
    .showInputBox({
      title,
      prompt: vscode.l10n.t('Profile name (several profiles can be stored; switch between them from the status bar)'),
      value: initial ?? (existing.size === 0 ? 'default' : ''),
      ignoreFocusOut: true,
      validateInput: (v) => {
        const problem = profileNameProblem(v.trim());
        if (problem !== undefined) return fieldProblemText(problem);
        if (existing.has(v.trim())) {
          return { message: vscode.l10n.t('Replaces the stored profile "{0}".', v.trim()), severity: vscode.InputBoxValidationSeverity.Info };
        }
        return undefined;
      },
    })
    .then((v) => v?.trim());
}

function problemText(problem: Parameters<typeof fieldProblemText>[0] | undefined): string | undefined {
  return problem === undefined ? undefined : fieldProblemText(problem);
}

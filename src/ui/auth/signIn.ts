/**
 * `vodImages.signIn`. With an argument `{profile, accessKeyId, accessKeySecret, securityToken?, region?}`
 * it signs in without any prompt (automation, tests); without one it asks in one multi-step quick input
 * with Back (source, then profile, key, secret, token, region), offering to import credentials from the
 * environment or an Alibaba Cloud CLI profile when it finds them.
 * Either way the credentials are checked before they are stored.
 */
import * as vscode from 'vscode';
import { localizeError } from '../localize';
import { nodeCredentialFs, type ResolvedCredentials } from '../../vod/credentials';
import { isVodError } from '../../vod/errors';
import { profileNameProblem } from '../profiles';
import type { ServiceHost } from '../serviceHost';
import { completeSignIn, type SignInOutcome } from './completeSignIn';
import { discoverImportSources, readImportSource, suggestedProfileName, type ImportContext, type ImportSource } from './importSources';
import { fieldProblemText, invalidFieldMessage } from './messages';
import { BACK, MultiStepInput, type StepAnswer } from './multiStepInput';
import { regionItems, regionPlaceholder } from './regionPick';
import {
  accessKeyIdProblem,
  accessKeySecretProblem,
  buildCredentials,
  isStsKeyId,
  parseSignInArgs,
  securityTokenProblem,
  type SignInRequest,
} from './signInInput';

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
  const sources = prefill === undefined ? await discoverImportSources(importContext) : [];
  const input = new MultiStepInput();
  let request: (SignInRequest & { region: string }) | undefined;
  const steps = new SignInSteps(host, input, sources, importContext, prefill);
  try {
    request = await runSteps(steps);
  } finally {
    input.dispose();
  }
  if (steps.linked !== undefined) {
    // Temporary credentials (RamRoleArn, EcsRamRole, …) cannot be copied: the CLI profile is used where it
    // is, for this workspace, and refreshed from ~/.aliyun/config.json.
    await vscode.commands.executeCommand('vodImages.switchProfile', { workspace: true, cliProfile: steps.linked });
    return { ok: false, reason: 'cancelled', message: vscode.l10n.t('Using Alibaba Cloud CLI profile "{0}" in this workspace.', steps.linked) };
  }
  if (request === undefined) return cancelled;

  const outcome = await completeSignIn(host, request);
  if (outcome.ok || outcome.reason !== 'rejected') return outcome;
  const tryAgain = vscode.l10n.t('Try Again');
  const choice = await vscode.window.showErrorMessage(outcome.message, tryAgain);
  if (choice !== tryAgain) return outcome;
  return signInInteractively(host, { profile: request.profile, accessKeyId: request.credentials.accessKeyId, region: request.region });
}

/** Runs the steps in order; Back returns to the previous one with its answer kept. */
async function runSteps(steps: SignInSteps): Promise<(SignInRequest & { region: string }) | undefined> {
  let index = 0;
  for (;;) {
    const list = steps.list();
    if (index >= list.length) return steps.request();
    const answer = await list[index]!(index + 1, list.length);
    if (answer === undefined) return undefined;
    index = answer === BACK ? Math.max(0, index - 1) : index + 1;
  }
}

interface SourceItem extends vscode.QuickPickItem {
  readonly source: ImportSource | 'manual';
}

type Step = (step: number, totalSteps: number) => Promise<typeof BACK | 'next' | undefined>;

/**
 * The answers so far and the steps that ask for them: a source (only when credentials were found on
 * this machine), then profile, AccessKey ID, secret, STS token and region for a typed key, or profile
 * and region for an imported one. Which steps follow depends on the source, so the list is rebuilt
 * after every answer.
 */
class SignInSteps {
  private source: ImportSource | 'manual';
  private imported: ResolvedCredentials | undefined;
  /** A CLI profile with temporary credentials the user picked: linked, not copied. */
  linked: string | undefined;
  private profile: string | undefined;
  private accessKeyId: string;
  private accessKeySecret = '';
  private securityToken = '';
  private region: string | undefined;

  constructor(
    private readonly host: ServiceHost,
    private readonly input: MultiStepInput,
    private readonly sources: readonly ImportSource[],
    private readonly importContext: ImportContext,
    prefill: Prefill | undefined,
  ) {
    this.source = 'manual';
    this.profile = prefill?.profile;
    this.accessKeyId = prefill?.accessKeyId ?? '';
    this.region = prefill?.region;
  }

  list(): Step[] {
    const first: Step[] = this.sources.length > 0 ? [(n, total) => this.askSource(n, total)] : [];
    const profile: Step = (n, total) => this.askProfile(n, total);
    const region: Step = (n, total) => this.askRegion(n, total);
    if (this.source !== 'manual') return [...first, profile, region];
    return [
      ...first,
      profile,
      (n, total) => this.askKeyId(n, total),
      (n, total) => this.askSecret(n, total),
      (n, total) => this.askToken(n, total),
      region,
    ];
  }

  request(): (SignInRequest & { region: string }) | undefined {
    if (this.profile === undefined || this.region === undefined) return undefined;
    const credentials = this.imported?.credentials ?? buildCredentials(this.accessKeyId, this.accessKeySecret, this.securityToken);
    return { profile: this.profile, credentials, region: this.region };
  }

  private title(): string {
    return this.source === 'manual' ? vscode.l10n.t('Sign in to ApsaraVideo VOD') : vscode.l10n.t('Import credentials');
  }

  private async askSource(step: number, totalSteps: number): Promise<typeof BACK | 'next' | undefined> {
    const items = sourceItems(this.sources);
    const answer = await this.input.quickPick({
      title: vscode.l10n.t('Sign in to ApsaraVideo VOD'),
      step,
      totalSteps,
      placeholder: vscode.l10n.t('Credentials were found on this machine: import them, or enter an AccessKey'),
      items,
      active: items.find((i) => i.source === this.source),
    });
    if (answer === undefined || answer === BACK) return answer;
    if (answer.source !== this.source) this.profile = undefined;
    this.source = answer.source;
    this.imported = undefined;
    if (answer.source === 'manual') return 'next';
    this.imported = await readSource(answer.source, this.importContext);
    if (this.imported === undefined) return undefined;
    if (this.imported.temporary !== undefined && answer.source.kind === 'cliProfile') {
      this.linked = answer.source.name;
      return undefined;
    }
    this.profile ??= suggestedProfileName(answer.source);
    this.region ??= this.imported.regionId;
    return 'next';
  }

  private async askProfile(step: number, totalSteps: number): Promise<typeof BACK | 'next' | undefined> {
    const existing = new Set(this.host.profiles.list().map((p) => p.name));
    const answer = await this.input.inputBox({
      title: this.title(),
      step,
      totalSteps,
      prompt: vscode.l10n.t('Profile name (several profiles can be stored; switch between them from the status bar)'),
      value: this.profile ?? (existing.size === 0 ? 'default' : ''),
      validate: (v) => {
        const problem = profileNameProblem(v.trim());
        if (problem !== undefined) return fieldProblemText(problem);
        if (existing.has(v.trim())) {
          return { message: vscode.l10n.t('Replaces the stored profile "{0}".', v.trim()), severity: vscode.InputBoxValidationSeverity.Info };
        }
        return undefined;
      },
    });
    return this.keep(answer, (v) => (this.profile = v.trim()));
  }

  private async askKeyId(step: number, totalSteps: number): Promise<typeof BACK | 'next' | undefined> {
    const answer = await this.input.inputBox({
      title: this.title(),
      step,
      totalSteps,
      prompt: vscode.l10n.t('AccessKey ID (RAM console → AccessKey management)'),
      value: this.accessKeyId,
      validate: (v) => problemText(accessKeyIdProblem(v)),
    });
    return this.keep(answer, (v) => (this.accessKeyId = v));
  }

  private async askSecret(step: number, totalSteps: number): Promise<typeof BACK | 'next' | undefined> {
    const answer = await this.input.inputBox({
      title: this.title(),
      step,
      totalSteps,
      prompt: vscode.l10n.t("AccessKey secret (kept in VS Code's secret storage, never in settings)"),
      value: this.accessKeySecret,
      password: true,
      validate: (v) => problemText(accessKeySecretProblem(v)),
    });
    return this.keep(answer, (v) => (this.accessKeySecret = v));
  }

  private async askToken(step: number, totalSteps: number): Promise<typeof BACK | 'next' | undefined> {
    const answer = await this.input.inputBox({
      title: this.title(),
      step,
      totalSteps,
      prompt: vscode.l10n.t('STS security token — only for temporary credentials; leave empty for an AccessKey pair'),
      value: this.securityToken,
      password: true,
      validate: (v) => {
        const problem = problemText(securityTokenProblem(v));
        if (problem !== undefined) return problem;
        if (v.trim() === '' && isStsKeyId(this.accessKeyId)) {
          return { message: vscode.l10n.t('AccessKey IDs starting with "STS." need their security token.'), severity: vscode.InputBoxValidationSeverity.Warning };
        }
        return undefined;
      },
    });
    return this.keep(answer, (v) => (this.securityToken = v));
  }

  private async askRegion(step: number, totalSteps: number): Promise<typeof BACK | 'next' | undefined> {
    const current = this.region ?? this.host.settings().region;
    const items = regionItems(current);
    const answer = await this.input.quickPick({
      title: this.title(),
      step,
      totalSteps,
      placeholder: regionPlaceholder(),
      items,
      active: items.find((i) => i.regionId === current),
    });
    if (answer === undefined || answer === BACK) return answer;
    this.region = answer.regionId;
    return 'next';
  }

  private keep(answer: StepAnswer<string>, store: (value: string) => void): typeof BACK | 'next' | undefined {
    if (answer === undefined || answer === BACK) return answer;
    store(answer);
    return 'next';
  }
}

function sourceItems(sources: readonly ImportSource[]): SourceItem[] {
  return [
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
}

async function readSource(source: ImportSource, context: ImportContext): Promise<ResolvedCredentials | undefined> {
  let resolved;
  try {
    resolved = await readImportSource(source, context);
  } catch (error) {
    void vscode.window.showErrorMessage(isVodError(error) ? localizeError(error) : vscode.l10n.t('The credentials could not be read.'));
    return undefined;
  }
  if (resolved === undefined) void vscode.window.showErrorMessage(vscode.l10n.t('The credentials are no longer there.'));
  return resolved;
}

function problemText(problem: Parameters<typeof fieldProblemText>[0] | undefined): string | undefined {
  return problem === undefined ? undefined : fieldProblemText(problem);
}

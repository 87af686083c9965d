/**
 * The one typed view of the `vodImages.*` settings. Every value goes through a zod/mini schema; an
 * invalid value falls back to its default and is reported as a problem, so a typo in settings.json
 * degrades one feature instead of breaking activation.
 *
 * Kept free of runtime `vscode` imports (the configuration is passed in) so the parsing is unit-tested
 * in plain Node against package.json's declared defaults.
 */
import * as z from 'zod/mini';
import type * as vscode from 'vscode';
import type { UiSettings } from './services';
import { checkExpiryBounds, formatDuration, maxExpirySeconds } from '../vod/duration';
import { resolveEndpoint } from '../vod/endpoint';
import { compileIdPattern, DEFAULT_ID_PATTERN } from '../vod/imageIds';
import { isVodError } from '../vod/errors';
import { msg, type Message } from '../vod/messages';

export const SETTINGS_SECTION = 'vodImages';

/** Must equal the defaults declared in package.json `contributes.configuration` (a unit test compares them). */
export const DEFAULT_SETTINGS: UiSettings = Object.freeze({
  region: 'cn-shanghai',
  endpoint: undefined,
  signatureVersion: 'v3',
  outputType: 'cdn',
  urlExpirySeconds: 3600,
  hoverEnabled: true,
  idPattern: DEFAULT_ID_PATTERN,
  requestTimeoutSeconds: 30,
  decorations: 'cached',
  diagnosticsEnabled: true,
  diagnosticsReportMissing: false,
  scanInclude: ['**/*'],
  scanExclude: [],
  scanMaxFileSize: 1024 * 1024,
});

/**
 * Upper bound for `scan.maxFileSize`: the scan reads 16 files at once, so this bounds the memory a
 * scan can take (16 × 16 MiB) whatever a settings file says.
 */
export const MAX_SCAN_FILE_SIZE = 16 * 1024 * 1024;

/** Upper bound for a single request; beyond it a hang looks like a freeze to the user. */
export const MAX_REQUEST_TIMEOUT_SECONDS = 300;

export interface SettingProblem {
  /** The full setting key, e.g. `vodImages.urlExpiry`. */
  readonly key: string;
  /** Why the value was rejected (a catalog sentence; safe to show: settings never hold secrets). */
  readonly reason: Message;
}

export interface SettingsReadResult {
  readonly settings: UiSettings;
  readonly problems: readonly SettingProblem[];
}

/** Reads one raw value by its key relative to the section (`hover.enabled`). */
export type SettingReader = (key: string) => unknown;

function buildSchemas() {
  return {
    region: z.string().check(z.regex(/^[a-z0-9-]+$/)),
    string: z.string(),
    boolean: z.boolean(),
    signature: z.enum(['v3', 'v1']),
    outputType: z.enum(['cdn', 'oss']),
    positiveInt: z.int().check(z.positive()),
    timeout: z.number().check(z.positive(), z.lte(MAX_REQUEST_TIMEOUT_SECONDS)),
    decorations: z.enum(['off', 'cached', 'visible']),
    globs: z.array(z.string().check(z.minLength(1))),
  };
}
/** Built on first read, not at module load: constructing zod schemas is a measurable part of activation. */
let schemas: ReturnType<typeof buildSchemas> | undefined;

export function parseSettings(read: SettingReader): SettingsReadResult {
  const s = (schemas ??= buildSchemas());
  const problems: SettingProblem[] = [];
  const field = <T>(key: string, schema: z.ZodMiniType<T>, fallback: T, extra?: (v: T) => Message | undefined): T => {
    const raw = read(key);
    if (raw === undefined || raw === null) return fallback;
    const parsed = schema.safeParse(raw);
    const reason = parsed.success ? extra?.(parsed.data) : describeIssue(parsed.error);
    if (reason === undefined && parsed.success) return parsed.data;
    problems.push({ key: `${SETTINGS_SECTION}.${key}`, reason: reason ?? msg('setting.invalid') });
    return fallback;
  };

  const region = field('region', s.region, DEFAULT_SETTINGS.region, regionProblem);
  const endpointText = field('endpoint', s.string, '').trim();
  const outputType = field('outputType', s.outputType, DEFAULT_SETTINGS.outputType);
  const settings: UiSettings = {
    region,
    // The endpoint is not replaced by a default when invalid: silently talking to another host than the
    // one configured would be worse than failing. `resolveEndpoint` rejects it when the client is built.
    endpoint: endpointText === '' ? undefined : endpointText,
    signatureVersion: field('signatureVersion', s.signature, DEFAULT_SETTINGS.signatureVersion),
    outputType,
    urlExpirySeconds: clampedExpiry(field('urlExpiry', s.positiveInt, DEFAULT_SETTINGS.urlExpirySeconds), outputType, problems),
    hoverEnabled: field('hover.enabled', s.boolean, DEFAULT_SETTINGS.hoverEnabled),
    idPattern: field('idPattern', s.string, DEFAULT_SETTINGS.idPattern, idPatternProblem),
    requestTimeoutSeconds: field('requestTimeout', s.timeout, DEFAULT_SETTINGS.requestTimeoutSeconds),
    decorations: field('decorations', s.decorations, DEFAULT_SETTINGS.decorations),
    diagnosticsEnabled: field('diagnostics.enabled', s.boolean, DEFAULT_SETTINGS.diagnosticsEnabled),
    diagnosticsReportMissing: field('diagnostics.reportMissing', s.boolean, DEFAULT_SETTINGS.diagnosticsReportMissing),
    scanInclude: field('scan.include', s.globs, DEFAULT_SETTINGS.scanInclude),
    scanExclude: field('scan.exclude', s.globs, DEFAULT_SETTINGS.scanExclude),
    scanMaxFileSize: cappedFileSize(field('scan.maxFileSize', s.positiveInt, DEFAULT_SETTINGS.scanMaxFileSize), problems),
  };
  if (settings.endpoint !== undefined) {
    const problem = endpointProblem(settings.endpoint);
    if (problem !== undefined) problems.push({ key: `${SETTINGS_SECTION}.endpoint`, reason: problem });
  }
  return { settings, problems };
}

/**
 * A glob list setting (`scan.include`, `scan.exclude`) as a workspace folder sets it for itself, checked as
 * parseSettings checks the window's value.
 */
export function parseGlobList(raw: unknown): { readonly ok: true; readonly globs: readonly string[] } | { readonly ok: false; readonly reason: Message } {
  const parsed = (schemas ??= buildSchemas()).globs.safeParse(raw);
  return parsed.success ? { ok: true, globs: parsed.data } : { ok: false, reason: describeIssue(parsed.error) };
}

/** Reads the settings from a `vodImages` configuration section (`workspace.getConfiguration('vodImages')`). */
export function readSettings(config: Pick<vscode.WorkspaceConfiguration, 'get'>): SettingsReadResult {
  return parseSettings((key) => config.get<unknown>(key));
}

/**
 * True when the user set `vodImages.region` somewhere. Only then does it beat the region an Alibaba
 * Cloud CLI profile carries (the default `cn-shanghai` should not send a Beijing profile to Shanghai).
 */
export function isRegionExplicit(config: Pick<vscode.WorkspaceConfiguration, 'inspect'>): boolean {
  const info = config.inspect<unknown>('region');
  if (info === undefined) return false;
  return [info.globalValue, info.workspaceValue, info.workspaceFolderValue].some((v) => v !== undefined);
}

/** Settings whose change must rebuild the API client (the proxy is read by the transport). */
export const CLIENT_SETTING_KEYS: readonly string[] = [
  'vodImages.region',
  'vodImages.endpoint',
  'vodImages.signatureVersion',
  'vodImages.requestTimeout',
  'http.proxy',
  'http.proxyStrictSSL',
];

/**
 * The validity is the pre-selected default of every signed URL the user copies, so a value beyond
 * what the output type allows is brought down to that limit (and reported) rather than replaced by
 * the one-hour default: a user who asked for "long" gets the longest allowed.
 */
function clampedExpiry(seconds: number, outputType: UiSettings['outputType'], problems: SettingProblem[]): number {
  const max = maxExpirySeconds(outputType);
  if (seconds <= max) return seconds;
  const reason = checkExpiryBounds(seconds, outputType)?.text ?? msg('setting.invalid');
  problems.push({ key: `${SETTINGS_SECTION}.urlExpiry`, reason: msg('setting.usingMax', { reason, duration: formatDuration(max) }) });
  return max;
}

function cappedFileSize(bytes: number, problems: SettingProblem[]): number {
  if (bytes <= MAX_SCAN_FILE_SIZE) return bytes;
  problems.push({ key: `${SETTINGS_SECTION}.scan.maxFileSize`, reason: msg('setting.maxFileSize', { max: MAX_SCAN_FILE_SIZE }) });
  return MAX_SCAN_FILE_SIZE;
}

function regionProblem(region: string): Message | undefined {
  return errorMessage(() => resolveEndpoint({ region }));
}

function endpointProblem(endpoint: string): Message | undefined {
  return errorMessage(() => resolveEndpoint({ endpoint }));
}

function idPatternProblem(pattern: string): Message | undefined {
  const compiled = compileIdPattern(pattern);
  return isVodError(compiled) ? compiled.text : undefined;
}

function errorMessage(run: () => unknown): Message | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isVodError(error) ? error.text : msg('setting.invalid');
  }
}

/** zod's own issue texts are English: say what was expected in our words instead. */
function describeIssue(error: { issues: readonly z.core.$ZodIssue[] }): Message {
  const issue = error.issues[0];
  if (issue?.code === 'invalid_type') return msg('setting.expected', { type: issue.expected });
  if (issue?.code === 'invalid_value') return msg('setting.oneOf', { values: issue.values.map((v) => JSON.stringify(v)).join(', ') });
  if (issue?.code === 'too_small' || issue?.code === 'too_big') return msg('setting.outOfRange');
  return msg('setting.invalid');
}

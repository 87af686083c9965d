/**
 * `vodimg` command line → one typed value. Everything a person can get wrong is caught here, before
 * any credentials are read or any request is sent, and reported as a `UsageError` (exit code 2).
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import type { OutputType, SignatureVersion } from '../vod/api';
import { checkExpiryBounds, parseDuration } from '../vod/duration';
import { isPlausibleImageId } from '../vod/imageIds';

export const USAGE = `Usage:
  vodimg info <ImageId...> [--json] [--output-type cdn|oss] [--auth-timeout SECONDS]
  vodimg url  <ImageId>    [--expires SECONDS] [--output-type cdn|oss]
  vodimg search [--match EXPR] [--page N] [--page-size N] [--json]
  vodimg play-url <VideoId> [--expires SECONDS] [--definition LD|SD|HD|FHD|…] [--output-type cdn|oss]

Commands:
  info     Show image, video and audio details, with a Type line (missing IDs are listed on
           stderr; exit code 1). --json prints the API objects, each with a MediaType.
  url      Print the image's signed URL, valid for --expires (e.g. 3600, 90m, 2h, 1d).
  search   List images (SearchMedia); --match takes a VOD Match expression,
           e.g. "Title = 'cat' and Status in ('Normal')".
  play-url Print a video's or audio's play URL (GetPlayInfo): the best stream, or --definition's.

Global options:
  --region ID         VOD region (default: the CLI profile's region, else cn-shanghai)
  --endpoint URL      Explicit endpoint; https, or http only to this machine
  --profile NAME      Profile from ~/.aliyun/config.json
  --signature v3|v1   Signature scheme (default v3)
  --timeout SECONDS   Time limit per request (default 30)
  --verbose           Log each request to stderr (no secrets)
  -h, --help          Show this help
  --version           Show the version

Credentials: ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET
(+ ALIBABA_CLOUD_SECURITY_TOKEN), or an AK/StsToken profile of the Alibaba Cloud CLI.

Exit codes: 0 ok · 1 API, network or response error · 2 usage or invalid input · 3 no credentials`;

export type CommandName = 'info' | 'url' | 'search' | 'play-url';

export interface GlobalOptions {
  readonly region: string | undefined;
  readonly endpoint: string | undefined;
  readonly profile: string | undefined;
  readonly signature: SignatureVersion;
  readonly timeoutMs: number | undefined;
  readonly verbose: boolean;
}

export interface InfoCommand {
  readonly kind: 'info';
  readonly global: GlobalOptions;
  readonly ids: readonly string[];
  readonly json: boolean;
  readonly outputType: OutputType | undefined;
  readonly authTimeout: number | undefined;
}

export interface UrlCommand {
  readonly kind: 'url';
  readonly global: GlobalOptions;
  readonly id: string;
  readonly outputType: OutputType | undefined;
  readonly expires: number | undefined;
}

export interface SearchCommand {
  readonly kind: 'search';
  readonly global: GlobalOptions;
  readonly match: string | undefined;
  readonly page: number;
  readonly pageSize: number;
  readonly json: boolean;
}

export interface PlayUrlCommand {
  readonly kind: 'play-url';
  readonly global: GlobalOptions;
  readonly id: string;
  readonly outputType: OutputType | undefined;
  readonly expires: number | undefined;
  readonly definition: string | undefined;
}

export type Command = InfoCommand | UrlCommand | SearchCommand | PlayUrlCommand;
export type ParsedArgs = { readonly kind: 'help' } | { readonly kind: 'version' } | Command;

/** A mistake on the command line; the message says what to change. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const OPTIONS = {
  region: { type: 'string' },
  endpoint: { type: 'string' },
  profile: { type: 'string' },
  signature: { type: 'string' },
  timeout: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  json: { type: 'boolean' },
  'output-type': { type: 'string' },
  'auth-timeout': { type: 'string' },
  expires: { type: 'string' },
  match: { type: 'string' },
  page: { type: 'string' },
  'page-size': { type: 'string' },
  definition: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseNodeArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Which command-specific options each command accepts. */
const COMMAND_OPTIONS: Readonly<Record<CommandName, readonly (keyof typeof OPTIONS)[]>> = {
  info: ['json', 'output-type', 'auth-timeout'],
  url: ['output-type', 'expires'],
  search: ['json', 'match', 'page', 'page-size'],
  'play-url': ['output-type', 'expires', 'definition'],
};
const ALL_COMMAND_OPTIONS = new Set(Object.values(COMMAND_OPTIONS).flat());

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseNodeArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util's messages name the offending option and are safe to show.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const [name, ...operands] = positionals;
  if (name === undefined) throw new UsageError('No command given: use info, url, search or play-url.');
  if (name !== 'info' && name !== 'url' && name !== 'search' && name !== 'play-url') {
    throw new UsageError(`Unknown command "${printable(name)}": use info, url, search or play-url.`);
  }
  for (const option of ALL_COMMAND_OPTIONS) {
    if (values[option] !== undefined && !COMMAND_OPTIONS[name].includes(option)) {
      throw new UsageError(`--${option} is not an option of "${name}".`);
    }
  }
  const global = globalOptions(values);
  switch (name) {
    case 'info':
      return infoCommand(global, values, operands);
    case 'url':
      return urlCommand(global, values, operands);
    case 'search':
      return searchCommand(global, values, operands);
    case 'play-url':
      return playUrlCommand(global, values, operands);
  }
}

function playUrlCommand(global: GlobalOptions, values: Values, operands: readonly string[]): PlayUrlCommand {
  if (operands.length !== 1) throw new UsageError('play-url takes exactly one video or audio ID.');
  const id = operands[0]!;
  checkId(id);
  const definition = values.definition;
  if (definition !== undefined && !/^[A-Za-z0-9]{1,8}$/.test(definition)) {
    throw new UsageError(`--definition must be a stream definition such as LD, SD, HD or FHD, not "${printable(definition)}".`);
  }
  const outputType = outputTypeOf(values);
  return {
    kind: 'play-url',
    global,
    id,
    outputType,
    expires: values.expires === undefined ? undefined : expiry('--expires', values.expires, outputType),
    definition,
  };
}

function globalOptions(values: Values): GlobalOptions {
  const signature = values.signature ?? 'v3';
  if (signature !== 'v3' && signature !== 'v1') throw new UsageError(`--signature must be v3 or v1, not "${printable(signature)}".`);
  return {
    region: values.region,
    endpoint: values.endpoint,
    profile: values.profile,
    signature,
    timeoutMs: values.timeout === undefined ? undefined : positiveSeconds('--timeout', values.timeout) * 1000,
    verbose: values.verbose ?? false,
  };
}

function infoCommand(global: GlobalOptions, values: Values, operands: readonly string[]): InfoCommand {
  if (operands.length === 0) throw new UsageError('info needs at least one image, video or audio ID.');
  operands.forEach(checkId);
  const outputType = outputTypeOf(values);
  return {
    kind: 'info',
    global,
    ids: operands,
    json: values.json ?? false,
    outputType,
    authTimeout: values['auth-timeout'] === undefined ? undefined : expiry('--auth-timeout', values['auth-timeout'], outputType),
  };
}

function urlCommand(global: GlobalOptions, values: Values, operands: readonly string[]): UrlCommand {
  if (operands.length !== 1) throw new UsageError('url takes exactly one image ID.');
  const id = operands[0]!;
  checkId(id);
  const outputType = outputTypeOf(values);
  return {
    kind: 'url',
    global,
    id,
    outputType,
    expires: values.expires === undefined ? undefined : expiry('--expires', values.expires, outputType),
  };
}

function searchCommand(global: GlobalOptions, values: Values, operands: readonly string[]): SearchCommand {
  if (operands.length > 0) throw new UsageError(`search takes no arguments (got "${printable(operands[0]!)}"); use --match.`);
  const page = values.page === undefined ? 1 : positiveInt('--page', values.page);
  const pageSize = values['page-size'] === undefined ? 10 : positiveInt('--page-size', values['page-size']);
  if (pageSize > 100) throw new UsageError('--page-size must be at most 100.');
  return { kind: 'search', global, match: values.match, page, pageSize, json: values.json ?? false };
}

function checkId(id: string): void {
  if (!isPlausibleImageId(id)) {
    throw new UsageError(`"${printable(id)}" is not an image ID (expected 1 to 64 letters and digits).`);
  }
}

function outputTypeOf(values: Values): OutputType | undefined {
  const value = values['output-type'];
  if (value === undefined || value === 'cdn' || value === 'oss') return value;
  throw new UsageError(`--output-type must be cdn or oss, not "${printable(value)}".`);
}

/** Seconds or a duration such as `90m`, within the bounds VOD accepts for the output type. */
function expiry(flag: string, text: string, outputType: OutputType | undefined): number {
  const seconds = parseDuration(text);
  if (typeof seconds !== 'number') throw new UsageError(`${flag}: ${seconds.message}`);
  const outOfBounds = checkExpiryBounds(seconds, outputType ?? 'cdn');
  if (outOfBounds) throw new UsageError(`${flag}: ${outOfBounds.message}`);
  return seconds;
}

function positiveSeconds(flag: string, text: string): number {
  const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!(value > 0) || value > 3600) throw new UsageError(`${flag} must be a number of seconds between 0 and 3600, not "${printable(text)}".`);
  return value;
}

function positiveInt(flag: string, text: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`${flag} must be a whole number ≥ 1, not "${printable(text)}".`);
  return value;
}

/** Echo user input safely and briefly: it may be a pasted secret or contain terminal escapes. */
function printable(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

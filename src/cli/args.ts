/**
 * `vodimg` command line → one typed value. Everything a person can get wrong is caught here, before
 * any credentials are read or any request is sent, and reported as a `UsageError` (exit code 2).
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import type { OutputType, SignatureVersion } from '../vod/api';
import { checkExpiryBounds, parseDuration } from '../vod/duration';
import { isPlausibleImageId } from '../vod/imageIds';
import { metadataProblem, type ImageMetadata } from '../vod/upload/imageMetadataLimits';

export const USAGE = `Usage:
  vodimg info <ImageId...> [--json] [--output-type cdn|oss] [--auth-timeout SECONDS]
  vodimg url  <ImageId>    [--expires SECONDS] [--output-type cdn|oss]
  vodimg search [--match EXPR] [--page N] [--page-size N] [--json]
  vodimg play-url <VideoId> [--expires SECONDS] [--definition LD|SD|HD|FHD|…] [--output-type cdn|oss]
  vodimg upload <file...>  [--title T] [--tags a,b] [--category ID] [--wait] [--json]
  vodimg update <ImageId>  [--title T] [--description D] [--tags a,b] [--category ID]
  vodimg delete <ImageId...> --yes
  vodimg download <ImageId> [--out PATH] [--original]

Commands:
  info     Show image, video and audio details, with a Type line (missing IDs are listed on
           stderr; exit code 1). --json prints the API objects, each with a MediaType.
  url      Print the image's signed URL, valid for --expires (e.g. 3600, 90m, 2h, 1d).
  search   List images (SearchMedia); --match takes a VOD Match expression,
           e.g. "Title = 'cat' and Status in ('Normal')".
  play-url Print a video's or audio's play URL (GetPlayInfo): the best stream, or --definition's.
  upload   Upload png/jpg/jpeg/gif files (streamed) and print each new ImageId on its own line.
           --title defaults to the file name; --wait waits until each image is Normal (UploadFail:
           exit 1); --json prints [{file, imageId, status}].
  update   Change an image's title, description, tags (replaces them all) or category.
  delete   Delete images for good (cannot be undone): refuses without --yes.
  download Save the display image, or with --original the uploaded original, to --out (default
           ./<ImageId>.<ext>). An existing file is never overwritten.

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

export type CommandName = 'info' | 'url' | 'search' | 'play-url' | 'upload' | 'update' | 'delete' | 'download';
const COMMAND_NAMES: readonly CommandName[] = ['info', 'url', 'search', 'play-url', 'upload', 'update', 'delete', 'download'];

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

export interface UploadCommand {
  readonly kind: 'upload';
  readonly global: GlobalOptions;
  readonly files: readonly string[];
  /** Undefined: each file's own name. */
  readonly title: string | undefined;
  readonly tags: readonly string[] | undefined;
  readonly cateId: number | undefined;
  readonly wait: boolean;
  readonly json: boolean;
}

export interface UpdateCommand {
  readonly kind: 'update';
  readonly global: GlobalOptions;
  readonly id: string;
  readonly fields: ImageMetadata;
}

export interface DeleteCommand {
  readonly kind: 'delete';
  readonly global: GlobalOptions;
  readonly ids: readonly string[];
}

export interface DownloadCommand {
  readonly kind: 'download';
  readonly global: GlobalOptions;
  readonly id: string;
  readonly out: string | undefined;
  readonly original: boolean;
}

export type Command = InfoCommand | UrlCommand | SearchCommand | PlayUrlCommand | UploadCommand | UpdateCommand | DeleteCommand | DownloadCommand;
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
  title: { type: 'string' },
  description: { type: 'string' },
  tags: { type: 'string' },
  category: { type: 'string' },
  wait: { type: 'boolean' },
  yes: { type: 'boolean' },
  out: { type: 'string' },
  original: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseNodeArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Which command-specific options each command accepts. */
const COMMAND_OPTIONS: Readonly<Record<CommandName, readonly (keyof typeof OPTIONS)[]>> = {
  info: ['json', 'output-type', 'auth-timeout'],
  url: ['output-type', 'expires'],
  search: ['json', 'match', 'page', 'page-size'],
  'play-url': ['output-type', 'expires', 'definition'],
  upload: ['title', 'tags', 'category', 'wait', 'json'],
  update: ['title', 'description', 'tags', 'category'],
  delete: ['yes'],
  download: ['out', 'original'],
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
  const known = `use ${COMMAND_NAMES.slice(0, -1).join(', ')} or ${COMMAND_NAMES.at(-1)}`;
  if (name === undefined) throw new UsageError(`No command given: ${known}.`);
  if (!(COMMAND_NAMES as readonly string[]).includes(name)) throw new UsageError(`Unknown command "${printable(name)}": ${known}.`);
  const command = name as CommandName;
  for (const option of ALL_COMMAND_OPTIONS) {
    if (values[option] !== undefined && !COMMAND_OPTIONS[command].includes(option)) {
      throw new UsageError(`--${option} is not an option of "${name}".`);
    }
  }
  const global = globalOptions(values);
  switch (command) {
    case 'upload':
      return uploadCommand(global, values, operands);
    case 'update':
      return updateCommand(global, values, operands);
    case 'delete':
      return deleteCommand(global, values, operands);
    case 'download':
      return downloadCommand(global, values, operands);
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

function uploadCommand(global: GlobalOptions, values: Values, operands: readonly string[]): UploadCommand {
  if (operands.length === 0) throw new UsageError('upload needs at least one image file.');
  const fields = metadataOf(values);
  return { kind: 'upload', global, files: operands, title: fields.title, tags: fields.tags, cateId: fields.cateId, wait: values.wait ?? false, json: values.json ?? false };
}

function updateCommand(global: GlobalOptions, values: Values, operands: readonly string[]): UpdateCommand {
  if (operands.length !== 1) throw new UsageError('update takes exactly one image ID.');
  const id = operands[0]!;
  checkId(id);
  const fields = metadataOf(values);
  if (Object.values(fields).every((v) => v === undefined)) throw new UsageError('update needs at least one of --title, --description, --tags, --category.');
  return { kind: 'update', global, id, fields };
}

function deleteCommand(global: GlobalOptions, values: Values, operands: readonly string[]): DeleteCommand {
  if (operands.length === 0) throw new UsageError('delete needs at least one image ID.');
  operands.forEach(checkId);
  const count = new Set(operands).size;
  if (!values.yes) throw new UsageError(`delete removes ${count === 1 ? 'the image' : `${count} images`} for good and cannot be undone; add --yes to confirm.`);
  return { kind: 'delete', global, ids: operands };
}

function downloadCommand(global: GlobalOptions, values: Values, operands: readonly string[]): DownloadCommand {
  if (operands.length !== 1) throw new UsageError('download takes exactly one image ID.');
  const id = operands[0]!;
  checkId(id);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a file path.');
  return { kind: 'download', global, id, out: values.out, original: values.original ?? false };
}

/** --title, --description, --tags (comma-separated) and --category, checked against the documented limits. */
function metadataOf(values: Values): ImageMetadata & { tags?: readonly string[] | undefined } {
  const category = values.category;
  if (category !== undefined && !/^\d{1,15}$/.test(category.trim())) throw new UsageError(`--category must be a category ID (a whole number), not "${printable(category)}".`);
  const fields = {
    title: values.title,
    description: values.description,
    tags: values.tags === undefined ? undefined : values.tags.split(',').map((t) => t.trim()).filter((t) => t !== ''),
    cateId: category === undefined ? undefined : Number(category),
  };
  if (fields.tags?.length === 0) throw new UsageError('--tags needs at least one tag (a,b,c).');
  const problem = metadataProblem(fields);
  if (problem) throw new UsageError(problem);
  return fields;
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

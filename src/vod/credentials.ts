/**
 * The credential chain: which AccessKey signs our requests when the user has not stored one in the
 * extension. Order, first hit wins:
 *   1. explicit credentials (SecretStorage, CLI flags);
 *   2. a CLI profile the caller asked for by name (`--profile`): a person naming a profile means it,
 *      even when the environment holds other keys (the AWS CLI behaves the same way);
 *   3. the environment (`ALIBABA_CLOUD_ACCESS_KEY_ID` / `_SECRET` / `_SECURITY_TOKEN`);
 *   4. the Alibaba Cloud CLI's `~/.aliyun/config.json`, profile from `ALIBABA_CLOUD_PROFILE`, else
 *      the file's `current`, else `default` (reference §7).
 * Environment and file system are injected, so the logic is tested without touching either.
 *
 * No message built here contains a secret value: only variable names, profile names and modes.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { open } from 'node:fs/promises';
import * as z from 'zod/mini';
import { VodError } from './errors';
import { msg } from './messages';
import { lazy } from './lazy';

export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

export type CredentialSource = 'explicit' | 'environment' | 'cliProfile';

export interface ResolvedCredentials {
  credentials: Credentials;
  source: CredentialSource;
  /** Set for `cliProfile`. */
  profileName?: string;
  /** The profile's `region_id`, or `ALIBABA_CLOUD_REGION_ID` for the environment; a default only. */
  regionId?: string;
}

export interface CredentialEnv {
  readonly [name: string]: string | undefined;
}

export interface CredentialFs {
  /** Rejects with an error whose `code` is `ENOENT` when the file does not exist. */
  readFile(path: string): Promise<string>;
  homeDir(): string;
}

export interface ResolveOptions {
  explicit?: Credentials;
  /** A CLI profile asked for by name (`--profile`). */
  profile?: string;
  env: CredentialEnv;
  fs: CredentialFs;
}

export const ENV_ACCESS_KEY_ID = 'ALIBABA_CLOUD_ACCESS_KEY_ID';
export const ENV_ACCESS_KEY_SECRET = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
export const ENV_SECURITY_TOKEN = 'ALIBABA_CLOUD_SECURITY_TOKEN';
export const ENV_REGION_ID = 'ALIBABA_CLOUD_REGION_ID';
export const ENV_PROFILE = 'ALIBABA_CLOUD_PROFILE';
export const ENV_CLI_PROFILE_DISABLED = 'ALIBABA_CLOUD_CLI_PROFILE_DISABLED';

/** Profile modes we can sign with: a long-term AccessKey, or an STS token the CLI obtained. */
export const SUPPORTED_PROFILE_MODES = ['AK', 'StsToken'] as const;
export type SupportedProfileMode = (typeof SUPPORTED_PROFILE_MODES)[number];

/** Where the Alibaba Cloud CLI keeps its profiles, relative to the home directory. */
export function cliConfigPath(fs: Pick<CredentialFs, 'homeDir'>): string {
  return join(fs.homeDir(), '.aliyun', 'config.json');
}

const CONFIG_DISPLAY_PATH = '~/.aliyun/config.json';

/**
 * The CLI's config holds a handful of profiles (a few KB). Anything over 1 MiB is not one, and reading
 * it whole on every session resolution (or following a symlink to a device) must not be possible.
 */
export const MAX_CLI_CONFIG_BYTES = 1024 * 1024;

/** Resolves credentials through the chain; `undefined` when no source has any. */
export async function resolveCredentials(options: ResolveOptions): Promise<ResolvedCredentials | undefined> {
  if (options.explicit) return { credentials: checkExplicit(options.explicit), source: 'explicit' };

  const requestedProfile = nonEmpty(options.profile);
  if (requestedProfile !== undefined) {
    const config = await readCliConfig(options.fs);
    if (!config) {
      throw new VodError('invalidInput', msg('cred.profileNoConfig', { profile: requestedProfile, path: CONFIG_DISPLAY_PATH }));
    }
    return fromProfile(config, requestedProfile, true);
  }

  const fromEnv = environmentCredentials(options.env);
  if (fromEnv) return fromEnv;

  if (cliProfileDisabled(options.env)) return undefined;
  const config = await readCliConfig(options.fs);
  if (!config) return undefined;
  const envProfile = nonEmpty(options.env[ENV_PROFILE]);
  const currentProfile = nonEmpty(config.current);
  // A profile someone named (variable or `current`) must exist; the implicit `default` may not.
  const named = envProfile ?? currentProfile;
  return fromProfile(config, named ?? 'default', named !== undefined);
}

/** The real file system and home directory, for the CLI and the extension host. */
export function nodeCredentialFs(): CredentialFs {
  return {
    readFile: (path) => readCapped(path, MAX_CLI_CONFIG_BYTES),
    homeDir: () => homedir(),
  };
}

/** Reads at most `limit` bytes; a longer file rejects with code `EFBIG` instead of being read whole. */
async function readCapped(path: string, limit: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(limit + 1);
    let filled = 0;
    while (filled <= limit) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > limit) throw Object.assign(new Error(`larger than ${limit} bytes`), { code: 'EFBIG' });
    return buffer.toString('utf8', 0, filled);
  } finally {
    await handle.close();
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function checkExplicit(credentials: Credentials): Credentials {
  if (!nonEmpty(credentials.accessKeyId) || !nonEmpty(credentials.accessKeySecret)) {
    throw new VodError('invalidInput', msg('cred.needBoth'));
  }
  return credentials;
}

// ---- environment ---------------------------------------------------------------------------

/**
 * Credentials from the environment. One of ID/secret without the other is a mistake worth
 * reporting rather than silently falling through to a profile with different keys. A token alone
 * is ignored (a leftover from an earlier session is common and harmless).
 */
function environmentCredentials(env: CredentialEnv): ResolvedCredentials | undefined {
  const accessKeyId = nonEmpty(env[ENV_ACCESS_KEY_ID]);
  const accessKeySecret = nonEmpty(env[ENV_ACCESS_KEY_SECRET]);
  if (accessKeyId === undefined && accessKeySecret === undefined) return undefined;
  if (accessKeyId === undefined || accessKeySecret === undefined) {
    const [present, missing] =
      accessKeyId === undefined ? [ENV_ACCESS_KEY_SECRET, ENV_ACCESS_KEY_ID] : [ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET];
    throw new VodError('invalidInput', msg('cred.envHalf', { present, missing }));
  }
  const securityToken = nonEmpty(env[ENV_SECURITY_TOKEN]);
  const regionId = nonEmpty(env[ENV_REGION_ID]);
  return {
    credentials: securityToken === undefined ? { accessKeyId, accessKeySecret } : { accessKeyId, accessKeySecret, securityToken },
    source: 'environment',
    ...(regionId === undefined ? {} : { regionId }),
  };
}

function cliProfileDisabled(env: CredentialEnv): boolean {
  return env[ENV_CLI_PROFILE_DISABLED]?.trim().toLowerCase() === 'true';
}

// ---- ~/.aliyun/config.json -----------------------------------------------------------------

/**
 * Only the fields we read are typed; the CLI writes many more (and numbers among them), which
 * `looseObject` keeps without judging.
 */
const cliConfigSchema = lazy(() =>
  z.looseObject({
    current: z.optional(z.string()),
    profiles: z.optional(
      z.array(
        z.looseObject({
          name: z.string(),
          mode: z.optional(z.string()),
          access_key_id: z.optional(z.string()),
          access_key_secret: z.optional(z.string()),
          sts_token: z.optional(z.string()),
          region_id: z.optional(z.string()),
        }),
      ),
    ),
  }),
);
type CliConfig = z.output<ReturnType<typeof cliConfigSchema>>;
type CliProfile = NonNullable<CliConfig['profiles']>[number];

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

function configTooLarge(): VodError {
  return new VodError('invalidInput', msg('cred.configTooLarge', { path: CONFIG_DISPLAY_PATH }));
}

/** The parsed config file, or `undefined` when there is none. */
async function readCliConfig(fs: CredentialFs): Promise<CliConfig | undefined> {
  let text: string;
  try {
    text = await fs.readFile(cliConfigPath(fs));
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return undefined;
    if (hasCode(error, 'EFBIG')) throw configTooLarge();
    const denied = hasCode(error, 'EACCES') || hasCode(error, 'EPERM');
    throw new VodError('invalidInput', msg(denied ? 'cred.configDenied' : 'cred.configUnreadable', { path: CONFIG_DISPLAY_PATH }), { cause: error });
  }

  if (text.length > MAX_CLI_CONFIG_BYTES) throw configTooLarge();

  let json: unknown;
  try {
    // Editors on Windows may save with a byte-order mark, which JSON.parse rejects.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // No cause attached: V8's SyntaxError quotes the text around the error, which may be a secret.
    throw new VodError('invalidInput', msg('cred.configNotJson', { path: CONFIG_DISPLAY_PATH }));
  }

  const parsed = z.safeParse(cliConfigSchema(), json);
  if (!parsed.success) {
    // Paths and expected types only: zod issues can carry the offending input.
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => {
        const field = issue.path.map(String).join('.') || msg('cred.topLevel');
        return 'expected' in issue ? msg('cred.shouldBe', { field, type: String(issue.expected) }) : msg('cred.isInvalid', { field });
      });
    throw new VodError('invalidInput', msg('cred.configShape', { path: CONFIG_DISPLAY_PATH, where }));
  }
  return parsed.data;
}

/** A missing `mode` is what very old CLI versions wrote for AccessKey profiles. */
function modeOf(profile: CliProfile): string {
  return nonEmpty(profile.mode) ?? 'AK';
}

function isSupportedMode(mode: string): mode is SupportedProfileMode {
  return (SUPPORTED_PROFILE_MODES as readonly string[]).includes(mode);
}

function fromProfile(config: CliConfig, name: string, mustExist: boolean): ResolvedCredentials | undefined {
  const profiles = config.profiles ?? [];
  const profile = profiles.find((p) => p.name === name);
  if (!profile) {
    if (!mustExist) return undefined;
    const available = profiles.map((p) => p.name).join(', ') || msg('cred.none');
    throw new VodError('invalidInput', msg('cred.noProfile', { profile: name, path: CONFIG_DISPLAY_PATH, available }));
  }

  const mode = modeOf(profile);
  if (!isSupportedMode(mode)) {
    throw new VodError('invalidInput', msg('cred.unsupportedMode', { profile: name, mode, supported: SUPPORTED_PROFILE_MODES.join(', ') }));
  }

  const accessKeyId = nonEmpty(profile.access_key_id);
  const accessKeySecret = nonEmpty(profile.access_key_secret);
  const securityToken = nonEmpty(profile.sts_token);
  const missing = [
    accessKeyId === undefined ? 'access_key_id' : undefined,
    accessKeySecret === undefined ? 'access_key_secret' : undefined,
    mode === 'StsToken' && securityToken === undefined ? 'sts_token' : undefined,
  ].filter((field) => field !== undefined);
  if (accessKeyId === undefined || accessKeySecret === undefined || missing.length > 0) {
    throw new VodError('invalidInput', msg('cred.profileMissing', { profile: name, mode, fields: missing.join(', ') }));
  }

  const regionId = nonEmpty(profile.region_id);
  return {
    credentials: mode === 'StsToken' ? { accessKeyId, accessKeySecret, securityToken } : { accessKeyId, accessKeySecret },
    source: 'cliProfile',
    profileName: name,
    ...(regionId === undefined ? {} : { regionId }),
  };
}

// ---- listing, for an "import from Alibaba Cloud CLI" quick pick ----------------------------

export interface CliProfileSummary {
  readonly name: string;
  /** As written in the file (`AK` when absent). */
  readonly mode: string;
  /** Whether {@link resolveCredentials} can sign with this profile's mode. */
  readonly supported: boolean;
  /** Whether it is the file's `current` profile. */
  readonly current: boolean;
  readonly regionId?: string | undefined;
}

/**
 * The profiles in `~/.aliyun/config.json`, without any secret: names, modes and regions only.
 * Empty when the file does not exist; a VodError when it cannot be read or parsed.
 */
export async function listCliProfiles(options: { fs: CredentialFs }): Promise<CliProfileSummary[]> {
  const config = await readCliConfig(options.fs);
  if (!config) return [];
  const current = nonEmpty(config.current) ?? 'default';
  return (config.profiles ?? []).map((profile) => {
    const mode = modeOf(profile);
    return {
      name: profile.name,
      mode,
      supported: isSupportedMode(mode),
      current: profile.name === current,
      regionId: nonEmpty(profile.region_id),
    };
  });
}

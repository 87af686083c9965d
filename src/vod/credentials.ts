/**
 * The credential chain: which AccessKey signs our requests when the user has not stored one in the
 * extension. Order, first hit wins:
 *   1. explicit credentials (SecretStorage, CLI flags);
 *   2. a CLI profile the caller asked for by name (`--profile`): a person naming a profile means it,
 *      even when the environment holds other keys (the AWS CLI behaves the same way);
 *   3. the environment (`ALIBABA_CLOUD_ACCESS_KEY_ID` / `_SECRET` / `_SECURITY_TOKEN`);
 *   4. the Alibaba Cloud CLI's `~/.aliyun/config.json`, profile from `ALIBABA_CLOUD_PROFILE`, else
 *      the file's `current`, else `default` (reference §7);
 *   5. the instance metadata service, when `ALIBABA_CLOUD_ECS_METADATA` names the instance's role;
 *   6. `ALIBABA_CLOUD_CREDENTIALS_URI`.
 * Steps 4–6 keep the official package's order (`@alicloud/credentials`, providers/default.ts). It also tries
 * the metadata service when no variable names a role; here that needs the variable (or an `EcsRamRole`
 * profile): probing 100.100.100.200 from every laptop without credentials would stall each window.
 * Profiles in the modes RamRoleArn, ChainableRamRoleArn, EcsRamRole and CredentialsURI, and steps 5–6,
 * resolve to a *description* of temporary credentials (temporaryCredentials.ts); nothing here touches
 * the network. Environment and file system are injected, so the logic is tested without touching either.
 *
 * No message built here contains a secret value: only variable names, profile names and modes.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { open } from 'node:fs/promises';
import * as z from 'zod/mini';
import { isLoopbackHost, resolveEndpoint } from './endpoint';
import { VodError } from './errors';
import { msg, type MessageParam } from './messages';
import { lazy } from './lazy';
import { DEFAULT_STS_ENDPOINT, type TemporarySource } from './temporaryCredentials';

export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

export type CredentialSource = 'explicit' | 'environment' | 'cliProfile' | 'instanceMetadata' | 'credentialsUri';

/** Long-term (or already issued STS) credentials, or where temporary ones are fetched from. */
export type CredentialSupply =
  | { credentials: Credentials; temporary?: undefined }
  | { credentials?: undefined; temporary: TemporarySource };

export type ResolvedCredentials = CredentialSupply & {
  source: CredentialSource;
  /** Set for `cliProfile`. */
  profileName?: string;
  /** The profile's `region_id`, or `ALIBABA_CLOUD_REGION_ID` for the environment; a default only. */
  regionId?: string;
};

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
export const ENV_ECS_METADATA = 'ALIBABA_CLOUD_ECS_METADATA';
export const ENV_ECS_METADATA_DISABLED = 'ALIBABA_CLOUD_ECS_METADATA_DISABLED';
export const ENV_IMDSV1_DISABLED = 'ALIBABA_CLOUD_IMDSV1_DISABLED';
export const ENV_CREDENTIALS_URI = 'ALIBABA_CLOUD_CREDENTIALS_URI';
export const ENV_ROLE_SESSION_NAME = 'ALIBABA_CLOUD_ROLE_SESSION_NAME';
export const ENV_STS_REGION = 'ALIBABA_CLOUD_STS_REGION';
export const ENV_VPC_ENDPOINT_ENABLED = 'ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED';

/**
 * Profile modes we can sign with: a long-term AccessKey, an STS token the CLI obtained, a role assumed
 * through STS (with the profile's AccessKey, or with another profile's credentials), the instance's RAM
 * role, or a credentials URI (the CLI's mode; the official Node package has no such profile mode).
 */
export const SUPPORTED_PROFILE_MODES = ['AK', 'StsToken', 'RamRoleArn', 'ChainableRamRoleArn', 'EcsRamRole', 'CredentialsURI'] as const;
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
    return fromProfile(config, requestedProfile, true, options.env);
  }

  const fromEnv = environmentCredentials(options.env);
  if (fromEnv) return fromEnv;

  const fromCli = cliProfileDisabled(options.env) ? undefined : await currentCliProfile(options);
  return fromCli ?? instanceOrUri(options.env);
}

async function currentCliProfile(options: ResolveOptions): Promise<ResolvedCredentials | undefined> {
  const config = await readCliConfig(options.fs);
  if (!config) return undefined;
  const envProfile = nonEmpty(options.env[ENV_PROFILE]);
  const currentProfile = nonEmpty(config.current);
  // A profile someone named (variable or `current`) must exist; the implicit `default` may not.
  const named = envProfile ?? currentProfile;
  return fromProfile(config, named ?? 'default', named !== undefined, options.env);
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

function isTrue(env: CredentialEnv, name: string): boolean {
  return env[name]?.trim().toLowerCase() === 'true';
}

function cliProfileDisabled(env: CredentialEnv): boolean {
  return isTrue(env, ENV_CLI_PROFILE_DISABLED);
}

/** Steps 5 and 6 of the chain: descriptions only, fetched on first use. */
function instanceOrUri(env: CredentialEnv): ResolvedCredentials | undefined {
  const role = nonEmpty(env[ENV_ECS_METADATA]);
  if (role !== undefined && !isTrue(env, ENV_ECS_METADATA_DISABLED)) {
    return { temporary: instanceMetadataSource(role, env), source: 'instanceMetadata' };
  }
  const uri = nonEmpty(env[ENV_CREDENTIALS_URI]);
  return uri === undefined ? undefined : { temporary: { kind: 'credentialsUri', uri: checkCredentialsUri(uri, ENV_CREDENTIALS_URI) }, source: 'credentialsUri' };
}

function instanceMetadataSource(roleName: string | undefined, env: CredentialEnv): TemporarySource {
  return { kind: 'instanceMetadata', roleName, imdsV1Disabled: isTrue(env, ENV_IMDSV1_DISABLED) };
}

/**
 * The URI answers secrets, so plain http is accepted only to this machine (a local helper); the official
 * package takes any URL. The URI is never quoted in a message: its query may hold a token.
 */
function checkCredentialsUri(uri: string, where: MessageParam): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new VodError('invalidInput', msg('cred.uriInvalid', { where }));
  }
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url.href;
  throw new VodError('invalidInput', msg('cred.uriNotHttps', { where }));
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
          ram_role_arn: z.optional(z.string()),
          ram_session_name: z.optional(z.string()),
          // A number as the CLI writes it; a string from a hand edit is read too.
          expired_seconds: z.optional(z.union([z.number(), z.string()])),
          policy: z.optional(z.string()),
          external_id: z.optional(z.string()),
          sts_region: z.optional(z.string()),
          sts_endpoint: z.optional(z.string()),
          enable_vpc: z.optional(z.union([z.boolean(), z.string()])),
          ram_role_name: z.optional(z.string()),
          source_profile: z.optional(z.string()),
          credentials_uri: z.optional(z.string()),
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

function fromProfile(config: CliConfig, name: string, mustExist: boolean, env: CredentialEnv): ResolvedCredentials | undefined {
  const profile = findProfile(config, name, mustExist);
  if (!profile) return undefined;
  const regionId = nonEmpty(profile.region_id);
  return {
    ...profileSupply(config, profile, env, []),
    source: 'cliProfile',
    profileName: name,
    ...(regionId === undefined ? {} : { regionId }),
  };
}

function findProfile(config: CliConfig, name: string, mustExist: boolean): CliProfile | undefined {
  const profiles = config.profiles ?? [];
  const profile = profiles.find((p) => p.name === name);
  if (!profile && mustExist) {
    const available = profiles.map((p) => p.name).join(', ') || msg('cred.none');
    throw new VodError('invalidInput', msg('cred.noProfile', { profile: name, path: CONFIG_DISPLAY_PATH, available }));
  }
  return profile;
}

function missingFields(profile: CliProfile, mode: string, fields: ReadonlyArray<keyof CliProfile>): VodError | undefined {
  const missing = fields.filter((field) => nonEmpty(profile[field] as string | undefined) === undefined);
  return missing.length === 0 ? undefined : new VodError('invalidInput', msg('cred.profileMissing', { profile: profile.name, mode, fields: missing.join(', ') }));
}

/** `chain` holds the profiles a ChainableRamRoleArn walk went through, to refuse a loop. */
function profileSupply(config: CliConfig, profile: CliProfile, env: CredentialEnv, chain: readonly string[]): CredentialSupply {
  const mode = modeOf(profile);
  if (!isSupportedMode(mode)) {
    throw new VodError('invalidInput', msg('cred.unsupportedMode', { profile: profile.name, mode, supported: SUPPORTED_PROFILE_MODES.join(', ') }));
  }
  const required: Record<SupportedProfileMode, ReadonlyArray<keyof CliProfile>> = {
    AK: ['access_key_id', 'access_key_secret'],
    StsToken: ['access_key_id', 'access_key_secret', 'sts_token'],
    RamRoleArn: ['access_key_id', 'access_key_secret', 'ram_role_arn'],
    ChainableRamRoleArn: ['source_profile', 'ram_role_arn'],
    EcsRamRole: [],
    CredentialsURI: ['credentials_uri'],
  };
  const missing = missingFields(profile, mode, required[mode]);
  if (missing) throw missing;

  const accessKeyId = nonEmpty(profile.access_key_id) ?? '';
  const accessKeySecret = nonEmpty(profile.access_key_secret) ?? '';
  switch (mode) {
    case 'AK':
      return { credentials: { accessKeyId, accessKeySecret } };
    case 'StsToken':
      return { credentials: { accessKeyId, accessKeySecret, securityToken: nonEmpty(profile.sts_token) } };
    case 'RamRoleArn':
      // The official package signs AssumeRole with the profile's AccessKey only (no sts_token).
      return { temporary: assumeRoleSource(profile, { accessKeyId, accessKeySecret }, env) };
    case 'ChainableRamRoleArn': {
      const sourceName = nonEmpty(profile.source_profile) ?? '';
      const path = [...chain, profile.name];
      if (path.includes(sourceName)) {
        throw new VodError('invalidInput', msg('cred.chainLoop', { profile: profile.name, chain: [...path, sourceName].join(' → ') }));
      }
      const base = profileSupply(config, findProfile(config, sourceName, true)!, env, path);
      return { temporary: assumeRoleSource(profile, base.temporary ?? base.credentials, env) };
    }
    case 'EcsRamRole':
      if (isTrue(env, ENV_ECS_METADATA_DISABLED)) {
        throw new VodError('invalidInput', msg('cred.metadataOff', { profile: profile.name, variable: ENV_ECS_METADATA_DISABLED }));
      }
      return { temporary: instanceMetadataSource(nonEmpty(profile.ram_role_name) ?? nonEmpty(env[ENV_ECS_METADATA]), env) };
    case 'CredentialsURI':
      return { temporary: { kind: 'credentialsUri', uri: checkCredentialsUri(profile.credentials_uri ?? '', msg('cred.uriOfProfile', { profile: profile.name })) } };
  }
}

/**
 * AssumeRole parameters as the official package derives them from a profile (`@alicloud/credentials`
 * 2.4.7, providers/cli_profile.ts and ram_role_arn.ts): `expired_seconds` (default 3600, at least 900),
 * `ram_session_name` (else `ALIBABA_CLOUD_ROLE_SESSION_NAME`, else a generated one), `sts_endpoint`, else
 * `sts.<sts_region>.aliyuncs.com` (`sts-vpc.` with `enable_vpc`), else `sts.aliyuncs.com`. The CLI's
 * `policy` and `external_id` are passed on when set.
 */
function assumeRoleSource(profile: CliProfile, base: Credentials | TemporarySource, env: CredentialEnv): TemporarySource {
  const raw = profile.expired_seconds;
  const seconds = raw === undefined || raw === '' || Number(raw) === 0 ? 3600 : Number(raw);
  if (!Number.isInteger(seconds) || seconds < 900) {
    throw new VodError('invalidInput', msg('cred.expiredSeconds', { profile: profile.name }));
  }
  const stsRegion = nonEmpty(profile.sts_region) ?? nonEmpty(env[ENV_STS_REGION]);
  const vpc = String(profile.enable_vpc).toLowerCase() === 'true' || isTrue(env, ENV_VPC_ENDPOINT_ENABLED);
  if (stsRegion !== undefined && !/^[a-z0-9-]+$/.test(stsRegion)) {
    throw new VodError('invalidInput', msg('cred.stsRegion', { profile: profile.name, region: stsRegion }));
  }
  const stsHost = nonEmpty(profile.sts_endpoint);
  const stsEndpoint =
    stsHost !== undefined
      ? resolveEndpoint({ endpoint: stsHost }).href
      : stsRegion !== undefined
        ? `https://sts${vpc ? '-vpc' : ''}.${stsRegion}.aliyuncs.com/`
        : DEFAULT_STS_ENDPOINT;
  const policy = nonEmpty(profile.policy);
  const externalId = nonEmpty(profile.external_id);
  return {
    kind: 'assumeRole',
    base,
    roleArn: nonEmpty(profile.ram_role_arn) ?? '',
    roleSessionName: nonEmpty(profile.ram_session_name) ?? nonEmpty(env[ENV_ROLE_SESSION_NAME]) ?? `vodimg-${Date.now()}`,
    durationSeconds: seconds,
    ...(policy === undefined ? {} : { policy }),
    ...(externalId === undefined ? {} : { externalId }),
    stsEndpoint,
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

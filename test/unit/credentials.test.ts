import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cliConfigPath,
  listCliProfiles,
  MAX_CLI_CONFIG_BYTES,
  nodeCredentialFs,
  resolveCredentials,
  type CredentialEnv,
  type CredentialFs,
  type ResolveOptions,
} from '../../src/vod/credentials';
import { VodError } from '../../src/vod/errors';

const HOME = join('/home', 'tester');
const CONFIG_PATH = join(HOME, '.aliyun', 'config.json');

/** An in-memory file system: a missing path rejects like Node does, with code ENOENT. */
function fakeFs(files: Record<string, string> = {}, failure?: NodeJS.ErrnoException): CredentialFs & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    homeDir: () => HOME,
    readFile: async (path) => {
      reads.push(path);
      if (failure) throw failure;
      const content = files[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return content;
    },
  };
}

function configFs(config: unknown): ReturnType<typeof fakeFs> {
  return fakeFs({ [CONFIG_PATH]: typeof config === 'string' ? config : JSON.stringify(config) });
}

const AK_PROFILE = {
  name: 'default',
  mode: 'AK',
  access_key_id: 'LTAIdefaultid',
  access_key_secret: 'default-secret-value',
  sts_token: '',
  ram_role_name: '',
  expired_seconds: 0,
  region_id: 'cn-hangzhou',
  output_format: 'json',
  language: 'en',
};
const STS_PROFILE = {
  name: 'sts',
  mode: 'StsToken',
  access_key_id: 'STS.stsid',
  access_key_secret: 'sts-secret-value',
  sts_token: 'CAIS-sts-token-value',
  region_id: 'ap-southeast-1',
};
const ROLE_PROFILE = { name: 'role', mode: 'RamRoleArn', access_key_id: 'LTAIroleid', access_key_secret: 'role-secret-value', ram_role_arn: 'acs:ram::1:role/x' };
const CONFIG = { current: 'default', profiles: [AK_PROFILE, STS_PROFILE, ROLE_PROFILE], meta_path: '' };

const SECRETS = ['default-secret-value', 'sts-secret-value', 'CAIS-sts-token-value', 'role-secret-value', 'env-secret-value', 'env-token-value'];

async function resolveError(options: ResolveOptions): Promise<VodError> {
  let caught: unknown;
  try {
    await resolveCredentials(options);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof VodError, `expected a VodError, got ${String(caught)}`);
  for (const secret of SECRETS) assert.ok(!caught.message.includes(secret), `message leaks ${secret}: ${caught.message}`);
  return caught;
}

const ENV_KEYS: CredentialEnv = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenvid',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret-value',
};

describe('credentials', () => {
  describe('explicit credentials', () => {
    it('win over the environment and the CLI profile', async () => {
      const explicit = { accessKeyId: 'LTAIexplicit', accessKeySecret: 'explicit-secret' };
      const fs = configFs(CONFIG);
      const resolved = await resolveCredentials({ explicit, env: ENV_KEYS, fs });
      assert.deepEqual(resolved, { credentials: explicit, source: 'explicit' });
      assert.deepEqual(fs.reads, []);
    });

    it('are rejected when a part is empty', async () => {
      const error = await resolveError({ explicit: { accessKeyId: 'LTAIx', accessKeySecret: ' ' }, env: {}, fs: fakeFs() });
      assert.equal(error.kind, 'invalidInput');
    });
  });

  describe('environment', () => {
    it('provides ID and secret, and the token and region when set', async () => {
      assert.deepEqual(await resolveCredentials({ env: ENV_KEYS, fs: configFs(CONFIG) }), {
        credentials: { accessKeyId: 'LTAIenvid', accessKeySecret: 'env-secret-value' },
        source: 'environment',
      });
      const env = { ...ENV_KEYS, ALIBABA_CLOUD_SECURITY_TOKEN: 'env-token-value', ALIBABA_CLOUD_REGION_ID: 'eu-central-1' };
      assert.deepEqual(await resolveCredentials({ env, fs: fakeFs() }), {
        credentials: { accessKeyId: 'LTAIenvid', accessKeySecret: 'env-secret-value', securityToken: 'env-token-value' },
        source: 'environment',
        regionId: 'eu-central-1',
      });
    });

    it('wins over the CLI profile file without reading it', async () => {
      const fs = configFs(CONFIG);
      assert.equal((await resolveCredentials({ env: ENV_KEYS, fs }))?.source, 'environment');
      assert.deepEqual(fs.reads, []);
    });

    it('reports an ID without a secret, naming the missing variable only', async () => {
      const error = await resolveError({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenvid' }, fs: configFs(CONFIG) });
      assert.equal(error.kind, 'invalidInput');
      assert.match(error.message, /ALIBABA_CLOUD_ACCESS_KEY_SECRET is not/);
      assert.ok(!error.message.includes('LTAIenvid'));
    });

    it('reports a secret without an ID, never echoing the secret', async () => {
      const error = await resolveError({ env: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret-value' }, fs: configFs(CONFIG) });
      assert.match(error.message, /ALIBABA_CLOUD_ACCESS_KEY_ID is not/);
    });

    it('treats empty variables as unset and ignores a token alone', async () => {
      const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: '', ALIBABA_CLOUD_ACCESS_KEY_SECRET: '  ', ALIBABA_CLOUD_SECURITY_TOKEN: 'env-token-value' };
      const resolved = await resolveCredentials({ env, fs: configFs(CONFIG) });
      assert.equal(resolved?.source, 'cliProfile');
    });
  });

  describe('CLI profile (~/.aliyun/config.json)', () => {
    it('reads the file under the home directory', () => {
      assert.equal(cliConfigPath(fakeFs()), CONFIG_PATH);
    });

    it('uses the current profile, with its region', async () => {
      assert.deepEqual(await resolveCredentials({ env: {}, fs: configFs(CONFIG) }), {
        credentials: { accessKeyId: 'LTAIdefaultid', accessKeySecret: 'default-secret-value' },
        source: 'cliProfile',
        profileName: 'default',
        regionId: 'cn-hangzhou',
      });
    });

    it('reads an StsToken profile with its token', async () => {
      const resolved = await resolveCredentials({ env: { ALIBABA_CLOUD_PROFILE: 'sts' }, fs: configFs(CONFIG) });
      assert.deepEqual(resolved, {
        credentials: { accessKeyId: 'STS.stsid', accessKeySecret: 'sts-secret-value', securityToken: 'CAIS-sts-token-value' },
        source: 'cliProfile',
        profileName: 'sts',
        regionId: 'ap-southeast-1',
      });
    });

    it('selects by profile option > ALIBABA_CLOUD_PROFILE > current > default', async () => {
      const withDefaultCurrent = { ...CONFIG, current: 'sts' };
      const pick = async (options: Partial<ResolveOptions>, config: unknown = withDefaultCurrent) =>
        (await resolveCredentials({ env: {}, fs: configFs(config), ...options }))?.profileName;
      assert.equal(await pick({ profile: 'default', env: { ALIBABA_CLOUD_PROFILE: 'sts' } }), 'default');
      assert.equal(await pick({ env: { ALIBABA_CLOUD_PROFILE: 'default' } }), 'default');
      assert.equal(await pick({}), 'sts');
      assert.equal(await pick({}, { profiles: [STS_PROFILE, AK_PROFILE] }), 'default');
      assert.equal(await pick({}, { current: '', profiles: [STS_PROFILE, AK_PROFILE] }), 'default');
    });

    it('lets an explicitly requested profile win over environment keys', async () => {
      const resolved = await resolveCredentials({ profile: 'sts', env: ENV_KEYS, fs: configFs(CONFIG) });
      assert.equal(resolved?.source, 'cliProfile');
      assert.equal(resolved?.profileName, 'sts');
    });

    it('returns undefined when there is no file, or no default profile and none named', async () => {
      assert.equal(await resolveCredentials({ env: {}, fs: fakeFs() }), undefined);
      assert.equal(await resolveCredentials({ env: {}, fs: configFs({ profiles: [STS_PROFILE] }) }), undefined);
      assert.equal(await resolveCredentials({ env: {}, fs: configFs({}) }), undefined);
    });

    it('honours ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true without reading the file', async () => {
      for (const value of ['true', 'TRUE', ' True ']) {
        const fs = configFs(CONFIG);
        assert.equal(await resolveCredentials({ env: { ALIBABA_CLOUD_CLI_PROFILE_DISABLED: value }, fs }), undefined);
        assert.deepEqual(fs.reads, []);
      }
      const resolved = await resolveCredentials({ env: { ALIBABA_CLOUD_CLI_PROFILE_DISABLED: 'false' }, fs: configFs(CONFIG) });
      assert.equal(resolved?.source, 'cliProfile');
    });

    it('reports a named profile that does not exist, listing the available ones', async () => {
      const error = await resolveError({ env: { ALIBABA_CLOUD_PROFILE: 'prod' }, fs: configFs(CONFIG) });
      assert.equal(error.kind, 'invalidInput');
      assert.match(error.message, /Profile "prod" is not in ~\/\.aliyun\/config\.json \(profiles: default, sts, role\)/);
      const fromCurrent = await resolveError({ env: {}, fs: configFs({ ...CONFIG, current: 'gone' }) });
      assert.match(fromCurrent.message, /"gone"/);
      const fromOption = await resolveError({ profile: 'prod', env: {}, fs: configFs(CONFIG) });
      assert.match(fromOption.message, /"prod"/);
    });

    it('reports a requested profile when the file does not exist', async () => {
      const error = await resolveError({ profile: 'prod', env: {}, fs: fakeFs() });
      assert.match(error.message, /"prod" was requested, but ~\/\.aliyun\/config\.json does not exist/);
    });

    it('rejects unsupported modes, naming the supported ones', async () => {
      for (const mode of ['OIDC', 'CloudSSO', 'External', 'OAuth']) {
        const config = { current: 'x', profiles: [{ ...ROLE_PROFILE, name: 'x', mode }] };
        const error = await resolveError({ env: {}, fs: configFs(config) });
        assert.equal(error.kind, 'invalidInput');
        assert.match(error.message, new RegExp(`mode ${mode}, which is not supported; supported modes: AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, CredentialsURI`));
      }
    });

    it('treats a profile without a mode as AK', async () => {
      const { mode: _mode, ...noMode } = AK_PROFILE;
      const resolved = await resolveCredentials({ env: {}, fs: configFs({ profiles: [noMode] }) });
      assert.equal(resolved?.credentials?.accessKeyId, 'LTAIdefaultid');
    });

    it('reports profiles missing key fields by field name', async () => {
      const noSecret = await resolveError({ env: {}, fs: configFs({ profiles: [{ ...AK_PROFILE, access_key_secret: '' }] }) });
      assert.match(noSecret.message, /Profile "default" \(mode AK\) has no access_key_secret/);
      const noToken = await resolveError({ env: { ALIBABA_CLOUD_PROFILE: 'sts' }, fs: configFs({ profiles: [{ ...STS_PROFILE, sts_token: '' }] }) });
      assert.match(noToken.message, /\(mode StsToken\) has no sts_token/);
      const nothing = await resolveError({ env: {}, fs: configFs({ profiles: [{ name: 'default', mode: 'AK' }] }) });
      assert.match(nothing.message, /has no access_key_id, access_key_secret/);
    });

    it('reports invalid JSON without quoting the file', async () => {
      const broken = `{"profiles":[{"name":"default","access_key_secret":"default-secret-value",}]}`;
      const error = await resolveError({ env: {}, fs: configFs(broken) });
      assert.equal(error.kind, 'invalidInput');
      assert.match(error.message, /is not valid JSON/);
      assert.equal(error.cause, undefined);
    });

    it('accepts a file with a byte-order mark', async () => {
      const resolved = await resolveCredentials({ env: {}, fs: configFs(`\uFEFF${JSON.stringify(CONFIG)}`) });
      assert.equal(resolved?.profileName, 'default');
    });

    it('reports a file of the wrong shape by path, without values', async () => {
      const error = await resolveError({ env: {}, fs: configFs({ profiles: [{ name: 'default', access_key_secret: 12345678 }] }) });
      assert.match(error.message, /does not have the expected shape: profiles\.0\.access_key_secret should be string/);
      assert.ok(!error.message.includes('12345678'));
      const notObject = await resolveError({ env: {}, fs: configFs('[1,2]') });
      assert.match(notObject.message, /\(top level\)/);
      const profilesNotArray = await resolveError({ env: {}, fs: configFs({ profiles: 'default' }) });
      assert.match(profilesNotArray.message, /profiles should be array/);
    });

    it('refuses a config file over 1 MiB with a clear error, without reading it whole', async () => {
      const home = await mkdtemp(join(tmpdir(), 'vod-big-config-'));
      try {
        await mkdir(join(home, '.aliyun'));
        // Valid JSON padded past the cap: only the size can make it fail.
        await writeFile(join(home, '.aliyun', 'config.json'), `${JSON.stringify(CONFIG)}${' '.repeat(MAX_CLI_CONFIG_BYTES)}`);
        const fs: CredentialFs = { ...nodeCredentialFs(), homeDir: () => home };
        const error = await resolveError({ env: {}, fs });
        assert.equal(error.kind, 'invalidInput');
        assert.match(error.message, /~\/\.aliyun\/config\.json is larger than 1 MiB/);
        const injected = await resolveError({ env: {}, fs: configFs(`${JSON.stringify(CONFIG)}${' '.repeat(MAX_CLI_CONFIG_BYTES)}`) });
        assert.match(injected.message, /larger than 1 MiB/);
      } finally {
        await rm(home, { recursive: true, force: true });
      }
    });

    it('reports an unreadable file as such', async () => {
      const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      const error = await resolveError({ env: {}, fs: fakeFs({}, denied) });
      assert.match(error.message, /Could not read ~\/\.aliyun\/config\.json \(permission denied\)/);
    });
  });

  describe('listCliProfiles', () => {
    it('lists names, modes, regions, support and the current profile, without secrets', async () => {
      const profiles = await listCliProfiles({ fs: configFs({ ...CONFIG, current: 'sts' }) });
      assert.deepEqual(profiles, [
        { name: 'default', mode: 'AK', supported: true, current: false, regionId: 'cn-hangzhou' },
        { name: 'sts', mode: 'StsToken', supported: true, current: true, regionId: 'ap-southeast-1' },
        { name: 'role', mode: 'RamRoleArn', supported: true, current: false, regionId: undefined },
      ]);
      const serialized = JSON.stringify(profiles);
      for (const secret of SECRETS) assert.ok(!serialized.includes(secret));
    });

    it('is empty without a file and fails clearly on a broken one', async () => {
      assert.deepEqual(await listCliProfiles({ fs: fakeFs() }), []);
      await assert.rejects(listCliProfiles({ fs: configFs('{') }), (e: unknown) => e instanceof VodError && /not valid JSON/.test(e.message));
    });
  });

  describe('nodeCredentialFs against a real temporary HOME', () => {
    let home: string;
    let savedHome: string | undefined;

    beforeEach(async () => {
      home = await mkdtemp(join(tmpdir(), 'vod-credentials-'));
      savedHome = process.env.HOME;
      // os.homedir() consults HOME first on POSIX, so this redirects the real implementation.
      process.env.HOME = home;
    });

    afterEach(async () => {
      if (savedHome === undefined) delete process.env.HOME;
      else process.env.HOME = savedHome;
      await rm(home, { recursive: true, force: true });
    });

    it('reads the profile from ~/.aliyun/config.json', async () => {
      await mkdir(join(home, '.aliyun'));
      await writeFile(join(home, '.aliyun', 'config.json'), JSON.stringify(CONFIG), { mode: 0o600 });
      const fs = nodeCredentialFs();
      assert.equal(fs.homeDir(), home);
      const resolved = await resolveCredentials({ env: {}, fs });
      assert.equal(resolved?.source, 'cliProfile');
      assert.equal(resolved?.credentials?.accessKeySecret, 'default-secret-value');
    });

    it('returns undefined when the file does not exist (real ENOENT)', async () => {
      assert.equal(await resolveCredentials({ env: {}, fs: nodeCredentialFs() }), undefined);
    });

    it('reports a path that cannot be read as a file', async () => {
      // A directory where the file should be: EISDIR, whoever runs the test (root reads any file).
      await mkdir(join(home, '.aliyun', 'config.json'), { recursive: true });
      await assert.rejects(
        resolveCredentials({ env: {}, fs: nodeCredentialFs() }),
        (e: unknown) => e instanceof VodError && e.kind === 'invalidInput' && /Could not read ~\/\.aliyun\/config\.json\./.test(e.message),
      );
    });
  });
});

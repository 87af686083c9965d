/**
 * The temporary credential sources (RamRoleArn, ChainableRamRoleArn, EcsRamRole, CredentialsURI and the
 * ALIBABA_CLOUD_ECS_METADATA / ALIBABA_CLOUD_CREDENTIALS_URI variables) against the emulator's STS,
 * metadata and credentials-URI endpoints, end to end: the keys they fetch must sign VOD calls the
 * emulator's VOD endpoint accepts.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { resolveCredentials, type CredentialEnv, type CredentialFs, type ResolvedCredentials } from '../../src/vod/credentials';
import { VodError } from '../../src/vod/errors';
import { credentialProvider, type ProviderDeps } from '../../src/vod/temporaryCredentials';
import { emulatorSuite } from './support/emulatorSuite';

const HOME = join('/home', 'tester');

function configFs(config: unknown): CredentialFs {
  const text = JSON.stringify(config);
  return {
    homeDir: () => HOME,
    readFile: async (path) => {
      if (path === join(HOME, '.aliyun', 'config.json')) return text;
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    },
  };
}
const NO_FILES: CredentialFs = { homeDir: () => HOME, readFile: async () => Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })) };

describe('temporary credentials against the emulator', function () {
  const suite = emulatorSuite();
  const identity = () => suite.emulator.identity;

  function profiles(...list: object[]): CredentialFs {
    return configFs({ current: 'main', profiles: list });
  }
  function roleProfile(extra: object = {}): object {
    const { accessKeyId, accessKeySecret } = suite.emulator.credentials;
    return {
      name: 'main',
      mode: 'RamRoleArn',
      access_key_id: accessKeyId,
      access_key_secret: accessKeySecret,
      ram_role_arn: identity().roleArn,
      ram_session_name: 'vod-tests',
      expired_seconds: 900,
      region_id: 'cn-shanghai',
      // The CLI's own field: where this profile's AssumeRole goes (plain http is accepted on loopback only).
      sts_endpoint: identity().stsEndpoint.replace(/\/$/, ''),
      ...extra,
    };
  }
  function deps(extra: Partial<ProviderDeps> = {}): ProviderDeps {
    return { transport: suite.transport, metadataOrigin: identity().metadataOrigin, ...extra };
  }
  async function resolve(fs: CredentialFs, env: CredentialEnv = {}): Promise<ResolvedCredentials> {
    const resolved = await resolveCredentials({ env, fs });
    assert.ok(resolved, 'the chain resolved nothing');
    return resolved;
  }
  async function lookUpWith(provider: ReturnType<typeof credentialProvider>): Promise<void> {
    const id = suite.emulator.images.find((image) => image.traits.includes('png'))!.imageId;
    const info = await suite.client({ credentials: provider }).getImageInfo(id);
    assert.equal(info.ImageId, id);
  }
  function counters() {
    return { ...identity().server.counters };
  }

  describe('RamRoleArn', () => {
    it('describes the role without any network call, then assumes it on first use and signs VOD calls with the result', async () => {
      const before = counters();
      const resolved = await resolve(profiles(roleProfile()));
      assert.equal(resolved.credentials, undefined);
      assert.equal(resolved.temporary?.kind, 'assumeRole');
      assert.equal(resolved.regionId, 'cn-shanghai');
      assert.equal(counters().assumeRole, before.assumeRole, 'resolving must not call STS');

      const provider = credentialProvider(resolved, deps());
      const first = await provider();
      assert.match(first.accessKeyId, /^STS\./);
      assert.ok(first.securityToken?.startsWith('CAIS'));
      await lookUpWith(provider);
      await lookUpWith(provider);
      assert.equal(counters().assumeRole, before.assumeRole + 1, 'cached until shortly before expiry');
    });

    it('refreshes shortly before expiry, and shares one refresh among concurrent callers', async () => {
      // Client and emulator move forward together (the request timestamp must stay within 15 minutes).
      let offset = 0;
      const provider = credentialProvider(await resolve(profiles(roleProfile({ expired_seconds: 3600 }))), deps({ now: () => Date.now() + offset }));
      const advance = (minutes: number) => {
        offset += minutes * 60 * 1000;
        suite.emulator.faults.set({ clockOffsetMs: offset });
      };
      try {
        const before = counters().assumeRole;
        const first = await provider();
        advance(44); // 16 minutes left: still fresh (the margin is 15)
        assert.equal((await provider()).accessKeyId, first.accessKeyId);
        advance(2); // 14 minutes left: refreshed
        const [a, b, c] = await Promise.all([provider(), provider(), provider()]);
        assert.notEqual(a.accessKeyId, first.accessKeyId);
        assert.equal(a.accessKeyId, b.accessKeyId);
        assert.equal(b.accessKeyId, c.accessKeyId);
        assert.equal(counters().assumeRole, before + 2);
      } finally {
        suite.emulator.faults.set({ clockOffsetMs: 0 });
      }
    });

    it('keeps handing out valid credentials while a refresh fails, and fails once they expire', async () => {
      let offset = 0;
      const resolved = await resolve(profiles(roleProfile({ expired_seconds: 3600 })));
      const provider = credentialProvider(resolved, deps({ now: () => Date.now() + offset }));
      const first = await provider();
      // STS now refuses (the client's clock runs 50 minutes ahead of it): the old key is still good for 10.
      offset = 50 * 60 * 1000;
      assert.equal((await provider()).accessKeyId, first.accessKeyId);
      offset = 61 * 60 * 1000;
      await assert.rejects(provider(), (e: unknown) => e instanceof VodError && e.code === 'InvalidTimeStamp.Expired');
    });

    it('keeps 900-second credentials for half their life instead of refetching on every call', async () => {
      let now = Date.now();
      const provider = credentialProvider(await resolve(profiles(roleProfile({ expired_seconds: 900 }))), deps({ now: () => now }));
      const before = counters().assumeRole;
      await provider();
      now += 400 * 1000;
      await provider();
      assert.equal(counters().assumeRole, before + 1);
      now += 100 * 1000;
      await provider();
      assert.equal(counters().assumeRole, before + 2);
    });

    it('passes the policy and reports STS refusals by code, never with a secret', async () => {
      const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'vod:Get*', Resource: '*' }] });
      await credentialProvider(await resolve(profiles(roleProfile({ policy }))), deps())();

      const cases: Array<[object, string, VodError['kind']]> = [
        [{ ram_role_arn: 'acs:ram::1234567890123456:role/nobody' }, 'EntityNotExist.Role', 'auth'],
        [{ access_key_secret: 'wrong-secret-0123456789' }, 'SignatureDoesNotMatch', 'auth'],
        [{ policy: 'not a policy' }, 'InvalidParameter.PolicyGrammar', 'invalidInput'],
        [{ expired_seconds: 7200 }, 'InvalidParameter.DurationSeconds', 'invalidInput'],
        [{ access_key_id: suite.emulator.forbiddenCredentials.accessKeyId, access_key_secret: suite.emulator.forbiddenCredentials.accessKeySecret }, 'Forbidden.RAM', 'auth'],
      ];
      for (const [extra, code, kind] of cases) {
        const error = await credentialProvider(await resolve(profiles(roleProfile(extra))), deps())().then(
          () => assert.fail(`expected ${code}`),
          (e: unknown) => e,
        );
        assert.ok(error instanceof VodError, String(error));
        assert.equal(error.code, code);
        assert.equal(error.kind, kind);
        const text = `${error.message} ${error.toLine()}`;
        for (const secret of [suite.emulator.credentials.accessKeySecret, 'wrong-secret-0123456789', suite.emulator.credentials.accessKeyId]) {
          assert.ok(!text.includes(secret), `${code}: message leaks a secret: ${text}`);
        }
      }
    });

    it('refuses an expired_seconds below 900 and a plain-http STS endpoint off this machine while resolving', async () => {
      await assert.rejects(resolve(profiles(roleProfile({ expired_seconds: 600 }))), /expired_seconds must be a whole number of at least 900/);
      await assert.rejects(resolve(profiles(roleProfile({ sts_endpoint: 'http://sts.example.com' }))), /must use https/);
    });

    it('derives the STS endpoint as the official package does', async () => {
      const endpoint = async (extra: object, env: CredentialEnv = {}) => {
        const resolved = await resolve(profiles(roleProfile({ sts_endpoint: undefined, ...extra })), env);
        return resolved.temporary?.kind === 'assumeRole' ? resolved.temporary.stsEndpoint : undefined;
      };
      assert.equal(await endpoint({}), 'https://sts.aliyuncs.com/');
      assert.equal(await endpoint({ sts_region: 'cn-beijing' }), 'https://sts.cn-beijing.aliyuncs.com/');
      assert.equal(await endpoint({ sts_region: 'cn-beijing', enable_vpc: true }), 'https://sts-vpc.cn-beijing.aliyuncs.com/');
      assert.equal(await endpoint({}, { ALIBABA_CLOUD_STS_REGION: 'ap-southeast-1' }), 'https://sts.ap-southeast-1.aliyuncs.com/');
    });
  });

  describe('ChainableRamRoleArn', () => {
    it('assumes the role with the credentials of its source profile (an AccessKey, or the instance role)', async () => {
      const { accessKeyId, accessKeySecret } = suite.emulator.credentials;
      const chained = (source: string) => ({ ...roleProfile(), mode: 'ChainableRamRoleArn', access_key_id: undefined, access_key_secret: undefined, source_profile: source });
      const fromKey = await resolve(profiles(chained('base'), { name: 'base', mode: 'AK', access_key_id: accessKeyId, access_key_secret: accessKeySecret }));
      await lookUpWith(credentialProvider(fromKey, deps()));

      // Role chaining: the first role's STS key assumes the role again.
      const twice = await resolve(profiles(chained('middle'), { ...roleProfile(), name: 'middle' }));
      const before = counters().assumeRole;
      await lookUpWith(credentialProvider(twice, deps()));
      assert.equal(counters().assumeRole, before + 2);

      const fromInstance = await resolve(profiles(chained('ecs'), { name: 'ecs', mode: 'EcsRamRole', ram_role_name: '' }));
      await lookUpWith(credentialProvider(fromInstance, deps()));
    });

    it('refuses a missing or looping source profile', async () => {
      const chained = { name: 'main', mode: 'ChainableRamRoleArn', ram_role_arn: identity().roleArn, source_profile: 'other' };
      await assert.rejects(resolve(profiles(chained)), /Profile "other" is not in/);
      await assert.rejects(resolve(profiles(chained, { ...chained, name: 'other', source_profile: 'main' })), /chains back to itself through source_profile \(main → other → main\)/);
      await assert.rejects(resolve(profiles({ ...chained, source_profile: '' })), /has no source_profile/);
    });
  });

  describe('EcsRamRole', () => {
    afterEach(() => {
      identity().server.imdsV1Only = false;
      identity().server.imdsV2Only = false;
    });

    it('discovers the role when none is named, with an IMDSv2 token on every metadata request', async () => {
      const resolved = await resolve(profiles({ name: 'main', mode: 'EcsRamRole', ram_role_name: '' }));
      assert.deepEqual(resolved.temporary, { kind: 'instanceMetadata', roleName: undefined, imdsV1Disabled: false });
      identity().server.imdsV2Only = true;
      const before = counters();
      await lookUpWith(credentialProvider(resolved, deps()));
      const after = counters();
      assert.equal(after.metadataWithoutToken, before.metadataWithoutToken);
      assert.equal(after.metadataToken - before.metadataToken, 1);
      assert.equal(after.metadataCredentials - before.metadataCredentials, 1);
    });

    it('falls back to IMDSv1 when the instance has no token service, unless ALIBABA_CLOUD_IMDSV1_DISABLED', async () => {
      identity().server.imdsV1Only = true;
      const named = profiles({ name: 'main', mode: 'EcsRamRole', ram_role_name: identity().instanceRole });
      await lookUpWith(credentialProvider(await resolve(named), deps()));
      const strict = await resolve(named, { ALIBABA_CLOUD_IMDSV1_DISABLED: 'true' });
      await assert.rejects(credentialProvider(strict, deps())(), (e: unknown) => e instanceof VodError && e.httpStatus === 404);
    });

    it('reports a role the instance does not have, and is turned off by ALIBABA_CLOUD_ECS_METADATA_DISABLED', async () => {
      const wrong = await resolve(profiles({ name: 'main', mode: 'EcsRamRole', ram_role_name: 'OtherRole' }));
      await assert.rejects(credentialProvider(wrong, deps())(), (e: unknown) => e instanceof VodError && e.kind === 'notFound');
      await assert.rejects(resolve(profiles({ name: 'main', mode: 'EcsRamRole' }), { ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' }), /ALIBABA_CLOUD_ECS_METADATA_DISABLED turns off/);
    });

    it('is used without a profile when ALIBABA_CLOUD_ECS_METADATA names the role (chain step 5)', async () => {
      const resolved = await resolve(NO_FILES, { ALIBABA_CLOUD_ECS_METADATA: identity().instanceRole });
      assert.equal(resolved.source, 'instanceMetadata');
      await lookUpWith(credentialProvider(resolved, deps()));
      assert.equal(await resolveCredentials({ env: {}, fs: NO_FILES }), undefined, 'no probing of the metadata service without the variable');
    });
  });

  describe('credentials URI', () => {
    it('ALIBABA_CLOUD_CREDENTIALS_URI comes last in the chain and signs VOD calls', async () => {
      const env = { ALIBABA_CLOUD_CREDENTIALS_URI: identity().credentialsUri };
      const resolved = await resolve(NO_FILES, env);
      assert.equal(resolved.source, 'credentialsUri');
      await lookUpWith(credentialProvider(resolved, deps()));
      // A CLI profile comes first, as in the official chain.
      const { accessKeyId, accessKeySecret } = suite.emulator.credentials;
      assert.equal((await resolve(profiles({ name: 'main', mode: 'AK', access_key_id: accessKeyId, access_key_secret: accessKeySecret }), env)).source, 'cliProfile');
    });

    it('the CLI mode CredentialsURI reads credentials_uri; plain http only to this machine, the URI never echoed', async () => {
      await lookUpWith(credentialProvider(await resolve(profiles({ name: 'main', mode: 'CredentialsURI', credentials_uri: identity().credentialsUri })), deps()));
      const remote = 'http://creds.example.com/token?secret=do-not-echo';
      const error = await resolve(NO_FILES, { ALIBABA_CLOUD_CREDENTIALS_URI: remote }).then(() => assert.fail('accepted'), (e: unknown) => e as Error);
      assert.match(error.message, /must be an https URL \(plain http only to this machine\)/);
      assert.ok(!error.message.includes('do-not-echo'));
    });

    it('reports an answer without credentials without quoting it', async () => {
      const badUri = identity().credentialsUri.replace(/\/credentials$/, '/latest/meta-data/ram/security-credentials/');
      const error = await credentialProvider(await resolve(NO_FILES, { ALIBABA_CLOUD_CREDENTIALS_URI: badUri }), deps())().then(
        () => assert.fail('accepted'),
        (e: unknown) => e as VodError,
      );
      assert.equal(error.kind, 'invalidResponse');
      assert.match(error.message, /The credentials URI answered without usable credentials \(not JSON\)/);
      assert.ok(!error.message.includes(identity().instanceRole));
    });
  });

  it('temporary keys expire at the VOD endpoint like real STS keys', async () => {
    const provider = credentialProvider(await resolve(profiles(roleProfile({ expired_seconds: 900 }))), deps());
    const credentials = await provider();
    suite.emulator.faults.set({ clockOffsetMs: 901 * 1000 });
    try {
      const id = suite.emulator.images[0]!.imageId;
      await assert.rejects(suite.client({ credentials: async () => credentials }).getImageInfo(id), (e: unknown) => e instanceof VodError && e.code === 'InvalidSecurityToken.Expired');
    } finally {
      suite.emulator.faults.set({ clockOffsetMs: 0 });
    }
  });
});

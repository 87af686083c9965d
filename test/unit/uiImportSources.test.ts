import { strict as assert } from 'node:assert';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverImportSources, readImportSource, suggestedProfileName } from '../../src/ui/auth/importSources';
import { nodeCredentialFs, type CredentialFs } from '../../src/vod/credentials';

const CONFIG = {
  current: 'dev',
  profiles: [
    { name: 'default', mode: 'AK', access_key_id: 'LTAI5tDefaultKey000001', access_key_secret: 'DefaultSecret0123456789', region_id: 'cn-hangzhou' },
    { name: 'dev', mode: 'StsToken', access_key_id: 'STS.DevKey0000001', access_key_secret: 'DevSecret0123456789', sts_token: 'CAISdevtoken', region_id: 'cn-beijing' },
    { name: 'sso user', mode: 'CloudSSO' },
  ],
};

describe('ui/auth importSources (temp HOME, real file system)', () => {
  let home: string;
  let fs: CredentialFs;
  before(async () => {
    home = await mkdtemp(join(tmpdir(), 'vod-import-'));
    await mkdir(join(home, '.aliyun'));
    await writeFile(join(home, '.aliyun', 'config.json'), JSON.stringify(CONFIG));
    fs = { ...nodeCredentialFs(), homeDir: () => home };
  });
  after(() => rm(home, { recursive: true, force: true }));

  it('lists the environment and the supported CLI profiles, without any secret', async () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tEnvironmentKey0001', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'EnvSecret0123456789' };
    const sources = await discoverImportSources({ env, fs });
    assert.deepEqual(sources, [
      { kind: 'environment', maskedKeyId: 'LTAI…0001' },
      { kind: 'cliProfile', name: 'default', mode: 'AK', regionId: 'cn-hangzhou', current: false },
      { kind: 'cliProfile', name: 'dev', mode: 'StsToken', regionId: 'cn-beijing', current: true },
    ]);
    assert.ok(!JSON.stringify(sources).includes('Secret'));
  });

  it('offers no environment source when the secret is missing, and nothing for a missing or broken config', async () => {
    assert.deepEqual(
      (await discoverImportSources({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tEnvironmentKey0001' }, fs })).map((s) => s.kind),
      ['cliProfile', 'cliProfile'],
    );
    const empty = await mkdtemp(join(tmpdir(), 'vod-import-empty-'));
    try {
      assert.deepEqual(await discoverImportSources({ env: {}, fs: { ...fs, homeDir: () => empty } }), []);
      await mkdir(join(empty, '.aliyun'));
      await writeFile(join(empty, '.aliyun', 'config.json'), '{ not json');
      assert.deepEqual(await discoverImportSources({ env: {}, fs: { ...fs, homeDir: () => empty } }), []);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('reads the picked source: a CLI profile with its token and region, or the environment only', async () => {
    const dev = await readImportSource({ kind: 'cliProfile', name: 'dev', mode: 'StsToken', regionId: 'cn-beijing', current: true }, { env: {}, fs });
    assert.deepEqual(dev?.credentials, { accessKeyId: 'STS.DevKey0000001', accessKeySecret: 'DevSecret0123456789', securityToken: 'CAISdevtoken' });
    assert.equal(dev?.regionId, 'cn-beijing');
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tEnvironmentKey0001', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'EnvSecret0123456789' };
    const fromEnv = await readImportSource({ kind: 'environment', maskedKeyId: 'x' }, { env, fs });
    assert.equal(fromEnv?.source, 'environment');
    assert.equal(fromEnv?.credentials?.accessKeyId, env.ALIBABA_CLOUD_ACCESS_KEY_ID);
    // With the variables gone, the environment source yields nothing — not the CLI's profile instead.
    assert.equal(await readImportSource({ kind: 'environment', maskedKeyId: 'x' }, { env: {}, fs }), undefined);
  });

  it('suggests profile names that pass validation', () => {
    assert.equal(suggestedProfileName({ kind: 'environment', maskedKeyId: 'x' }), 'env');
    assert.equal(suggestedProfileName({ kind: 'cliProfile', name: 'sso user', mode: 'AK', regionId: undefined, current: false }), 'sso-user');
    assert.equal(suggestedProfileName({ kind: 'cliProfile', name: '--', mode: 'AK', regionId: undefined, current: false }), 'aliyun');
  });
});

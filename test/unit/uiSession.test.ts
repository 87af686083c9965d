import { strict as assert } from 'node:assert';
import { resolveSession, sessionLabel, sessionSecrets, type SessionSources } from '../../src/ui/auth/session';
import type { ProfileRecord } from '../../src/ui/profiles';
import type { ResolvedCredentials } from '../../src/vod/credentials';
import { VodError } from '../../src/vod/errors';
import { msg } from '../../src/vod/messages';

const AK = { accessKeyId: 'LTAI5tEmulatorDemoKey001', accessKeySecret: 'EmulatorDemoSecret0123456789ab' };
const PROFILE: ProfileRecord = {
  name: 'work',
  region: 'cn-beijing',
  maskedKeyId: 'LTAI…y001',
  hasSecurityToken: false,
  sessionOnly: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function sources(overrides: Partial<SessionSources> & { activeProfile?: ProfileRecord; stored?: typeof AK }): SessionSources {
  return {
    profiles: { active: () => overrides.activeProfile },
    store: { get: async () => overrides.stored },
    chain: overrides.chain ?? (async () => undefined),
    settingRegion: overrides.settingRegion ?? 'cn-shanghai',
    settingRegionExplicit: overrides.settingRegionExplicit ?? false,
  };
}

describe('ui/auth session', () => {
  it('uses the active profile with its own region, and never asks the chain', async () => {
    let chainAsked = false;
    const session = await resolveSession(
      sources({ activeProfile: PROFILE, stored: AK, chain: async () => ((chainAsked = true), undefined) }),
    );
    assert.deepEqual(session, { kind: 'profile', profile: PROFILE, credentials: AK, region: 'cn-beijing' });
    assert.equal(sessionLabel(session), 'work');
    assert.equal(chainAsked, false);
  });

  it('is signed out (not silently on other credentials) when the active profile lost its secret', async () => {
    const session = await resolveSession(
      sources({ activeProfile: PROFILE, stored: undefined, chain: async () => ({ credentials: AK, source: 'environment' }) }),
    );
    assert.deepEqual(session, { kind: 'signedOut', region: 'cn-beijing', problem: { kind: 'missingSecret', profile: 'work' } });
    assert.equal(sessionLabel(session), undefined);
  });

  it('falls back to environment credentials, labelled env', async () => {
    const session = await resolveSession(sources({ chain: async () => ({ credentials: AK, source: 'environment' }) }));
    assert.equal(session.kind, 'chain');
    assert.equal(sessionLabel(session), 'env');
    assert.equal(session.region, 'cn-shanghai');
  });

  it('takes a CLI profile, labelled aliyun:<name>, with its region unless the user set one', async () => {
    const cli: ResolvedCredentials = { credentials: AK, source: 'cliProfile', profileName: 'dev', regionId: 'ap-southeast-1' };
    const implicit = await resolveSession(sources({ chain: async () => cli }));
    assert.equal(sessionLabel(implicit), 'aliyun:dev');
    assert.equal(implicit.region, 'ap-southeast-1');
    const explicit = await resolveSession(sources({ chain: async () => cli, settingRegion: 'eu-central-1', settingRegionExplicit: true }));
    assert.equal(explicit.region, 'eu-central-1');
  });

  it('is signed out, with the chain\'s safe message, when the chain fails', async () => {
    const error = new VodError('invalidInput', msg('cred.envHalf', { present: 'ALIBABA_CLOUD_ACCESS_KEY_ID', missing: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET' }));
    const session = await resolveSession(sources({ chain: async () => Promise.reject(error) }));
    assert.deepEqual(session, { kind: 'signedOut', region: 'cn-shanghai', problem: { kind: 'chainError', message: error.text } });
  });

  it('is plainly signed out when nothing is found', async () => {
    const session = await resolveSession(sources({}));
    assert.deepEqual(session, { kind: 'signedOut', region: 'cn-shanghai', problem: undefined });
    assert.deepEqual(sessionSecrets(session), []);
  });

  it('lists the secret and token to redact', async () => {
    const sts = { ...AK, securityToken: 'CAIStoken1234' };
    const session = await resolveSession(sources({ activeProfile: PROFILE, stored: sts }));
    assert.deepEqual(sessionSecrets(session), [AK.accessKeySecret, 'CAIStoken1234']);
  });

  describe('workspace binding', () => {
    it('a bound CLI profile wins over the global stored profile, with the binding\'s region', async () => {
      const asked: Array<string | undefined> = [];
      const session = await resolveSession({
        ...sources({ activeProfile: PROFILE, stored: AK }),
        chain: async (cliProfile?: string) => (asked.push(cliProfile), { credentials: AK, source: 'cliProfile', profileName: cliProfile, regionId: 'cn-shenzhen' }),
        binding: { cliProfile: 'role', region: 'ap-southeast-1' },
      });
      assert.deepEqual(asked, ['role']);
      assert.equal(session.kind, 'chain');
      assert.equal(sessionLabel(session), 'aliyun:role');
      assert.equal(session.region, 'ap-southeast-1');
      assert.equal(session.boundToWorkspace, true);
    });

    it('a bound stored profile is used instead of the global one; a removed one reads as missing', async () => {
      const other: ProfileRecord = { ...PROFILE, name: 'other', region: 'cn-hongkong' };
      const base = sources({ activeProfile: PROFILE, stored: AK });
      const bound = await resolveSession({ ...base, profiles: { active: () => PROFILE, get: (n) => (n === 'other' ? other : undefined) }, binding: { profile: 'other' } });
      assert.equal(bound.kind, 'profile');
      assert.equal(sessionLabel(bound), 'other');
      assert.equal(bound.region, 'cn-hongkong');
      const gone = await resolveSession({ ...base, profiles: { active: () => PROFILE, get: () => undefined }, binding: { profile: 'gone' } });
      assert.deepEqual(gone, { kind: 'signedOut', region: 'cn-shanghai', problem: { kind: 'missingSecret', profile: 'gone' }, boundToWorkspace: true });
    });

    it('a bound chain uses the environment / CLI chain although a stored profile is active globally', async () => {
      const asked: Array<string | undefined> = [];
      const session = await resolveSession({
        ...sources({ activeProfile: PROFILE, stored: AK }),
        chain: async (...args: [string?]) => (asked.push(...args), { credentials: AK, source: 'environment' }),
        binding: { chain: true },
      });
      assert.deepEqual(asked, [], 'the default chain, not a named CLI profile');
      assert.equal(session.kind, 'chain');
      assert.equal(sessionLabel(session), 'env');
      assert.equal(session.region, 'cn-shanghai');
      assert.equal(session.boundToWorkspace, true);
    });

    it('labels the temporary chain sources, and redacts a role\'s base secret', async () => {
      const temporary = { kind: 'assumeRole' as const, base: AK, roleArn: 'acs:ram::1:role/r', roleSessionName: 's', durationSeconds: 900, stsEndpoint: 'https://sts.aliyuncs.com/' };
      const session = await resolveSession(sources({ chain: async () => ({ temporary, source: 'cliProfile', profileName: 'role' }) }));
      assert.deepEqual(sessionSecrets(session), [AK.accessKeySecret]);
      const ecs = await resolveSession(sources({ chain: async () => ({ temporary: { kind: 'instanceMetadata', roleName: 'r', imdsV1Disabled: false }, source: 'instanceMetadata' }) }));
      assert.equal(sessionLabel(ecs), 'ecs-ram-role');
    });
  });
});

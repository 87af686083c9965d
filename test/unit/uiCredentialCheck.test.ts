import { strict as assert } from 'node:assert';
import { checkCredentials, classifyCheckError, rejectsCredentials } from '../../src/ui/auth/credentialCheck';
import { VodClient } from '../../src/vod/client';
import type { Credentials } from '../../src/vod/credentials';
import { VodError } from '../../src/vod/errors';
import { msg } from '../../src/vod/messages';
import { startEmulator, type RunningEmulator } from '../emulator';

/** The check runs against the local emulator's gateway: the error codes are the emulated API's, not ours. */
describe('ui/auth credentialCheck (against the emulator)', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  after(() => emulator.close());
  afterEach(() => emulator.faults.reset());

  function client(credentials: Credentials, retry = { maxRetries: 0 }) {
    return new VodClient({ endpoint: new URL(emulator.endpoint), credentials: async () => credentials, retry, timeoutMs: 2000 });
  }

  it('passes good credentials in one SearchMedia call and reports the image count', async () => {
    emulator.stats.reset();
    const result = await checkCredentials(client(emulator.credentials));
    assert.ok(result.ok);
    assert.ok(result.imageCount > 0);
    assert.equal(emulator.stats.apiRequests, 1);
  });

  it('passes STS credentials with their token', async () => {
    assert.ok((await checkCredentials(client(emulator.stsCredentials))).ok);
  });

  const rejected: [string, () => Credentials, string][] = [
    ['an unknown key ID', () => ({ accessKeyId: 'LTAI5tNoSuchKey00000000', accessKeySecret: 'whatever1234' }), 'unknownKey'],
    ['a wrong secret', () => ({ ...emulator.credentials, accessKeySecret: 'WrongSecret0123456789abcdef' }), 'badSecret'],
    ['an expired STS token', () => ({ ...emulator.stsCredentials, securityToken: emulator.expiredSecurityToken }), 'badToken'],
  ];
  for (const [name, credentials, problem] of rejected) {
    it(`rejects ${name} as ${problem}, with no secret in the error`, async () => {
      const creds = credentials();
      const result = await checkCredentials(client(creds));
      assert.ok(!result.ok);
      assert.equal(result.problem, problem);
      assert.equal(rejectsCredentials(result.problem), true);
      const shown = `${result.error.message} ${result.error.toLine()}`;
      assert.ok(!shown.includes(creds.accessKeySecret));
      if (creds.securityToken) assert.ok(!shown.includes(creds.securityToken));
    });
  }

  it('reports a key without RAM permission as noPermission, which does not reject the credentials', async () => {
    const result = await checkCredentials(client(emulator.forbiddenCredentials));
    assert.ok(!result.ok);
    assert.equal(result.problem, 'noPermission');
    assert.equal(rejectsCredentials(result.problem), false);
  });

  it('reports an unreachable endpoint as unreachable', async () => {
    const closed = await startEmulator({ port: 0 });
    const endpoint = new URL(closed.endpoint);
    await closed.close();
    const api = new VodClient({ endpoint, credentials: async () => emulator.credentials, retry: { maxRetries: 0 }, timeoutMs: 2000 });
    const result = await checkCredentials(api);
    assert.ok(!result.ok);
    assert.equal(result.problem, 'unreachable');
  });

  it('stops when cancelled', async () => {
    emulator.faults.set({ hang: 1 });
    const controller = new AbortController();
    const pending = checkCredentials(client(emulator.credentials), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const result = await pending;
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'cancelled');
  });

  it('classifies codes it may meet elsewhere', () => {
    const of = (kind: VodError['kind'], code?: string) => classifyCheckError(new VodError(kind, msg('api.rejected'), { code }));
    assert.equal(of('auth', 'InvalidAccessKeyId.Inactive'), 'unknownKey');
    assert.equal(of('auth', 'IncompleteSignature'), 'badSecret');
    assert.equal(of('auth', 'InvalidSecurityToken.Malformed'), 'badToken');
    assert.equal(of('auth', 'Forbidden.RAM'), 'noPermission');
    assert.equal(of('auth', 'OperationDenied.Suspended'), 'serviceNotOpen');
    assert.equal(of('auth', 'InvalidTimeStamp.Expired'), 'clock');
    assert.equal(of('timeout'), 'unreachable');
    assert.equal(of('server', 'InternalError'), 'other');
  });
});

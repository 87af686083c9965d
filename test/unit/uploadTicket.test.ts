/**
 * CreateUploadImage's UploadAddress / UploadAuth (base64 JSON): decoded, validated, and never echoed
 * into an error, whatever the server sends.
 */
import { strict as assert } from 'node:assert';
import { VodError } from '../../src/vod/errors';
import { credentialLastsFor, parseUploadTicket } from '../../src/vod/upload/uploadTicket';

const b64 = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');
const SECRET = 'TmpSecretNeverInAnErrorMessage01';
const TOKEN = 'CAIS/STS+token/NeverInAnErrorMessage==';
const address = { Endpoint: 'https://oss-cn-shanghai.aliyuncs.com', Bucket: 'outin-4f2d9c1e', FileName: 'image/default/5A1E2B3C-1A2B3C4D5E6F.png' };
const auth = { AccessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez2yEN', AccessKeySecret: SECRET, SecurityToken: TOKEN, Expiration: '2026-12-03T09:00:00Z', ExpireUTCTime: '2026-12-03T09:00:00Z' };

function refusal(fn: () => unknown): VodError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof VodError, `expected a VodError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the ticket to be refused');
}

describe('upload ticket (CreateUploadImage UploadAddress / UploadAuth)', () => {
  it('decodes the documented shape into a PutObject target and a temporary key', () => {
    const ticket = parseUploadTicket(b64(address), b64(auth));
    assert.deepEqual(ticket.target, {
      url: 'https://outin-4f2d9c1e.oss-cn-shanghai.aliyuncs.com/image/default/5A1E2B3C-1A2B3C4D5E6F.png',
      bucket: 'outin-4f2d9c1e',
      objectKey: 'image/default/5A1E2B3C-1A2B3C4D5E6F.png',
    });
    assert.equal(ticket.credentials.accessKeySecret, SECRET);
    assert.equal(ticket.credentials.securityToken, TOKEN);
    assert.equal(ticket.credentials.expiresAt?.toISOString(), '2026-12-03T09:00:00.000Z');
  });

  it('takes an endpoint without a scheme as https, and encodes the file name in the URL only', () => {
    const ticket = parseUploadTicket(b64({ ...address, Endpoint: 'oss-cn-beijing.aliyuncs.com', FileName: '/image/默认 1#?.png' }), b64(auth));
    assert.equal(ticket.target.url, 'https://outin-4f2d9c1e.oss-cn-beijing.aliyuncs.com/image/%E9%BB%98%E8%AE%A4%201%23%3F.png');
    assert.equal(ticket.target.objectKey, 'image/默认 1#?.png');
  });

  it('addresses a loopback endpoint (the emulator) by path, over plain http', () => {
    const ticket = parseUploadTicket(b64({ ...address, Endpoint: 'http://127.0.0.1:4021' }), b64(auth));
    assert.equal(ticket.target.url, 'http://127.0.0.1:4021/outin-4f2d9c1e/image/default/5A1E2B3C-1A2B3C4D5E6F.png');
  });

  it('refuses garbled, hostile and oversized tickets without echoing what they hold', () => {
    const hostile: Array<[unknown, unknown]> = [
      [undefined, b64(auth)],
      [b64(address), ''],
      ['%%%not base64%%%', b64(auth)],
      [b64('{"Endpoint":'), b64(auth)],
      [b64(address), b64(`{"AccessKeySecret":"${SECRET}"`)],
      [b64(address), b64({ ...auth, AccessKeyId: `bad id ${SECRET}` })],
      [b64(address), b64({ ...auth, SecurityToken: 42 })],
      [b64(address), 'A'.repeat(20_000)],
      [b64({ ...address, Endpoint: 'http://oss-cn-shanghai.aliyuncs.com' }), b64(auth)],
      [b64({ ...address, Endpoint: `https://user:${SECRET}@oss.example.com` }), b64(auth)],
      [b64({ ...address, Endpoint: 'https://oss.example.com/path?x=1' }), b64(auth)],
      [b64({ ...address, Endpoint: 'file:///etc/passwd' }), b64(auth)],
      [b64({ ...address, Bucket: 'Evil.Bucket/../x' }), b64(auth)],
      [b64({ ...address, FileName: '../../outside.png' }), b64(auth)],
      [b64({ ...address, FileName: '' }), b64(auth)],
      [b64([address]), b64(auth)],
    ];
    for (const [uploadAddress, uploadAuth] of hostile) {
      const error = refusal(() => parseUploadTicket(uploadAddress, uploadAuth));
      assert.equal(error.kind, 'invalidResponse');
      for (const secret of [SECRET, TOKEN, String(uploadAuth).slice(0, 24)]) {
        if (secret.length > 8) assert.ok(!error.message.includes(secret), `"${error.message}" leaks what the ticket holds`);
      }
    }
  });

  it('tells when the temporary key will not last the upload (ask again rather than fail late)', () => {
    const { credentials } = parseUploadTicket(b64(address), b64(auth));
    const now = new Date('2026-12-03T08:00:00Z');
    assert.equal(credentialLastsFor(credentials, 10 * 60_000, now), true);
    assert.equal(credentialLastsFor(credentials, 59 * 60_000, now), false, 'within a minute of expiry counts as expired');
    const unknown = parseUploadTicket(b64(address), b64({ ...auth, Expiration: 'soon' })).credentials;
    assert.equal(unknown.expiresAt, undefined);
    assert.equal(credentialLastsFor(unknown, 10 * 60_000, now), true);
  });
});

/** mapOssError: what an OSS refusal of the upload becomes, and that nothing from its message is quoted. */
import { strict as assert } from 'node:assert';
import type { TransportResponse } from '../../src/vod/transport';
import { isExpiredUploadCredential, mapOssError } from '../../src/vod/upload/ossErrors';

const TOKEN = 'CAISsecretSecurityTokenValue0123456789abcdefghij';
const KEY_ID = 'STS.UploadTempKeyId0001';

function oss(status: number, fields: Record<string, string>, headers: Record<string, string> = {}): TransportResponse {
  const inner = Object.entries(fields).map(([k, v]) => `<${k}>${v}</${k}>`).join('');
  return { status, headers: { 'content-type': 'application/xml', ...headers }, body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<Error>${inner}</Error>`) };
}

describe('upload: OSS error answers', () => {
  it('SignatureDoesNotMatch echoes the string to sign (key ID, token): none of it reaches the error', () => {
    const error = mapOssError(
      oss(403, {
        Code: 'SignatureDoesNotMatch',
        Message: `The request signature we calculated does not match the signature you provided. ${TOKEN}`,
        RequestId: '5C3D9175B6FC201293AD4890',
        OSSAccessKeyId: KEY_ID,
        StringToSign: `PUT\n\nimage/png\nWed, 01 Jan 2026 00:00:00 GMT\nx-oss-security-token:${TOKEN}\n/bucket/key`,
        StringToSignBytes: '50 55 54',
      }),
    );
    assert.equal(error.kind, 'auth');
    assert.equal(error.code, 'SignatureDoesNotMatch');
    assert.equal(error.requestId, '5C3D9175B6FC201293AD4890');
    for (const text of [error.message, error.toLine()]) {
      assert.ok(!text.includes(TOKEN) && !text.includes(KEY_ID), text);
    }
  });

  it('an expired credential is told by its code, by its EC page, or by the message under another code', () => {
    for (const fields of <Record<string, string>[]>[
      { Code: 'SecurityTokenExpired', Message: 'The security token you provided has expired.' },
      { Code: 'InvalidAccessKeyId', Message: 'x', EC: '0002-00000007' },
      { Code: 'InvalidAccessKeyId', Message: 'The security token you provided has expired.' },
    ]) {
      const error = mapOssError(oss(403, fields));
      assert.ok(isExpiredUploadCredential(error), JSON.stringify(fields));
      assert.equal(error.kind, 'auth');
    }
    assert.ok(!isExpiredUploadCredential(mapOssError(oss(403, { Code: 'InvalidAccessKeyId', Message: 'does not exist' }))));
  });

  it('hostile or missing fields are dropped; statuses still decide the kind', () => {
    const hostile = mapOssError(oss(403, { Code: 'Access\u001b[31mDenied', RequestId: 'id\nforged line' }, { 'x-oss-request-id': 'HEADER-ID-1' }));
    assert.equal(hostile.code, undefined);
    assert.equal(hostile.requestId, 'HEADER-ID-1');
    assert.equal(hostile.kind, 'auth');
    assert.equal(mapOssError(oss(503, {})).kind, 'server');
    assert.equal(mapOssError({ status: 502, headers: {}, body: Buffer.from('<html>bad gateway</html>') }).kind, 'server');
    assert.equal(mapOssError(oss(400, { Code: 'EntityTooLarge' })).kind, 'invalidInput');
    assert.match(mapOssError(oss(403, { Code: 'RequestTimeTooSkewed' })).message, /clock/);
  });
});

/**
 * `signRequest`, the client's entry point. V3 is checked end to end against the official V3-A vector;
 * V1 requests are verified with the SDK's `getRPCSignature` over the parameters parsed back from the body.
 */
import { strict as assert } from 'node:assert';
import OpenApiUtil from '@alicloud/openapi-util';
import { VodError } from '../../src/vod/errors';
import { newNonce, signRequest, type SignInput } from '../../src/vod/signing/signedRequest';
import { V3A } from './support/officialV3Example';

const SECRET = 'test/Secret+With&Odd=Chars';
const TOKEN = 'CAIS-sts+token/with=odd&chars';

function v3Input(overrides: Partial<SignInput> = {}): SignInput {
  return {
    scheme: 'v3',
    endpoint: new URL('https://vod.cn-shanghai.aliyuncs.com'),
    action: 'GetImageInfo',
    version: '2017-03-21',
    params: { ImageId: 'abc123', AuthTimeout: '3600', OutputType: 'cdn' },
    credentials: { accessKeyId: 'LTAIexample', accessKeySecret: SECRET },
    now: new Date('2026-11-29T08:09:10.123Z'),
    nonce: '0123456789abcdef0123456789abcdef',
    ...overrides,
  };
}

function v1Input(overrides: Partial<SignInput> = {}): SignInput {
  return v3Input({ scheme: 'v1', ...overrides });
}

function bodyParams(body: string | undefined): Record<string, string> {
  assert.ok(body !== undefined);
  return Object.fromEntries(new URLSearchParams(body));
}

function withoutSignature(params: Record<string, string>): Record<string, string> {
  const { Signature: _signature, ...rest } = params;
  return rest;
}

describe('signing: signRequest V3', () => {
  it('reproduces the official V3-A Authorization end to end', () => {
    const signed = signRequest({
      scheme: 'v3',
      endpoint: new URL(`https://${V3A.host}`),
      action: V3A.action,
      version: V3A.version,
      params: { ...V3A.params },
      credentials: { accessKeyId: V3A.accessKeyId, accessKeySecret: V3A.accessKeySecret },
      now: new Date(V3A.date),
      nonce: V3A.nonce,
    });
    assert.deepEqual(signed, {
      method: 'POST',
      url: `https://${V3A.host}/?${V3A.query}`,
      headers: { ...V3A.headers, Authorization: V3A.authorization },
      body: undefined,
    });
  });

  it('agrees with the SDK for the request it builds, and the URL query decodes to the params', () => {
    const params = { Match: "Title = 'a b+c' and Status in ('Normal')", PageSize: '100', Empty: '', Emoji: '😀' };
    const signed = signRequest(v3Input({ params }));
    const url = new URL(signed.url);
    assert.equal(url.pathname, '/');
    assert.deepEqual(Object.fromEntries(url.searchParams), params);
    const { Authorization: authorization, ...headers } = signed.headers;
    const sdkRequest = { method: 'POST', pathname: '/', query: params, headers } as unknown as Parameters<
      typeof OpenApiUtil.getAuthorization
    >[0];
    assert.equal(
      authorization,
      OpenApiUtil.getAuthorization(sdkRequest, 'ACS3-HMAC-SHA256', headers['x-acs-content-sha256'] ?? '', 'LTAIexample', SECRET),
    );
  });

  it('has no query string and no body when there are no params', () => {
    const signed = signRequest(v3Input({ params: {} }));
    assert.equal(signed.url, 'https://vod.cn-shanghai.aliyuncs.com/');
    assert.equal(signed.body, undefined);
  });

  it('drops milliseconds from x-acs-date and keeps the port in host (loopback emulator)', () => {
    const signed = signRequest(v3Input({ endpoint: new URL('http://127.0.0.1:8123/ignored/path') }));
    assert.equal(signed.headers['x-acs-date'], '2026-11-29T08:09:10Z');
    assert.equal(signed.headers['host'], '127.0.0.1:8123');
    assert.ok(signed.url.startsWith('http://127.0.0.1:8123/?'));
  });

  it('sends and signs x-acs-security-token with STS credentials', () => {
    const plain = signRequest(v3Input());
    const sts = signRequest(v3Input({ credentials: { accessKeyId: 'LTAIexample', accessKeySecret: SECRET, securityToken: TOKEN } }));
    assert.equal(plain.headers['x-acs-security-token'], undefined);
    assert.doesNotMatch(plain.headers['Authorization'] ?? '', /x-acs-security-token/);
    assert.equal(sts.headers['x-acs-security-token'], TOKEN);
    assert.match(sts.headers['Authorization'] ?? '', /SignedHeaders=[^,]*;x-acs-security-token;/);
    const other = signRequest(
      v3Input({ credentials: { accessKeyId: 'LTAIexample', accessKeySecret: SECRET, securityToken: `${TOKEN}x` } }),
    );
    assert.notEqual(other.headers['Authorization'], sts.headers['Authorization']);
  });

  it('treats an empty STS token as none', () => {
    const signed = signRequest(v3Input({ credentials: { accessKeyId: 'LTAIexample', accessKeySecret: SECRET, securityToken: '' } }));
    assert.deepEqual(signed, signRequest(v3Input()));
  });

  it('a fresh nonce or time changes the signature; the same inputs give the same request', () => {
    const base = signRequest(v3Input()).headers['Authorization'];
    assert.equal(signRequest(v3Input()).headers['Authorization'], base);
    assert.notEqual(signRequest(v3Input({ nonce: newNonce() })).headers['Authorization'], base);
    assert.notEqual(signRequest(v3Input({ now: new Date('2026-11-29T08:09:11Z') })).headers['Authorization'], base);
  });
});

describe('signing: signRequest V1', () => {
  it('posts every parameter in a form body that round-trips and verifies with the SDK', () => {
    const params = { ImageId: 'a b+c/é😀', AuthTimeout: '3600', Empty: '' };
    const signed = signRequest(v1Input({ params }));
    assert.equal(signed.method, 'POST');
    assert.equal(signed.url, 'https://vod.cn-shanghai.aliyuncs.com/');
    assert.equal(signed.headers['content-type'], 'application/x-www-form-urlencoded');
    const sent = bodyParams(signed.body);
    assert.deepEqual(withoutSignature(sent), {
      ...params,
      Action: 'GetImageInfo',
      Version: '2017-03-21',
      Format: 'JSON',
      AccessKeyId: 'LTAIexample',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: '0123456789abcdef0123456789abcdef',
      Timestamp: '2026-11-29T08:09:10Z',
    });
    assert.equal(sent['Signature'], OpenApiUtil.getRPCSignature(withoutSignature(sent), 'POST', SECRET));
    assert.doesNotMatch(signed.body ?? '', /\+/, 'a form body must not use "+" (it would decode as a space)');
  });

  it('sends and signs SecurityToken with STS credentials', () => {
    const signed = signRequest(v1Input({ credentials: { accessKeyId: 'LTAIexample', accessKeySecret: SECRET, securityToken: TOKEN } }));
    const sent = bodyParams(signed.body);
    assert.equal(sent['SecurityToken'], TOKEN);
    assert.equal(sent['Signature'], OpenApiUtil.getRPCSignature(withoutSignature(sent), 'POST', SECRET));
    const forged = { ...withoutSignature(sent), SecurityToken: `${TOKEN}x` };
    assert.notEqual(sent['Signature'], OpenApiUtil.getRPCSignature(forged, 'POST', SECRET));
    assert.equal(bodyParams(signRequest(v1Input()).body)['SecurityToken'], undefined);
  });

  it('a fresh nonce or time changes the signature', () => {
    const base = bodyParams(signRequest(v1Input()).body)['Signature'];
    assert.equal(bodyParams(signRequest(v1Input()).body)['Signature'], base);
    assert.notEqual(bodyParams(signRequest(v1Input({ nonce: newNonce() })).body)['Signature'], base);
    assert.notEqual(bodyParams(signRequest(v1Input({ now: new Date('2026-11-29T08:10:10Z') })).body)['Signature'], base);
  });

  it('refuses action parameters that would overwrite signing parameters', () => {
    for (const name of ['Signature', 'AccessKeyId', 'Timestamp', 'SecurityToken', 'Action']) {
      assert.throws(
        () => signRequest(v1Input({ params: { [name]: 'x' } })),
        (error: unknown) => error instanceof VodError && error.kind === 'invalidInput' && error.message.includes(name),
      );
    }
  });
});

describe('signing: signRequest guards', () => {
  it('never puts the secret into the request', () => {
    for (const scheme of ['v3', 'v1'] as const) {
      const text = JSON.stringify(signRequest(v3Input({ scheme })));
      assert.ok(!text.includes(SECRET) && !text.includes(encodeURIComponent(SECRET)), scheme);
    }
  });

  it('refuses empty credentials or nonce with a VodError that names no secret', () => {
    const noKey = v3Input({ credentials: { accessKeyId: '', accessKeySecret: SECRET } });
    assert.throws(
      () => signRequest(noKey),
      (error: unknown) => error instanceof VodError && error.kind === 'noCredentials' && !error.message.includes(SECRET),
    );
    assert.throws(() => signRequest(v3Input({ credentials: { accessKeyId: 'id', accessKeySecret: '' } })), VodError);
    assert.throws(() => signRequest(v3Input({ nonce: '' })), (error: unknown) => error instanceof VodError && error.kind === 'invalidInput');
  });

  it('newNonce gives 32 hex characters, different each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[0-9a-f]{32}$/);
  });
});

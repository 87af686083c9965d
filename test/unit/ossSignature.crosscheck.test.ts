/**
 * OSS V1 header signing against the official `ali-oss` package's signing functions (dev dependency
 * only) on randomized PutObject-like requests, and the STS token and secret handling of signOssRequest.
 *
 * ali-oss takes the date line from its 4th argument (or `x-oss-date`); we sign the `Date` header, as
 * the OSS reference describes, so the reference is handed the same date string as that argument.
 */
import { strict as assert } from 'node:assert';
import { ossSignature, ossStringToSign, signOssRequest, type OssStringToSignInput } from '../../src/vod/signing/ossSignature';
import { Gen, seededRandom } from './support/randomInputs';

interface AliOssSignUtils {
  buildCanonicalString(method: string, resourcePath: string, request: { headers: Record<string, string>; parameters?: Record<string, string | undefined> }, expires?: string): string;
  authorization(accessKeyId: string, accessKeySecret: string, canonicalString: string): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- ali-oss ships CommonJS without types for this module
const signUtils = require('ali-oss/lib/common/signUtils') as AliOssSignUtils;

const CASES = 1500;
const LETTERS = Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
const DIGITS = Array.from('0123456789');
const KEY_CHARS = [...LETTERS, ...DIGITS, ...Array.from(" /-_.!*'()+=&?#%~"), 'é', '中', '文', '😀', '\u00a0'];
const VALUE_CHARS = [...LETTERS, ...DIGITS, ...Array.from(" -_.:;,/=+*~'()!")];
const METHODS = ['PUT', 'GET', 'POST', 'DELETE', 'HEAD', 'put'];
const SUBRESOURCES = ['acl', 'uploadId', 'partNumber', 'uploads', 'append', 'position', 'response-content-type', 'x-oss-process'];

function randomInput(gen: Gen): OssStringToSignInput & { date: string } {
  const headers: Record<string, string> = {};
  const used = new Set<string>();
  const randomCase = (name: string): string => Array.from(name, (c) => (gen.random() < 0.3 ? c.toUpperCase() : c)).join('');
  const add = (name: string, value: string): void => {
    if (used.has(name.toLowerCase())) return;
    used.add(name.toLowerCase());
    headers[randomCase(name)] = value;
  };
  const padded = (value: string): string => `${' '.repeat(gen.int(0, 2))}${value}${' '.repeat(gen.int(0, 2))}`;
  if (gen.random() < 0.7) add('content-type', gen.pick(['image/png', 'image/jpeg', 'application/octet-stream', 'text/plain; charset=utf-8']));
  if (gen.random() < 0.3) add('content-md5', gen.string([...LETTERS, ...DIGITS, '+', '/'], 22, 22) + '==');
  if (gen.random() < 0.5) add('x-oss-security-token', gen.string([...LETTERS, ...DIGITS, '+', '/', '='], 20, 300));
  const extra = gen.int(0, 5);
  for (let i = 0; i < extra; i++) add(`x-oss-${gen.string([...LETTERS, '-'], 1, 12)}`, padded(gen.string(VALUE_CHARS, 0, 30)));
  if (gen.random() < 0.5) add('content-length', String(gen.int(0, 50_000_000)));
  if (gen.random() < 0.3) add('cache-control', 'no-cache');
  const subresources: Record<string, string | undefined> = {};
  const subCount = gen.random() < 0.6 ? 0 : gen.int(1, 3);
  for (let i = 0; i < subCount; i++) subresources[gen.pick(SUBRESOURCES)] = gen.random() < 0.4 ? undefined : gen.string([...LETTERS, ...DIGITS], 1, 16);
  const date = new Date(Date.UTC(2020 + gen.int(0, 10), gen.int(0, 11), gen.int(1, 28), gen.int(0, 23), gen.int(0, 59), gen.int(0, 59))).toUTCString();
  headers.Date = date;
  return {
    method: gen.pick(METHODS),
    bucket: gen.string([...Array.from('abcdefghijklmnopqrstuvwxyz'), ...DIGITS, '-'], 3, 40),
    objectKey: gen.string(KEY_CHARS, 1, 80).replace(/^\/+/, 'a'),
    headers,
    subresources,
    date,
  };
}

describe('OSS V1 signing, cross-checked with ali-oss', () => {
  it(`builds the same string to sign and Authorization on ${CASES} randomized requests`, () => {
    const seed = 0x0055_1234;
    const gen = new Gen(seededRandom(seed));
    for (let i = 0; i < CASES; i++) {
      const input = randomInput(gen);
      const secret = gen.string([...LETTERS, ...DIGITS], 16, 40);
      const keyId = `STS.${gen.string([...LETTERS, ...DIGITS], 10, 24)}`;
      const reference = signUtils.buildCanonicalString(input.method, `/${input.bucket}/${input.objectKey}`, { headers: { ...input.headers }, parameters: { ...input.subresources } }, input.date);
      const ours = ossStringToSign(input);
      assert.equal(ours, reference, `seed ${seed}, case ${i}: string to sign`);
      assert.equal(`OSS ${keyId}:${ossSignature(secret, ours)}`, signUtils.authorization(keyId, secret, reference), `seed ${seed}, case ${i}: Authorization`);
    }
  });
});

describe('signOssRequest', () => {
  const credentials = { accessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez2yEN', accessKeySecret: 'Fv5zPd9aWkVtSeCretOnlyInTheHmac', securityToken: 'CAIS8gF1q6Ft5B2yfSjIr5bcGvfNuYxu' };
  const date = new Date('2026-12-03T08:00:00Z');

  it('adds Date, the STS token and an Authorization that ali-oss agrees with', () => {
    const headers = signOssRequest({ method: 'PUT', bucket: 'outin-1a2b', objectKey: 'image/default/ABC123.png', headers: { 'Content-Type': 'image/png' } }, credentials, date);
    assert.equal(headers.Date, 'Thu, 03 Dec 2026 08:00:00 GMT');
    assert.equal(headers['x-oss-security-token'], credentials.securityToken);
    const reference = signUtils.buildCanonicalString('PUT', '/outin-1a2b/image/default/ABC123.png', { headers: { 'Content-Type': 'image/png', 'x-oss-security-token': credentials.securityToken } }, headers.Date);
    assert.equal(headers.Authorization, signUtils.authorization(credentials.accessKeyId, credentials.accessKeySecret, reference));
  });

  it('never returns the secret, and sends no token header for a permanent key', () => {
    const headers = signOssRequest({ method: 'PUT', bucket: 'b', objectKey: 'k' }, { accessKeyId: 'LTAIkey', accessKeySecret: credentials.accessKeySecret }, date);
    assert.ok(!JSON.stringify(headers).includes(credentials.accessKeySecret));
    assert.equal(headers['x-oss-security-token'], undefined);
    assert.match(headers.Authorization ?? '', /^OSS LTAIkey:[A-Za-z0-9+/]{27}=$/);
  });
});

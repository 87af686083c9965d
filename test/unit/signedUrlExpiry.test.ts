import assert from 'node:assert/strict';
import { describeExpiry, findSignedUrls, MAX_SIGNED_URL_LENGTH, parseSignedUrlExpiry } from '../../src/vod/signedUrlExpiry';

// The documented type-A example (reference §5): 1444435200 = 2015-10-10T00:00:00Z.
const TYPE_A = 'http://cdn.example.com/video/standard/1K.html?auth_key=1444435200-0-0-80cd3862d699b7118eed99103f2a3a4f';
// An OSS V1 presigned URL (shape from the OSS docs).
const OSS_V1 =
  'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/image/a.jpg?OSSAccessKeyId=LTAIexample&Expires=1700000000&Signature=abc%2Bdef%3D';
// The V4 example of the OSS error page 0002-00000236: signed 2023-12-20T08:30:18Z, valid 86400 s.
const OSS_V4 =
  'https://oss-example.oss-cn-hangzhou.aliyuncs.com/oss.jpg?x-oss-additional-headers=host&x-oss-credential=accesskeyid%2F20231203%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20231220T083018Z&x-oss-expires=86400&x-oss-signature=2c6aa&x-oss-signature-version=OSS4-HMAC-SHA256';

describe('signedUrlExpiry', () => {
  describe('parseSignedUrlExpiry', () => {
    it('reads the type-A auth_key timestamp as the expiry time', () => {
      assert.deepEqual(parseSignedUrlExpiry(TYPE_A), { kind: 'authKey', expiresAt: new Date('2015-10-10T00:00:00Z') });
    });

    it('accepts a UUID-hex rand and a non-zero uid', () => {
      const url = 'https://img.example.com/a.png?auth_key=1700000000-2a4b6c8d0e1f4a5b8c9d0e1f2a3b4c5d-1234-80cd3862d699b7118eed99103f2a3a4f&x=1';
      assert.deepEqual(parseSignedUrlExpiry(url), { kind: 'authKey', expiresAt: new Date(1700000000 * 1000) });
    });

    it('reads OSS V1 Expires', () => {
      assert.deepEqual(parseSignedUrlExpiry(OSS_V1), { kind: 'oss', expiresAt: new Date('2023-11-14T22:13:20Z') });
    });

    it('reads OSS V4 x-oss-date plus x-oss-expires', () => {
      assert.deepEqual(parseSignedUrlExpiry(OSS_V4), { kind: 'oss', expiresAt: new Date('2023-12-21T08:30:18Z') });
    });

    it('returns none for unsigned, unparsable and malformed URLs', () => {
      for (const url of [
        'https://cdn.example.com/a.png',
        'https://cdn.example.com/a.png?w=100',
        'not a url',
        '',
        'https://cdn.example.com/a.png?auth_key=abc-0-0-hash',
        'https://cdn.example.com/a.png?auth_key=1444435200-0-0',
        'https://cdn.example.com/a.png?auth_key=1444435200-0-0-hash-extra',
        'https://cdn.example.com/a.png?Expires=tomorrow',
        'https://cdn.example.com/a.png?Expires=-1',
        'https://cdn.example.com/a.png?expires=1700000000',
        'https://x.oss-cn-hangzhou.aliyuncs.com/a?x-oss-date=20231320T083018Z&x-oss-expires=60',
        'https://x.oss-cn-hangzhou.aliyuncs.com/a?x-oss-date=20231220T083060Z&x-oss-expires=60',
        'https://x.oss-cn-hangzhou.aliyuncs.com/a?x-oss-expires=60',
      ]) {
        assert.deepEqual(parseSignedUrlExpiry(url), { kind: 'none' }, url);
      }
    });
  });

  describe('findSignedUrls', () => {
    it('finds signed URLs with offsets, skipping unsigned ones', () => {
      const text = `see ${TYPE_A} and https://example.com/plain.png?w=1 or\n"${OSS_V1}"`;
      const found = findSignedUrls(text);
      assert.deepEqual(
        found.map((f) => [f.url, f.start, f.end, f.expiry.kind]),
        [
          [TYPE_A, 4, 4 + TYPE_A.length, 'authKey'],
          [OSS_V1, text.indexOf(OSS_V1), text.indexOf(OSS_V1) + OSS_V1.length, 'oss'],
        ],
      );
      for (const f of found) assert.equal(text.slice(f.start, f.end), f.url);
    });

    it('leaves sentence punctuation and an enclosing parenthesis out', () => {
      assert.equal(findSignedUrls(`Open ${TYPE_A}.`)[0]?.url, TYPE_A);
      assert.equal(findSignedUrls(`[img](${TYPE_A})`)[0]?.url, TYPE_A);
      assert.equal(findSignedUrls(`<a href='${OSS_V1}'>`)[0]?.url, OSS_V1);
      assert.equal(findSignedUrls(`\`${OSS_V4}\`,`)[0]?.url, OSS_V4);
    });

    it('keeps a closing parenthesis that belongs to the URL', () => {
      const url = 'https://cdn.example.com/a_(1).png?auth_key=1444435200-0-0-80cd3862d699b7118eed99103f2a3a4f';
      assert.equal(findSignedUrls(`(${url})`)[0]?.url, url);
    });

    it('stays linear on hostile bracket runs (a hover must not block the host)', () => {
      const brackets = `https://a/?${'('.repeat(32_000)}${')'.repeat(32_000)}`;
      const punctuation = `https://a/?${').'.repeat(32_000)}x`;
      for (const text of [brackets, punctuation, `${brackets} ${TYPE_A}`]) {
        const started = performance.now();
        findSignedUrls(text);
        assert.ok(performance.now() - started < 100, `took ${Math.round(performance.now() - started)} ms`);
      }
      assert.equal(findSignedUrls(`${brackets} ${TYPE_A}`)[0]?.url, TYPE_A, 'a normal URL after the long one is still found');
    });

    it('skips a candidate longer than any signed URL', () => {
      const long = `${TYPE_A}&pad=${'x'.repeat(MAX_SIGNED_URL_LENGTH)}`;
      assert.deepEqual(findSignedUrls(long), []);
    });

    it('returns nothing for text without signed URLs', () => {
      assert.deepEqual(findSignedUrls('no urls here, auth_key=1-2-3-4 alone'), []);
      assert.deepEqual(findSignedUrls(''), []);
    });
  });

  describe('describeExpiry', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

    it('describes a future expiry with the two largest units', () => {
      assert.equal(describeExpiry(at(2 * 3600 + 5 * 60 + 30), now), 'expires in 2 h 5 min');
      assert.equal(describeExpiry(at(45), now), 'expires in 45 s');
      assert.equal(describeExpiry(at(86400 * 3 + 60), now), 'expires in 3 days');
      assert.equal(describeExpiry(at(0.5), now), 'expires in less than a second');
    });

    it('describes a past expiry', () => {
      assert.equal(describeExpiry(at(-3 * 86400), now), 'expired 3 days ago');
      assert.equal(describeExpiry(at(-90), now), 'expired 1 min 30 s ago');
      assert.equal(describeExpiry(now, now), 'expired just now');
    });

    it('says so when the date is invalid', () => {
      assert.equal(describeExpiry(new Date(Number.NaN), now), 'expiry unknown');
    });

    it('works end to end on a parsed URL', () => {
      const expiry = parseSignedUrlExpiry(TYPE_A);
      assert.ok(expiry.kind === 'authKey');
      assert.equal(describeExpiry(expiry.expiresAt, new Date('2015-10-09T22:00:00Z')), 'expires in 2 h');
      assert.equal(describeExpiry(expiry.expiresAt, new Date('2015-10-12T00:00:00Z')), 'expired 2 days ago');
    });
  });
});

import assert from 'node:assert/strict';
import { redactText, redactUrl, REDACTED } from '../../src/vod/redact';

const SECRET = 'kYw9Xh2pQ7vT4mN8bR1cL6sD3fG5jA';
const TOKEN = 'CAIS+gF1q6Ft5B2yfSjIr5b/Kdn2gLtE0Y6Ja1/Tk2M=';
const CDN_URL = 'https://cdn.example.com/image/cover/a.png?auth_key=1444435200-0-0-80cd3862d699b7118eed99103f2a3a4f';
const OSS_URL =
  'https://bucket.oss-cn-shanghai.aliyuncs.com/image/a.jpg?OSSAccessKeyId=STS.NTxyz&Expires=1700000000&Signature=abc%2Bdef%3D&security-token=CAIS%2BgF1';

describe('redact', () => {
  describe('redactUrl', () => {
    it('keeps scheme, host and path and drops the whole query', () => {
      assert.equal(redactUrl(CDN_URL), `https://cdn.example.com/image/cover/a.png?${REDACTED}`);
      assert.equal(redactUrl(OSS_URL), `https://bucket.oss-cn-shanghai.aliyuncs.com/image/a.jpg?${REDACTED}`);
    });

    it('leaves a URL without query or credentials as it is', () => {
      assert.equal(redactUrl('https://vod.cn-shanghai.aliyuncs.com/'), 'https://vod.cn-shanghai.aliyuncs.com/');
      assert.equal(redactUrl('http://[::1]:8080/a'), 'http://[::1]:8080/a');
    });

    it('redacts a user name and password in the authority', () => {
      assert.equal(redactUrl('https://alice:s3cret@proxy.example.com:8080/x?y=1'), `https://${REDACTED}@proxy.example.com:8080/x?${REDACTED}`);
    });

    it('works on strings that are not valid URLs', () => {
      assert.equal(redactUrl('/relative/path?Signature=abc'), `/relative/path?${REDACTED}`);
      assert.equal(redactUrl('::garbage::?token=1'), `::garbage::?${REDACTED}`);
    });
  });

  describe('redactText', () => {
    it('replaces every occurrence of each given secret', () => {
      const text = `secret=${SECRET}; again ${SECRET}; token ${TOKEN}`;
      const result = redactText(text, [SECRET, TOKEN]);
      assert.ok(!result.includes(SECRET));
      assert.ok(!result.includes(TOKEN));
      assert.equal(result.split(REDACTED).length - 1, 3);
    });

    it('replaces percent-encoded forms of a secret', () => {
      const encoded = encodeURIComponent(TOKEN);
      assert.notEqual(encoded, TOKEN);
      const result = redactText(`body: SecurityToken2=${encoded}`, [TOKEN]);
      assert.ok(!result.includes(encoded));
    });

    it('replaces the longest secret first so none leaks in pieces', () => {
      const short = 'abcd1234';
      const long = `${short}WXYZ`;
      assert.equal(redactText(`x ${long} y`, [short, long]), `x ${REDACTED} y`);
    });

    it('ignores secrets shorter than 4 characters', () => {
      assert.equal(redactText('a b c abc', ['abc', '', 'a']), 'a b c abc');
    });

    it('drops URL query strings inside free text', () => {
      const text = `GET ${CDN_URL} failed; see "${OSS_URL}" (retry)`;
      const result = redactText(text);
      assert.equal(
        result,
        `GET https://cdn.example.com/image/cover/a.png?${REDACTED} failed; see "https://bucket.oss-cn-shanghai.aliyuncs.com/image/a.jpg?${REDACTED}" (retry)`,
      );
    });

    it('drops the query of a request line and of a JSON-escaped URL', () => {
      assert.equal(redactText('GET /?Action=GetImageInfo&Signature=abc HTTP/1.1'), `GET /?${REDACTED} HTTP/1.1`);
      assert.equal(
        redactText('{"URL":"https:\\/\\/cdn.example.com\\/a.png?auth_key=1-0-0-abc"}'),
        `{"URL":"https:\\/\\/cdn.example.com\\/a.png?${REDACTED}"}`,
      );
    });

    it('keeps question marks of ordinary prose', () => {
      const prose = 'Is the image missing? Try again? Yes.';
      assert.equal(redactText(prose), prose);
    });

    it('redacts values of well-known secret names outside URLs', () => {
      const config = '{"name":"default","mode":"AK","access_key_id":"LTAI5tExample","access_key_secret":"verysecretvalue","sts_token":"tok"}';
      const result = redactText(config);
      assert.ok(!result.includes('LTAI5tExample'));
      assert.ok(!result.includes('verysecretvalue'));
      assert.ok(!result.includes('"tok"'));
      assert.ok(result.includes('"mode":"AK"'));

      const header = 'Authorization: ACS3-HMAC-SHA256 Credential=LTAI5tExample,SignedHeaders=host;x-acs-date,Signature=0123abcd';
      assert.ok(!redactText(header).includes('0123abcd'));
      assert.ok(!redactText('x-acs-security-token: CAISabc').includes('CAISabc'));
      assert.ok(!redactText('AccessKeySecret = hunter22').includes('hunter22'));
    });

    it('redacts credentials in URLs inside text', () => {
      assert.equal(redactText('proxy http://bob:pw123@10.0.0.1:3128 down'), `proxy http://${REDACTED}@10.0.0.1:3128 down`);
    });

    it('leaves text without secrets or queries unchanged', () => {
      const text = 'Image 5aed81b74ba84920be578cdfe004af4b not found (Code: InvalidImage.NotFound) · RequestId: 25818875-5F78-4A13';
      assert.equal(redactText(text, [SECRET]), text);
    });

    it('stays fast on a large pathological line', () => {
      const text = '=/'.repeat(500_000) + '?a'.repeat(200_000) + 'a+'.repeat(300_000);
      const started = performance.now();
      redactText(text, [SECRET]);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 1000, `took ${elapsed} ms`);
    });
  });
});

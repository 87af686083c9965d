/**
 * Signing against the official worked examples: the VOD "Signature method" page (V1-A), the ECS
 * "Signature" pages (V1-B, V1-C) and the "V3 request structure and signature" page (V3-A). Expected
 * strings are copied from the docs, not computed by our code.
 */
import { strict as assert } from 'node:assert';
import { createHash, createHmac } from 'node:crypto';
import {
  acs3Authorization,
  acs3CanonicalRequest,
  acs3Signature,
  acs3StringToSign,
  EMPTY_BODY_SHA256,
  sha256Hex,
  type Acs3Input,
} from '../../src/vod/signing/acs3';
import { canonicalQueryString, compareCodePoints } from '../../src/vod/signing/canonicalQuery';
import { percentEncode } from '../../src/vod/signing/percentEncode';
import { rpcV1CanonicalQuery, rpcV1StringToSign, signRpcV1 } from '../../src/vod/signing/rpcV1';
import { formatAcsTimestamp } from '../../src/vod/signing/timestamp';
import { V3A } from './support/officialV3Example';

describe('signing: percentEncode', () => {
  it('matches the documented edge check', () => {
    assert.equal(percentEncode("a b+c*d~e/f:g'h(i)!é"), 'a%20b%2Bc%2Ad~e%2Ff%3Ag%27h%28i%29%21%C3%A9');
  });

  it('keeps exactly the RFC 3986 unreserved set and escapes every other ASCII byte in uppercase hex', () => {
    const unreserved = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~';
    for (let code = 0; code < 128; code++) {
      const char = String.fromCharCode(code);
      const expected = unreserved.includes(char) ? char : `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
      assert.equal(percentEncode(char), expected, `code ${code}`);
    }
  });

  it('encodes astral characters as their four UTF-8 bytes', () => {
    assert.equal(percentEncode('😀'), '%F0%9F%98%80');
    assert.equal(percentEncode('中'), '%E4%B8%AD');
    assert.equal(percentEncode(''), '');
  });

  it('turns a lone surrogate into U+FFFD, as URLSearchParams does, instead of throwing', () => {
    const lone = '\ud800';
    assert.equal(percentEncode(`a${lone}b`), 'a%EF%BF%BDb');
    assert.equal(new URLSearchParams({ v: `a${lone}b` }).toString(), 'v=a%EF%BF%BDb');
  });
});

describe('signing: canonical query', () => {
  it('sorts names by code point, not by UTF-16 unit', () => {
    // U+FF61 sorts after U+1F600 in UTF-16 units (0xD83D < 0xFF61) but before it by code point.
    assert.ok(compareCodePoints('\uff61', '😀') < 0);
    assert.ok('\uff61' > '😀');
    assert.equal(canonicalQueryString({ '😀': '1', '\uff61': '2' }), '%EF%BD%A1=2&%F0%9F%98%80=1');
  });

  it('sorts prefixes first and is empty for no parameters', () => {
    assert.equal(canonicalQueryString({ ab: '2', a: '1', B: '3' }), 'B=3&a=1&ab=2');
    assert.equal(canonicalQueryString({}), '');
  });
});

describe('signing: RPC V1 official vectors', () => {
  // V1-A: VOD "Signature method" example (GetVideoPlayAuth).
  const v1a = {
    AccessKeyId: 'testAccessKeyId',
    Action: 'GetVideoPlayAuth',
    Format: 'JSON',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '8f8a035d-6496-4268-afd4-67c22837e38d',
    SignatureVersion: '1.0',
    Timestamp: '2017-10-10T12:02:54Z',
    Version: '2017-03-21',
    VideoId: '5aed81b74ba84920be578cdfe004af4b',
  };

  it('V1-A: StringToSign and signature', () => {
    assert.equal(
      rpcV1StringToSign('GET', v1a),
      'GET&%2F&AccessKeyId%3DtestAccessKeyId%26Action%3DGetVideoPlayAuth%26Format%3DJSON%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D8f8a035d-6496-4268-afd4-67c22837e38d%26SignatureVersion%3D1.0%26Timestamp%3D2017-10-10T12%253A02%253A54Z%26Version%3D2017-03-21%26VideoId%3D5aed81b74ba84920be578cdfe004af4b',
    );
    assert.equal(signRpcV1('GET', v1a, 'testAccessKeySecret'), 'Ibgh7y8Vp47LBuAsf5Xhi1SvDss=');
  });

  it('V1-A: the signed URL of the doc is our canonical query plus the encoded signature', () => {
    const signature = signRpcV1('GET', v1a, 'testAccessKeySecret');
    assert.equal(
      `http://vod.cn-shanghai.aliyuncs.com?${rpcV1CanonicalQuery(v1a)}&Signature=${percentEncode(signature)}`,
      'http://vod.cn-shanghai.aliyuncs.com?AccessKeyId=testAccessKeyId&Action=GetVideoPlayAuth&Format=JSON&SignatureMethod=HMAC-SHA1&SignatureNonce=8f8a035d-6496-4268-afd4-67c22837e38d&SignatureVersion=1.0&Timestamp=2017-10-10T12%3A02%3A54Z&Version=2017-03-21&VideoId=5aed81b74ba84920be578cdfe004af4b&Signature=Ibgh7y8Vp47LBuAsf5Xhi1SvDss%3D',
    );
  });

  it('V1-A: a Signature parameter already present is not signed', () => {
    assert.equal(signRpcV1('GET', { ...v1a, Signature: 'stale' }, 'testAccessKeySecret'), 'Ibgh7y8Vp47LBuAsf5Xhi1SvDss=');
  });

  it('V1-A with the doc misspelling TimeStamp gives the computed alternative', () => {
    const { Timestamp, ...rest } = v1a;
    assert.equal(signRpcV1('GET', { ...rest, TimeStamp: Timestamp }, 'testAccessKeySecret'), 'y7bxGI/A7mac6a+GYiAkfjNOgZ4=');
  });

  // V1-B: ECS "Signature" example (DescribeRegions).
  const v1b = {
    AccessKeyId: 'testid',
    Action: 'DescribeRegions',
    Format: 'XML',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    SignatureVersion: '1.0',
    Timestamp: '2016-02-23T12:46:24Z',
    Version: '2014-05-26',
  };
  const v1bStringToSign =
    'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26';

  it('V1-B: canonical query, StringToSign and signature', () => {
    assert.equal(
      rpcV1CanonicalQuery(v1b),
      'AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26',
    );
    assert.equal(rpcV1StringToSign('GET', v1b), v1bStringToSign);
    assert.equal(signRpcV1('GET', v1b, 'testsecret'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    assert.equal(percentEncode(signRpcV1('GET', v1b, 'testsecret')), 'OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D');
  });

  it('V1-C: the TimeStamp variant', () => {
    const { Timestamp, ...rest } = v1b;
    const params = { ...rest, TimeStamp: Timestamp };
    assert.equal(
      rpcV1StringToSign('GET', params),
      v1bStringToSign.replace('%26Timestamp%3D', '%26TimeStamp%3D'),
    );
    assert.equal(signRpcV1('GET', params, 'testsecret'), 'CT9X0VtwR86fNWSnsc6v8YGOjuE=');
  });

  it('negative vector: keying HMAC with the bare secret (no "&") gives a different, known value', () => {
    const bareKey = createHmac('sha1', 'testsecret').update(rpcV1StringToSign('GET', v1b)).digest('base64');
    assert.equal(bareKey, 'R8VkbeU3DqhHmAVCdxW/CjqsRK0=');
    assert.notEqual(signRpcV1('GET', v1b, 'testsecret'), bareKey);
  });

  it('the method is part of what is signed', () => {
    assert.notEqual(signRpcV1('POST', v1b, 'testsecret'), signRpcV1('GET', v1b, 'testsecret'));
    assert.ok(rpcV1StringToSign('POST', v1b).startsWith('POST&%2F&'));
  });
});

describe('signing: ACS3 official vector V3-A', () => {
  const input: Acs3Input = {
    method: 'POST',
    pathname: '/',
    query: { RegionId: 'cn-shanghai', ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd' },
    headers: { ...V3A.headers },
  };
  const expectedCanonical = [
    'POST',
    '/',
    'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
    'host:ecs.cn-shanghai.aliyuncs.com',
    'x-acs-action:RunInstances',
    'x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'x-acs-date:2023-10-26T10:22:32Z',
    'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d',
    'x-acs-version:2014-05-26',
    '',
    'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ].join('\n');

  it('canonical request, StringToSign, signature and Authorization', () => {
    const { canonicalRequest, signedHeaders } = acs3CanonicalRequest(input);
    assert.equal(canonicalRequest, expectedCanonical);
    assert.equal(signedHeaders, 'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version');
    const stringToSign = acs3StringToSign(canonicalRequest);
    assert.equal(stringToSign, 'ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259');
    assert.equal(
      acs3Signature(stringToSign, 'YourAccessKeySecret'),
      '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
    assert.equal(acs3Authorization(input, V3A.accessKeyId, V3A.accessKeySecret), V3A.authorization);
  });

  it('header names are matched case-insensitively, values trimmed, unsigned headers left out', () => {
    const messy: Acs3Input = {
      ...input,
      headers: {
        Host: '  ecs.cn-shanghai.aliyuncs.com ',
        'X-Acs-Action': 'RunInstances\t',
        'x-acs-version': '2014-05-26',
        'x-acs-date': '2023-10-26T10:22:32Z',
        'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
        'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'user-agent': 'test',
        accept: 'application/json',
      },
    };
    assert.equal(acs3CanonicalRequest(messy).canonicalRequest, expectedCanonical);
  });

  it('content-type is signed when present', () => {
    const withType = { ...input, headers: { ...input.headers, 'Content-Type': 'application/json' } };
    assert.equal(
      acs3CanonicalRequest(withType).signedHeaders,
      'content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
    );
  });

  it('refuses one header given under two spellings', () => {
    assert.throws(() => acs3CanonicalRequest({ ...input, headers: { ...input.headers, HOST: 'other' } }), /host/);
  });

  it('the body hash is the last line and the empty-body constant is SHA-256 of nothing', () => {
    assert.equal(EMPTY_BODY_SHA256, createHash('sha256').update('').digest('hex'));
    assert.equal(sha256Hex(new Uint8Array()), EMPTY_BODY_SHA256);
    const body = 'a=1&ü=2';
    const expected = createHash('sha256').update(Buffer.from(body, 'utf8')).digest('hex');
    assert.equal(sha256Hex(body), expected);
    assert.equal(sha256Hex(new TextEncoder().encode(body)), expected);
    assert.ok(acs3CanonicalRequest({ ...input, body }).canonicalRequest.endsWith(`\n${expected}`));
  });

  it('percent-encodes path segments and keeps the slashes', () => {
    const lines = acs3CanonicalRequest({ ...input, pathname: '/a b/c+d*~' }).canonicalRequest.split('\n');
    assert.equal(lines[1], '/a%20b/c%2Bd%2A~');
  });
});

describe('signing: timestamp', () => {
  it('formats UTC without milliseconds', () => {
    assert.equal(formatAcsTimestamp(new Date('2024-01-02T03:04:05.678Z')), '2024-01-02T03:04:05Z');
    assert.equal(formatAcsTimestamp(new Date(Date.UTC(2017, 9, 10, 12, 2, 54))), '2017-10-10T12:02:54Z');
  });

  it('refuses an invalid date', () => {
    assert.throws(() => formatAcsTimestamp(new Date('nope')), RangeError);
  });
});

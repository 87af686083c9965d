/**
 * The emulator's gateway authentication. Requests are signed with the official SDK functions, then
 * broken in one way each; the official worked examples (vod-api.md §3, §4) are replayed byte for byte
 * against an emulator whose clock is set to the example's time, so the verifier is also checked
 * against values that do not come from the SDK.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { type RunningEmulator, startEmulator } from '../emulator';
import { callApi, getUrl, type RawResponse, sendRaw, type SignedCallOptions } from '../emulator/rawClient';
import { V3A } from './support/officialV3Example';

let emulator: RunningEmulator;

before(async () => {
  emulator = await startEmulator({ port: 0 });
});
after(() => emulator.close());
afterEach(() => emulator.faults.reset());

function plainId(): string {
  const image = emulator.images.find((i) => i.traits.includes('plain'));
  assert.ok(image);
  return image.imageId;
}

function getInfo(options: Partial<SignedCallOptions>): Promise<RawResponse> {
  return callApi(emulator.endpoint, 'GetImageInfo', { ImageId: plainId() }, { credentials: emulator.credentials, ...options });
}

function assertCode(response: RawResponse, status: number, code: string): void {
  assert.equal(response.status, status, response.text());
  assert.equal(response.json()['Code'], code);
}

const MINUTE = 60_000;

for (const scheme of ['v3', 'v1'] as const) {
  describe(`emulator auth (${scheme})`, () => {
    it('accepts a correctly signed request, by POST and by GET', async () => {
      assert.equal((await getInfo({ scheme })).status, 200);
      assert.equal((await getInfo({ scheme, method: 'GET' })).status, 200);
    });

    it('answers SignatureDoesNotMatch (400) for a wrong secret', async () => {
      const credentials = { ...emulator.credentials, accessKeySecret: `${emulator.credentials.accessKeySecret}x` };
      assertCode(await getInfo({ scheme, credentials }), 400, 'SignatureDoesNotMatch');
    });

    it('answers SignatureDoesNotMatch when a parameter changes after signing', async () => {
      const tamper =
        scheme === 'v3'
          ? (r: { url: URL }) => r.url.searchParams.set('ImageId', emulator.missingImageId)
          : (r: { body: string | undefined }) => {
              r.body = r.body?.replace(/ImageId=[0-9a-f]+/, `ImageId=${emulator.missingImageId}`);
            };
      assertCode(await getInfo({ scheme, tamper: tamper as SignedCallOptions['tamper'] }), 400, 'SignatureDoesNotMatch');
    });

    it('answers InvalidAccessKeyId.NotFound (404) for an unknown AccessKeyId', async () => {
      const credentials = { accessKeyId: 'LTAI5tNobodyKnowsThisKey', accessKeySecret: 'whatever' };
      assertCode(await getInfo({ scheme, credentials }), 404, 'InvalidAccessKeyId.NotFound');
    });

    it('accepts timestamps within 15 minutes of its clock and refuses others with InvalidTimeStamp.Expired', async () => {
      assert.equal((await getInfo({ scheme, date: new Date(Date.now() - 14 * MINUTE) })).status, 200);
      assert.equal((await getInfo({ scheme, date: new Date(Date.now() + 14 * MINUTE) })).status, 200);
      assertCode(await getInfo({ scheme, date: new Date(Date.now() - 16 * MINUTE) }), 400, 'InvalidTimeStamp.Expired');
      assertCode(await getInfo({ scheme, date: new Date(Date.now() + 16 * MINUTE) }), 400, 'InvalidTimeStamp.Expired');
    });

    it("judges time by its own (offset) clock", async () => {
      emulator.faults.set({ clockOffsetMs: 20 * MINUTE });
      const skewed = await getInfo({ scheme });
      assertCode(skewed, 400, 'InvalidTimeStamp.Expired');
      const serverNow = Date.parse(String(skewed.headers['date']));
      assert.ok(Math.abs(serverNow - (Date.now() + 20 * MINUTE)) < 5000);
      assert.equal((await getInfo({ scheme, date: new Date(serverNow) })).status, 200);
    });

    it('answers SignatureNonceUsed (400) when a nonce comes again', async () => {
      const nonce = randomUUID();
      assert.equal((await getInfo({ scheme, nonce })).status, 200);
      assertCode(await getInfo({ scheme, nonce }), 400, 'SignatureNonceUsed');
    });

    it('checks the STS token of the STS AccessKey', async () => {
      const sts = emulator.stsCredentials;
      assert.equal((await getInfo({ scheme, credentials: sts })).status, 200);
      assertCode(await getInfo({ scheme, credentials: { ...sts, securityToken: emulator.expiredSecurityToken } }), 400, 'InvalidSecurityToken.Expired');
      assertCode(await getInfo({ scheme, credentials: { ...sts, securityToken: 'not-a-token' } }), 400, 'InvalidSecurityToken.Malformed');
      const { securityToken: _omit, ...noToken } = sts;
      assertCode(await getInfo({ scheme, credentials: noToken }), 400, 'InvalidSecurityToken.MismatchWithAccessKey');
      const akWithToken = { ...emulator.credentials, securityToken: sts.securityToken };
      assertCode(await getInfo({ scheme, credentials: akWithToken }), 400, 'InvalidSecurityToken.MismatchWithAccessKey');
    });

    it('answers Forbidden.RAM (403) for the forbidden AccessKey, whatever the action', async () => {
      assertCode(await getInfo({ scheme, credentials: emulator.forbiddenCredentials }), 403, 'Forbidden.RAM');
      const search = await callApi(emulator.endpoint, 'SearchMedia', { SearchType: 'image' }, { scheme, credentials: emulator.forbiddenCredentials });
      assertCode(search, 403, 'Forbidden.RAM');
    });

    it('answers InvalidVersion for another API version', async () => {
      assertCode(await getInfo({ scheme, version: '2014-05-26' }), 400, 'InvalidVersion');
    });
  });
}

describe('emulator auth: missing pieces', () => {
  it('V3: a missing x-acs-date is MissingParameter; an Authorization without Signature is IncompleteSignature', async () => {
    assertCode(
      await getInfo({ tamper: (r) => void delete r.headers['x-acs-date'] }),
      400,
      'MissingParameter',
    );
    assertCode(
      await getInfo({ tamper: (r) => void (r.headers['authorization'] = (r.headers['authorization'] ?? '').replace(/,Signature=.*$/, '')) }),
      400,
      'IncompleteSignature',
    );
  });

  it('V3: an x-acs-* header left out of SignedHeaders is IncompleteSignature', async () => {
    assertCode(await getInfo({ tamper: (r) => void (r.headers['x-acs-extra'] = 'sneaked in') }), 400, 'IncompleteSignature');
  });

  it('V3: a body that does not match x-acs-content-sha256 is refused', async () => {
    const response = await getInfo({
      tamper: (r) => {
        r.body = 'ImageId=other';
        r.headers['content-type'] = 'application/x-www-form-urlencoded';
      },
    });
    assertCode(response, 400, 'SignatureDoesNotMatch');
  });

  it('V1: a missing SignatureNonce is MissingParameter, a missing Signature IncompleteSignature', async () => {
    const drop = (name: string) => (r: { body: string | undefined }) => {
      r.body = r.body?.split('&').filter((p) => !p.startsWith(`${name}=`)).join('&');
    };
    assertCode(await getInfo({ scheme: 'v1', tamper: drop('SignatureNonce') as SignedCallOptions['tamper'] }), 400, 'MissingParameter');
    assertCode(await getInfo({ scheme: 'v1', tamper: drop('Signature') as SignedCallOptions['tamper'] }), 400, 'IncompleteSignature');
  });

  it('no signature at all is IncompleteSignature', async () => {
    const response = await getUrl(`${emulator.endpoint}/?Action=GetImageInfo&ImageId=${plainId()}`);
    assertCode(response, 400, 'IncompleteSignature');
  });
});

describe('emulator auth: official worked examples', () => {
  // Each replays a documented request exactly; passing the signature check shows up as the next
  // check failing (the example's action or version is not a VOD image one).

  it('accepts V1-A (vod-docs Signature method) and refuses it with one character changed', async () => {
    const example = await startEmulator({ accessKeyId: 'testAccessKeyId', accessKeySecret: 'testAccessKeySecret' });
    try {
      example.faults.set({ clockOffsetMs: Date.parse('2017-10-10T12:02:54Z') - Date.now() });
      const query =
        'AccessKeyId=testAccessKeyId&Action=GetVideoPlayAuth&Format=JSON&SignatureMethod=HMAC-SHA1' +
        '&SignatureNonce=8f8a035d-6496-4268-afd4-67c22837e38d&SignatureVersion=1.0&Timestamp=2017-10-10T12%3A02%3A54Z' +
        '&Version=2017-03-21&VideoId=5aed81b74ba84920be578cdfe004af4b&Signature=Ibgh7y8Vp47LBuAsf5Xhi1SvDss%3D';
      const tampered = await getUrl(`${example.endpoint}/?${query.replace('VideoId=5', 'VideoId=6')}`);
      assertCode(tampered, 400, 'SignatureDoesNotMatch');
      assertCode(await getUrl(`${example.endpoint}/?${query}`), 404, 'InvalidAction.NotFound');
    } finally {
      await example.close();
    }
  });

  it('accepts V3-A (the V3 "fixed parameter values" example) and refuses it with one character changed', async () => {
    const example = await startEmulator({ accessKeyId: V3A.accessKeyId, accessKeySecret: V3A.accessKeySecret });
    try {
      example.faults.set({ clockOffsetMs: Date.parse(V3A.date) - Date.now() });
      const headers = { ...V3A.headers, authorization: V3A.authorization };
      const url = new URL(`${example.endpoint}/?${V3A.query}`);
      const changed = new URL(url.href.replace('RegionId=cn-shanghai', 'RegionId=cn-shanghaj'));
      assertCode(await sendRaw({ method: 'POST', url: changed, headers, body: undefined }), 400, 'SignatureDoesNotMatch');
      assertCode(await sendRaw({ method: 'POST', url, headers, body: undefined }), 400, 'InvalidVersion');
    } finally {
      await example.close();
    }
  });
});

/**
 * The emulator's write side, driven with the product's own upload pieces: CreateUploadImage, the
 * ticket decoded by parseUploadTicket, the PutObject signed by signOssRequest (which the emulator checks
 * with ali-oss's functions), then UpdateImageInfos and DeleteImage. Also what OSS refuses.
 */
import assert from 'node:assert/strict';
import { type RunningEmulator, startEmulator } from '../emulator';
import { encodePng } from '../emulator/png';
import { callApi, getUrl, type RawResponse } from '../emulator/rawClient';
import { signOssRequest } from '../../src/vod/signing/ossSignature';
import { parseUploadTicket, type UploadTicket } from '../../src/vod/upload/uploadTicket';

type Json = Record<string, any>;
let emulator: RunningEmulator;

function call(action: string, params: Record<string, string> = {}): Promise<RawResponse> {
  return callApi(emulator.endpoint, action, params, { credentials: emulator.credentials });
}

async function createUpload(params: Record<string, string> = {}): Promise<{ imageId: string; ticket: UploadTicket; body: Json }> {
  const response = await call('CreateUploadImage', { ImageType: 'default', ImageExt: 'png', Title: 'Uploaded hero', ...params });
  assert.equal(response.status, 200, response.text());
  const body = response.json() as Json;
  return { imageId: body['ImageId'], ticket: parseUploadTicket(body['UploadAddress'], body['UploadAuth']), body };
}

async function put(ticket: UploadTicket, bytes: Buffer, tweak: (headers: Record<string, string>) => void = () => undefined): Promise<Response> {
  const headers = signOssRequest({ method: 'PUT', bucket: ticket.target.bucket, objectKey: ticket.target.objectKey, headers: { 'Content-Type': 'image/png' } }, ticket.credentials, new Date());
  tweak(headers);
  return fetch(ticket.target.url, { method: 'PUT', headers, body: new Uint8Array(bytes) });
}

async function imageInfo(imageId: string): Promise<RawResponse> {
  return call('GetImageInfo', { ImageId: imageId });
}

async function waitForStatus(imageId: string, want: string): Promise<Json> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const info = (await imageInfo(imageId)).json()['ImageInfo'] as Json;
    if (info['Status'] === want) return info;
    if (Date.now() > deadline) assert.fail(`image ${imageId} is ${info['Status']}, never ${want}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const png = encodePng({ width: 300, height: 200, channels: 3, pixels: new Uint8Array(300 * 200 * 3).fill(90) });

describe('emulator: uploads, edits and deletes', function () {
  this.timeout(20_000);
  before(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  after(async () => {
    await emulator.close();
  });
  afterEach(() => emulator.faults.reset());

  it('CreateUploadImage → signed PutObject → Uploading, then Normal, served at its URL', async () => {
    const { imageId, ticket, body } = await createUpload({ Tags: 'hero,launch', CateId: '1000001' });
    assert.match(imageId, /^[0-9a-f]{32}$/);
    assert.ok(body['ImageURL'] && body['FileURL']);
    assert.equal(((await imageInfo(imageId)).json()['ImageInfo'] as Json)['Status'], 'Uploading');
    const response = await put(ticket, png);
    assert.equal(response.status, 200, await response.text());
    const info = await waitForStatus(imageId, 'Normal');
    assert.equal(info['Title'], 'Uploaded hero');
    assert.equal(info['Tags'], 'hero,launch');
    assert.equal(Number(info['Mezzanine']['Width']), 300);
    assert.equal(Number(info['Mezzanine']['FileSize']), png.length);
    const served = await getUrl(info['URL']);
    assert.equal(served.status, 200);
    assert.ok(served.body.equals(png), 'the uploaded bytes are what the URL serves');
  });

  it('OSS refuses a bad signature, a missing or wrong token, and a second PUT', async () => {
    const { ticket } = await createUpload();
    const codes: string[] = [];
    for (const tweak of [
      // The last character before '=' is one of 16 (A, E, I, …); change it to another one, never to itself.
      (h: Record<string, string>) => (h.Authorization = (h.Authorization ?? '').replace(/(.)=$/, (_, c: string) => (c === 'A' ? 'E=' : 'A='))),
      (h: Record<string, string>) => delete h['x-oss-security-token'],
      (h: Record<string, string>) => (h['x-oss-security-token'] = 'CAISforged'),
      (h: Record<string, string>) => (h['Content-Type'] = 'text/plain'), // signed as image/png
    ]) {
      const response = await put(ticket, png, tweak);
      assert.equal(response.status, 403);
      codes.push(/<Code>([^<]+)<\/Code>/.exec(await response.text())?.[1] ?? '');
    }
    assert.deepEqual(codes, ['SignatureDoesNotMatch', 'InvalidSecurityToken', 'InvalidSecurityToken', 'SignatureDoesNotMatch']);
    assert.equal((await put(ticket, png)).status, 200);
    assert.equal((await put(ticket, png)).status, 409);
  });

  it('the upload credential expires after 3,000 s', async () => {
    const { ticket } = await createUpload();
    emulator.faults.set({ clockOffsetMs: 3001 * 1000 });
    const response = await put(ticket, png);
    assert.equal(response.status, 403);
    assert.match(await response.text(), /<Code>SecurityTokenExpired<\/Code>/);
  });

  it('bytes that are not the announced image type end as UploadFail, with no URL', async () => {
    const { imageId, ticket } = await createUpload();
    assert.equal((await put(ticket, Buffer.from('not an image at all'))).status, 200);
    const info = await waitForStatus(imageId, 'UploadFail');
    assert.equal(info['URL'], undefined);
  });

  it('CreateUploadImage enforces the documented parameters', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ ImageType: 'poster' }, 'ImageType'],
      [{ ImageExt: 'webp' }, 'ImageExt'],
      [{ Title: 'a'.repeat(129) }, 'Title'],
      [{ Title: '中'.repeat(43) }, 'Title'],
      [{ Title: 'Launch 🚀' }, 'Title'],
      [{ Tags: Array.from({ length: 17 }, (_, i) => `t${i}`).join(',') }, 'Tags'],
      [{ Tags: 'x'.repeat(33) }, 'Tags'],
      [{ CateId: '424242' }, 'CateId'],
    ];
    for (const [params, name] of cases) {
      const response = await call('CreateUploadImage', { ImageType: 'default', ...params });
      assert.equal(response.status, 400, JSON.stringify(params));
      assert.match(String(response.json()['Message']), new RegExp(`"${name}"`));
    }
    const missing = await call('CreateUploadImage', {});
    assert.equal(missing.json()['Code'], 'MissingParameter');
  });

  it('UpdateImageInfos changes the named fields and reports unknown IDs; DeleteImage removes images', async () => {
    const { imageId, ticket } = await createUpload();
    await put(ticket, png);
    await waitForStatus(imageId, 'Normal');
    const unknown = 'f'.repeat(32);
    const update = await call('UpdateImageInfos', { UpdateContent: JSON.stringify([{ ImageId: imageId, Title: 'Renamed', Tags: 'a,b' }, { ImageId: unknown, Title: 'x' }]) });
    assert.equal(update.status, 200, update.text());
    assert.deepEqual(update.json()['NonExistImageIds'], { ImageId: [unknown] });
    const info = (await imageInfo(imageId)).json()['ImageInfo'] as Json;
    assert.equal(info['Title'], 'Renamed');
    assert.equal(info['Tags'], 'a,b');

    const tooMany = await call('UpdateImageInfos', { UpdateContent: JSON.stringify(Array.from({ length: 21 }, () => ({ ImageId: imageId }))) });
    assert.equal(tooMany.status, 400);

    const removed = await call('DeleteImage', { DeleteImageType: 'ImageId', ImageIds: imageId });
    assert.equal(removed.status, 200, removed.text());
    assert.equal((await imageInfo(imageId)).status, 404);
    assert.equal((await getUrl(info['URL'])).status, 404);
    assert.equal((await call('DeleteImage', { DeleteImageType: 'ImageId', ImageIds: Array.from({ length: 21 }, (_, i) => String(i).padStart(32, '0')).join(',') })).status, 400);
  });

  it('edits and deletions stay in their own emulator: the fixtures are shared and never change', async () => {
    const other = await startEmulator({ port: 0 });
    try {
      const fixture = emulator.images.find((i) => i.traits.includes('plain'))!.imageId;
      await call('DeleteImage', { DeleteImageType: 'ImageId', ImageIds: fixture });
      assert.equal((await imageInfo(fixture)).status, 404);
      const elsewhere = await callApi(other.endpoint, 'GetImageInfo', { ImageId: fixture }, { credentials: other.credentials });
      assert.equal(elsewhere.status, 200);
    } finally {
      await other.close();
    }
  });
});

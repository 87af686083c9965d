/**
 * uploadImageFile against the emulator: a real file streamed to the emulated OSS (signature checked
 * with ali-oss there), progress, the wait for Normal / UploadFail, and every upload fault: OSS 403,
 * a reset mid-upload, an expired credential (reported by OSS, or foreseen), cancellation. The
 * temporary secret and token are read from the emulator's answer and must appear in no log entry and
 * no error.
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { VodClient } from '../../src/vod/client';
import type { RequestLogEntry } from '../../src/vod/log';
import type { Transport } from '../../src/vod/transport';
import { uploadImageFile, waitForImageReady, type UploadImageFileOptions } from '../../src/vod/upload';
import { encodePng } from '../emulator/png';
import { getUrl } from '../emulator/rawClient';
import { emulatorSuite } from './support/emulatorSuite';
import { actionOf, interceptTransport } from './support/interceptTransport';
import { rejection } from './support/rejection';

/** A PNG of random pixels (so it does not compress): about width × height × 3 bytes. */
function noisePng(width: number, height: number): Buffer {
  return encodePng({ width, height, channels: 3, pixels: new Uint8Array(randomBytes(width * height * 3)) }, 1);
}

describe('upload: uploadImageFile against the emulator', function () {
  this.timeout(60_000);
  const env = emulatorSuite();
  let dir: string;
  let photo: string;
  let photoBytes: Buffer;
  /** Every secret the emulator handed out in a CreateUploadImage answer during the test. */
  let secrets: string[];
  let log: RequestLogEntry[];
  let client: VodClient;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vod-upload-'));
    photoBytes = noisePng(700, 500);
    photo = path.join(dir, 'Hero «final» v2.png');
    writeFileSync(photo, photoBytes);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    env.emulator.faults.reset();
    env.emulator.stats.reset();
    secrets = [];
    log = [];
    // Reads each upload ticket as it passes, to know what must never be logged.
    const transport: Transport = interceptTransport(env.transport, async (request, send) => {
      const response = await send();
      if (actionOf(request) === 'CreateUploadImage' && response.status === 200) {
        const auth = JSON.parse(Buffer.from(JSON.parse(response.body.toString()).UploadAuth, 'base64').toString()) as Record<string, string>;
        secrets.push(auth['AccessKeySecret']!, auth['SecurityToken']!);
      }
      return response;
    });
    client = env.client({ transport, retry: { baseDelayMs: 5 }, log: (e) => log.push(e) });
  });
  afterEach(() => {
    const seen = JSON.stringify(log);
    for (const secret of secrets) assert.ok(!seen.includes(secret), 'an upload secret reached the request log');
  });

  function upload(extra: Partial<UploadImageFileOptions> = {}): ReturnType<typeof uploadImageFile> {
    return uploadImageFile({ api: client, transport: env.transport, filePath: photo, log: (e) => log.push(e), retryDelayMs: 5, ...extra });
  }

  function assertClean(error: Error & { toLine?: () => string }): void {
    const text = `${error.message} ${error.toLine?.() ?? ''} ${String(error.cause ?? '')}`;
    for (const secret of secrets) assert.ok(!text.includes(secret), `an upload secret is in the error: ${error.message}`);
  }

  const putLog = (): RequestLogEntry[] => log.filter((e) => e.action === 'PutObject');
  const status = async (imageId: string): Promise<string> => {
    try {
      return (await client.getImageInfo(imageId)).Status ?? '?';
    } catch (error) {
      return (error as { kind?: string }).kind === 'notFound' ? 'gone' : 'error';
    }
  };

  it('streams the file with progress; the image becomes Normal and serves the same bytes under its file name', async () => {
    const progress: Array<[number, number]> = [];
    const uploaded = await upload({ metadata: { title: 'Hero', tags: ['launch'] }, onProgress: (sent, total) => progress.push([sent, total]) });
    assert.equal(uploaded.bytes, photoBytes.length);
    assert.deepEqual(uploaded.leftBehindImageIds, []);
    assert.deepEqual(progress[0], [0, photoBytes.length]);
    assert.deepEqual(progress.at(-1), [photoBytes.length, photoBytes.length]);
    assert.ok(progress.every(([sent], i) => i === 0 || sent >= progress[i - 1]![0]), 'progress only grows');
    assert.ok(progress.length > 2, 'progress arrives in chunks');
    const ready = await waitForImageReady(client, uploaded.imageId, { pollMs: 50 });
    assert.equal(ready.status, 'Normal');
    assert.equal(ready.info.Title, 'Hero');
    assert.equal(ready.info.Mezzanine?.OriginalFileName, 'Hero «final» v2.png');
    assert.equal(ready.info.Mezzanine?.FileSize, photoBytes.length);
    assert.ok((await getUrl(ready.info.URL!)).body.equals(photoBytes));
    assert.deepEqual(putLog().map((e) => [e.attempt, e.status, e.outcome]), [[1, 200, 'ok']]);
  });

  it('bytes that are no image of the announced type end as UploadFail', async () => {
    const fake = path.join(dir, 'fake.gif');
    writeFileSync(fake, photoBytes); // a PNG named .gif
    const uploaded = await upload({ filePath: fake });
    assert.equal((await waitForImageReady(client, uploaded.imageId, { pollMs: 50 })).status, 'UploadFail');
  });

  it('refuses a missing, empty or non-image file before any request', async () => {
    const empty = path.join(dir, 'empty.png');
    writeFileSync(empty, '');
    const webp = path.join(dir, 'pic.webp');
    writeFileSync(webp, 'RIFF....WEBP');
    for (const [filePath, pattern] of [
      [path.join(dir, 'nope.png'), /"nope.png" does not exist/],
      [empty, /is empty/],
      [webp, /not a png, jpg, jpeg or gif/],
      [dir, /is not a file/],
    ] as const) {
      const error = await rejection(upload({ filePath }));
      assert.equal(error.kind, 'invalidInput');
      assert.match(error.message, pattern);
      assert.ok(!error.message.includes(dir), 'errors name the file, not the path');
    }
    assert.equal(env.emulator.stats.apiRequests, 0);
  });

  it('OSS 403: fails at once as an auth error, and the empty image is removed', async () => {
    env.emulator.faults.set({ ossForbidden: 1 });
    const error = await rejection(upload());
    assert.equal(error.kind, 'auth');
    assert.equal(error.code, 'AccessDenied');
    assert.match(error.message, /OSS refused the upload \(HTTP 403, AccessDenied\)/);
    assert.ok(error.requestId);
    assertClean(error);
    assert.equal(putLog().length, 1);
    assert.equal(env.emulator.stats.byAction['DeleteImage'], 1, 'the Uploading image was deleted');
  });

  it('a connection reset mid-upload is retried from the start of the file', async () => {
    env.emulator.faults.set({ ossReset: 1 });
    const starts: number[] = [];
    const uploaded = await upload({ onProgress: (sent) => sent === 0 && starts.push(sent) });
    assert.equal(starts.length, 2, 'progress starts again');
    assert.deepEqual(putLog().map((e) => [e.attempt, e.outcome]), [[1, 'error'], [2, 'ok']]);
    assert.match(putLog()[0]!.code ?? '', /^(ECONNRESET|EPIPE|UND_ERR_SOCKET)$/);
    assert.equal((await waitForImageReady(client, uploaded.imageId, { pollMs: 50 })).status, 'Normal');
  });

  it('a connection that keeps resetting ends as a network error after 3 retries; the image is removed', async () => {
    env.emulator.faults.set({ ossReset: 10 });
    const error = await rejection(upload());
    assert.equal(error.kind, 'network');
    assertClean(error);
    assert.equal(putLog().length, 4);
    assert.equal(env.emulator.stats.byAction['DeleteImage'], 1);
  });

  it('OSS says the credential expired: a new CreateUploadImage, the upload goes to the new image, the old one is deleted', async () => {
    env.emulator.faults.set({ ossTokenExpired: 1 });
    const tickets: string[] = [];
    const uploaded = await upload({ api: { createUploadImage: async (r) => { const t = await client.createUploadImage(r); tickets.push(t.imageId); return t; }, deleteImages: (ids) => client.deleteImages(ids) } });
    assert.equal(tickets.length, 2);
    assert.equal(uploaded.imageId, tickets[1]);
    assert.deepEqual(putLog().map((e) => [e.attempt, e.code ?? e.status]), [[1, 'SecurityTokenExpired'], [2, 200]]);
    assert.equal(await status(tickets[0]!), 'gone');
    assert.equal((await waitForImageReady(client, uploaded.imageId, { pollMs: 50 })).status, 'Normal');
  });

  it('a credential that would expire before the upload can finish is replaced before the PUT', async () => {
    env.emulator.faults.set({ shortUploadCredential: 1 });
    const uploaded = await upload();
    assert.equal(env.emulator.stats.byAction['CreateUploadImage'], 2);
    assert.equal(putLog().length, 1, 'no PUT with the short-lived credential');
    assert.equal((await waitForImageReady(client, uploaded.imageId, { pollMs: 50 })).status, 'Normal');
  });

  it('a given-up image that cannot be deleted (no vod:DeleteImage) is reported as left behind', async () => {
    env.emulator.faults.set({ ossTokenExpired: 1 });
    const uploaded = await upload({ api: { createUploadImage: (r) => client.createUploadImage(r), deleteImages: () => client.deleteImages(['not an id!']) } });
    assert.equal(uploaded.leftBehindImageIds.length, 1);
    assert.equal(await status(uploaded.leftBehindImageIds[0]!), 'Uploading');
  });

  it('cancelling mid-upload stops at once with a cancelled error, and the image is removed', async () => {
    const big = path.join(dir, 'big.png');
    writeFileSync(big, noisePng(2000, 1500));
    const controller = new AbortController();
    const error = await rejection(upload({ filePath: big, signal: controller.signal, onProgress: (sent) => sent > 1024 * 1024 && controller.abort() }));
    assert.equal(error.kind, 'cancelled');
    assert.equal(env.emulator.stats.byAction['DeleteImage'], 1);
  });

  it('through the client: its log gets the PutObject attempts, its clock signs the OSS Date', async () => {
    const uploaded = await client.uploadImageFile({ filePath: photo, metadata: { title: 'Via client' } });
    assert.deepEqual(log.map((e) => e.action), ['CreateUploadImage', 'PutObject']);
    assert.equal((await waitForImageReady(client, uploaded.imageId, { pollMs: 50 })).info.Title, 'Via client');
  });

  it('waitForImageReady gives up at its deadline on an image that stays Uploading', async () => {
    const ticket = await client.createUploadImage({ imageExt: 'png', title: 'never sent' });
    const error = await rejection(waitForImageReady(client, ticket.imageId, { pollMs: 50, timeoutMs: 300 }));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.code, 'StillUploading');
  });
});

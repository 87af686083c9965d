/**
 * VodClient's writes against the emulator: CreateUploadImage (limits checked before sending, the
 * ticket decoded), UpdateImageInfos and DeleteImage in calls of 20, RAM refusals that name the missing
 * action, and a batch that fails half way.
 */
import { strict as assert } from 'node:assert';
import type { VodClient } from '../../src/vod/client';
import { isVodError } from '../../src/vod/errors';
import type { RequestLogEntry } from '../../src/vod/log';
import type { Transport, TransportResponse } from '../../src/vod/transport';
import { PartialWriteError } from '../../src/vod/upload/writeErrors';
import { emulatorSuite } from './support/emulatorSuite';
import { actionOf, apiErrorResponse, interceptTransport } from './support/interceptTransport';
import { rejection } from './support/rejection';

describe('client: image writes against the emulator', function () {
  this.timeout(30_000);
  const env = emulatorSuite();
  beforeEach(() => env.emulator.stats.reset());

  function client(options: { creds?: { accessKeyId: string; accessKeySecret: string }; version?: 'v3' | 'v1'; log?: (e: RequestLogEntry) => void; transport?: Transport } = {}): VodClient {
    const creds = options.creds ?? env.emulator.credentials;
    return env.client({ credentials: async () => creds, signatureVersion: options.version ?? 'v3', retry: { baseDelayMs: 5 }, log: options.log, transport: options.transport ?? env.transport });
  }

  /** Fixture images whose answers carry every field (not the deliberately sparse ones). */
  const fixtureIds = (count: number, from = 0): string[] =>
    env.emulator.images.filter((i) => !i.traits.includes('sparse') && !i.traits.includes('noMezzanine')).slice(from, from + count).map((i) => i.imageId);

  for (const version of ['v3', 'v1'] as const) {
    it(`createUploadImage (${version}): a new Uploading image with the given metadata and a decoded ticket`, async () => {
      const ticket = await client({ version }).createUploadImage({
        imageExt: 'jpeg',
        title: 'Hero «launch» 2026',
        description: 'Über-wide banner, 中文说明',
        tags: ['hero', 'launch'],
        cateId: 1000001,
      });
      assert.match(ticket.imageId, /^[0-9a-f]{32}$/);
      assert.ok(ticket.requestId);
      assert.match(ticket.upload.target.url, new RegExp(`^${env.emulator.endpoint}/`));
      assert.match(ticket.upload.credentials.accessKeyId, /^STS\./);
      assert.ok(ticket.upload.credentials.expiresAt && ticket.upload.credentials.expiresAt.getTime() > Date.now() + 2900_000);
      const info = await client().getImageInfo(ticket.imageId);
      assert.equal(info.Status, 'Uploading');
      assert.equal(info.Title, 'Hero «launch» 2026');
      assert.equal(info.Description, 'Über-wide banner, 中文说明');
      assert.equal(info.Tags, 'hero,launch');
      assert.equal(info.CateId, 1000001);
    });
  }

  it('createUploadImage refuses what the API documents as invalid, before any request', async () => {
    const cases: Array<[Parameters<VodClient['createUploadImage']>[0], RegExp]> = [
      [{ imageExt: 'webp' as never }, /png, jpg, jpeg and gif/],
      [{ imageExt: 'png', imageType: 'poster' as never }, /default or cover/],
      [{ imageExt: 'png', title: 'Launch 🚀' }, /emoji/],
      [{ imageExt: 'png', title: '中'.repeat(43) }, /128 bytes/],
      [{ imageExt: 'png', description: 'x'.repeat(1025) }, /1024 bytes/],
      [{ imageExt: 'png', tags: Array.from({ length: 17 }, (_, i) => `t${i}`) }, /16 tags/],
      [{ imageExt: 'png', tags: ['a,b'] }, /comma/],
      [{ imageExt: 'png', tags: ['x'.repeat(33)] }, /32 bytes/],
      [{ imageExt: 'png', tags: ['👍'] }, /emoji/],
      [{ imageExt: 'png', cateId: -5 }, /category/],
    ];
    for (const [request, pattern] of cases) {
      const error = await rejection(client().createUploadImage(request));
      assert.equal(error.kind, 'invalidInput', JSON.stringify(request));
      assert.match(error.message, pattern);
    }
    assert.equal(env.emulator.stats.apiRequests, 0);
  });

  it('updateImageInfos: 45 updates → 3 calls of ≤ 20; fields changed; unknown IDs reported', async () => {
    const entries: RequestLogEntry[] = [];
    const known = fixtureIds(40);
    assert.equal(known.length, 40);
    const unknown = ['f'.repeat(32), 'e'.repeat(32), 'd'.repeat(32), 'c'.repeat(32), 'b'.repeat(32)];
    const updates = [...known.map((imageId, i) => ({ imageId, title: `Renamed ${i}`, tags: ['edited', `n${i}`] })), ...unknown.map((imageId) => ({ imageId, description: 'nobody' }))];
    const result = await client({ log: (e) => entries.push(e) }).updateImageInfos(updates);
    assert.deepEqual(entries.filter((e) => e.action === 'UpdateImageInfos').map((e) => e.idCount), [20, 20, 5]);
    assert.deepEqual(result.nonExistImageIds, unknown);
    assert.equal(result.requestIds.length, 3);
    assert.equal(result.requestId, result.requestIds[2]);
    const after = await client().getImageInfos(known);
    assert.deepEqual(after.images.map((i) => i.Title), known.map((_, i) => `Renamed ${i}`));
    assert.equal(after.images[7]!.Tags, 'edited,n7');
  });

  it('updateImageInfos accepts NonExistImageIds as a plain list too', async () => {
    const transport = interceptTransport(env.transport, async (request, send) =>
      actionOf(request) === 'UpdateImageInfos'
        ? { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"RequestId":"R-1","NonExistImageIds":["abc123"]}') }
        : send(),
    );
    const result = await client({ transport }).updateImageInfos([{ imageId: 'abc123', title: 'x' }]);
    assert.deepEqual(result.nonExistImageIds, ['abc123']);
    assert.equal(result.requestId, 'R-1');
  });

  it('updateImageInfos refuses bad fields, empty and duplicate input before any request', async () => {
    const id = fixtureIds(1)[0]!;
    const cases: Array<[Parameters<VodClient['updateImageInfos']>[0], RegExp]> = [
      [[{ imageId: id, title: 'Party 🎉' }], /emoji/],
      [[{ imageId: id, description: 'ok ✨ not ok' }], /emoji/],
      [[{ imageId: id, tags: ['fine', 'family 👨‍👩‍👧'] }], /emoji/],
      [[{ imageId: id, title: '' }], /empty/],
      [[{ imageId: id, tags: [] }], /empty tag list/],
      [[{ imageId: id }], /Nothing to change/],
      [[{ imageId: 'not an id', title: 'x' }], /not an image ID/],
      [[{ imageId: id, title: 'a' }, { imageId: id, title: 'b' }], /twice/],
      [[], /No image/],
    ];
    for (const [updates, pattern] of cases) {
      const error = await rejection(client().updateImageInfos(updates));
      assert.equal(error.kind, 'invalidInput', JSON.stringify(updates));
      assert.match(error.message, pattern);
    }
    assert.equal(env.emulator.stats.apiRequests, 0);
  });

  it('deleteImages: 25 IDs → 2 calls (DeleteImageType=ImageId); the images are gone', async () => {
    const entries: RequestLogEntry[] = [];
    const ids = fixtureIds(25, 40);
    assert.equal(ids.length, 25);
    const result = await client({ log: (e) => entries.push(e) }).deleteImages([...ids, ids[0]!]);
    assert.deepEqual(entries.filter((e) => e.action === 'DeleteImage').map((e) => e.idCount), [20, 5]);
    assert.equal(result.requestIds.length, 2);
    const after = await client().getImageInfos(ids);
    assert.deepEqual(after.missing, ids);
  });

  it('a RAM refusal names the missing write action and how to grant it', async () => {
    const readOnly = client({ creds: env.emulator.readOnlyCredentials });
    const id = fixtureIds(1)[0]!;
    assert.equal((await readOnly.getImageInfo(id)).ImageId, id, 'the read-only key still reads');
    const refusals = [
      ['CreateUploadImage', await rejection(readOnly.createUploadImage({ imageExt: 'png', title: 't' }))],
      ['UpdateImageInfos', await rejection(readOnly.updateImageInfos([{ imageId: id, title: 't' }]))],
      ['DeleteImage', await rejection(readOnly.deleteImages([id]))],
    ] as const;
    for (const [action, error] of refusals) {
      assert.equal(error.kind, 'auth');
      assert.equal(error.code, 'Forbidden.RAM');
      assert.ok(error.requestId);
      assert.match(error.message, new RegExp(`may not call ${action}\\b.*add vod:${action} to a RAM policy`));
    }
    const forbidden = await rejection(client({ creds: env.emulator.forbiddenCredentials }).deleteImages([id]));
    assert.match(forbidden.message, /vod:DeleteImage/);
  });

  it('a failure in a later call says which images the earlier calls already changed', async () => {
    let deleteCalls = 0;
    const transport = interceptTransport(env.transport, async (request, send): Promise<TransportResponse> => {
      if (actionOf(request) === 'DeleteImage' && ++deleteCalls === 2) return apiErrorResponse(403, 'Forbidden.RAM');
      return send();
    });
    const ids = fixtureIds(30, 10);
    const error = await rejection(client({ transport }).deleteImages(ids));
    assert.ok(error instanceof PartialWriteError);
    assert.deepEqual(error.done, ids.slice(0, 20));
    assert.deepEqual(error.notDone, ids.slice(20));
    assert.match(error.message, /vod:DeleteImage.*20 of 30 images were already changed/);
    assert.ok(isVodError(error) && error.kind === 'auth');
    assert.deepEqual((await client().getImageInfos(ids)).missing, ids.slice(0, 20));
  });
});

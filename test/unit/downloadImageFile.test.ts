/**
 * downloadImageFile against the emulator: the display image and the original (mezzanine) streamed to
 * a new file, real-size bytes, never overwriting (before the download, and when a file appears
 * meanwhile), cancelling, and no half-written file left after any failure.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { defaultDownloadName } from '../../src/vod/upload';
import { getUrl } from '../emulator/rawClient';
import { emulatorSuite } from './support/emulatorSuite';
import { rejection } from './support/rejection';

describe('download: downloadImageFile against the emulator', function () {
  this.timeout(60_000);
  const env = emulatorSuite();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'vod-download-'));
    env.emulator.stats.reset();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const imageWith = (...traits: string[]): string => {
    const found = env.emulator.images.find((i) => traits.every((t) => i.traits.includes(t)));
    assert.ok(found, traits.join(','));
    return found.imageId;
  };

  it('the display image, streamed to a new file with progress; the name comes from the URL', async () => {
    const client = env.client();
    const id = imageWith('png', 'plain');
    const info = await client.getImageInfo(id);
    const name = defaultDownloadName(info, false);
    assert.equal(name, `${id}.png`);
    const progress: number[] = [];
    const result = await client.downloadImageFile({ imageId: id, outPath: path.join(dir, name), onProgress: (n) => progress.push(n) });
    const expected = (await getUrl(info.URL!)).body;
    assert.ok(readFileSync(result.path).equals(expected));
    assert.equal(result.bytes, expected.length);
    assert.equal(result.contentType, 'image/png');
    assert.equal(progress[0], 0);
    assert.equal(progress.at(-1), expected.length);
  });

  it('the original (mezzanine) of a 20 MB photo: every byte, matching the reported FileSize', async () => {
    const client = env.client();
    const id = imageWith('realSize', 'photo20mb');
    const info = await client.getImageInfo(id);
    const out = path.join(dir, defaultDownloadName(info, true));
    const result = await client.downloadImageFile({ imageId: id, outPath: out, original: true });
    assert.equal(result.bytes, info.Mezzanine?.FileSize);
    assert.ok(readFileSync(out).subarray(0, 2).equals(Buffer.from([0xff, 0xd8])), 'a JPEG');
    assert.deepEqual(readdirSync(dir), [path.basename(out)], 'no temporary file left');
  });

  it('never overwrites: an existing file is refused before any request', async () => {
    const out = path.join(dir, 'taken.png');
    writeFileSync(out, 'mine');
    const error = await rejection(env.client().downloadImageFile({ imageId: imageWith('png', 'plain'), outPath: out }));
    assert.equal(error.kind, 'invalidInput');
    assert.match(error.message, /"taken.png" already exists; it was not overwritten/);
    assert.equal(readFileSync(out, 'utf8'), 'mine');
    assert.equal(env.emulator.stats.apiRequests, 0);
  });

  it('a file that appears under the name during the download is not overwritten either', async () => {
    const out = path.join(dir, 'race.jpg');
    const error = await rejection(
      env.client().downloadImageFile({ imageId: imageWith('realSize', 'photo8mb'), outPath: out, original: true, onProgress: (n) => n > 0 && !existsSync(out) && writeFileSync(out, 'theirs') }),
    );
    assert.match(error.message, /already exists/);
    assert.equal(readFileSync(out, 'utf8'), 'theirs');
    assert.deepEqual(readdirSync(dir), ['race.jpg']);
  });

  it('cancelling stops the download and leaves no file', async () => {
    const controller = new AbortController();
    const out = path.join(dir, 'big.jpg');
    const error = await rejection(
      env.client().downloadImageFile({ imageId: imageWith('realSize', 'photo20mb'), outPath: out, original: true, signal: controller.signal, onProgress: (n) => n > 2_000_000 && controller.abort() }),
    );
    assert.equal(error.kind, 'cancelled');
    assert.deepEqual(readdirSync(dir), []);
  });

  it('takes any name the file system takes, however long: 251 ASCII bytes, 80 CJK characters (244 bytes)', async () => {
    const id = imageWith('png', 'plain');
    for (const name of [`${'a'.repeat(247)}.png`, `${'图'.repeat(80)}.png`]) {
      const out = path.join(dir, name);
      writeFileSync(out, 'the file system takes this name');
      rmSync(out);
      const result = await env.client().downloadImageFile({ imageId: id, outPath: out });
      assert.equal(result.path, out);
      assert.deepEqual(readdirSync(dir), [name], 'the file, and no temporary file left');
      rmSync(out);
    }
  });

  it('an image without a URL (upload failed), a missing folder', async () => {
    const noUrl = await rejection(env.client().downloadImageFile({ imageId: imageWith('uploadFail'), outPath: path.join(dir, 'x.png') }));
    assert.equal(noUrl.kind, 'notFound');
    assert.match(noUrl.message, /no URL for the display image .*UploadFail/);
    const noFolder = await rejection(env.client().downloadImageFile({ imageId: imageWith('png', 'plain'), outPath: path.join(dir, 'missing', 'x.png') }));
    assert.equal(noFolder.kind, 'invalidInput');
    assert.match(noFolder.message, /folder does not exist/);
  });

  it('the download policy applies: no plain http off this machine, and the signed query is never echoed', async () => {
    const error = await rejection(env.transport.openDownload('http://192.0.2.1/a.png?auth_key=1-0-0-SECRETHASH'));
    assert.equal(error.code, 'InsecureUrl');
    assert.ok(!error.message.includes('SECRETHASH'));
  });
});

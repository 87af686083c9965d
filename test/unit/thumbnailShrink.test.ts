/**
 * Thumbnails made in the extension host: the plan (which URL first, which limits), and the JPEG
 * DC-only decoder checked on files from an independent encoder (ImageMagick: 4:2:0 subsampling) and
 * on the emulator's real-size photos, plus hostile input.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { decodeJpegDc } from '../../src/vod/thumbnail/jpegDc';
import { readGifScaled } from '../../src/vod/thumbnail/gifRead';
import { readPngScaled } from '../../src/vod/thumbnail/pngRead';
import { shrinkImage } from '../../src/vod/thumbnail/shrink';
import { planThumbnail, resizedUrlOf } from '../../src/vod/thumbnail/thumbnailPlan';
import { getLibrary } from '../emulator/fixtures';
import { writeJpeg } from '../emulator/jpegWriter';
import { colourAt, REAL_SIZE } from '../emulator/realSize';
import { imageBytesFor } from '../emulator/imageBytes';

const asset = (name: string): Buffer => readFileSync(join(__dirname, '..', 'emulator', 'assets', name));

describe('thumbnail plan', () => {
  const cdn = 'https://img.example.com/image/default/A.jpg?auth_key=1700000000-0-0-abc';
  it('asks the CDN to resize a CDN URL of unknown or processable size', () => {
    assert.equal(planThumbnail({ ImageId: 'A', URL: cdn }).resizedUrl, `${cdn}&image_process=resize,l_256`);
    assert.equal(planThumbnail({ ImageId: 'A', URL: cdn, Mezzanine: { FileSize: 8_000_000, Width: 4000, Height: 3000 } }).resizedUrl, `${cdn}&image_process=resize,l_256`);
    assert.equal(resizedUrlOf('https://img.example.com/a.png'), 'https://img.example.com/a.png?image_process=resize,l_256');
  });

  it('skips resizing over the 10 MB / 16,777,216-pixel limits, for small images and for OSS URLs', () => {
    assert.equal(planThumbnail({ ImageId: 'A', URL: cdn, Mezzanine: { FileSize: 12_000_000 } }).resizedUrl, undefined);
    assert.equal(planThumbnail({ ImageId: 'A', URL: cdn, Mezzanine: { Width: 5000, Height: 3750 } }).resizedUrl, undefined);
    const small = planThumbnail({ ImageId: 'A', URL: cdn, Mezzanine: { FileSize: 20_000 } });
    assert.equal(small.resizedUrl, undefined);
    assert.equal(small.originalIsSmall, true);
    assert.equal(resizedUrlOf('https://b.oss-cn-shanghai.aliyuncs.com/a.jpg?Expires=1&OSSAccessKeyId=x&Signature=y'), undefined);
    assert.equal(resizedUrlOf('https://b.oss-cn-shanghai.aliyuncs.com/a.jpg?x-oss-signature-version=OSS4-HMAC-SHA256'), undefined);
    assert.equal(resizedUrlOf('not a url'), undefined);
  });
});

describe('thumbnail: JPEG DC decoder', () => {
  it('reads an ImageMagick 4:2:0 baseline JPEG at 1/8 scale with the right colours', () => {
    // photo.jpg: 200×150, orange→purple gradient, white disc in the middle, a #222 bar near the bottom.
    const image = decodeJpegDc(asset('photo.jpg'));
    assert.ok(image);
    assert.deepEqual([image.width, image.height], [25, 19]);
    const px = (x: number, y: number): number[] => [...image.rgb.subarray((y * image.width + x) * 3, (y * image.width + x) * 3 + 3)];
    const near = (actual: number[], expected: number[], tolerance: number) =>
      actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance) || assert.fail(`${actual} not near ${expected}`);
    near(px(12, 9), [255, 255, 255], 12);
    near(px(12, 15), [0x22, 0x22, 0x22], 16);
    near(px(0, 0), [0xff, 0x7a, 0x18], 24);
    near(px(24, 18), [0x3a, 0x1c, 0x71], 24);
    assert.ok(decodeJpegDc(asset('portrait.jpg')));
  });

  it('shrinks the real-size photos to at most 256 px PNGs', () => {
    for (const trait of ['photo8mb', 'photo12mb', 'photo20mb']) {
      const record = getLibrary().images.find((r) => r.traits.includes(trait))!;
      const shrunk = shrinkImage(imageBytesFor(record).bytes, 256);
      assert.ok(shrunk, trait);
      assert.equal(Math.max(shrunk.width, shrunk.height), 256);
      assert.ok(shrunk.png.length < 100 * 1024, `${trait}: ${shrunk.png.length}`);
      assert.equal(shrunk.png.readUInt32BE(16), shrunk.width);
    }
  });

  it('reads a progressive JPEG from its first (DC) scan and skips the AC scans', () => {
    // Written by the emulator's writer in progressive form (SOF2, a DC scan, three AC scans); Chromium
    // decodes the same file to the same colours (checked when the writer option was added).
    const spec = { ...REAL_SIZE.photo8mb, width: 800, height: 600 };
    const toY = ([r, g, b]: number[]): number[] => [0.299 * r! + 0.587 * g! + 0.114 * b!, 128 - 0.168736 * r! - 0.331264 * g! + 0.5 * b!, 128 + 0.5 * r! - 0.418688 * g! - 0.081312 * b!];
    const jpeg = writeJpeg(
      { width: 800, height: 600, acPatterns: [[[]], [[]]], block: (c, bx, by) => ({ dc: Math.round(toY(colourAt(spec, bx * 8 + 4, by * 8 + 4))[c]! - 128), pattern: 0 }) },
      { progressive: true },
    );
    assert.equal(jpeg.indexOf(Buffer.from([0xff, 0xc2])) > 0, true, 'SOF2');
    const image = decodeJpegDc(jpeg);
    assert.ok(image);
    assert.deepEqual([image.width, image.height], [100, 75]);
    for (const [x, y] of [[2, 2], [12, 70], [50, 30], [99, 74]] as const) {
      const expected = colourAt(spec, x * 8 + 4, y * 8 + 4);
      const actual = [...image.rgb.subarray((y * 100 + x) * 3, (y * 100 + x) * 3 + 3)];
      actual.forEach((v, i) => assert.ok(Math.abs(v - expected[i]!) <= 4, `(${x},${y}): ${actual} vs ${expected.map(Math.round)}`));
    }
  });

  it('gives up quietly on what it cannot read', () => {
    const photo = asset('photo.jpg');
    let seed = 7;
    const corrupt = Buffer.from(photo);
    for (let i = 0; i < 200; i++) corrupt[600 + ((seed = (seed * 1103515245 + 12345) >>> 0) % (photo.length - 700))] = seed & 0xff;
    for (const bytes of [Buffer.alloc(0), Buffer.from([0xff, 0xd8, 0xff]), photo.subarray(0, 300), Buffer.from('<svg/>')]) {
      assert.equal(shrinkImage(bytes, 256), undefined);
    }
    // Random damage inside the entropy data may still decode (JPEG has no checksum), but never throws.
    shrinkImage(corrupt, 256);
  });
});

describe('thumbnail: PNG reader', () => {
  it('shrinks the 3 MB PNG and the incompressible noise PNG (RGBA) under the byte budget', () => {
    for (const trait of ['png3mb', 'large']) {
      const record = getLibrary().images.find((r) => r.traits.includes(trait))!;
      const shrunk = shrinkImage(imageBytesFor(record).bytes, 256, 160 * 1024);
      assert.ok(shrunk, trait);
      assert.ok(shrunk.png.length <= 160 * 1024, `${trait}: ${shrunk.png.length}`);
      assert.ok(Math.max(shrunk.width, shrunk.height) <= 256);
    }
  });

  it('undoes the Sub, Up, Average and Paeth filters (hand-computed rows)', () => {
    // 2×2 RGB: row 0 = (10,20,30) (15,25,35) with Sub; row 1 with Up, then Average, then Paeth.
    const png = (rows: number[][]) => {
      const chunk = (name: string, body: Buffer) => {
        const head = Buffer.alloc(8);
        head.writeUInt32BE(body.length, 0);
        head.write(name, 4, 'latin1');
        return Buffer.concat([head, body, Buffer.alloc(4)]);
      };
      const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
      return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from(rows.flat()))), chunk('IEND', Buffer.alloc(0))]);
    };
    const row0 = [1, 10, 20, 30, 5, 5, 5];
    const expected = [10, 20, 30, 15, 25, 35, 12, 22, 32, 17, 27, 37];
    const cases: number[][] = [
      [2, 2, 2, 2, 2, 2, 2], // Up: +2 over the row above
      [3, 7, 12, 17, 4, 4, 4], // Average: (left + up) >> 1 added (first pixel: up >> 1); 17 - ((12 + 15) >> 1) = 4
      [4, 2, 2, 2, 2, 2, 2], // Paeth: predictor picks up (first pixel) and up (second: p = left + up - upLeft)
    ];
    for (const row1 of cases) {
      const image = readPngScaled(png([row0, row1]), 256, 100);
      assert.ok(image, String(row1[0]));
      assert.deepEqual([...image.rgb], expected, `filter ${row1[0]}`);
    }
  });

  it('reads the fixtures\' PNGs and refuses an interlaced one', () => {
    const wide = getLibrary().images.find((r) => r.traits.includes('wide'))!;
    const shrunk = shrinkImage(imageBytesFor(wide).bytes, 256);
    assert.ok(shrunk);
    assert.deepEqual([shrunk.width, shrunk.height], [256, 6]);
    const png = Buffer.from(imageBytesFor(wide).bytes);
    png[8 + 8 + 12] = 1; // interlace method Adam7
    assert.equal(shrinkImage(png, 256), undefined);
  });
});

describe('thumbnail: GIF reader', () => {
  it('decodes the first frame of an ImageMagick GIF (growing LZW codes) as Chromium does', () => {
    // Chromium draws anim.gif's first frame with (230,57,70) at (2,2) and white at (24,16).
    const image = readGifScaled(asset('anim.gif'), 256, 1e6);
    assert.ok(image);
    assert.deepEqual([image.width, image.height], [64, 64]);
    const px = (x: number, y: number): number[] => [...image.rgb.subarray((y * 64 + x) * 3, (y * 64 + x) * 3 + 3)];
    assert.deepEqual(px(2, 2), [230, 57, 70]);
    assert.deepEqual(px(24, 16), [255, 255, 255]);
  });

  it('shrinks the 6 MB animated GIF under the byte budget, and refuses broken ones', () => {
    const record = getLibrary().images.find((r) => r.traits.includes('anim6mb'))!;
    const bytes = imageBytesFor(record).bytes;
    const shrunk = shrinkImage(bytes, 256, 160 * 1024);
    assert.ok(shrunk);
    assert.deepEqual([shrunk.width, shrunk.height], [256, 192]);
    assert.equal(shrinkImage(bytes.subarray(0, 12), 256), undefined);
    assert.equal(readGifScaled(Buffer.from('GIF89a\x00\x00\x00\x00', 'latin1'), 256, 1e6), undefined);
  });
});

/**
 * The emulator's fixture library and the pieces behind image bytes: the PNG encoder (checked with
 * Node's own zlib CRC and inflate), the asset size readers, and the type-A URL hash (checked against
 * the documentation's worked example).
 */
import assert from 'node:assert/strict';
import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { gifSize, jpegSize, loadAsset } from '../emulator/assets';
import { BULK_IMAGE_COUNT, CATEGORIES, getLibrary, MISSING_IMAGE_ID } from '../emulator/fixtures';
import { encodePng } from '../emulator/png';
import { typeAHash } from '../emulator/signedUrls';

const curated = getLibrary().images.filter((i) => !i.traits.includes('bulk'));

describe('emulator fixtures', () => {
  it('has at least 50 curated images with unique 32-hex IDs, plus the bulk set', () => {
    assert.ok(curated.length >= 50, String(curated.length));
    const all = getLibrary().images;
    assert.equal(all.length - curated.length, BULK_IMAGE_COUNT);
    assert.equal(new Set(all.map((i) => i.imageId)).size, all.length);
    for (const image of all) assert.match(image.imageId, /^[0-9a-f]{32}$/);
    assert.equal(getLibrary().byId.has(MISSING_IMAGE_ID), false);
  });

  it('spreads curated images over ≥ 4 categories and about two years', () => {
    const categories = new Set(curated.map((i) => i.cateId).filter((c) => c !== undefined));
    assert.ok(categories.size >= 4);
    for (const cateId of categories) assert.ok(CATEGORIES.some((c) => c.cateId === cateId));
    const times = curated.map((i) => Date.parse(i.creationTime)).sort((a, b) => a - b);
    const days = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 86_400_000;
    assert.ok(days > 600 && days < 800, String(days));
  });

  it('covers every status, audit state, image type, format and shape', () => {
    const has = (trait: string) => curated.some((i) => i.traits.includes(trait));
    for (const trait of ['uploading', 'uploadFail', 'blocked', 'auditNormal', 'noAudit', 'cover', 'png', 'jpeg', 'gif', 'large', 'sparse', 'noMezzanine', 'sizeAsString', 'sizeAsNumber', 'numbersAsStrings', 'uncategorized']) {
      assert.ok(has(trait), trait);
    }
  });

  it('includes the hostile strings the renderers must survive', () => {
    const text = curated.map((i) => `${i.title ?? ''}\n${i.description ?? ''}\n${i.tags ?? ''}`).join('\n');
    for (const needle of ['<img src=x onerror=alert(1)>', '<script>', '](command:workbench.action.terminal.new)', '](javascript:', '```', '\u202E', '😺', '春节']) {
      assert.ok(text.includes(needle), needle);
    }
    assert.ok(curated.some((i) => (i.title ?? '').length > 400));
  });
});

describe('emulator PNG encoder', () => {
  it('writes valid chunks whose CRCs match zlib.crc32 and whose pixels inflate back', () => {
    const pixels = Uint8Array.from({ length: 3 * 2 * 3 }, (_, i) => (i * 37) % 256);
    const png = encodePng({ width: 3, height: 2, channels: 3, pixels });
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const chunks: string[] = [];
    let offset = 8;
    let idat: Buffer = Buffer.alloc(0);
    while (offset < png.length) {
      const length = png.readUInt32BE(offset);
      const type = png.subarray(offset + 4, offset + 8).toString('latin1');
      const crc = png.readUInt32BE(offset + 8 + length);
      assert.equal(crc, zlibCrc32(png.subarray(offset + 4, offset + 8 + length)), type);
      if (type === 'IDAT') idat = png.subarray(offset + 8, offset + 8 + length);
      chunks.push(type);
      offset += 12 + length;
    }
    assert.deepEqual(chunks, ['IHDR', 'IDAT', 'IEND']);
    assert.equal(png.readUInt32BE(16), 3);
    assert.equal(png.readUInt32BE(20), 2);
    const rows = inflateSync(idat);
    assert.deepEqual([...rows.subarray(0, 10)], [0, ...pixels.subarray(0, 9)]);
    assert.deepEqual([...rows.subarray(10)], [0, ...pixels.subarray(9)]);
  });

  it('refuses a pixel buffer of the wrong size', () => {
    assert.throws(() => encodePng({ width: 2, height: 2, channels: 4, pixels: new Uint8Array(15) }));
  });
});

describe('emulator assets and URL hashes', () => {
  it('reads the JPEG and GIF sizes from their headers', () => {
    assert.deepEqual(jpegSize(loadAsset('photo.jpg').bytes), { width: 200, height: 150 });
    assert.deepEqual(jpegSize(loadAsset('portrait.jpg').bytes), { width: 90, height: 160 });
    assert.deepEqual(gifSize(loadAsset('anim.gif').bytes), { width: 64, height: 64 });
    assert.throws(() => jpegSize(Buffer.from('GIF89a')));
  });

  it('computes the type-A hash of the documented example', () => {
    // vod-api.md §5: key aliyuncdnexp1234, md5("/video/standard/1K.html-1444435200-0-0-aliyuncdnexp1234").
    assert.equal(typeAHash('/video/standard/1K.html', '1444435200', '0', '0', 'aliyuncdnexp1234'), '80cd3862d699b7118eed99103f2a3a4f');
  });
});

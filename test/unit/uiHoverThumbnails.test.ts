import { strict as assert } from 'node:assert';
import { deflateSync } from 'node:zlib';
import { ThumbnailCache } from '../../src/ui/hover/thumbnailCache';
import { sniffRasterType, toImageDataUri } from '../../src/ui/hover/dataUri';

describe('ui/hover ThumbnailCache', () => {
  const image = (n: number) => ({ kind: 'image' as const, dataUri: 'd'.repeat(n) });

  it('returns what was stored and forgets deleted keys', () => {
    const cache = new ThumbnailCache();
    cache.set('a', image(10));
    cache.set('b', { kind: 'tooLarge', bytes: 5_000_000 });
    assert.deepEqual(cache.get('a'), image(10));
    assert.deepEqual(cache.get('b'), { kind: 'tooLarge', bytes: 5_000_000 });
    cache.delete('a');
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.chars, 0);
  });

  it('evicts the least recently used entries once the size budget is exceeded', () => {
    const cache = new ThumbnailCache({ maxChars: 100 });
    cache.set('a', image(40));
    cache.set('b', image(40));
    cache.get('a'); // a is now the most recently used
    cache.set('c', image(40)); // 120 > 100: b goes
    assert.equal(cache.get('b'), undefined);
    assert.ok(cache.get('a'));
    assert.ok(cache.get('c'));
    assert.equal(cache.chars, 80);
  });

  it('does not keep an entry larger than the whole budget, and replacing a key frees its old size', () => {
    const cache = new ThumbnailCache({ maxChars: 50 });
    cache.set('a', image(30));
    cache.set('huge', image(51));
    assert.equal(cache.get('huge'), undefined);
    assert.ok(cache.get('a'));
    cache.set('a', image(10));
    assert.equal(cache.chars, 10);
    assert.equal(cache.size, 1);
  });

  it('expires entries after the TTL', () => {
    let now = 1000;
    const cache = new ThumbnailCache({ ttlMs: 500, now: () => now });
    cache.set('a', image(1));
    now = 1499;
    assert.ok(cache.get('a'));
    now = 1500;
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 0);
  });
});

function tinyPng(): Buffer {
  // A real 1×1 PNG built from the spec (the CRCs are not checked by the sniffer, so zeros do).
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('ui/hover dataUri', () => {
  it('recognises PNG, JPEG, GIF and WebP by their magic bytes', () => {
    assert.equal(sniffRasterType(tinyPng()), 'image/png');
    assert.equal(sniffRasterType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'image/jpeg');
    assert.equal(sniffRasterType(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')), 'image/gif');
    assert.equal(sniffRasterType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')), 'image/webp');
  });

  it('refuses SVG, HTML, empty and truncated input whatever it claims to be', () => {
    for (const text of ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', '<!doctype html>', '', 'GIF8', 'RIFFxxxxWEBX']) {
      assert.equal(sniffRasterType(Buffer.from(text, 'latin1')), undefined, text);
      assert.equal(toImageDataUri(Buffer.from(text, 'latin1')), undefined, text);
    }
  });

  it('encodes the bytes as base64 with the sniffed type, honouring a view into a larger buffer', () => {
    const png = tinyPng();
    const backing = Buffer.concat([Buffer.from('junk'), png, Buffer.from('more junk')]);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 4, png.length);
    const uri = toImageDataUri(view);
    assert.equal(uri, `data:image/png;base64,${png.toString('base64')}`);
    assert.deepEqual(Buffer.from(uri!.split(',')[1]!, 'base64'), png);
  });
});

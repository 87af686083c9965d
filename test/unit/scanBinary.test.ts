/**
 * Binary detection and decoding for the workspace scan. Decoding is checked against the WHATWG
 * TextDecoder (the reference for replacement characters), binary detection against hand-built
 * samples of each kind.
 */
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { BINARY_SNIFF_BYTES, isProbablyBinary } from '../../src/vod/scan/binary';
import { decodeText, detectEncoding } from '../../src/vod/scan/decodeText';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('scan: isProbablyBinary', () => {
  it('reads ASCII and UTF-8 text (CJK, emoji) as text', () => {
    assert.equal(isProbablyBinary(utf8('const id = "abc";\n')), false);
    assert.equal(isProbablyBinary(utf8('春节海报 — 红色背景 😺\n'.repeat(100))), false);
    assert.equal(isProbablyBinary(new Uint8Array(0)), false);
  });

  it('calls a NUL byte within the first 8 KB binary, and not one after', () => {
    const early = utf8(`${'x'.repeat(100)}\0rest`);
    assert.equal(isProbablyBinary(early), true);
    const late = new Uint8Array(BINARY_SNIFF_BYTES + 10).fill(0x61);
    late[BINARY_SNIFF_BYTES + 5] = 0;
    assert.equal(isProbablyBinary(late), false);
  });

  it('calls PNG-like and compressed data binary', () => {
    assert.equal(isProbablyBinary(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d)), true);
    // Compressed data with its NUL bytes replaced: no NUL left, mostly invalid UTF-8.
    const compressed = deflateSync(Buffer.from(Array.from({ length: 50_000 }, (_, i) => `${(i * 2654435761) >>> 0}`).join(',')));
    assert.ok(compressed.length > 4000);
    const withoutNul = Uint8Array.from(compressed, (b) => (b === 0 ? 1 : b));
    assert.equal(isProbablyBinary(withoutNul), true);
  });

  it('keeps legacy 8-bit text (a few invalid UTF-8 bytes) as text', () => {
    const latin1 = Buffer.from('Café crème brûlée, naïve façade. '.repeat(20), 'latin1');
    assert.equal(isProbablyBinary(latin1), false);
  });

  it('treats UTF-16 with a byte-order mark as text despite its NUL bytes', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id = "x"', 'utf16le')]);
    assert.equal(isProbablyBinary(le), false);
  });
});

describe('scan: decodeText', () => {
  it('drops a UTF-8 BOM so columns match the editor', () => {
    assert.equal(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61, 0x62)), 'ab');
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const text = 'id = "0123456789abcdef0123456789abcdef" 中';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    assert.equal(detectEncoding(le), 'utf16le');
    assert.equal(detectEncoding(be), 'utf16be');
    assert.equal(decodeText(le), text);
    assert.equal(decodeText(be), text);
  });

  it('replaces invalid UTF-8 exactly as the WHATWG TextDecoder does', () => {
    const reference = new TextDecoder('utf-8');
    const samples = [
      bytes(0x61, 0xff, 0x62),
      bytes(0xc3),
      bytes(0xe2, 0x82),
      bytes(0xed, 0xa0, 0x80), // a surrogate
      bytes(0xf0, 0x9f, 0x98),
      bytes(0xc0, 0xaf),
      Buffer.from('Café', 'latin1'),
    ];
    let seed = 7;
    for (let n = 0; n < 500; n++) {
      samples.push(Uint8Array.from({ length: 1 + (n % 13) }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff));
    }
    for (const sample of samples) {
      // The reference must not see a leading BOM either; none of the samples starts with one that matters.
      if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) continue;
      if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) continue;
      assert.equal(decodeText(sample), reference.decode(sample), Buffer.from(sample).toString('hex'));
    }
  });
});

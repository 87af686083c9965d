/**
 * IDs the scan keeps must not keep the text they were found in. V8 makes a slice of 13 or more
 * characters a view into its parent string, so an ID sliced out of a file's text held the whole text
 * in the heap for as long as the workspace index held the ID. Measured here on the real heap: found
 * IDs are kept, the texts dropped, and after a garbage collection the heap must not have grown by
 * anything near the texts' size.
 */
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ownedCopy } from '../../src/vod/scan/ownedString';
import { RipgrepLineReader } from '../../src/vod/scan/ripgrepLines';
import { scanText } from '../../src/vod/scan/scanText';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TEXTS = 24;
const TEXT_CHARS = 512 * 1024;
/** The texts total 12 M characters (12-24 MB); what may stay is the IDs and their records. */
const MAX_RETAINED_BYTES = 3 * 1024 * 1024;

/** A text of `TEXT_CHARS` with one ID near its start; `i` makes each text (and its ID) distinct. */
function bigText(i: number, filler: string): string {
  const id = (0x10000000 + i).toString(16).repeat(4);
  const head = `const image = "${id}";\n`;
  return head + filler.repeat(Math.ceil((TEXT_CHARS - head.length) / filler.length)).slice(0, TEXT_CHARS - head.length);
}

function retainedBytes(keep: (text: string, i: number) => unknown, filler: string): { bytes: number; kept: unknown[] } {
  const kept: unknown[] = [];
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < TEXTS; i++) kept.push(keep(bigText(i, filler), i));
  gc();
  return { bytes: process.memoryUsage().heapUsed - before, kept };
}

describe('scan: kept IDs own their characters', () => {
  for (const [name, filler] of [
    ['ASCII', 'let value = render(layout, 42);\n'],
    ['non-ASCII', 'const 标题 = "横幅图片";\n'],
  ] as const) {
    it(`scanText with the default pattern (${name} text)`, () => {
      const { bytes, kept } = retainedBytes((text) => scanText(text).map((o) => o.id), filler);
      assert.equal(kept.flat().length, TEXTS);
      assert.ok(bytes < MAX_RETAINED_BYTES, `heap grew ${(bytes / 1048576).toFixed(1)} MB keeping ${TEXTS} IDs`);
    });

    it(`scanText with a custom pattern (${name} text)`, () => {
      const { bytes, kept } = retainedBytes((text) => scanText(text, '[0-9a-f]{32}').map((o) => o.id), filler);
      assert.equal(kept.flat().length, TEXTS);
      assert.ok(bytes < MAX_RETAINED_BYTES, `heap grew ${(bytes / 1048576).toFixed(1)} MB keeping ${TEXTS} IDs`);
    });
  }

  it('ripgrep output lines, ASCII and not, short and minified-long', () => {
    const { bytes, kept } = retainedBytes((text, i) => {
      // One printed line per text: the ID at its start, then the filler without its line breaks.
      const line = (i % 2 === 0 ? text : text.replace('const', 'константа')).replaceAll('\n', ' ');
      const ids: string[] = [];
      const reader = new RipgrepLineReader('[0-9a-f]{32}', (file) => ids.push(...file.occurrences.map((o) => o.id)));
      reader.feed(Buffer.from(`src/f${i}.ts\u00001:${line}\n`));
      reader.end();
      return ids;
    }, 'value = render(layout) ');
    assert.equal(kept.flat().length, TEXTS);
    assert.ok(bytes < MAX_RETAINED_BYTES, `heap grew ${(bytes / 1048576).toFixed(1)} MB keeping ${TEXTS} IDs`);
  });

  it('ownedCopy returns the same string, whatever its characters', () => {
    for (const s of ['d41d8cd98f00b204e9800998ecf8427e', 'ÿÀ latin-1 only ©', '图片 \ud83d\ude00 and a lone \ud800 surrogate', '']) {
      assert.equal(ownedCopy(s), s);
    }
  });
});

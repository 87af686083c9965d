/**
 * Text scanning: the fast default-pattern matcher must find exactly what the regex of
 * `findImageIds` finds (the reference), and positions must be those of VS Code's line model
 * (`\r\n`, `\n`, lone `\r`), checked against an independent split-based computation.
 */
import { seededRandom } from './support/randomInputs';
import assert from 'node:assert/strict';
import { DEFAULT_ID_PATTERN, findImageIds } from '../../src/vod/imageIds';
import { findDefaultPatternIds, findDefaultPatternIdsInAsciiBytes } from '../../src/vod/scan/defaultPatternIds';
import { LineCursor } from '../../src/vod/scan/lineCursor';
import { scanText } from '../../src/vod/scan/scanText';

const ID = '0123456789abcdef0123456789abcdef';
const ID2 = 'fedcba9876543210fedcba9876543210';

/** Text dense in near-misses: hex runs of 30..34, word characters next to them, every line break kind. */
function randomText(random: () => number): string {
  const pieces = ['a', 'F', '0', '9', 'g', 'Z', '_', ' ', '"', '/', '.', '-', '\n', '\r', '\r\n', '中', '😺', '\u017f', '\u212a', 'é', '\t'];
  const hexChars = '0123456789abcdefABCDEF';
  let text = '';
  const parts = 1 + Math.floor(random() * 12);
  for (let p = 0; p < parts; p++) {
    const runLength = 30 + Math.floor(random() * 5);
    let run = '';
    for (let i = 0; i < runLength; i++) run += hexChars[Math.floor(random() * hexChars.length)];
    text += run;
    const gap = Math.floor(random() * 4);
    for (let i = 0; i < gap; i++) text += pieces[Math.floor(random() * pieces.length)];
  }
  return text;
}

/** Reference positions: split into lines the way VS Code does, then locate each offset. */
function referencePosition(text: string, offset: number): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  const breaks = text.match(/\r\n|\r|\n/g) ?? [];
  let start = 0;
  for (let line = 0; line < lines.length; line++) {
    const end = start + lines[line]!.length;
    if (offset <= end) return { line, character: offset - start };
    start = end + breaks[line]!.length;
  }
  throw new Error('offset beyond the text');
}

describe('scan: default-pattern matcher', () => {
  it('finds standalone IDs and reports them as written', () => {
    const text = `id="${ID}" url=/${ID2.toUpperCase()}.png\n${ID}`;
    assert.deepEqual(findDefaultPatternIds(text), [
      { id: ID, start: 4, end: 36 },
      { id: ID2.toUpperCase(), start: 43, end: 75 },
      { id: ID, start: 80, end: 112 },
    ]);
  });

  it('rejects longer hex runs, word characters around, and non-hex letters inside', () => {
    for (const text of [`${ID}0`, `x${ID}`, `${ID}_`, `_${ID}`, `${ID.slice(0, 31)}g`, `${ID}${ID}`, ID.slice(1)]) {
      assert.deepEqual(findDefaultPatternIds(text), [], text);
    }
  });

  it('treats the two non-ASCII letters that case-fold into [A-Za-z] as word characters, like the regex', () => {
    assert.deepEqual(findDefaultPatternIds(`\u212a${ID}`), []);
    assert.deepEqual(findDefaultPatternIds(`${ID}\u017f`), []);
    assert.equal(findDefaultPatternIds(`中${ID}é`).length, 1);
  });

  it('agrees with findImageIds on 3,000 random near-miss texts', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const text = randomText(seededRandom(seed));
      assert.deepEqual(findDefaultPatternIds(text), findImageIds(text, DEFAULT_ID_PATTERN), `seed ${seed}: ${JSON.stringify(text)}`);
    }
  });

  it('finds in ASCII bytes, between the given offsets, exactly what findImageIds finds in that text', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const random = seededRandom(seed);
      // ASCII only (the byte matcher's contract), with an auth_key signature now and then.
      const text = randomText(random).replace(/[^\x00-\x7f]/g, '-') + (seed % 7 === 0 ? `?auth_key=1700000000-0-0-${ID}` : '');
      // Hex on both sides of the range: the offsets, not the buffer's ends, bound every run.
      const bytes = Buffer.from(`abc${text}0f`, 'latin1');
      const found = findDefaultPatternIdsInAsciiBytes(bytes, 3, 3 + text.length);
      assert.deepEqual(found, findImageIds(text, DEFAULT_ID_PATTERN), `seed ${seed}: ${JSON.stringify(text)}`);
    }
  });
});

describe('scan: line cursor', () => {
  it('counts \\n, \\r\\n and lone \\r as one line break each', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const cursor = new LineCursor(text);
    assert.deepEqual(cursor.positionOf(1), { line: 0, character: 1 });
    assert.deepEqual(cursor.positionOf(3), { line: 1, character: 0 });
    assert.deepEqual(cursor.positionOf(7), { line: 2, character: 0 });
    assert.deepEqual(cursor.positionOf(11), { line: 3, character: 1 });
  });

  it('matches a split-based reference for increasing offsets on random texts', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      const text = randomText(random);
      const cursor = new LineCursor(text);
      for (let offset = 0; offset <= text.length; offset += 1 + Math.floor(random() * 7)) {
        if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a \r\n: not a position
        assert.deepEqual(cursor.positionOf(offset), referencePosition(text, offset), `seed ${seed} offset ${offset}`);
      }
    }
  });
});

describe('scan: scanText', () => {
  it('gives zero-based line, UTF-16 character and length for each ID', () => {
    const text = `first line\r\n  "${ID}" 😺 ${ID2}\nno id here\n${ID}`;
    assert.deepEqual(scanText(text), [
      { id: ID, line: 1, character: 3, length: 32 },
      { id: ID2, line: 1, character: 40, length: 32 },
      { id: ID, line: 3, character: 0, length: 32 },
    ]);
  });

  it('positions agree with the reference on random texts, default pattern', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const text = randomText(seededRandom(seed));
      const expected = findImageIds(text).map((m) => ({ id: m.id, ...referencePosition(text, m.start), length: m.end - m.start }));
      assert.deepEqual(scanText(text), expected, `seed ${seed}`);
    }
  });

  it('uses a custom pattern, and drops matches that span a line break', () => {
    const text = 'img-ab12 x\nimg-cd34\nimg-\nzz';
    assert.deepEqual(scanText(text, 'img-[a-z0-9]{4}'), [
      { id: 'img-ab12', line: 0, character: 0, length: 8 },
      { id: 'img-cd34', line: 1, character: 0, length: 8 },
    ]);
    // `\s?` lets the second match run across the line break: `img-\nzz`.
    assert.deepEqual(
      scanText('img-ab x\nimg-\nzz y', 'img-\\s?[a-z0-9]{2}').map((o) => o.id),
      ['img-ab'],
    );
  });

  it('throws the invalidInput error of an unusable custom pattern', () => {
    assert.throws(() => scanText('x', '('), (error: unknown) => (error as { kind?: string }).kind === 'invalidInput');
  });

  it('handles a long single-line file with many IDs in linear time', () => {
    const text = `${ID},`.repeat(50_000);
    const started = performance.now();
    const found = scanText(text);
    const elapsed = performance.now() - started;
    assert.equal(found.length, 50_000);
    assert.deepEqual(found[49_999], { id: ID, line: 0, character: 49_999 * 33, length: 32 });
    // Quadratic behaviour (re-searching the line for every ID) would take seconds here.
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
  });
});

describe('scan: signed URLs', () => {
  it('the fast matcher also skips the md5 hash of an auth_key', () => {
    const id = '077733093f325fd603f2f05f8e9701db';
    const text = `see https://cdn.example.com/${id}.png?auth_key=1444435200-0-0-80cd3862d699b7118eed99103f2a3a4f now`;
    assert.deepEqual(findDefaultPatternIds(text).map((m) => m.id), [id]);
    assert.deepEqual(scanText(text).map((o) => o.id), [id]);
  });
});

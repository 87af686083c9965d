import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { VodError } from '../../src/vod/errors';
import {
  compileIdPattern,
  DEFAULT_ID_PATTERN,
  findImageIds,
  idAt,
  isSignatureHash,
  isPlausibleImageId,
  uniqueIds,
  type IdMatch,
} from '../../src/vod/imageIds';

const ID = '5aed81b74ba84920be578cdfe004af4b'; // a documented (video) ID: 32 lowercase hex
const ID2 = '28ba2b26d540446c94cdd2c4c48090e5';

function ids(text: string, pattern?: string): string[] {
  return findImageIds(text, pattern).map((m) => m.id);
}

/**
 * An independent reference for the default pattern: walk runs of ASCII word characters and keep
 * those that are exactly 32 hex digits.
 */
function referenceFind(text: string): IdMatch[] {
  const out: IdMatch[] = [];
  const isWord = (c: string) => /[A-Za-z0-9_]/.test(c);
  let i = 0;
  while (i < text.length) {
    if (!isWord(text[i]!)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < text.length && isWord(text[j]!)) j += 1;
    const run = text.slice(i, j);
    if (run.length === 32 && /^[0-9a-fA-F]+$/.test(run)) out.push({ id: run, start: i, end: j });
    i = j;
  }
  return out;
}

describe('imageIds', () => {
  describe('findImageIds with the default pattern', () => {
    it('finds an ID alone and reports its offsets', () => {
      assert.deepEqual(findImageIds(ID), [{ id: ID, start: 0, end: 32 }]);
      assert.deepEqual(findImageIds(`  ${ID}\n`), [{ id: ID, start: 2, end: 34 }]);
    });

    it('finds IDs in quotes, assignments, paths and URLs', () => {
      assert.deepEqual(ids(`"${ID}"`), [ID]);
      assert.deepEqual(ids(`'${ID}'`), [ID]);
      assert.deepEqual(ids(`id=${ID}&x=1`), [ID]);
      assert.deepEqual(ids(`https://cdn.example.com/image/${ID}.png`), [ID]);
      assert.deepEqual(ids(`{"ImageId":"${ID}","Other":"${ID2}"}`), [ID, ID2]);
      assert.deepEqual(ids(`(${ID})`), [ID]);
      assert.deepEqual(ids(`${ID}-${ID2}`), [ID, ID2]);
    });

    it('yields nothing inside a git SHA-1 (40 hex) or a SHA-256 (64 hex)', () => {
      const sha1 = createHash('sha1').update('x').digest('hex');
      const sha256 = createHash('sha256').update('x').digest('hex');
      assert.equal(sha1.length, 40);
      assert.equal(sha256.length, 64);
      assert.deepEqual(ids(`commit ${sha1}`), []);
      assert.deepEqual(ids(`sha256:${sha256}`), []);
      assert.deepEqual(ids(sha256.toUpperCase()), []);
    });

    it('yields nothing when glued to other word characters on either side', () => {
      assert.deepEqual(ids(`abc${ID}`), []);
      assert.deepEqual(ids(`${ID}abc`), []);
      assert.deepEqual(ids(`g${ID}`), []);
      assert.deepEqual(ids(`${ID}_x`), []);
      assert.deepEqual(ids(`x_${ID}`), []);
      assert.deepEqual(ids(`${ID}0`), []);
      // 31 and 33 characters
      assert.deepEqual(ids(ID.slice(1)), []);
      assert.deepEqual(ids(`${ID}f`), []);
    });

    it('rejects non-hex characters of the right length', () => {
      assert.deepEqual(ids('5aed81b74ba84920be578cdfe004af4g'), []);
    });

    it('accepts uppercase and mixed case but reports the text as written', () => {
      const upper = ID.toUpperCase();
      assert.deepEqual(ids(`x ${upper} y`), [upper]);
      const mixed = 'AbCdEf0123456789abcdef0123456789';
      assert.deepEqual(ids(mixed), [mixed]);
    });

    it('treats non-ASCII letters, CJK and emoji as separators', () => {
      assert.deepEqual(ids(`图片${ID}的地址`), [ID]);
      assert.deepEqual(findImageIds(`😀${ID}😀`), [{ id: ID, start: 2, end: 34 }]);
      assert.deepEqual(ids(`é${ID}ü`), [ID]);
      assert.deepEqual(ids(`\u00a0${ID}\u2003`), [ID]);
    });

    it('handles CRLF line endings and IDs at line starts and ends', () => {
      const text = `${ID}\r\n${ID2}\r\n`;
      assert.deepEqual(findImageIds(text), [
        { id: ID, start: 0, end: 32 },
        { id: ID2, start: 34, end: 66 },
      ]);
    });

    it('returns duplicates as separate matches', () => {
      assert.deepEqual(ids(`${ID} ${ID}`), [ID, ID]);
    });

    it('agrees with a reference scanner on random text', () => {
      // Deterministic pseudo-random text made of hex runs of lengths around 32 and separators.
      let seed = 42;
      const next = () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed;
      };
      const alphabet = '0123456789abcdefABCDEF';
      const separators = [' ', '\n', '"', '-', '_', 'g', 'é', '.', '/', '=', '\r\n'];
      for (let round = 0; round < 200; round += 1) {
        let text = '';
        for (let part = 0; part < 20; part += 1) {
          const length = 28 + (next() % 9);
          for (let k = 0; k < length; k += 1) text += alphabet[next() % alphabet.length];
          text += separators[next() % separators.length];
        }
        assert.deepEqual(findImageIds(text), referenceFind(text), text);
      }
    });

    it('scans a multi-megabyte text in well under a second', () => {
      const chunk = `{"sha":"${'a'.repeat(40)}","id":"${ID}","n":123}\n`;
      const text = chunk.repeat(Math.ceil((4 * 1024 * 1024) / chunk.length));
      const started = performance.now();
      const found = findImageIds(text);
      const elapsed = performance.now() - started;
      assert.equal(found.length, text.length / chunk.length);
      assert.ok(elapsed < 1000, `took ${elapsed} ms`);
    });
  });

  describe('custom patterns', () => {
    it('uses a configured pattern, keeping the stand-alone rule', () => {
      assert.deepEqual(ids('img-ABC123 and ximg-DEF456', 'img-[A-Z0-9]{6}'), ['img-ABC123']);
    });

    it('keeps an alternation inside the boundary rule', () => {
      assert.deepEqual(ids('aaaa bbbb xaaaa bbbbx', 'a{4}|b{4}'), ['aaaa', 'bbbb']);
    });

    it('supports unicode property escapes', () => {
      assert.deepEqual(ids('id: 12345 ', '\\p{Nd}{5}'), ['12345']);
    });

    it('compileIdPattern rejects invalid syntax with the reason', () => {
      const result = compileIdPattern('[0-9');
      assert.ok(result instanceof VodError);
      assert.equal(result.kind, 'invalidInput');
      assert.match(result.message, /not a valid regular expression/);
      assert.match(result.message, /Unterminated character class/);
    });

    it('compileIdPattern rejects patterns that match the empty string', () => {
      for (const pattern of ['', 'a*', '(?:)', 'x?', '[0-9]{0,32}', 'a|']) {
        const result = compileIdPattern(pattern);
        assert.ok(result instanceof VodError, pattern);
        assert.match(result.message, /empty string/);
      }
    });

    it('compileIdPattern returns a global regex for a good pattern', () => {
      const result = compileIdPattern(DEFAULT_ID_PATTERN);
      assert.ok(result instanceof RegExp);
      assert.ok(result.global);
    });

    it('findImageIds throws the VodError for an unusable pattern', () => {
      assert.throws(() => findImageIds('text', '('), (e: unknown) => e instanceof VodError && e.kind === 'invalidInput');
    });

    it('refuses a pattern that matches empty only in context (a lookahead) instead of looping on it', () => {
      // Cannot match "" alone (needs a following "a"), but would match empty before every "a".
      assert.ok(compileIdPattern('(?=a)') instanceof VodError);
    });
  });

  describe('idAt', () => {
    const text = `first line\r\nimage "${ID}" and ${ID2}\nlast`;
    const start = text.indexOf(ID);
    const start2 = text.indexOf(ID2);

    it('returns the match covering the offset', () => {
      assert.deepEqual(idAt(text, start), { id: ID, start, end: start + 32 });
      assert.deepEqual(idAt(text, start + 31), { id: ID, start, end: start + 32 });
      assert.deepEqual(idAt(text, start2 + 10)?.id, ID2);
    });

    it('counts the position right after an ID (the cursor) as on it', () => {
      assert.equal(idAt(text, start2 + 32)?.id, ID2);
    });

    it('returns undefined away from IDs and for out-of-range offsets', () => {
      assert.equal(idAt(text, 0), undefined);
      assert.equal(idAt(text, start - 1), undefined);
      assert.equal(idAt(text, start + 34), undefined);
      assert.equal(idAt(text, -1), undefined);
      assert.equal(idAt(text, text.length + 1), undefined);
      assert.equal(idAt('', 0), undefined);
    });

    it('does not treat part of a long hex run as an ID, however the run is windowed', () => {
      const long = '0123456789abcdef'.repeat(64); // 1024 hex characters
      for (const offset of [0, 10, 250, 300, 512, 700, 1000, 1024]) assert.equal(idAt(long, offset), undefined, String(offset));
    });

    it('never returns a piece of a run longer than the longest match', () => {
      // Patterns repeat at most 256 times (patternSafety), so a match fits idAt's window whole; a
      // 1000-character run holds no standalone match, and no window of it may be passed off as one.
      const run = ` ${'ab'.repeat(500)} `;
      assert.deepEqual(findImageIds(run, '[0-9a-f]{200,256}'), []);
      assert.equal(idAt(run, 500, '[0-9a-f]{200,256}'), undefined);
      // A long ID is found whole.
      const fits = ` ${'ab'.repeat(100)} `;
      assert.equal(idAt(fits, 100, '[0-9a-f]{200,256}')?.id.length, 200);
    });

    it('finds an ID at the very start and the very end of the text', () => {
      assert.equal(idAt(ID, 0)?.id, ID);
      assert.equal(idAt(ID, 32)?.id, ID);
    });

    it('works on a huge single-line text near its end', () => {
      const big = `${'x '.repeat(2_000_000)}${ID}`;
      assert.equal(idAt(big, big.length - 5)?.id, ID);
    });

    it('honours a custom pattern', () => {
      assert.equal(idAt('see img-ABC123.', 6, 'img-[A-Z0-9]{6}')?.id, 'img-ABC123');
    });
  });

  describe('isPlausibleImageId', () => {
    it('accepts 1 to 64 ASCII letters or digits', () => {
      assert.ok(isPlausibleImageId(ID));
      assert.ok(isPlausibleImageId('a'));
      assert.ok(isPlausibleImageId('11130843741abcdese99wqmoes'));
      assert.ok(isPlausibleImageId('Z'.repeat(64)));
    });

    it('rejects empty, too long, spaces, punctuation and non-ASCII', () => {
      for (const bad of ['', 'Z'.repeat(65), ` ${ID}`, 'abc-def', 'abc_def', '3e34733b40b9a96ccf5c1ff6f69****', 'é1']) {
        assert.equal(isPlausibleImageId(bad), false, bad);
      }
    });
  });

  describe('uniqueIds', () => {
    it('keeps first-seen order and drops repeats', () => {
      assert.deepEqual(uniqueIds(findImageIds(`${ID2} ${ID} ${ID2} ${ID}`)), [ID2, ID]);
      assert.deepEqual(uniqueIds([]), []);
    });
  });
});

describe('imageIds: signed URLs', () => {
  const id = '077733093f325fd603f2f05f8e9701db';
  const hash = '80cd3862d699b7118eed99103f2a3a4f'; // the md5 of the official type-A example
  const url = `http://cdn.example.com/image/default/${id}.jpg?auth_key=1444435200-0-0-${hash}`;

  it('does not take the md5 hash of an auth_key for an image ID', () => {
    assert.deepEqual(findImageIds(url).map((m) => m.id), [id]);
    assert.equal(idAt(url, url.indexOf(hash) + 3), undefined);
    assert.equal(idAt(url, url.indexOf(id) + 3)?.id, id);
  });

  it('still finds IDs that merely follow a dash elsewhere', () => {
    assert.deepEqual(findImageIds(`cover-${hash}`).map((m) => m.id), [hash]);
    assert.equal(isSignatureHash(`auth_key=oops-${hash}`, 'auth_key=oops-'.length), false);
  });
});

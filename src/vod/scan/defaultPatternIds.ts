/**
 * A hand-written matcher for the default ID pattern (`[0-9a-f]{32}`, case-insensitive, standing on
 * its own), for the workspace scan: the regex of `findImageIds` backtracks at every hex character of
 * every hash and long word, which costs ~20 ms per MB; this skips ahead instead and is several
 * times faster on real files. It must find exactly what `findImageIds(text)` finds; a randomized
 * test holds it to that.
 *
 * The rule restated: an ID is a maximal run of "word" characters that is exactly 32 long and all
 * hex. Word characters are what the lookarounds of `compileIdPattern` see under the `iu` flags:
 * ASCII letters, digits, `_`, and the two non-ASCII letters whose case folding lands in `[A-Za-z]`
 * (U+017F LONG S → s, U+212A KELVIN SIGN → k).
 */
import { isSignatureHash, type IdMatch } from '../imageIds';
import { ownedCopy } from './ownedString';

export const DEFAULT_ID_LENGTH = 32;

const OTHER = 0;
const WORD = 1;
const HEX = 2;

/** Character class of each ASCII code unit. */
const ASCII_CLASS = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    table[c] = /[0-9a-fA-F]/.test(ch) ? HEX : /[A-Za-z0-9_]/.test(ch) ? WORD : OTHER;
  }
  return table;
})();

const LONG_S = 0x017f;
const KELVIN = 0x212a;

/**
 * The class at `at` of a string, or of bytes that are all ASCII. One function for both, not a
 * function passed in by each caller: V8 then inlines it into the search, which a callback made twice
 * as slow.
 */
function classAt(source: string | Uint8Array, at: number): number {
  if (typeof source !== 'string') return ASCII_CLASS[source[at]! & 0x7f]!;
  const code = source.charCodeAt(at);
  if (code < 128) return ASCII_CLASS[code]!;
  return code === LONG_S || code === KELVIN ? WORD : OTHER;
}

/**
 * The search both matchers share, over positions [from, to) of `source`: calls `found`
 * for every maximal run of word characters that is exactly 32 long and all hex. Probes the last
 * position a candidate starting at `pos` would have: if it is not a word character, no ID can start
 * anywhere before it, so 32 positions are skipped after one look. Otherwise the run around it is
 * measured once and the search resumes after it, so no position is looked at more than about twice.
 */
function eachHexRun(source: string | Uint8Array, from: number, to: number, found: (start: number, end: number) => void): void {
  // Invariant: every run ending before `pos` has been dealt with, and position pos - 1 is not a word character.
  let pos = from;
  while (pos + DEFAULT_ID_LENGTH <= to) {
    const probe = pos + DEFAULT_ID_LENGTH - 1;
    const probeClass = classAt(source, probe);
    if (probeClass === OTHER) {
      pos = probe + 1;
      continue;
    }
    let allHex = probeClass === HEX;
    let start = probe;
    while (start > pos) {
      const cls = classAt(source, start - 1);
      if (cls === OTHER) break;
      if (cls !== HEX) allHex = false;
      start -= 1;
    }
    let end = probe + 1;
    while (end < to) {
      const cls = classAt(source, end);
      if (cls === OTHER) break;
      if (cls !== HEX) allHex = false;
      end += 1;
    }
    if (allHex && end - start === DEFAULT_ID_LENGTH) found(start, end);
    pos = end + 1;
  }
}

/**
 * Every default-pattern ID in `text`, in order, each an owned copy (ownedString.ts: the scan keeps
 * them, and a slice would keep `text` alive).
 */
export function findDefaultPatternIds(text: string): IdMatch[] {
  const matches: IdMatch[] = [];
  eachHexRun(text, 0, text.length, (start, end) => {
    if (!isSignatureHash(text, start)) matches.push({ id: ownedCopy(text.slice(start, end)), start, end });
  });
  return matches;
}

/**
 * `findDefaultPatternIds` over bytes that are all ASCII (`bytes[from..to)`), for the very long lines
 * ripgrep prints from minified files: decoding a megabyte line into a string only to find a few IDs in
 * it made the extension host's heap balloon during a scan. In ASCII, a byte offset is a UTF-16
 * offset, so the matches (relative to `from`) are exactly what the string version reports.
 */
export function findDefaultPatternIdsInAsciiBytes(bytes: Uint8Array, from: number, to: number): IdMatch[] {
  const matches: IdMatch[] = [];
  eachHexRun(bytes, from, to, (start, end) => {
    if (signatureHashAt(bytes, from, start)) return;
    matches.push({ id: Buffer.from(bytes.buffer, bytes.byteOffset + start, DEFAULT_ID_LENGTH).toString('latin1'), start: start - from, end: end - from });
  });
  return matches;
}

/** `isSignatureHash` on the text just before `start` (it looks back a bounded distance). */
function signatureHashAt(bytes: Uint8Array, from: number, start: number): boolean {
  if (bytes[start - 1] !== 0x2d /* - */ || start - 1 < from) return false;
  const windowStart = Math.max(from, start - 200);
  const before = Buffer.from(bytes.buffer, bytes.byteOffset + windowStart, start - windowStart).toString('latin1');
  return isSignatureHash(before, before.length);
}

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

function classOf(code: number): number {
  if (code < 128) return ASCII_CLASS[code]!;
  return code === LONG_S || code === KELVIN ? WORD : OTHER;
}

/**
 * Every default-pattern ID in `text`, in order, each an owned copy (ownedString.ts: the scan keeps
 * them, and a slice would keep `text` alive). Probes the last character a candidate starting at
 * `pos` would have: if it is not a word character, no ID can start anywhere before it, so 32
 * characters are skipped after one look. Otherwise the run around it is measured once and the
 * search resumes after it, so no character is looked at more than about twice.
 */
export function findDefaultPatternIds(text: string): IdMatch[] {
  const matches: IdMatch[] = [];
  const n = text.length;
  // Invariant: every run ending before `pos` has been dealt with, and text[pos - 1] is not a word character.
  let pos = 0;
  while (pos + DEFAULT_ID_LENGTH <= n) {
    const probe = pos + DEFAULT_ID_LENGTH - 1;
    if (classOf(text.charCodeAt(probe)) === OTHER) {
      pos = probe + 1;
      continue;
    }
    let allHex = true;
    let start = probe;
    while (start > pos) {
      const cls = classOf(text.charCodeAt(start - 1));
      if (cls === OTHER) break;
      if (cls !== HEX) allHex = false;
      start -= 1;
    }
    if (classOf(text.charCodeAt(probe)) !== HEX) allHex = false;
    let end = probe + 1;
    while (end < n) {
      const cls = classOf(text.charCodeAt(end));
      if (cls === OTHER) break;
      if (cls !== HEX) allHex = false;
      end += 1;
    }
    if (allHex && end - start === DEFAULT_ID_LENGTH && !isSignatureHash(text, start)) matches.push({ id: ownedCopy(text.slice(start, end)), start, end });
    pos = end + 1;
  }
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
  const cls = (at: number): number => ASCII_CLASS[bytes[at]! & 0x7f]!;
  let pos = from;
  while (pos + DEFAULT_ID_LENGTH <= to) {
    const probe = pos + DEFAULT_ID_LENGTH - 1;
    if (cls(probe) === OTHER) {
      pos = probe + 1;
      continue;
    }
    let allHex = true;
    let start = probe;
    while (start > pos) {
      const c = cls(start - 1);
      if (c === OTHER) break;
      if (c !== HEX) allHex = false;
      start -= 1;
    }
    if (cls(probe) !== HEX) allHex = false;
    let end = probe + 1;
    while (end < to) {
      const c = cls(end);
      if (c === OTHER) break;
      if (c !== HEX) allHex = false;
      end += 1;
    }
    if (allHex && end - start === DEFAULT_ID_LENGTH && !signatureHashAt(bytes, from, start)) {
      matches.push({ id: Buffer.from(bytes.buffer, bytes.byteOffset + start, DEFAULT_ID_LENGTH).toString('latin1'), start: start - from, end: end - from });
    }
    pos = end + 1;
  }
  return matches;
}

/** `isSignatureHash` on the text just before `start` (it looks back a bounded distance). */
function signatureHashAt(bytes: Uint8Array, from: number, start: number): boolean {
  if (bytes[start - 1] !== 0x2d /* - */ || start - 1 < from) return false;
  const windowStart = Math.max(from, start - 200);
  const before = Buffer.from(bytes.buffer, bytes.byteOffset + windowStart, start - windowStart).toString('latin1');
  return isSignatureHash(before, before.length);
}

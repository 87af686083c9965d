/**
 * Is a file binary (skip it) or text (scan it)? Decided from its first 8 KB, like git and
 * ripgrep: a NUL byte means binary. Files without NULs that are mostly not UTF-8 (compressed or
 * encrypted data happens to avoid NULs now and then) count as binary too. Text in a legacy 8-bit
 * encoding has a few invalid sequences at most and is still scanned: the IDs in it are ASCII.
 *
 * UTF-16 text is full of NULs, so a UTF-16 byte-order mark is checked first: the editor opens such
 * files as text, and so does the scan (see decodeText).
 */
import { isUtf8 } from 'node:buffer';
import { detectEncoding } from './decodeText';

export const BINARY_SNIFF_BYTES = 8 * 1024;
/** More invalid UTF-8 bytes than this share of the sample: binary. */
export const MAX_INVALID_UTF8_RATIO = 0.3;

export function isProbablyBinary(bytes: Uint8Array): boolean {
  if (detectEncoding(bytes) !== 'utf8') return false;
  const sample = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sample.indexOf(0) !== -1) return true;
  if (isUtf8(sample)) return false;
  // (A character cut at the sample's end counts as up to 3 invalid bytes: too few to matter.)
  return invalidUtf8Bytes(sample) > sample.length * MAX_INVALID_UTF8_RATIO;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  return 2;
}

/**
 * Bytes that are not part of a well-formed UTF-8 sequence. Slow path, only for samples `isUtf8`
 * rejected. Checks the structure (lead byte, continuation bytes) and the forbidden ranges of the
 * second byte (overlongs, surrogates, above U+10FFFF), as the UTF-8 definition in RFC 3629 does.
 */
function invalidUtf8Bytes(bytes: Uint8Array): number {
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xf4 ? sequenceLength(lead) : 0;
    if (length === 0) {
      invalid += 1;
      i += 1;
      continue;
    }
    let ok = i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) {
      const byte = bytes[i + k]!;
      const [low, high] = k === 1 ? secondByteRange(lead) : [0x80, 0xbf];
      ok = byte >= low && byte <= high;
    }
    if (ok) {
      i += length;
    } else {
      invalid += 1;
      i += 1;
    }
  }
  return invalid;
}

function secondByteRange(lead: number): readonly [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

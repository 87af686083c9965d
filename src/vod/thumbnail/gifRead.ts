/**
 * A GIF reader for thumbnails: the first frame only (an animation's thumbnail is its first picture),
 * LZW-decoded into palette indexes, placed on a white screen and sampled every `step`-th pixel.
 * Anything it cannot read returns undefined.
 */
import type { RgbImage } from './jpegDc';

export function readGifScaled(bytes: Uint8Array, maxSide: number, maxPixels: number): RgbImage | undefined {
  const ascii = String.fromCharCode(...bytes.subarray(0, 6));
  if (ascii !== 'GIF87a' && ascii !== 'GIF89a') return undefined;
  try {
    return read(bytes, maxSide, maxPixels);
  } catch (error) {
    if (error instanceof RangeError || error instanceof Corrupt) return undefined;
    throw error;
  }
}

class Corrupt extends Error {}

function u16(bytes: Uint8Array, at: number): number {
  if (at + 1 >= bytes.length) throw new Corrupt();
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function read(bytes: Uint8Array, maxSide: number, maxPixels: number): RgbImage | undefined {
  const screenWidth = u16(bytes, 6);
  const screenHeight = u16(bytes, 8);
  if (screenWidth === 0 || screenHeight === 0 || screenWidth * screenHeight > maxPixels) return undefined;
  const flags = bytes[10]!;
  let at = 13;
  let palette = flags & 0x80 ? bytes.subarray(at, (at += 3 << ((flags & 7) + 1))) : undefined;
  for (;;) {
    const block = bytes[at];
    if (block === 0x21) {
      at += 2;
      at = skipSubBlocks(bytes, at);
    } else if (block === 0x2c) {
      break;
    } else {
      return undefined; // trailer before any image, or garbage
    }
  }
  const left = u16(bytes, at + 1);
  const top = u16(bytes, at + 3);
  const width = u16(bytes, at + 5);
  const height = u16(bytes, at + 7);
  const imageFlags = bytes[at + 9]!;
  at += 10;
  if (imageFlags & 0x80) palette = bytes.subarray(at, (at += 3 << ((imageFlags & 7) + 1)));
  if (!palette || width * height > maxPixels || width === 0 || height === 0) return undefined;
  const minCodeSize = bytes[at++]!;
  if (minCodeSize < 2 || minCodeSize > 8) return undefined;
  const indexes = lzw(collectSubBlocks(bytes, at), minCodeSize, width * height);
  const rows = imageFlags & 0x40 ? interlacedRows(height) : undefined;

  const step = Math.max(1, Math.floor(Math.max(screenWidth, screenHeight) / (maxSide * 2)));
  const outWidth = Math.ceil(screenWidth / step);
  const outHeight = Math.ceil(screenHeight / step);
  const rgb = new Uint8Array(outWidth * outHeight * 3).fill(255);
  for (let oy = 0; oy < outHeight; oy++) {
    const y = oy * step - top;
    if (y < 0 || y >= height) continue;
    // With interlacing, stored row k holds picture row rows[k]; find the stored row of picture row y.
    const stored = rows ? rows.indexOf(y) : y;
    for (let ox = 0; ox < outWidth; ox++) {
      const x = ox * step - left;
      if (x < 0 || x >= width) continue;
      const index = indexes[stored * width + x]! * 3;
      const out = (oy * outWidth + ox) * 3;
      rgb[out] = palette[index] ?? 255;
      rgb[out + 1] = palette[index + 1] ?? 255;
      rgb[out + 2] = palette[index + 2] ?? 255;
    }
  }
  return { width: outWidth, height: outHeight, rgb };
}

function skipSubBlocks(bytes: Uint8Array, at: number): number {
  for (;;) {
    const size = bytes[at];
    if (size === undefined) throw new Corrupt();
    at += 1 + size;
    if (size === 0) return at;
  }
}

function collectSubBlocks(bytes: Uint8Array, at: number): Uint8Array {
  const end = skipSubBlocks(bytes, at);
  const out = new Uint8Array(end - at);
  let length = 0;
  while (bytes[at]! > 0) {
    const size = bytes[at]!;
    out.set(bytes.subarray(at + 1, at + 1 + size), length);
    length += size;
    at += 1 + size;
  }
  return out.subarray(0, length);
}

/** Variable-width LZW (codes LSB first, up to 12 bits) into `count` palette indexes. */
function lzw(data: Uint8Array, minCodeSize: number, count: number): Uint8Array {
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const prefix = new Int16Array(4096);
  const suffix = new Uint8Array(4096);
  const stack = new Uint8Array(4097);
  for (let i = 0; i < clear; i++) suffix[i] = i;
  const out = new Uint8Array(count);
  let written = 0;
  let codeSize = minCodeSize + 1;
  let next = end + 1;
  let old = -1;
  let first = 0;
  let acc = 0;
  let bits = 0;
  let pos = 0;
  while (written < count) {
    while (bits < codeSize) {
      if (pos >= data.length) return out; // truncated: the rest stays index 0
      acc |= data[pos++]! << bits;
      bits += 8;
    }
    const code = acc & ((1 << codeSize) - 1);
    acc >>>= codeSize;
    bits -= codeSize;
    if (code === clear) {
      codeSize = minCodeSize + 1;
      next = end + 1;
      old = -1;
      continue;
    }
    if (code === end) break;
    if (old === -1) {
      if (code >= clear) throw new Corrupt();
      out[written++] = code;
      first = code;
      old = code;
      continue;
    }
    let depth = 0;
    let c = code;
    if (code >= next) {
      if (code > next) throw new Corrupt();
      stack[depth++] = first;
      c = old;
    }
    while (c >= clear) {
      stack[depth++] = suffix[c]!;
      c = prefix[c]!;
    }
    first = c;
    stack[depth++] = c;
    while (depth > 0 && written < count) out[written++] = stack[--depth]!;
    if (next < 4096) {
      prefix[next] = old;
      suffix[next] = first;
      next++;
      if (next === 1 << codeSize && codeSize < 12) codeSize++;
    }
    old = code;
  }
  return out;
}

/** Picture row of each stored row in GIF's four-pass interlace order. */
function interlacedRows(height: number): number[] {
  const rows: number[] = [];
  for (const [start, stepBy] of [[0, 8], [4, 8], [2, 4], [1, 2]] as const) for (let y = start; y < height; y += stepBy) rows.push(y);
  return rows;
}

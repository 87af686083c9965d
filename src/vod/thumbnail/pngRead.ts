/**
 * A PNG reader for thumbnails: non-interlaced, bit depth 8 or 16, colour types grey, RGB, palette,
 * grey+alpha and RGBA (alpha dropped onto white). Rows are unfiltered one at a time and only every
 * `step`-th row and column is kept, so a 3 MB PNG costs one inflate and a small picture, never a
 * full RGBA copy. Anything else (interlaced, low bit depths, corrupt) returns undefined.
 */
import { inflateSync } from 'node:zlib';
import type { RgbImage } from './jpegDc';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function readPngScaled(bytes: Uint8Array, maxSide: number, maxPixels: number): RgbImage | undefined {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) return undefined;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let depth = 0;
  let type = -1;
  let palette: Buffer | undefined;
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= view.length; ) {
    const length = view.readUInt32BE(at);
    const name = view.toString('latin1', at + 4, at + 8);
    const body = view.subarray(at + 8, at + 8 + length);
    if (body.length !== length) return undefined;
    if (name === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      depth = body[8]!;
      type = body[9]!;
      if (body[12] !== 0) return undefined; // interlaced
    } else if (name === 'PLTE') palette = body;
    else if (name === 'IDAT') data.push(body);
    else if (name === 'IEND') break;
    at += 12 + length;
  }
  const channels = CHANNELS[type];
  if (!channels || (depth !== 8 && depth !== 16) || width === 0 || height === 0 || width * height > maxPixels) return undefined;
  if (type === 3 && (!palette || depth !== 8)) return undefined;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(data));
  } catch {
    return undefined;
  }
  const pixelBytes = channels * (depth / 8);
  const stride = width * pixelBytes;
  if (raw.length < (stride + 1) * height) return undefined;
  const step = Math.max(1, Math.floor(Math.max(width, height) / (maxSide * 2)));
  const outWidth = Math.ceil(width / step);
  const outHeight = Math.ceil(height / step);
  const rgb = new Uint8Array(outWidth * outHeight * 3);
  let previous = new Uint8Array(stride);
  let current = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const rowStart = y * (stride + 1);
    if (!unfilter(raw[rowStart]!, raw.subarray(rowStart + 1, rowStart + 1 + stride), previous, current, pixelBytes)) return undefined;
    if (y % step === 0) {
      const out = (y / step) * outWidth * 3;
      for (let x = 0, ox = 0; x < width; x += step, ox++) put(current, x * pixelBytes, depth, type, palette, rgb, out + ox * 3);
    }
    [previous, current] = [current, previous];
  }
  return { width: outWidth, height: outHeight, rgb };
}

/** PNG filter types 0–4 (None, Sub, Up, Average, Paeth) undone into `out`. */
function unfilter(filter: number, line: Uint8Array, previous: Uint8Array, out: Uint8Array, bpp: number): boolean {
  for (let i = 0; i < line.length; i++) {
    const left = i >= bpp ? out[i - bpp]! : 0;
    const up = previous[i]!;
    const upLeft = i >= bpp ? previous[i - bpp]! : 0;
    let value = line[i]!;
    if (filter === 1) value += left;
    else if (filter === 2) value += up;
    else if (filter === 3) value += (left + up) >> 1;
    else if (filter === 4) {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      value += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    } else if (filter !== 0) return false;
    out[i] = value & 0xff;
  }
  return true;
}

function put(row: Uint8Array, at: number, depth: number, type: number, palette: Buffer | undefined, rgb: Uint8Array, out: number): void {
  const sample = (k: number): number => row[at + k * (depth / 8)]!; // the high byte of 16-bit samples
  let r: number;
  let g: number;
  let b: number;
  let alpha = 255;
  if (type === 3) {
    const index = row[at]! * 3;
    r = palette![index] ?? 0;
    g = palette![index + 1] ?? 0;
    b = palette![index + 2] ?? 0;
  } else if (type === 0 || type === 4) {
    r = g = b = sample(0);
    if (type === 4) alpha = sample(1);
  } else {
    r = sample(0);
    g = sample(1);
    b = sample(2);
    if (type === 6) alpha = sample(3);
  }
  // Transparent pixels over white, as a light hover would show them.
  const over = (c: number): number => Math.round((c * alpha + 255 * (255 - alpha)) / 255);
  rgb[out] = over(r);
  rgb[out + 1] = over(g);
  rgb[out + 2] = over(b);
}

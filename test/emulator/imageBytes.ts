/**
 * The bytes each fixture serves, made on first use and cached: generated PNGs of the fixture's exact
 * size (colours and pattern derived from its ID), the fixed JPEG/GIF assets, or the real-size images
 * (realSize.ts; `warmImageBytes` makes those at emulator start, so no request waits for them).
 */
import { loadAsset } from './assets';
import type { FixtureRecord, ImageSource, PngPattern } from './fixtures';
import { encodePng } from './png';
import { generateRealSize, REAL_SIZE } from './realSize';

export interface ImageBytes {
  bytes: Buffer;
  width: number;
  height: number;
  contentType: string;
}

const cache = new Map<string, ImageBytes>();

export function imageBytesFor(record: FixtureRecord): ImageBytes {
  let entry = cache.get(record.imageId);
  if (!entry) {
    entry = render(record.imageId, record.source);
    cache.set(record.imageId, entry);
  }
  return entry;
}

function render(imageId: string, source: ImageSource): ImageBytes {
  if (source.kind === 'asset') return loadAsset(source.name);
  if (source.kind === 'uploaded') return { bytes: source.bytes, width: source.width, height: source.height, contentType: `image/${source.format}` };
  if (source.kind === 'realSize') {
    const spec = REAL_SIZE[source.name];
    const contentType = spec.format === 'jpeg' ? 'image/jpeg' : `image/${spec.format}`;
    return { bytes: generateRealSize(spec), width: spec.width, height: spec.height, contentType };
  }
  const { width, height, pattern } = source;
  const channels = pattern === 'noise' ? 4 : 3;
  const pixels = pattern === 'noise' ? noise(width * height * 4, seedOf(imageId)) : paint(width, height, pattern, imageId);
  // Noise does not compress anyway; level 0 keeps generating the large fixture fast.
  const bytes = encodePng({ width, height, channels, pixels }, pattern === 'noise' ? 0 : 6);
  return { bytes, width, height, contentType: 'image/png' };
}

/** A generated PNG fixture's picture drawn at another size, as RGB (what a CDN resize answers). */
export function patternPixels(imageId: string, source: Extract<ImageSource, { kind: 'png' }>, width: number, height: number): Uint8Array {
  if (source.pattern !== 'noise') return paint(width, height, source.pattern, imageId);
  const rgba = noise(width * height * 4, seedOf(imageId));
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) rgb.set(rgba.subarray(i, i + 3), j);
  return rgb;
}

function paint(width: number, height: number, pattern: PngPattern, imageId: string): Uint8Array {
  const a = colour(imageId, 0);
  const b = colour(imageId, 6);
  const pixels = new Uint8Array(width * height * 3);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let t: number;
      if (pattern === 'stripes') t = Math.floor((x + y) / 12) % 2;
      else if (pattern === 'checker') t = (Math.floor(x / 16) + Math.floor(y / 16)) % 2;
      else if (pattern === 'rings') t = Math.floor(Math.hypot(x - cx, y - cy) / 10) % 2;
      else t = width + height > 2 ? (x + y) / (width + height - 2) : 0;
      const at = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.round((a[c] ?? 0) * (1 - t) + (b[c] ?? 0) * t);
    }
  }
  return pixels;
}

function colour(imageId: string, offset: number): [number, number, number] {
  const hex = (i: number) => parseInt(imageId.slice(offset + i * 2, offset + i * 2 + 2), 16) || 0;
  return [hex(0), hex(1), hex(2)];
}

function seedOf(imageId: string): number {
  return parseInt(imageId.slice(0, 8), 16) >>> 0 || 1;
}

/** xorshift32 bytes: deterministic and incompressible. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i += 4) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = s & 0xff;
    out[i + 1] = (s >>> 8) & 0xff;
    out[i + 2] = (s >>> 16) & 0xff;
    out[i + 3] = (s >>> 24) & 0xff;
  }
  return out;
}

/** Generates every fixture's bytes now (about a second for the real-size ones), once per process. */
export function warmImageBytes(records: readonly FixtureRecord[]): void {
  for (const record of records) if (record.source.kind === 'realSize') imageBytesFor(record);
}

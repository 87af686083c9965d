/**
 * Real-size image fixtures, generated deterministically in code (nothing large is committed): what a
 * real VOD library holds next to thumbnails — product photos of 2–20 MB.
 *
 *   photo8mb   4000×3000 JPEG, about 8 MB   (within VOD's image-processing limits)
 *   png3mb     1000×1000 PNG, about 3 MB
 *   anim6mb    800×600 animated GIF, 11 frames, about 6 MB
 *   photo12mb  5000×3750 JPEG, about 12 MB  (over the 10 MB / 16,777,216-pixel processing limits)
 *   photo20mb  6000×4500 JPEG, about 20 MB  (over them too)
 *
 * Each has a smooth picture (`colourAt`, a function of the position) that the emulator can also draw
 * at any smaller size, which is how it answers CDN resize requests (see imageProcess.ts). JPEG texture
 * and size come from deterministic AC coefficients (jpegWriter.ts), the PNG's from low-bit noise
 * stored uncompressed, the GIF's from 9-bit LZW codes that never compress (gifWriter.ts).
 */
import { writeGif } from './gifWriter';
import { writeJpeg } from './jpegWriter';
import { encodePng } from './png';

export type RealSizeName = 'photo8mb' | 'png3mb' | 'anim6mb' | 'photo12mb' | 'photo20mb';

export interface RealSizeSpec {
  readonly name: RealSizeName;
  readonly format: 'jpeg' | 'png' | 'gif';
  readonly width: number;
  readonly height: number;
  readonly frames: number;
  /** Nonzero AC coefficients per JPEG block: tunes the file size. */
  readonly acPerBlock: number;
  readonly seed: number;
}

export const REAL_SIZE: Readonly<Record<RealSizeName, RealSizeSpec>> = {
  photo8mb: { name: 'photo8mb', format: 'jpeg', width: 4000, height: 3000, frames: 1, acPerBlock: 18, seed: 11 },
  png3mb: { name: 'png3mb', format: 'png', width: 1000, height: 1000, frames: 1, acPerBlock: 0, seed: 23 },
  anim6mb: { name: 'anim6mb', format: 'gif', width: 800, height: 600, frames: 11, acPerBlock: 0, seed: 37 },
  photo12mb: { name: 'photo12mb', format: 'jpeg', width: 5000, height: 3750, frames: 1, acPerBlock: 18, seed: 41 },
  photo20mb: { name: 'photo20mb', format: 'jpeg', width: 6000, height: 4500, frames: 1, acPerBlock: 20, seed: 53 },
};

/** The picture, in 0..255 RGB: a sunset-like gradient, a sun disc and rolling hills, varied by seed. */
export function colourAt(spec: RealSizeSpec, x: number, y: number, frame = 0): [number, number, number] {
  const u = x / spec.width;
  const v = y / spec.height;
  const shift = (spec.seed % 7) / 7;
  const sky: [number, number, number] = [255 * (0.95 - 0.4 * v), 120 + 100 * (1 - v) * shift, 90 + 150 * v];
  const sunX = 0.3 + 0.4 * shift + frame * 0.03;
  const sun = Math.hypot(u - sunX, (v - 0.35) * 0.75) < 0.12;
  const hill = v > 0.62 + 0.08 * Math.sin(u * 9 + spec.seed);
  if (hill) return [40 + 60 * u, 110 + 60 * (1 - v), 50 + 30 * shift];
  if (sun) return [255, 230, 120];
  return sky;
}

const clamp = (n: number): number => (n < 0 ? 0 : n > 255 ? 255 : Math.round(n));

/** xorshift32 */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

export function generateRealSize(spec: RealSizeSpec): Buffer {
  if (spec.format === 'jpeg') return jpeg(spec);
  if (spec.format === 'png') return png(spec);
  return gif(spec);
}

const AC_PATTERNS = 512;

function acPatterns(spec: RealSizeSpec, maxMagnitude: number, next: () => number): number[][] {
  return Array.from({ length: AC_PATTERNS }, () => {
    const pairs: number[] = [];
    let index = 0;
    for (let n = 0; n < spec.acPerBlock; n++) {
      const bits = next();
      index += 1 + (bits & 1);
      if (index > 63) break;
      const magnitude = 1 + ((bits >>> 1) % maxMagnitude);
      pairs.push(index, bits & 0x100 ? magnitude : -magnitude);
    }
    return pairs;
  });
}

function jpeg(spec: RealSizeSpec): Buffer {
  const next = random(spec.seed * 7919);
  const luma = acPatterns(spec, 7, next);
  const chroma = acPatterns(spec, 3, next);
  let row = -1;
  let rowColours: [number, number, number][] = [];
  return writeJpeg({
    width: spec.width,
    height: spec.height,
    acPatterns: [luma, chroma],
    block(component, bx, by) {
      if (by !== row) {
        row = by;
        rowColours = Array.from({ length: Math.ceil(spec.width / 8) }, (_, x) => toYCbCr(colourAt(spec, x * 8 + 4, by * 8 + 4)));
      }
      // Quantiser 8 everywhere: a DC of d is a block mean of d + 128.
      return { dc: Math.round(rowColours[bx]![component]! - 128), pattern: next() & (AC_PATTERNS - 1) };
    },
  });
}

function toYCbCr([r, g, b]: [number, number, number]): [number, number, number] {
  return [
    0.299 * r + 0.587 * g + 0.114 * b,
    128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
    128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
  ];
}

function png(spec: RealSizeSpec): Buffer {
  const next = random(spec.seed * 104729);
  const pixels = new Uint8Array(spec.width * spec.height * 3);
  for (let y = 0; y < spec.height; y++) {
    for (let x = 0; x < spec.width; x++) {
      const [r, g, b] = colourAt(spec, x, y);
      const noise = next();
      const at = (y * spec.width + x) * 3;
      pixels[at] = clamp(r + (noise & 7) - 4);
      pixels[at + 1] = clamp(g + ((noise >>> 3) & 7) - 4);
      pixels[at + 2] = clamp(b + ((noise >>> 6) & 7) - 4);
    }
  }
  // Level 0 (stored): the size is the raw size, like a camera's lossless export.
  return encodePng({ width: spec.width, height: spec.height, channels: 3, pixels }, 0);
}

/** A 6×6×6 colour cube plus 40 greys. */
const PALETTE = (() => {
  const out = new Uint8Array(768);
  for (let i = 0; i < 216; i++) {
    out[i * 3] = Math.floor(i / 36) * 51;
    out[i * 3 + 1] = (Math.floor(i / 6) % 6) * 51;
    out[i * 3 + 2] = (i % 6) * 51;
  }
  for (let i = 216; i < 256; i++) out.fill(Math.round(((i - 216) / 39) * 255), i * 3, i * 3 + 3);
  return out;
})();

function level(n: number): number {
  const q = Math.round(n / 51);
  return q < 0 ? 0 : q > 5 ? 5 : q;
}

function paletteIndex(r: number, g: number, b: number): number {
  return level(r) * 36 + level(g) * 6 + level(b);
}

/** The picture is sampled every 4 pixels (per frame) and dithered: 16× fewer colour evaluations. */
const GIF_CELL = 4;

function gif(spec: RealSizeSpec): Buffer {
  const cellsX = Math.ceil(spec.width / GIF_CELL);
  const cells = new Int32Array(cellsX * 3);
  return writeGif({
    width: spec.width,
    height: spec.height,
    frames: spec.frames,
    delayCs: 12,
    palette: PALETTE,
    row: (frame, y, row) => {
      if (y % GIF_CELL === 0) {
        for (let cx = 0; cx < cellsX; cx++) cells.set(colourAt(spec, cx * GIF_CELL + 2, y + 2, frame).map(Math.round), cx * 3);
      }
      for (let x = 0; x < spec.width; x++) {
        const at = ((x / GIF_CELL) | 0) * 3;
        // Ordered dither so the cube's steps do not band.
        const d = (((x & 1) << 1) | (y & 1)) * 12 - 18;
        row[x] = paletteIndex(cells[at]! + d, cells[at + 1]! + d, cells[at + 2]! + d);
      }
    },
  });
}

/** The picture drawn at `width`×`height` as RGB pixels (what a resize answers). */
export function renderScaled(spec: RealSizeSpec, width: number, height: number): Uint8Array {
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = colourAt(spec, ((x + 0.5) * spec.width) / width, ((y + 0.5) * spec.height) / height);
      pixels.set(colour.map(clamp), (y * width + x) * 3);
    }
  }
  return pixels;
}

/**
 * Makes a small PNG of a large image in the extension host, for when the CDN cannot (no image
 * editing on the domain, a source over its 10 MB / 16.7-megapixel limits, or an OSS URL). Loaded
 * with `import()` on first need, so activation never pays for it.
 *
 * JPEG through its DC coefficients (jpegDc.ts), which covers camera photos, the usual large images;
 * PNG by reading every n-th row and column (pngRead.ts); GIF by its first frame (gifRead.ts). Other
 * formats over the embedding limit (WebP, BMP) get no thumbnail: the hover says the image is too large.
 *
 * The result is kept under `maxBytes`: a noisy picture that stays large at `maxSide` is tried again
 * at half the size.
 */
import { fitWithin } from './downscale';
import { decodeJpegDc, type RgbImage } from './jpegDc';
import { readGifScaled } from './gifRead';
import { readPngScaled } from './pngRead';
import { writePng } from './pngWrite';

/** Larger pictures than this are refused before decoding: 100 megapixels is beyond any camera. */
const MAX_PIXELS = 100_000_000;
/** A GIF frame is decoded whole (one byte a pixel) before sampling, so its bound is lower. */
const MAX_GIF_PIXELS = 50_000_000;

export interface Shrunk {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

export function shrinkImage(bytes: Uint8Array, maxSide: number, maxBytes = Infinity): Shrunk | undefined {
  const small = decode(bytes, maxSide);
  if (!small) return undefined;
  for (let side = maxSide; side >= 32; side = Math.floor(side / 2)) {
    const fitted = fitWithin(small, side);
    const png = writePng(fitted);
    if (png.length <= maxBytes) return { png, width: fitted.width, height: fitted.height };
  }
  return undefined;
}

function decode(bytes: Uint8Array, maxSide: number): RgbImage | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const small = decodeJpegDc(bytes);
    return small && small.width * small.height * 64 <= MAX_PIXELS ? small : undefined;
  }
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return readGifScaled(bytes, maxSide, MAX_GIF_PIXELS);
  return readPngScaled(bytes, maxSide, MAX_PIXELS);
}

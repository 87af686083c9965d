/**
 * Makes a small PNG of a large image in the extension host, for when the CDN cannot (no image
 * editing on the domain, a source over its 10 MB / 16.7-megapixel limits, or an OSS URL). Loaded
 * with `import()` on first need, so activation never pays for it.
 *
 * JPEG only, through its DC coefficients (jpegDc.ts): that covers camera photos, the usual large
 * images. Other formats over the embedding limit get no thumbnail (the hover says so).
 */
import { fitWithin } from './downscale';
import { decodeJpegDc } from './jpegDc';
import { writePng } from './pngWrite';

/** Larger pictures than this are refused before decoding: 100 megapixels is beyond any camera. */
const MAX_PIXELS = 100_000_000;

export interface Shrunk {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

export function shrinkImage(bytes: Uint8Array, maxSide: number): Shrunk | undefined {
  if (!(bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)) return undefined;
  const small = decodeJpegDc(bytes);
  if (!small || small.width * small.height * 64 > MAX_PIXELS) return undefined;
  const fitted = fitWithin(small, maxSide);
  return { png: writePng(fitted), width: fitted.width, height: fitted.height };
}

/**
 * How the hover gets a thumbnail of an image that may be 20 MB: which URL to ask first, and the
 * size limits of each step. Pure (no I/O), so the decision is unit-tested on its own.
 *
 * 1. A CDN URL (type-A `auth_key`, or unsigned) gets `image_process=resize,l_256` appended: the CDN's
 *    image editing (https://www.alibabacloud.com/help/en/cdn/user-guide/resize-images) answers a
 *    small picture and the extension host downloads a few kilobytes. The type-A signature covers the
 *    path only, so the parameter does not break it. Skipped when the image is known to exceed VOD's
 *    processing limits (10 MB, 16,777,216 pixels: https://www.alibabacloud.com/help/en/vod/user-guide/image-processing),
 *    and for OSS URLs, whose signature covers the query.
 * 2. Otherwise, or when the CDN answers the full image anyway (no image editing on the domain): the
 *    original, embedded as it is when small, else shrunk in the extension host (shrink.ts).
 */
import type { ImageInfo } from '../schemas';

/** The thumbnail's long side in pixels (twice the hover's display width, for sharp HiDPI). */
export const THUMBNAIL_SIDE = 256;
/** Largest image embedded as it is: its base64 (≈ 214 KB) keeps the hover markdown under 256 KB. */
export const MAX_EMBED_BYTES = 160 * 1024;
/** Largest original downloaded to shrink in the extension host. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;
export const MAX_PROCESS_SOURCE_BYTES = 10_000_000;
export const MAX_PROCESS_SOURCE_PIXELS = 16_777_216;

export interface ThumbnailPlan {
  /** The CDN-resized URL to try first, when the CDN may resize this image. */
  readonly resizedUrl: string | undefined;
  readonly originalUrl: string;
  /** True when the original is known to be small enough to embed as it is. */
  readonly originalIsSmall: boolean;
}

const OSS_SIGNATURE_PARAMS = ['Signature', 'OSSAccessKeyId', 'Expires', 'x-oss-signature', 'x-oss-credential'];

export function planThumbnail(info: ImageInfo & { readonly URL: string }): ThumbnailPlan {
  const originalIsSmall = info.Mezzanine?.FileSize !== undefined && info.Mezzanine.FileSize <= MAX_EMBED_BYTES;
  const resizedUrl = originalIsSmall || overProcessingLimits(info) ? undefined : resizedUrlOf(info.URL);
  return { resizedUrl, originalUrl: info.URL, originalIsSmall };
}

/**
 * The URL the details panel shows: the CDN's 1024 px rendition when it may resize the image (the
 * panel shows at most 480 px high, and the webview need not decode 12 megapixels), else the original.
 */
export function panelImageUrl(info: ImageInfo & { readonly URL: string }): string {
  if (overProcessingLimits(info) || (info.Mezzanine?.FileSize ?? 0) <= MAX_EMBED_BYTES) return info.URL;
  return resizedUrlOf(info.URL, PANEL_IMAGE_SIDE) ?? info.URL;
}

export const PANEL_IMAGE_SIDE = 1024;

/** Known to exceed what the CDN processes; unknown size or pixels count as within. */
function overProcessingLimits(info: ImageInfo): boolean {
  const size = info.Mezzanine?.FileSize;
  const pixels = (info.Mezzanine?.Width ?? 0) * (info.Mezzanine?.Height ?? 0);
  return (size !== undefined && size > MAX_PROCESS_SOURCE_BYTES) || pixels > MAX_PROCESS_SOURCE_PIXELS;
}

/** `url` with the CDN resize parameter, or undefined when the URL is not one the CDN serves. */
export function resizedUrlOf(url: string, side: number = THUMBNAIL_SIDE): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const names = [...parsed.searchParams.keys()];
  if (names.some((name) => OSS_SIGNATURE_PARAMS.includes(name) || name.toLowerCase().startsWith('x-oss-') || name === 'image_process')) return undefined;
  // Appended to the text as it came (the signature's own encoding untouched), with the comma
  // literal as the CDN's examples write it; URLSearchParams would re-encode both.
  const base = url.split('#')[0]!;
  return `${base}${parsed.search === '' ? '?' : '&'}image_process=resize,l_${side}`;
}

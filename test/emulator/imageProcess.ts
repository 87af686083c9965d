/**
 * The CDN's image editing on image URLs: `?image_process=resize,l_256` and friends, as Alibaba Cloud
 * CDN documents it (https://www.alibabacloud.com/help/en/cdn/user-guide/resize-images: `w`, `h`,
 * `l` (long side), `s` (short side), aspect ratio kept; "only supports decreasing the size": a
 * target larger than the original answers the original). VOD's image processing page
 * (https://www.alibabacloud.com/help/en/vod/user-guide/image-processing) sets the source limits:
 * at most 10 MB and at most 16,777,216 pixels (a GIF's pixels summed over its frames).
 *
 * Where the docs are silent the stricter reading is taken: a source over a limit is answered with
 * the original bytes, unprocessed (the client must cope with a full-size answer), and a parameter
 * outside the documented resize forms is a 400. The emulator answers resized images as PNG (it has
 * no JPEG pixel encoder); clients must go by the bytes, not the extension, as they should anyway.
 * Type-A URL signing covers only the path, so the added parameter keeps the signature valid.
 */
import type { FixtureRecord } from './fixtures';
import { imageBytesFor, patternPixels, type ImageBytes } from './imageBytes';
import { encodePng } from './png';
import { REAL_SIZE, renderScaled } from './realSize';

// "10 MB" read as 10,000,000 bytes, the stricter of the two readings.
export const MAX_PROCESS_SOURCE_BYTES = 10_000_000;
export const MAX_PROCESS_SOURCE_PIXELS = 16_777_216;

export type ResizeRequest = { readonly side: 'w' | 'h' | 'l' | 's'; readonly size: number };

/** The resize asked for, 'invalid' for anything outside the documented forms, undefined for none. */
export function parseImageProcess(raw: string | null): ResizeRequest | 'invalid' | undefined {
  if (raw === null) return undefined;
  const match = /^resize,([whls])_(\d{1,5})$/.exec(raw);
  if (!match) return 'invalid';
  const size = Number(match[2]);
  if (size < 1 || size > 4096) return 'invalid';
  return { side: match[1] as ResizeRequest['side'], size };
}

const processed = new Map<string, ImageBytes>();

/** The bytes a resize request answers: a smaller PNG, or the original (too large to process, or no smaller). */
export function processedBytes(record: FixtureRecord, resize: ResizeRequest): ImageBytes {
  const original = imageBytesFor(record);
  const frames = record.source.kind === 'realSize' ? REAL_SIZE[record.source.name].frames : 1;
  if (original.bytes.length > MAX_PROCESS_SOURCE_BYTES || original.width * original.height * frames > MAX_PROCESS_SOURCE_PIXELS) {
    return original;
  }
  const [width, height] = targetSize(original.width, original.height, resize);
  if (width >= original.width && height >= original.height) return original;
  const key = `${record.imageId}:${width}x${height}`;
  let entry = processed.get(key);
  if (!entry) {
    entry = { bytes: encodePng({ width, height, channels: 3, pixels: drawScaled(record, width, height) }), width, height, contentType: 'image/png' };
    processed.set(key, entry);
  }
  return entry;
}

function targetSize(width: number, height: number, { side, size }: ResizeRequest): [number, number] {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const scale = side === 'w' ? size / width : side === 'h' ? size / height : side === 'l' ? size / long : size / short;
  if (scale >= 1) return [width, height];
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

/**
 * The picture at the smaller size: real-size fixtures and generated PNGs redraw their picture
 * function. The fixed assets are at most 200 px, so no client resize makes them smaller than that;
 * should one ask, a flat grey stand-in keeps this file free of a decoder.
 */
function drawScaled(record: FixtureRecord, width: number, height: number): Uint8Array {
  if (record.source.kind === 'realSize') return renderScaled(REAL_SIZE[record.source.name], width, height);
  if (record.source.kind === 'png') return patternPixels(record.imageId, record.source, width, height);
  return new Uint8Array(width * height * 3).fill(160);
}

/**
 * Turns fetched thumbnail bytes into a `data:` URI for the hover. The media type is decided by the
 * bytes themselves, not by the server's Content-Type: CDNs often answer `application/octet-stream`,
 * and we must never embed something that is not a plain raster image (SVG can carry script and
 * external references, so it is deliberately not recognised).
 */
export type RasterType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/bmp';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ASCII = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** The raster type the magic bytes announce, or undefined for anything else. */
export function sniffRasterType(bytes: Uint8Array): RasterType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ASCII('GIF87a')) || startsWith(bytes, ASCII('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ASCII('RIFF')) && startsWith(bytes, ASCII('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ASCII('BM')) && bytes.length > 26) return 'image/bmp';
  return undefined;
}

/** `data:<type>;base64,…` for a recognised raster image, else undefined. */
export function toImageDataUri(bytes: Uint8Array): string | undefined {
  const type = sniffRasterType(bytes);
  if (!type) return undefined;
  return `data:${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}

/**
 * Fixed JPEG and GIF files for the fixtures that are not PNG. Made once with ImageMagick 6
 * (`/usr/bin/convert`) and committed under assets/:
 *   photo.jpg    200×150  convert -size 200x150 gradient:'#ff7a18'-'#3a1c71' -fill white -draw "circle 100,75 100,35"
 *                         -fill '#222222' -draw "rectangle 20,110 180,130" -strip -quality 80 photo.jpg
 *   portrait.jpg  90×160  convert -seed 7 -size 90x160 plasma:fractal -blur 0x2 -strip -quality 75 portrait.jpg
 *   anim.gif      64×64   three frames (red circle, green square, dark triangle), -delay 25 -loop 0 -strip
 * Their dimensions are read from the bytes, so the Mezzanine Width/Height always match what is served.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type AssetName = 'photo.jpg' | 'portrait.jpg' | 'anim.gif';

export interface ImageAsset {
  bytes: Buffer;
  width: number;
  height: number;
  contentType: string;
}

const cache = new Map<AssetName, ImageAsset>();

export function loadAsset(name: AssetName): ImageAsset {
  let asset = cache.get(name);
  if (!asset) {
    const bytes = readFileSync(join(__dirname, 'assets', name));
    const size = name.endsWith('.gif') ? gifSize(bytes) : jpegSize(bytes);
    asset = { bytes, ...size, contentType: name.endsWith('.gif') ? 'image/gif' : 'image/jpeg' };
    cache.set(name, asset);
  }
  return asset;
}

/** Logical screen size from the GIF header (bytes 6..9, little-endian). */
export function gifSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.subarray(0, 3).toString('latin1') !== 'GIF') throw new Error('not a GIF');
  return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
}

/** Frame size from the first SOFn marker of a JPEG. */
export function jpegSize(bytes: Buffer): { width: number; height: number } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG');
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) throw new Error('corrupt JPEG marker stream');
    const marker = bytes[offset + 1] ?? 0;
    const length = bytes.readUInt16BE(offset + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  throw new Error('JPEG without a frame header');
}

/**
 * Shrinks an RGB picture to fit a square of `maxSide` by averaging the source pixels each target
 * pixel covers (a box filter): cheap, and free of the aliasing nearest-neighbour leaves in photos.
 */
import type { RgbImage } from './jpegDc';

export function fitWithin(image: RgbImage, maxSide: number): RgbImage {
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  if (scale === 1) return image;
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * image.height) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * image.height) / height));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor((x * image.width) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * image.width) / width));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const at = (sy * image.width + sx) * 3;
          r += image.rgb[at]!;
          g += image.rgb[at + 1]!;
          b += image.rgb[at + 2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const out = (y * width + x) * 3;
      rgb[out] = Math.round(r / n);
      rgb[out + 1] = Math.round(g / n);
      rgb[out + 2] = Math.round(b / n);
    }
  }
  return { width, height, rgb };
}

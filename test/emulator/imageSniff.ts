/**
 * Format and size of uploaded bytes, read from their headers (PNG IHDR, GIF logical screen, JPEG SOF):
 * what VOD's image service learns before it marks an upload Normal. Anything else is a failed upload.
 */
export interface SniffedImage {
  readonly format: 'png' | 'jpeg' | 'gif';
  readonly width: number;
  readonly height: number;
}

export function sniffImage(bytes: Buffer): SniffedImage | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return positive({ format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });
  }
  if (bytes.length >= 10 && /^GIF8[79]a$/.test(bytes.toString('latin1', 0, 6))) {
    return positive({ format: 'gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) });
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  return undefined;
}

function positive(image: SniffedImage): SniffedImage | undefined {
  return image.width > 0 && image.height > 0 ? image : undefined;
}

/** Walks the JPEG markers to the first start-of-frame (SOF0..SOF15 except DHT/JPG/DAC). */
function jpegSize(bytes: Buffer): SniffedImage | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return positive({ format: 'jpeg', height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) });
    }
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

/**
 * An animated GIF89a writer for real-size fixtures. Its LZW stream never compresses: it sends a
 * clear code before every 254 literal codes, so codes stay 9 bits wide (1.125 bytes a pixel) and
 * the file size is exact and predictable. Every decoder reads this (it is plain, legal LZW).
 */
export interface GifSource {
  readonly width: number;
  readonly height: number;
  readonly frames: number;
  /** Delay per frame, in hundredths of a second. */
  readonly delayCs: number;
  /** 256 RGB entries, 768 bytes. */
  readonly palette: Uint8Array;
  /** Fills `row` (width bytes) with the palette indexes of row `y` of a frame. */
  row(frame: number, y: number, row: Uint8Array): void;
}

const CLEAR = 256;
const END = 257;
/** Literal codes per clear: the table then ends at 511, so the code width stays 9 bits. */
const CODES_PER_CLEAR = 254;

export function writeGif(source: GifSource): Buffer {
  const { width, height } = source;
  const parts: Buffer[] = [];
  const screen = Buffer.alloc(13);
  screen.write('GIF89a', 0, 'latin1');
  screen.writeUInt16LE(width, 6);
  screen.writeUInt16LE(height, 8);
  screen[10] = 0xf7; // global colour table, 8 bits per channel, 256 entries
  parts.push(screen, Buffer.from(source.palette));
  // NETSCAPE2.0 application extension: loop forever.
  parts.push(Buffer.from([0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0', 'latin1'), 0x03, 0x01, 0x00, 0x00, 0x00]));
  for (let frame = 0; frame < source.frames; frame++) {
    parts.push(Buffer.from([0x21, 0xf9, 0x04, 0x04, source.delayCs & 0xff, source.delayCs >> 8, 0x00, 0x00]));
    const descriptor = Buffer.alloc(10);
    descriptor[0] = 0x2c;
    descriptor.writeUInt16LE(width, 5);
    descriptor.writeUInt16LE(height, 7);
    parts.push(descriptor, Buffer.from([8]), subBlocks(lzwFrame(source, frame)));
  }
  parts.push(Buffer.from([0x3b]));
  return Buffer.concat(parts);
}

function lzwFrame(source: GifSource, frame: number): Buffer {
  const pixels = source.width * source.height;
  const out = Buffer.alloc(Math.ceil(((pixels + Math.ceil(pixels / CODES_PER_CLEAR) + 2) * 9) / 8) + 1);
  let length = 0;
  let acc = 0;
  let bits = 0;
  const emit = (code: number): void => {
    acc |= code << bits;
    bits += 9;
    while (bits >= 8) {
      out[length++] = acc & 0xff;
      acc >>>= 8;
      bits -= 8;
    }
  };
  let sinceClear = CODES_PER_CLEAR;
  const row = new Uint8Array(source.width);
  for (let y = 0; y < source.height; y++) {
    source.row(frame, y, row);
    for (let x = 0; x < source.width; x++) {
      if (sinceClear === CODES_PER_CLEAR) {
        emit(CLEAR);
        sinceClear = 0;
      }
      emit(row[x]!);
      sinceClear++;
    }
  }
  emit(END);
  if (bits > 0) out[length++] = acc & 0xff;
  return out.subarray(0, length);
}

/** Data sub-blocks of at most 255 bytes, then the zero-length terminator. */
function subBlocks(data: Buffer): Buffer {
  const count = Math.ceil(data.length / 255);
  const out = Buffer.alloc(data.length + count + 1);
  let at = 0;
  for (let i = 0; i < data.length; i += 255) {
    const piece = data.subarray(i, i + 255);
    out[at++] = piece.length;
    piece.copy(out, at);
    at += piece.length;
  }
  out[at] = 0;
  return out;
}

/**
 * A baseline JPEG writer that takes quantised DCT coefficients directly, so the emulator can make
 * real-size JPEG fixtures (4000×3000 and up) in a fraction of a second without a DCT or any image
 * library: the picture lives in the DC coefficients (one per 8×8 block = the block's mean), and
 * deterministic AC coefficients add texture and bring the file to a realistic size.
 *
 * Format (ITU-T T.81): SOI, APP0 JFIF, one DQT (all 8s, so a DC of d means a block mean of d + 128),
 * SOF0 with three components (Y, Cb, Cr; 4:4:4), one DHT pair (DC and AC, canonical 4-bit codes for a
 * small symbol set: any valid table is legal, decoders read it from the file), SOS, the
 * byte-stuffed entropy-coded data, EOI.
 */

/**
 * The image as blocks: each block's DC value (−1023..1023) and its AC coefficients. ACs come as an
 * index into `acPatterns` (pairs of [zigzag index 1..63, value −15..15, ≠ 0], ascending index), so
 * each pattern is Huffman-coded once and a block costs a handful of bit writes: a 27-megapixel
 * fixture is written in well under a second.
 */
export interface BlockSource {
  readonly width: number;
  readonly height: number;
  /** Per component class: 0 = luma, 1 = chroma. */
  readonly acPatterns: readonly [readonly (readonly number[])[], readonly (readonly number[])[]];
  /** The DC value of a block; `pattern` receives the index of its AC pattern. */
  block(component: 0 | 1 | 2, bx: number, by: number): { dc: number; pattern: number };
}

const DC_SYMBOLS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** EOB, then run/size pairs for runs 0..2 and sizes 1..4 (values up to ±15). */
const AC_SYMBOLS = [0x00, 0x01, 0x02, 0x03, 0x04, 0x11, 0x12, 0x13, 0x14, 0x21, 0x22, 0x23, 0x24];

class BitWriter {
  private chunks: Buffer[] = [];
  private buffer = Buffer.alloc(1 << 20);
  private length = 0;
  private acc = 0;
  private bits = 0;

  write(value: number, count: number): void {
    this.acc = (this.acc << count) | (value & ((1 << count) - 1));
    this.bits += count;
    while (this.bits >= 8) {
      this.bits -= 8;
      const byte = (this.acc >>> this.bits) & 0xff;
      this.push(byte);
      // Byte stuffing: a 0xFF in entropy-coded data is followed by 0x00.
      if (byte === 0xff) this.push(0);
    }
    this.acc &= (1 << this.bits) - 1;
  }

  /** Pads the last byte with 1-bits, as the standard asks. */
  finish(): Buffer {
    if (this.bits > 0) this.write(0x7f, 8 - this.bits);
    this.chunks.push(this.buffer.subarray(0, this.length));
    return Buffer.concat(this.chunks);
  }

  private push(byte: number): void {
    if (this.length === this.buffer.length) {
      this.chunks.push(this.buffer);
      this.buffer = Buffer.alloc(1 << 20);
      this.length = 0;
    }
    this.buffer[this.length++] = byte;
  }
}

/** Magnitude category of a coefficient: the number of bits of |v|. */
function category(value: number): number {
  let v = Math.abs(value);
  let n = 0;
  while (v > 0) {
    n++;
    v >>= 1;
  }
  return n;
}

/** The extra bits after a category code: v itself when positive, v − 1 in `size` bits when negative. */
function amplitudeBits(value: number, size: number): number {
  return value >= 0 ? value : value + (1 << size) - 1;
}

function segment(marker: number, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** A DHT body for symbols that all get 4-bit codes (≤ 15 symbols, so no all-ones code). */
function dhtTable(tableClass: number, id: number, symbols: readonly number[]): Buffer {
  const counts = new Array<number>(16).fill(0);
  counts[3] = symbols.length;
  return Buffer.from([(tableClass << 4) | id, ...counts, ...symbols]);
}

/**
 * `progressive`: SOF2 with one interleaved DC scan carrying every block's DC value, then one AC scan
 * per component in which every block is empty (EOB): a valid progressive JPEG whose picture is the
 * DC image (used to test decoders that read only the DC scan).
 */
export function writeJpeg(source: BlockSource, options: { progressive?: boolean } = {}): Buffer {
  if (options.progressive) return writeProgressive(source);
  const { width, height } = source;
  const blocksX = Math.ceil(width / 8);
  const blocksY = Math.ceil(height / 8);
  const header = Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0])),
    segment(0xdb, Buffer.from([0, ...new Array<number>(64).fill(8)])),
    segment(0xc0, Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0])),
    segment(0xc4, Buffer.concat([dhtTable(0, 0, DC_SYMBOLS), dhtTable(1, 0, AC_SYMBOLS)])),
    segment(0xda, Buffer.from([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0])),
  ]);
  const dcCode = new Int32Array(16).fill(-1);
  DC_SYMBOLS.forEach((symbol, i) => (dcCode[symbol] = i));
  const acCode = new Int32Array(256).fill(-1);
  AC_SYMBOLS.forEach((symbol, i) => (acCode[symbol] = i));
  const coded = source.acPatterns.map((patterns) => patterns.map((pattern) => codeAc(pattern, acCode)));
  const out = new BitWriter();
  const previous = [0, 0, 0];
  for (let by = 0; by < blocksY; by++) {
    for (let bx = 0; bx < blocksX; bx++) {
      for (const c of [0, 1, 2] as const) {
        const { dc, pattern } = source.block(c, bx, by);
        const diff = dc - previous[c]!;
        previous[c] = dc;
        const size = category(diff);
        out.write(dcCode[size]!, 4);
        if (size > 0) out.write(amplitudeBits(diff, size), size);
        const chunks = coded[c === 0 ? 0 : 1]![pattern]!;
        for (let i = 0; i < chunks.length; i += 2) out.write(chunks[i]!, chunks[i + 1]!);
      }
    }
  }
  return Buffer.concat([header, out.finish(), Buffer.from([0xff, 0xd9])]);
}

/** An AC pattern Huffman-coded (EOB included) as [bits, count] chunks of at most 24 bits. */
function codeAc(pattern: readonly number[], acCode: Int32Array): number[] {
  const chunks: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (value: number, count: number): void => {
    if (bits + count > 24) {
      chunks.push(acc, bits);
      acc = 0;
      bits = 0;
    }
    acc = (acc << count) | (value & ((1 << count) - 1));
    bits += count;
  };
  let last = 0;
  for (let i = 0; i < pattern.length; i += 2) {
    const index = pattern[i]!;
    const value = pattern[i + 1]!;
    const run = index - last - 1;
    const size = category(value);
    const code = run >= 0 && run < 16 ? acCode[(run << 4) | size]! : -1;
    if (code < 0) throw new Error(`jpegWriter: unsupported run/size ${run}/${size}`);
    put(code, 4);
    put(amplitudeBits(value, size), size);
    last = index;
  }
  if (last < 63) put(acCode[0]!, 4);
  if (bits > 0) chunks.push(acc, bits);
  return chunks;
}

function writeProgressive(source: BlockSource): Buffer {
  const { width, height } = source;
  const blocksX = Math.ceil(width / 8);
  const blocksY = Math.ceil(height / 8);
  const dcCode = new Int32Array(16).fill(-1);
  DC_SYMBOLS.forEach((symbol, i) => (dcCode[symbol] = i));
  const dc = new BitWriter();
  const previous = [0, 0, 0];
  for (let by = 0; by < blocksY; by++) {
    for (let bx = 0; bx < blocksX; bx++) {
      for (const c of [0, 1, 2] as const) {
        const value = source.block(c, bx, by).dc;
        const diff = value - previous[c]!;
        previous[c] = value;
        const size = category(diff);
        dc.write(dcCode[size]!, 4);
        if (size > 0) dc.write(amplitudeBits(diff, size), size);
      }
    }
  }
  const acScan = (): Buffer => {
    // Symbol 0x00 (EOB0, code 0000 in the AC table) for every block of the component.
    const bits = new BitWriter();
    for (let i = 0; i < blocksX * blocksY; i++) bits.write(0, 4);
    return bits.finish();
  };
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xdb, Buffer.from([0, ...new Array<number>(64).fill(8)])),
    segment(0xc2, Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0])),
    segment(0xc4, Buffer.concat([dhtTable(0, 0, DC_SYMBOLS), dhtTable(1, 0, AC_SYMBOLS)])),
    segment(0xda, Buffer.from([3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 0, 0])),
    dc.finish(),
    ...[1, 2, 3].flatMap((id) => [segment(0xda, Buffer.from([1, id, 0x00, 1, 63, 0])), acScan()]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

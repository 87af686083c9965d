/**
 * A JPEG "DC-only" decoder: the picture at 1/8 of its size, read from each 8×8 block's DC
 * coefficient (the block's mean), which is exactly what a thumbnail needs. No inverse DCT, no
 * upsampling: AC coefficients are Huffman-decoded only to be skipped (baseline), or never read at all
 * (progressive: the first DC scan holds every DC value). A 20 MB, 27-megapixel photo becomes a
 * 750×563 picture without ever holding its pixels.
 *
 * Supports baseline and extended sequential (SOF0/SOF1) and progressive (SOF2) Huffman JPEGs, any
 * sampling factors, restart intervals, 1 (grey) or 3 (YCbCr) components. Anything else (arithmetic
 * coding, lossless, CMYK) returns undefined, as does a corrupt file: callers show "no thumbnail".
 */

export interface RgbImage {
  readonly width: number;
  readonly height: number;
  /** Row-major RGB, 3 bytes a pixel. */
  readonly rgb: Uint8Array;
}

interface Component {
  readonly id: number;
  readonly h: number;
  readonly v: number;
  readonly tq: number;
  /** Blocks per line in the DC grid (padded to whole MCUs). */
  stride: number;
  dc: Int16Array;
  haveDc: boolean;
  predictor: number;
  dcTable: number;
  acTable: number;
}

interface Huffman {
  /** For codes of ≤ 9 bits: (length << 8) | symbol, 0 = longer code. */
  readonly fast: Uint16Array;
  readonly maxCode: Int32Array;
  readonly valPtr: Int32Array;
  readonly minCode: Int32Array;
  readonly symbols: Uint8Array;
}

const FAST_BITS = 9;

class Corrupt extends Error {}

export function decodeJpegDc(bytes: Uint8Array): RgbImage | undefined {
  try {
    return new JpegDcDecoder(bytes).run();
  } catch (error) {
    if (error instanceof Corrupt || error instanceof RangeError) return undefined;
    throw error;
  }
}

class JpegDcDecoder {
  private pos = 2;
  private width = 0;
  private height = 0;
  private progressive = false;
  private components: Component[] = [];
  private readonly quant = new Map<number, number>();
  private readonly tables = new Map<number, Huffman>();
  private restartInterval = 0;
  private hMax = 1;
  private vMax = 1;
  private mcusX = 0;
  private mcusY = 0;

  constructor(private readonly bytes: Uint8Array) {
    if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Corrupt();
  }

  run(): RgbImage | undefined {
    for (;;) {
      const marker = this.nextMarker();
      if (marker === 0xd9) break;
      const length = this.u16(this.pos);
      const start = this.pos + 2;
      const end = this.pos + length;
      if (end > this.bytes.length) throw new Corrupt();
      if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) this.frame(start, marker === 0xc2);
      // Other frame types (lossless, arithmetic coding) are not read.
      else if (marker >= 0xc3 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return undefined;
      else if (marker === 0xc4) this.huffman(start, end);
      else if (marker === 0xdb) this.quantisation(start, end);
      else if (marker === 0xdd) this.restartInterval = this.u16(start);
      this.pos = end;
      if (marker === 0xda) {
        this.scan(start);
        if (this.components.length > 0 && this.components.every((c) => c.haveDc) && this.progressive) break;
      }
    }
    if (this.components.length === 0 || !this.components.every((c) => c.haveDc)) return undefined;
    return this.picture();
  }

  private u16(at: number): number {
    if (at + 1 >= this.bytes.length) throw new Corrupt();
    return (this.bytes[at]! << 8) | this.bytes[at + 1]!;
  }

  /** The next marker code, skipping fill bytes and anything between segments (e.g. entropy data). */
  private nextMarker(): number {
    const b = this.bytes;
    while (this.pos + 1 < b.length) {
      if (b[this.pos] === 0xff) {
        const code = b[this.pos + 1]!;
        if (code !== 0 && code !== 0xff && !(code >= 0xd0 && code <= 0xd7)) {
          this.pos += 2;
          return code;
        }
      }
      this.pos++;
    }
    // Truncated: treat as the end.
    return 0xd9;
  }

  private frame(at: number, progressive: boolean): void {
    if (this.bytes[at] !== 8) throw new Corrupt();
    this.progressive = progressive;
    this.height = this.u16(at + 1);
    this.width = this.u16(at + 3);
    const count = this.bytes[at + 5]!;
    if (this.width === 0 || this.height === 0 || (count !== 1 && count !== 3)) throw new Corrupt();
    this.components = [];
    for (let i = 0; i < count; i++) {
      const base = at + 6 + i * 3;
      const hv = this.bytes[base + 1]!;
      const h = hv >> 4;
      const v = hv & 15;
      if (h < 1 || h > 4 || v < 1 || v > 4) throw new Corrupt();
      this.components.push({ id: this.bytes[base]!, h, v, tq: this.bytes[base + 2]!, stride: 0, dc: new Int16Array(0), haveDc: false, predictor: 0, dcTable: 0, acTable: 0 });
    }
    this.hMax = Math.max(...this.components.map((c) => c.h));
    this.vMax = Math.max(...this.components.map((c) => c.v));
    this.mcusX = Math.ceil(this.width / (8 * this.hMax));
    this.mcusY = Math.ceil(this.height / (8 * this.vMax));
    for (const c of this.components) {
      c.stride = this.mcusX * c.h;
      c.dc = new Int16Array(c.stride * this.mcusY * c.v);
    }
  }

  private huffman(at: number, end: number): void {
    while (at < end) {
      const classAndId = this.bytes[at]!;
      const counts = this.bytes.subarray(at + 1, at + 17);
      const total = counts.reduce((sum, n) => sum + n, 0);
      const symbols = this.bytes.slice(at + 17, at + 17 + total);
      if (symbols.length !== total) throw new Corrupt();
      this.tables.set(classAndId, buildHuffman(counts, symbols));
      at += 17 + total;
    }
  }

  private quantisation(at: number, end: number): void {
    while (at < end) {
      const precisionAndId = this.bytes[at]!;
      const wide = precisionAndId >> 4 === 1;
      // Only the first entry (the DC quantiser, zigzag index 0) matters here.
      this.quant.set(precisionAndId & 15, wide ? this.u16(at + 1) : this.bytes[at + 1]!);
      at += 1 + (wide ? 128 : 64);
    }
  }

  private scan(at: number): void {
    if (this.components.length === 0) throw new Corrupt();
    const count = this.bytes[at]!;
    const inScan: Component[] = [];
    for (let i = 0; i < count; i++) {
      const id = this.bytes[at + 1 + i * 2]!;
      const tables = this.bytes[at + 2 + i * 2]!;
      const component = this.components.find((c) => c.id === id);
      if (!component) throw new Corrupt();
      component.dcTable = tables >> 4;
      component.acTable = tables & 15;
      inScan.push(component);
    }
    const params = at + 1 + count * 2;
    const spectralStart = this.bytes[params]!;
    const spectralEnd = this.bytes[params + 1]!;
    const approximation = this.bytes[params + 2]!;
    const high = approximation >> 4;
    const low = approximation & 15;
    this.pos = params + 3;
    // Progressive scans other than a first DC scan add nothing a thumbnail needs; nextMarker skips them.
    if (this.progressive && (spectralStart !== 0 || high !== 0)) return;
    const reader = new BitReader(this.bytes, this.pos);
    for (const c of inScan) c.predictor = 0;
    const decodeBlock = (c: Component, index: number): void => {
      const table = this.table(0, c.dcTable);
      const size = reader.decode(table);
      const diff = size === 0 ? 0 : extend(reader.bits(size), size);
      c.predictor += diff;
      c.dc[index] = c.predictor << low;
      if (!this.progressive) this.skipAc(reader, this.table(1, c.acTable), spectralEnd);
    };
    let mcu = 0;
    const restart = (): void => {
      if (this.restartInterval > 0 && mcu > 0 && mcu % this.restartInterval === 0) {
        reader.restart();
        for (const c of inScan) c.predictor = 0;
      }
      mcu++;
    };
    if (inScan.length === 1) {
      const c = inScan[0]!;
      const blocksX = Math.ceil(Math.ceil((this.width * c.h) / this.hMax) / 8);
      const blocksY = Math.ceil(Math.ceil((this.height * c.v) / this.vMax) / 8);
      for (let by = 0; by < blocksY; by++) {
        for (let bx = 0; bx < blocksX; bx++) {
          restart();
          decodeBlock(c, by * c.stride + bx);
        }
      }
    } else {
      for (let my = 0; my < this.mcusY; my++) {
        for (let mx = 0; mx < this.mcusX; mx++) {
          restart();
          for (const c of inScan) {
            for (let v = 0; v < c.v; v++) {
              for (let h = 0; h < c.h; h++) decodeBlock(c, (my * c.v + v) * c.stride + mx * c.h + h);
            }
          }
        }
      }
    }
    for (const c of inScan) c.haveDc = true;
    this.pos = reader.position;
  }

  private skipAc(reader: BitReader, table: Huffman, spectralEnd: number): void {
    for (let k = 1; k <= spectralEnd; ) {
      const symbol = reader.decode(table);
      const run = symbol >> 4;
      const size = symbol & 15;
      if (size === 0) {
        if (run !== 15) return; // end of block
        k += 16;
        continue;
      }
      reader.bits(size);
      k += run + 1;
    }
  }

  private table(tableClass: 0 | 1, id: number): Huffman {
    const table = this.tables.get((tableClass << 4) | id);
    if (!table) throw new Corrupt();
    return table;
  }

  /** RGB at one pixel per 8×8 block of the full-resolution grid. */
  private picture(): RgbImage {
    const width = Math.ceil(this.width / 8);
    const height = Math.ceil(this.height / 8);
    const rgb = new Uint8Array(width * height * 3);
    const planes = this.components.map((c) => ({ c, q: this.quant.get(c.tq) ?? 1 }));
    const sample = (index: number, x: number, y: number): number => {
      const { c, q } = planes[index]!;
      const gx = Math.floor((x * c.h) / this.hMax);
      const gy = Math.floor((y * c.v) / this.vMax);
      // DC × quantiser / 8 is the block mean around 0; +128 undoes the level shift.
      return (c.dc[gy * c.stride + gx]! * q) / 8 + 128;
    };
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const at = (y * width + x) * 3;
        const luma = sample(0, x, y);
        if (planes.length === 1) {
          rgb[at] = rgb[at + 1] = rgb[at + 2] = clamp(luma);
          continue;
        }
        const cb = sample(1, x, y) - 128;
        const cr = sample(2, x, y) - 128;
        rgb[at] = clamp(luma + 1.402 * cr);
        rgb[at + 1] = clamp(luma - 0.344136 * cb - 0.714136 * cr);
        rgb[at + 2] = clamp(luma + 1.772 * cb);
      }
    }
    return { width, height, rgb };
  }
}

function clamp(n: number): number {
  return n < 0 ? 0 : n > 255 ? 255 : Math.round(n);
}

/** The signed value of `size` received bits (T.81 F.2.2.1 EXTEND). */
function extend(value: number, size: number): number {
  return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
}

function buildHuffman(counts: Uint8Array, symbols: Uint8Array): Huffman {
  const fast = new Uint16Array(1 << FAST_BITS);
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    const n = counts[length - 1]!;
    valPtr[length] = k;
    minCode[length] = code;
    for (let i = 0; i < n; i++, k++, code++) {
      if (length <= FAST_BITS) {
        const shift = FAST_BITS - length;
        for (let fill = 0; fill < 1 << shift; fill++) fast[(code << shift) | fill] = (length << 8) | symbols[k]!;
      }
    }
    maxCode[length] = n > 0 ? code - 1 : -1;
    code <<= 1;
  }
  return { fast, maxCode, valPtr, minCode, symbols };
}

/** Entropy-coded bits: byte stuffing (FF 00) undone, a marker read as zero bits. */
class BitReader {
  private acc = 0;
  private count = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private pos: number,
  ) {}

  get position(): number {
    return this.pos;
  }

  private fill(): void {
    while (this.count <= 24) {
      let byte = 0;
      const b = this.bytes;
      if (this.pos < b.length) {
        byte = b[this.pos]!;
        if (byte === 0xff) {
          const next = b[this.pos + 1];
          if (next === 0x00) this.pos += 2;
          else byte = 0; // a marker: leave it for the caller, feed zeros
        } else {
          this.pos++;
        }
      }
      this.acc = ((this.acc << 8) | byte) >>> 0;
      this.count += 8;
    }
  }

  bits(n: number): number {
    if (this.count < n) this.fill();
    this.count -= n;
    return (this.acc >>> this.count) & ((1 << n) - 1);
  }

  decode(table: Huffman): number {
    if (this.count < 16) this.fill();
    const peek = (this.acc >>> (this.count - FAST_BITS)) & ((1 << FAST_BITS) - 1);
    const entry = table.fast[peek]!;
    if (entry !== 0) {
      this.count -= entry >> 8;
      return entry & 0xff;
    }
    for (let length = FAST_BITS + 1; length <= 16; length++) {
      const code = (this.acc >>> (this.count - length)) & ((1 << length) - 1);
      if (code <= table.maxCode[length]!) {
        this.count -= length;
        const symbol = table.symbols[table.valPtr[length]! + code - table.minCode[length]!];
        if (symbol === undefined) throw new Corrupt();
        return symbol;
      }
    }
    throw new Corrupt();
  }

  /** After a restart interval: drop the partial byte and step over the RSTn marker. */
  restart(): void {
    this.acc = 0;
    this.count = 0;
    const b = this.bytes;
    while (this.pos + 1 < b.length && !(b[this.pos] === 0xff && b[this.pos + 1]! >= 0xd0 && b[this.pos + 1]! <= 0xd7)) this.pos++;
    this.pos += 2;
  }
}

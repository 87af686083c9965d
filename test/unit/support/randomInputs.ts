/** Seeded random inputs (signing cross-checks, randomized tests, the bench corpora): every failure names its seed and case, and repeats. */

/** mulberry32: small, fast, and good enough to spread test inputs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Gen {
  constructor(readonly random: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  string(alphabet: readonly string[], min: number, max: number): string {
    let out = '';
    const length = this.int(min, max);
    for (let i = 0; i < length; i++) out += this.pick(alphabet);
    return out;
  }
}

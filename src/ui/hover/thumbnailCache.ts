/**
 * A small LRU of hover thumbnails (already encoded as `data:` URIs), bounded by total size rather than
 * entry count because one image may be a thousand times larger than another. Entries also expire: the
 * image behind an ID can be replaced, and a stale picture in a hover is worse than one extra fetch.
 *
 * Pure (no `vscode`), so it is unit-tested directly.
 */
export type ThumbnailEntry =
  | { readonly kind: 'image'; readonly dataUri: string }
  /** Remembered so a hover over a huge image does not download it again on every mouse move. */
  | { readonly kind: 'tooLarge'; readonly bytes: number | undefined };

export interface ThumbnailCacheOptions {
  /** Sum of cached data-URI lengths (characters ≈ bytes) before the least recently used entries go. */
  readonly maxChars?: number;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

interface Slot {
  readonly entry: ThumbnailEntry;
  readonly size: number;
  readonly storedAt: number;
}

const DEFAULT_MAX_CHARS = 16 * 1024 * 1024;
const DEFAULT_TTL_MS = 10 * 60 * 1000;

export class ThumbnailCache {
  // A Map iterates in insertion order, so re-inserting on access makes the first key the least recently used.
  private readonly slots = new Map<string, Slot>();
  private totalChars = 0;
  private readonly maxChars: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: ThumbnailCacheOptions = {}) {
    this.maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  get(key: string): ThumbnailEntry | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    if (this.now() - slot.storedAt >= this.ttlMs) {
      this.remove(key);
      return undefined;
    }
    this.slots.delete(key);
    this.slots.set(key, slot);
    return slot.entry;
  }

  set(key: string, entry: ThumbnailEntry): void {
    this.remove(key);
    const size = entry.kind === 'image' ? entry.dataUri.length : 0;
    // An entry larger than the whole budget would evict everything and then itself; don't keep it.
    if (size > this.maxChars) return;
    this.slots.set(key, { entry, size, storedAt: this.now() });
    this.totalChars += size;
    this.evictOverBudget();
  }

  delete(key: string): void {
    this.remove(key);
  }

  clear(): void {
    this.slots.clear();
    this.totalChars = 0;
  }

  get size(): number {
    return this.slots.size;
  }

  get chars(): number {
    return this.totalChars;
  }

  private remove(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    this.slots.delete(key);
    this.totalChars -= slot.size;
  }

  private evictOverBudget(): void {
    for (const key of this.slots.keys()) {
      if (this.totalChars <= this.maxChars) return;
      this.remove(key);
    }
  }
}

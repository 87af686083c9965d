/**
 * The explorer's "Recent" group: the last 50 IDs looked up, most recent first. Looking an ID up
 * again moves it to the front instead of listing it twice. Persisted as a plain string array.
 */
import { isPlausibleImageId } from '../imageIds';
import { readStoredIds } from './storedIds';

export const RECENT_LIMIT = 50;

export class RecentList {
  /** Most recent last, so a move to the front is a delete and an append. */
  private readonly entries = new Set<string>();

  constructor(
    initial: readonly string[] = [],
    private readonly limit: number = RECENT_LIMIT,
  ) {
    // `initial` is most recent first, like ids().
    for (const id of [...initial].reverse()) this.add(id);
  }

  /** From persisted state (see `toJSON`); anything unusable is dropped. */
  static restore(value: unknown, limit: number = RECENT_LIMIT): RecentList {
    return new RecentList(readStoredIds(value, limit), limit);
  }

  /** Records a lookup. Returns whether the list changed (an ID already first leaves it as is). */
  add(id: string): boolean {
    if (!isPlausibleImageId(id)) return false;
    if (this.ids()[0] === id) return false;
    this.entries.delete(id);
    this.entries.add(id);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.values().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return true;
  }

  remove(id: string): boolean {
    return this.entries.delete(id);
  }

  clear(): boolean {
    const had = this.entries.size > 0;
    this.entries.clear();
    return had;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Most recent first. */
  ids(): string[] {
    return [...this.entries].reverse();
  }

  /** What to persist: the IDs, most recent first. */
  toJSON(): string[] {
    return this.ids();
  }
}

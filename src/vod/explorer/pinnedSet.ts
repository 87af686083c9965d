/**
 * The explorer's "Pinned" group: IDs the user keeps at hand, in the order they were pinned.
 * Persisted as a plain string array. Bounded so a runaway "pin all" cannot bloat the state file.
 */
import { isPlausibleImageId } from '../imageIds';
import { readStoredIds } from './storedIds';

export const PINNED_LIMIT = 500;

export type PinResult = 'pinned' | 'alreadyPinned' | 'full' | 'invalid';

export class PinnedSet {
  private readonly entries = new Set<string>();

  constructor(
    initial: readonly string[] = [],
    private readonly limit: number = PINNED_LIMIT,
  ) {
    for (const id of initial) this.pin(id);
  }

  static restore(value: unknown, limit: number = PINNED_LIMIT): PinnedSet {
    return new PinnedSet(readStoredIds(value, limit), limit);
  }

  pin(id: string): PinResult {
    if (!isPlausibleImageId(id)) return 'invalid';
    if (this.entries.has(id)) return 'alreadyPinned';
    if (this.entries.size >= this.limit) return 'full';
    this.entries.add(id);
    return 'pinned';
  }

  /** Returns whether the ID was pinned. */
  unpin(id: string): boolean {
    return this.entries.delete(id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get size(): number {
    return this.entries.size;
  }

  /** In pinning order. */
  ids(): string[] {
    return [...this.entries];
  }

  toJSON(): string[] {
    return this.ids();
  }
}

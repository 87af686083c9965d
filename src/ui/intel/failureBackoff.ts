/**
 * Remembers IDs whose lookup just failed (network down, throttled, signed out), so scrolling or
 * typing does not ask again for them on every debounce tick. Errors are not cached by the
 * ImageService on purpose (the next explicit lookup should retry); this is the background passes'
 * own, short memory. Pure, with an injectable clock.
 */
export const DEFAULT_FAILURE_BACKOFF_MS = 30_000;

export class FailureBackoff {
  private readonly failedAt = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly backoffMs = DEFAULT_FAILURE_BACKOFF_MS,
  ) {}

  markFailed(ids: Iterable<string>): void {
    const at = this.now();
    for (const id of ids) this.failedAt.set(id, at);
  }

  /** The IDs worth asking for now: never failed, or failed longer than the backoff ago. */
  allowed(ids: readonly string[]): string[] {
    const now = this.now();
    return ids.filter((id) => {
      const at = this.failedAt.get(id);
      if (at === undefined) return true;
      if (now - at >= this.backoffMs) {
        this.failedAt.delete(id);
        return true;
      }
      return false;
    });
  }

  clear(): void {
    this.failedAt.clear();
  }
}

/**
 * Which scan results are still current when they land. A scan reads a file at some moment and
 * reports it later; if the file watcher reported the file changed or deleted in between, the
 * result describes a file that no longer exists in that form. A deletion has already been applied
 * (the file left the index at once), and a change has queued a rescan of its own, so a stale
 * result must simply be dropped: applied, it would put a deleted file back, or old contents over
 * new ones.
 *
 * Every event gets a number; a scan remembers the number current when it started reading, and a
 * result for a path touched after that number is stale. A deleted folder touches everything under
 * it. Events are only recorded while a scan is reading: a scan that starts later reads the file
 * system as those events left it.
 */

/** How a path was touched: a deletion covers everything under the path too. */
export type ChangeKind = 'changed' | 'deleted';

export class ChangeLedger {
  private count = 0;
  private readonly changed = new Map<string, number>();
  private readonly deleted = new Map<string, number>();
  private reading = 0;

  /** A scan starts reading; the mark it gets is what its results are checked against. */
  begin(): number {
    if (this.reading === 0) {
      this.changed.clear();
      this.deleted.clear();
    }
    this.reading += 1;
    return this.count;
  }

  /** The scan that called begin() has applied its results (or given up). */
  end(): void {
    if (this.reading > 0) this.reading -= 1;
  }

  /** The file watcher (or a save) reported `path`: paths are URI strings, folders without a trailing slash. */
  touch(path: string, kind: ChangeKind): void {
    if (this.reading === 0) return;
    this.count += 1;
    (kind === 'deleted' ? this.deleted : this.changed).set(path, this.count);
  }

  /** Whether what a scan marked `mark` read at `path` may be out of date. */
  isStale(path: string, mark: number): boolean {
    if ((this.changed.get(path) ?? 0) > mark) return true;
    // Asked once per scanned file: walking up a deep path costs a string per level, for nothing when
    // no deletion happened during the scan (the usual case).
    if (this.deleted.size === 0) return false;
    // The path itself or any folder above it, one map lookup per level.
    for (let at = path; ; ) {
      if ((this.deleted.get(at) ?? 0) > mark) return true;
      const slash = at.lastIndexOf('/');
      // Stop at the scheme's `//` (file:///a → file://): nothing above a root is ever deleted.
      if (slash <= 0 || at[slash - 1] === '/') return false;
      at = at.slice(0, slash);
    }
  }
}

/**
 * Scans a set of files for image IDs, over an injected file source so the same code runs on
 * `vscode.workspace.fs` in the extension and on Node's `fs` in the benchmark and tests.
 *
 * - Files over `maxFileSize` are skipped without being read; binary files after a look at their
 *   first 8 KB. A file that cannot be read is reported and the scan goes on.
 * - At most `concurrency` files are read and scanned at once (reads overlap; decoding and matching
 *   run on this thread between them).
 * - The listing is consumed by one loop, so a source's iterator never sees concurrent `next()` calls.
 * - Aborting `signal` stops starting new reads; the promise then rejects with a `cancelled`
 *   VodError once the reads already started have settled (their results are still delivered).
 */
import { DEFAULT_ID_PATTERN } from '../imageIds';
import { VodError } from '../errors';
import { msg } from '../messages';
import { isProbablyBinary } from './binary';
import { decodeText } from './decodeText';
import { scanText, type TextOccurrence } from './scanText';

export interface ScanFileEntry {
  /** Whatever the source uses to name a file (an fs path, a URI string); reported back as given. */
  readonly path: string;
  /** Size in bytes, so too-large files are skipped without reading them. */
  readonly size: number;
}

export interface FileSource {
  list(): AsyncIterable<ScanFileEntry>;
  read(path: string): Promise<Uint8Array>;
}

export type SkipReason = 'tooLarge' | 'binary';

export type FileScanResult =
  | { readonly status: 'scanned'; readonly path: string; readonly occurrences: readonly TextOccurrence[] }
  | { readonly status: 'skipped'; readonly path: string; readonly reason: SkipReason }
  | { readonly status: 'failed'; readonly path: string; readonly error: unknown };

export interface ScanProgress {
  /** Files listed so far. */
  readonly listed: number;
  /** Whether the listing is complete (`listed` is then the total). */
  readonly listingDone: boolean;
  /** Files finished (scanned, skipped or failed). */
  readonly done: number;
  readonly occurrences: number;
}

export interface ScanSummary {
  readonly scanned: number;
  readonly skipped: number;
  readonly failed: number;
  readonly occurrences: number;
}

export interface ScanOptions {
  readonly source: FileSource;
  /** The ID pattern (setting `vodImages.idPattern`); validate it with `compileIdPattern` first. */
  readonly pattern?: string | undefined;
  /** Default 1 MiB (setting `vodImages.scan.maxFileSize`). */
  readonly maxFileSize?: number | undefined;
  /** Files in flight at once; default {@link DEFAULT_SCAN_CONCURRENCY}. */
  readonly concurrency?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Every file's outcome, as soon as it is known. */
  readonly onFile?: ((result: FileScanResult) => void) | undefined;
  /** Called after each file; throttle in the caller if the UI needs it. */
  readonly onProgress?: ((progress: ScanProgress) => void) | undefined;
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/**
 * Enough reads in flight to keep the file system's thread pool busy (test/bench/scan.bench.ts: 8 to
 * 32 are within noise of each other, 4 is slower); memory stays below this × maxFileSize.
 */
export const DEFAULT_SCAN_CONCURRENCY = 16;

export async function scanFiles(options: ScanOptions): Promise<ScanSummary> {
  const { source, signal } = options;
  const pattern = options.pattern ?? DEFAULT_ID_PATTERN;
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_SCAN_CONCURRENCY));
  if (signal?.aborted) throw cancelled();

  const counts = { scanned: 0, skipped: 0, failed: 0, occurrences: 0 };
  let listed = 0;
  let listingDone = false;
  const finish = (result: FileScanResult): void => {
    if (result.status === 'scanned') {
      counts.scanned += 1;
      counts.occurrences += result.occurrences.length;
    } else {
      counts[result.status === 'skipped' ? 'skipped' : 'failed'] += 1;
    }
    options.onFile?.(result);
    options.onProgress?.({ listed, listingDone, done: counts.scanned + counts.skipped + counts.failed, occurrences: counts.occurrences });
  };

  // A throwing callback is a bug in the caller: stop the scan and hand the error back.
  let callbackFailure: { readonly error: unknown } | undefined;
  const report = (result: FileScanResult): void => {
    try {
      finish(result);
    } catch (error) {
      callbackFailure ??= { error };
    }
  };
  const slots = new Slots(concurrency);
  try {
    for await (const entry of source.list()) {
      if (signal?.aborted || callbackFailure) break;
      listed += 1;
      if (entry.size > maxFileSize) {
        report({ status: 'skipped', path: entry.path, reason: 'tooLarge' });
        continue;
      }
      await slots.acquire();
      if (signal?.aborted || callbackFailure) {
        slots.release();
        break;
      }
      void scanOne(source, entry.path, pattern, maxFileSize)
        .then(report)
        .finally(() => slots.release());
    }
    listingDone = true;
  } finally {
    // Let started reads settle even when the listing threw, so nothing reports after we return.
    await slots.drain();
  }
  if (callbackFailure) throw callbackFailure.error;
  if (signal?.aborted) throw cancelled();
  return { ...counts };
}

async function scanOne(source: FileSource, path: string, pattern: string, maxFileSize: number): Promise<FileScanResult> {
  let bytes: Uint8Array;
  try {
    bytes = await source.read(path);
  } catch (error) {
    return { status: 'failed', path, error };
  }
  // The listing's size can be stale (the file grew since).
  if (bytes.length > maxFileSize) return { status: 'skipped', path, reason: 'tooLarge' };
  if (isProbablyBinary(bytes)) return { status: 'skipped', path, reason: 'binary' };
  try {
    return { status: 'scanned', path, occurrences: scanText(decodeText(bytes), pattern) };
  } catch (error) {
    // Only an unusable custom pattern throws here; it would fail every file the same way.
    return { status: 'failed', path, error };
  }
}

function cancelled(): VodError {
  return new VodError('cancelled', msg('cancel.scan'));
}

/** A counting semaphore with a way to wait until every holder has released. */
class Slots {
  private free: number;
  private readonly capacity: number;
  private readonly waiting: (() => void)[] = [];
  private idle: (() => void) | undefined;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.free = capacity;
  }

  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) {
      next();
      return;
    }
    this.free += 1;
    if (this.free === this.capacity) this.idle?.();
  }

  drain(): Promise<void> {
    if (this.free === this.capacity) return Promise.resolve();
    return new Promise((resolve) => {
      this.idle = resolve;
    });
  }
}

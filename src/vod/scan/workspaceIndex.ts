/**
 * Which image IDs occur where in the workspace: ID → occurrences, kept up to date file by file.
 * The scan fills it with `replaceFile`; the file watcher and document saves call `replaceFile` or
 * `removeFile` for just the files that changed. Listeners hear which IDs and files changed, so the
 * tree refreshes only the groups that did; `batch` folds many updates (an initial scan) into one event.
 *
 * Only files that hold indexed IDs are kept, each as the list of its IDs (the spots live once, by ID):
 * a 200,000-file monorepo whose files mostly hold no ID, or only IDs past the bounds, must not cost the
 * host an entry per file, nor a Map per file that holds one ID.
 *
 * IDs are grouped as written: `findImageIds` reports an ID's case as it appears, and the lookups
 * ask the API with that spelling too.
 */
import type { Disposable } from '../imageService';
import { FolderTree } from './folderTree';
import type { TextOccurrence } from './scanText';

export interface Occurrence {
  readonly file: string;
  readonly line: number;
  readonly character: number;
  readonly length: number;
}

export interface IndexChange {
  /** IDs whose occurrences changed (added, moved or gone), in no particular order. */
  readonly ids: readonly string[];
  /** Files whose content in the index changed. */
  readonly files: readonly string[];
}

/**
 * One file's occurrences of one ID, in text order, packed as numbers: line, character, length, then
 * the next. Not an object per occurrence in an array grown by push: those cost ~230 bytes for one
 * occurrence where this costs ~70, and every byte the index keeps during a scan is copied by each
 * young-generation collection, which holds the host's event loop.
 */
type Spots = readonly number[];
/** Numbers per occurrence in Spots. */
const SPOT = 3;

/**
 * A repository full of MD5-like strings (lock files, fixtures) must not grow the index without end:
 * past these bounds new IDs are left out and `limitReached` says so (the view tells the user to narrow
 * `vodImages.scan.include`/`exclude`). A few MB at most: an entry costs roughly 100 bytes.
 */
export const MAX_INDEX_IDS = 20_000;
export const MAX_INDEX_OCCURRENCES = 200_000;

export interface IndexLimits {
  readonly maxIds?: number | undefined;
  readonly maxOccurrences?: number | undefined;
}

export class WorkspaceIndex {
  /** Per ID, the file `firstOccurrenceOf` starts from (when computed): see there. */
  private readonly firstFiles = new Map<string, string>();
  private readonly maxIds: number;
  private readonly maxOccurrences: number;
  private occurrenceCount = 0;
  /**
   * IDs were left out for the bounds since the index was cleared or a full scan began (`rescanning`).
   * A flag, not the names of the files: those were most of a 200,000-file workspace.
   */
  private cut = false;

  constructor(limits: IndexLimits = {}) {
    this.maxIds = limits.maxIds ?? MAX_INDEX_IDS;
    this.maxOccurrences = limits.maxOccurrences ?? MAX_INDEX_OCCURRENCES;
  }

  /** The files of byFile, by folder. */
  private readonly folders = new FolderTree();
  /** file → its indexed IDs in text order, for files with at least one. byId below holds the spots. */
  private readonly byFile = new Map<string, readonly string[]>();
  /** id → file → spots. */
  private readonly byId = new Map<string, Map<string, Spots>>();
  /**
   * id → the one string the index keeps for it: each file's scan brings its own copy of an ID, and
   * byFile would otherwise hold one per file (200,000 occurrences, 10 MB, for 20,000 IDs).
   */
  private readonly idStrings = new Map<string, string>();
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private batchDepth = 0;
  private pendingIds = new Set<string>();
  private pendingFiles = new Set<string>();

  /** Sets a file's occurrences (what one scan of it found), replacing what the index had for it. */
  replaceFile(file: string, occurrences: readonly TextOccurrence[]): void {
    const previous = this.byFile.get(file);
    if (previous === undefined && this.byId.size >= this.maxIds && !occurrences.some((o) => this.byId.has(o.id))) {
      // The index is full and this file only holds IDs it does not keep: nothing to group or store
      // (most files of a monorepo past the bounds; grouping them was most of the scan's garbage).
      if (occurrences.length > 0) this.cut = true;
      return;
    }
    const next = this.admit(file, this.groupById(occurrences), previous);
    const changed: string[] = [];
    for (const [id, spots] of next) if (!sameSpots(this.byId.get(id)?.get(file), spots)) changed.push(id);
    if (previous) for (const id of previous) if (!next.has(id)) changed.push(id);
    if (next.size > 0) {
      if (!previous) this.folders.add(file);
      this.byFile.set(file, [...next.keys()]);
    } else if (previous) {
      this.byFile.delete(file);
      this.folders.delete(file);
    }
    if (changed.length === 0) return;
    for (const id of changed) this.setSpots(id, file, next.get(id));
    this.record(changed, file);
  }

  /** Forgets a file (deleted, or no longer matching the include/exclude settings). */
  removeFile(file: string): void {
    const previous = this.byFile.get(file);
    if (!previous) return;
    this.byFile.delete(file);
    this.folders.delete(file);
    for (const id of previous) this.setSpots(id, file, undefined);
    this.record(previous, file);
  }

  /**
   * Forgets every file below a folder (deleted, or removed from the workspace). `prefix` is the
   * folder's path with a trailing separator (`pkg/`, so `pkg2/…` stays); only the folder's own subtree
   * is visited, not every known file. Files in `keep` stay (a folder read again whole: what it still
   * holds is replaced, not dropped and added back).
   */
  removeFilesUnder(prefix: string, keep?: ReadonlySet<string>): void {
    const folder = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
    const files = this.folders.filesUnder(folder);
    if (files.length === 0) return;
    this.batch(() => {
      for (const file of files) if (!keep?.has(file)) this.removeFile(file);
    });
  }

  /** Every file that holds indexed IDs. */
  knownFiles(): string[] {
    return [...this.files()];
  }

  /** The same files without a copy (a 200,000-file workspace's scan makes its own set of them). */
  files(): IterableIterator<string> {
    return this.byFile.keys();
  }

  /** A full scan begins: it reads every file again, so it says afresh whether the bounds still bite. */
  rescanning(): void {
    this.cut = false;
  }

  clear(): void {
    this.batch(() => {
      for (const file of this.knownFiles()) this.removeFile(file);
    });
    this.cut = false;
  }

  /** True when IDs were left out for the bounds since the index was cleared or the last full scan began. */
  get limitReached(): boolean {
    return this.cut;
  }

  /** Runs `update` and emits one change event for everything it did (nested batches fold into the outermost). */
  batch(update: () => void): void {
    this.batchDepth += 1;
    try {
      update();
    } finally {
      this.batchDepth -= 1;
      if (this.batchDepth === 0) this.flush();
    }
  }

  /** Distinct IDs, in the order they were first indexed. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** How many times an ID occurs in the workspace (the "N refs" of the tree). */
  refCount(id: string): number {
    let count = 0;
    for (const spots of this.byId.get(id)?.values() ?? []) count += spots.length / SPOT;
    return count;
  }

  /** Every occurrence of an ID, by file path (code-unit order, the same in every locale), then position in the file. */
  occurrencesOf(id: string): Occurrence[] {
    const files = this.byId.get(id);
    if (!files) return [];
    return [...files.keys()]
      .sort(compareStrings)
      .flatMap((file) => unpack(file, files.get(file)!));
  }

  /**
   * The first of `occurrencesOf(id)` without building the list: the explorer orders thousands of IDs
   * by it on every index change, and the full lists would cost the host tens of ms each time.
   */
  firstOccurrenceOf(id: string): Occurrence | undefined {
    const files = this.byId.get(id);
    if (!files) return undefined;
    let first = this.firstFiles.get(id);
    if (first === undefined) {
      // An ID in a thousand files (a vendored bundle) costs a thousand comparisons: done once, then
      // kept up to date by setSpots, since a scan changes few IDs between two orderings.
      for (const file of files.keys()) if (first === undefined || compareStrings(file, first) < 0) first = file;
      if (first !== undefined) this.firstFiles.set(id, first);
    }
    const spots = first === undefined ? undefined : files.get(first);
    return spots && spots.length > 0 ? { file: first!, line: spots[0]!, character: spots[1]!, length: spots[2]! } : undefined;
  }

  /** The distinct IDs in one file, in text order. */
  idsInFile(file: string): string[] {
    return [...(this.byFile.get(file) ?? [])];
  }

  /** Whether the file holds indexed IDs (a file without any is not kept). */
  hasFile(file: string): boolean {
    return this.byFile.has(file);
  }

  get fileCount(): number {
    return this.byFile.size;
  }

  get idCount(): number {
    return this.byId.size;
  }

  onDidChange(listener: (change: IndexChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /**
   * The part of a file's IDs that fits the bounds, counting what the file's previous version frees:
   * `next` itself, less what does not fit.
   */
  private admit(file: string, next: Map<string, Spots>, previous: readonly string[] | undefined): Map<string, Spots> {
    let room = this.maxOccurrences - this.occurrenceCount;
    for (const id of previous ?? []) room += (this.byId.get(id)?.get(file)?.length ?? 0) / SPOT;
    let idRoom = this.maxIds - this.byId.size;
    // An ID only this file held, and holds no more, leaves with its old version.
    for (const id of previous ?? []) if (!next.has(id) && this.byId.get(id)?.size === 1) idRoom += 1;
    for (const [id, spots] of next) {
      const isNew = !this.byId.has(id);
      const count = spots.length / SPOT;
      if ((isNew && idRoom <= 0) || count > room) {
        this.cut = true;
        next.delete(id);
        continue;
      }
      if (isNew) idRoom -= 1;
      room -= count;
    }
    return next;
  }

  /**
   * A file's occurrences by ID, keyed by the index's own string for each ID it knows. An ID that occurs
   * once (most) gets an exact three-number array; the rest are trimmed once grouped.
   */
  private groupById(occurrences: readonly TextOccurrence[]): Map<string, Spots> {
    const grouped = new Map<string, number[]>();
    let repeated = false;
    for (const { id, line, character, length } of occurrences) {
      const spots = grouped.get(id);
      if (spots) {
        spots.push(line, character, length);
        repeated = true;
      } else {
        grouped.set(this.idStrings.get(id) ?? id, [line, character, length]);
      }
    }
    if (repeated) for (const [id, spots] of grouped) if (spots.length > SPOT) grouped.set(id, spots.slice());
    return grouped;
  }

  private setSpots(id: string, file: string, spots: Spots | undefined): void {
    let files = this.byId.get(id);
    this.occurrenceCount += ((spots?.length ?? 0) - (files?.get(file)?.length ?? 0)) / SPOT;
    const first = this.firstFiles.get(id);
    if (first !== undefined) {
      if (!spots && file === first) this.firstFiles.delete(id);
      else if (spots && compareStrings(file, first) < 0) this.firstFiles.set(id, file);
    }
    if (spots) {
      if (!files) {
        files = new Map();
        this.byId.set(id, files);
        this.idStrings.set(id, id);
      }
      files.set(file, spots);
      return;
    }
    if (!files) return;
    files.delete(file);
    if (files.size === 0) {
      this.byId.delete(id);
      this.idStrings.delete(id);
    }
  }

  private record(ids: readonly string[], file: string): void {
    for (const id of ids) this.pendingIds.add(id);
    this.pendingFiles.add(file);
    if (this.batchDepth === 0) this.flush();
  }

  private flush(): void {
    if (this.pendingIds.size === 0 && this.pendingFiles.size === 0) return;
    const change: IndexChange = { ids: [...this.pendingIds], files: [...this.pendingFiles] };
    this.pendingIds = new Set();
    this.pendingFiles = new Set();
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // One failing consumer (a disposed view) must not keep the others from updating.
      }
    }
  }
}

function sameSpots(a: Spots | undefined, b: Spots): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function unpack(file: string, spots: Spots): Occurrence[] {
  const occurrences: Occurrence[] = [];
  for (let i = 0; i < spots.length; i += SPOT) occurrences.push({ file, line: spots[i]!, character: spots[i + 1]!, length: spots[i + 2]! });
  return occurrences;
}

/** Code-unit order, the order the index lists files in (`occurrencesOf`). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

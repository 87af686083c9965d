/**
 * What an incremental rescan should do with the paths the file watcher reported: which are files
 * the scan includes (read them), and which are gone or no longer included (forget them). A created
 * folder stands for the included files inside it (a folder moved or unpacked into the workspace may
 * be reported as that one event).
 *
 * The answers come from the same listing rules as the full scan (the editor's findFiles), asked in
 * one of two ways: a few paths are asked about one by one (cheap: each question is about one path),
 * while a burst of changes — a branch switch, an install, a formatter run over the tree — is
 * answered from one listing of the whole workspace instead of thousands of questions.
 */
import { eachWithLimit } from '../concurrency';

/** What a path is on disk now. */
export type PathKind = 'file' | 'folder' | 'gone';

export interface ChangeQueries {
  kind(path: string): Promise<PathKind>;
  /** Whether the scan includes this file (undefined: cannot be asked about one path; list instead). */
  includes(path: string): Promise<boolean | undefined>;
  /** The included files under a folder (undefined: cannot be asked; list instead). */
  includedUnder(folder: string): Promise<readonly string[] | undefined>;
  /** Every file the scan includes, as one listing. */
  includedAll(): Promise<readonly string[]>;
}

export interface SortedChanges {
  /** Included files to read, each once. */
  readonly files: readonly string[];
  /** Paths to forget (with everything under them): deleted, or not included any more. */
  readonly gone: readonly string[];
}

/** More changed paths than this are answered from one listing. */
export const PATHS_ASKED_ONE_BY_ONE = 20;
/** Questions about single paths in flight at once. */
const CONCURRENCY = 8;

export async function sortChanges(paths: readonly string[], queries: ChangeQueries, oneByOne = PATHS_ASKED_ONE_BY_ONE): Promise<SortedChanges> {
  const unique = [...new Set(paths)];
  if (unique.length <= oneByOne) {
    const answer = await askOneByOne(unique, queries);
    if (answer) return answer;
  }
  return fromListing(unique, await queries.includedAll());
}

/** Undefined when some path cannot be asked about on its own: the caller lists instead. */
async function askOneByOne(paths: readonly string[], queries: ChangeQueries): Promise<SortedChanges | undefined> {
  const files = new Set<string>();
  const gone: string[] = [];
  let unanswerable = false;
  const ask = async (path: string): Promise<void> => {
    const kind = await queries.kind(path);
    if (kind === 'gone') {
      gone.push(path);
    } else if (kind === 'file') {
      const included = await queries.includes(path);
      if (included === undefined) unanswerable = true;
      else if (included) files.add(path);
      else gone.push(path);
    } else {
      const inside = await queries.includedUnder(path);
      if (inside === undefined) unanswerable = true;
      else if (inside.length === 0) gone.push(path); // nothing in it is scanned (as a listing would find)
      else for (const file of inside) files.add(file);
    }
  };
  await eachWithLimit(paths, CONCURRENCY, ask, () => unanswerable);
  return unanswerable ? undefined : { files: [...files], gone };
}

/** The changed paths that are listed files, and the listed files under changed folders; the rest is gone. */
export function fromListing(paths: readonly string[], listed: readonly string[]): SortedChanges {
  const listedSet = new Set(listed);
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const path of paths) {
    if (listedSet.has(path)) files.add(path);
    else folders.add(path);
  }
  const found = new Set<string>();
  if (folders.size > 0) {
    for (const file of listed) {
      const folder = enclosingIn(file, folders);
      if (folder !== undefined) {
        files.add(file);
        found.add(folder);
      }
    }
  }
  // A changed path that is neither a listed file nor a folder holding one: deleted, or excluded now.
  const gone = [...folders].filter((f) => !found.has(f));
  return { files: [...files], gone };
}

/** The nearest folder of `folders` above `path`, if any. */
function enclosingIn(path: string, folders: ReadonlySet<string>): string | undefined {
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
    const folder = path.slice(0, slash);
    if (folders.has(folder)) return folder;
    if (path[slash - 1] === '/') return undefined;
  }
  return undefined;
}

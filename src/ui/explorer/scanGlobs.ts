/**
 * The include and exclude globs handed to `workspace.findFiles`. Passing any exclude pattern
 * replaces the `files.exclude` default, and `search.exclude` never applies by itself, so both
 * settings are folded in here together with `vodImages.scan.exclude`.
 *
 * Only entries set to `true` count: an entry set to `false` switches a default off, and an entry
 * with a `when` condition (`{ "when": "$(basename).ts" }`) depends on sibling files that findFiles
 * cannot check, so it is left out (the file is scanned rather than silently hidden).
 */

/** `{a,b}` for several globs; findFiles takes one pattern. Undefined for none. */
export function joinGlobs(globs: readonly string[]): string | undefined {
  const unique = [...new Set(globs.map((g) => g.trim()).filter((g) => g !== ''))];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `{${unique.join(',')}}`;
}

/** The globs of an exclude setting object (`files.exclude`, `search.exclude`) that are switched on. */
export function enabledGlobs(setting: unknown): string[] {
  if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) return [];
  return Object.entries(setting as Record<string, unknown>)
    .filter(([, value]) => value === true)
    .map(([glob]) => glob);
}

/** Every file: the include when `vodImages.scan.include` is empty. */
export const DEFAULT_INCLUDE = '**/*';

export interface ScanGlobs {
  readonly include: string;
  /** `null`: exclude nothing (findFiles' own convention; `undefined` would mean "files.exclude only"). */
  readonly exclude: string | null;
}

export interface ScanGlobLists {
  readonly include: string[];
  readonly exclude: string[];
}

/** The globs one by one, for a ripgrep-backed scan (one `--glob` each, see src/vod/scan/ripgrepArgs.ts). */
export function scanGlobLists(include: readonly string[], filesExclude: unknown, searchExclude: unknown, scanExclude: readonly string[]): ScanGlobLists {
  const unique = (globs: readonly string[]): string[] => [...new Set(globs.map((g) => g.trim()).filter((g) => g !== ''))];
  return { include: unique(include), exclude: unique([...enabledGlobs(filesExclude), ...enabledGlobs(searchExclude), ...scanExclude]) };
}

/** The lists joined into the one include and one exclude findFiles takes. */
export function joinedScanGlobs(lists: ScanGlobLists): ScanGlobs {
  return { include: joinGlobs(lists.include) ?? DEFAULT_INCLUDE, exclude: joinGlobs(lists.exclude) ?? null };
}

/**
 * An incremental rescan through the editor's ripgrep, with the full scan's own rules: the folders of
 * the changed files at depth 1, and changed folders whole. Not a listing of the workspace: in a
 * 200,000-file workspace one findFiles walked every file (230 ms for one edited file in the host), and
 * a burst's single listing stopped at MAX_SCAN_FILES, so a branch switch lost files beyond it.
 *
 * ripgrep does not test the folders it is given against the globs (only what it finds below them), so
 * each folder and those above it are tested first (excludedFolder.ts); an excluded folder's changed
 * files leave the index, as the full scan would never have read them.
 */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eachWithLimit } from '../../vod/concurrency';
import { excludedFolderTest } from '../../vod/scan/excludedFolder';
import { isInsideAny } from '../../vod/scan/nestedFolders';
import type { PathKind } from '../../vod/scan/changedPaths';
import type { FileScanResult } from '../../vod/scan/fileScanner';
import type { RipgrepScanRules } from '../../vod/scan/ripgrepArgs';
import { scanWithRipgrep } from '../../vod/scan/ripgrepScan';
import { childUriFactory } from './childUri';
import { nestedWorkspaceFolders } from './nestedWorkspaceFolders';

export interface RipgrepRescan {
  /** Changed files with what they hold now (nothing, when ripgrep did not report them), and files found in changed folders. */
  readonly results: FileScanResult[];
  /** Changed paths to forget with everything under them: deleted, or outside every workspace folder. */
  readonly forget: string[];
  /**
   * Changed folders read again whole: their files ripgrep reported are in `results`; what the index
   * holds below them besides is gone. Not forgotten wholesale first: the files that did not change would
   * be dropped and added back, and the view told their IDs changed.
   */
  readonly refreshed: string[];
  /** Files with a lone CR: positions only the built-in scanner gets right. */
  readonly exact: vscode.Uri[];
}

/** Folder arguments per ripgrep run: Windows allows 32,767 characters on a command line. */
const MAX_ARGUMENT_CHARS = 8_000;
const STAT_CONCURRENCY = 16;

interface FolderPlan {
  readonly folder: vscode.WorkspaceFolder;
  /** Changed files by URI string, with their folder relative to the workspace folder. */
  readonly files: Map<string, string>;
  /** Changed folders (relative), read whole. */
  readonly deep: Set<string>;
}

/** Undefined when some changed path is not on disk in a workspace folder: the caller rescans the findFiles way. */
/** `rulesOf`: a folder's own rules (its excludes are folder settings). */
export async function rescanWithRipgrep(uris: readonly vscode.Uri[], rulesOf: (folder: vscode.WorkspaceFolder) => RipgrepScanRules, rgPath: string): Promise<RipgrepRescan | undefined> {
  const plans = new Map<string, FolderPlan>();
  const forget: string[] = [];
  const refreshed: string[] = [];
  const located: { uri: vscode.Uri; plan: FolderPlan; relative: string }[] = [];
  const planFor = (folder: vscode.WorkspaceFolder): FolderPlan => {
    let plan = plans.get(folder.uri.toString());
    if (!plan) plans.set(folder.uri.toString(), (plan = { folder, files: new Map(), deep: new Set() }));
    return plan;
  };
  for (const uri of uris) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      forget.push(uri.toString());
      continue;
    }
    if (uri.scheme !== 'file' || folder.uri.scheme !== 'file') return undefined;
    const relative = path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('../')) return undefined;
    located.push({ uri, plan: planFor(folder), relative });
  }
  const kinds = await kindsOf(located.map((l) => l.uri.fsPath));
  located.forEach(({ uri, plan, relative }, i) => {
    const kind = kinds[i]!;
    if (kind === 'gone') forget.push(uri.toString());
    else if (kind === 'folder') {
      plan.deep.add(relative);
      refreshed.push(uri.toString());
    } else plan.files.set(uri.toString(), parentOf(relative));
  });
  // A folder read whole that holds a nested workspace folder: that folder is read whole too, under its own
  // rules, as the full scan reads it (the outer folder's reading leaves it out).
  for (const plan of [...plans.values()]) {
    for (const { folder, relative } of nestedWorkspaceFolders(plan.folder)) {
      if (!isInsideAny(relative, [...plan.deep])) continue;
      planFor(folder).deep.add('.');
    }
  }
  const results: FileScanResult[] = [];
  const exact: vscode.Uri[] = [];
  const rules = new Map<FolderPlan, { rules: RipgrepScanRules; isExcluded: (folder: string) => boolean }>();
  for (const plan of plans.values()) {
    const folderRules = rulesOf(plan.folder);
    const isExcluded = excludedFolderTest(folderRules.exclude);
    if (!isExcluded) return undefined;
    rules.set(plan, { rules: folderRules, isExcluded });
  }
  for (const plan of plans.values()) {
    const { rules: folderRules, isExcluded } = rules.get(plan)!;
    const reported = new Map<string, FileScanResult>();
    /** Files the built-in scanner reads again (a lone CR): their result comes from there, not from here. */
    const readExactly = new Set<string>();
    const childUri = childUriFactory(plan.folder.uri);
    const skip = nestedWorkspaceFolders(plan.folder).map((nested) => nested.relative);
    const read = async (folders: readonly string[], maxDepth: number | undefined): Promise<void> => {
      const included = folders.filter((f) => !isExcluded(f));
      for (const chunk of chunks(included)) {
        await scanWithRipgrep({
          ...folderRules,
          rgPath,
          cwd: plan.folder.uri.fsPath,
          folders: chunk,
          maxDepth,
          skip,
          onFile: (file) => {
            if (file.needsExactScan) {
              exact.push(vscode.Uri.joinPath(plan.folder.uri, file.path));
              readExactly.add(childUri(file.path));
            } else {
              const uri = childUri(file.path);
              reported.set(uri, { status: 'scanned', path: uri, occurrences: file.occurrences });
            }
          },
        });
      }
    };
    // No folder twice, nor inside another read whole: ripgrep would print its files twice, and two
    // reports of a file that land next to each other read as one file with every occurrence doubled.
    const deep = outermost([...plan.deep]);
    const shallow = [...new Set(plan.files.values())].filter((f) => !isInsideAny(f, deep));
    await read(shallow, 1);
    await read(deep, undefined);
    // A changed file ripgrep did not report holds no ID now, or is excluded: either way not in the index.
    // (An empty result for a file read again exactly would remove it just before its real result adds it
    // back: every ID in it announced as changed.)
    for (const file of plan.files.keys()) if (!readExactly.has(file)) results.push(reported.get(file) ?? { status: 'scanned', path: file, occurrences: [] });
    const deepPrefixes = deep.map((d) => `${childUri(d)}/`);
    for (const [file, result] of reported) if (!plan.files.has(file) && deepPrefixes.some((p) => file.startsWith(p))) results.push(result);
  }
  return { results, forget, refreshed, exact };
}

/** The folders that are not inside another of them. */
function outermost(folders: readonly string[]): string[] {
  const kept: string[] = [];
  for (const folder of [...new Set(folders)].sort((a, b) => a.length - b.length)) if (!isInsideAny(folder, kept)) kept.push(folder);
  return kept;
}

function parentOf(relative: string): string {
  const slash = relative.lastIndexOf('/');
  return slash === -1 ? '.' : relative.slice(0, slash);
}

function* chunks(folders: readonly string[]): Generator<string[]> {
  let chunk: string[] = [];
  let size = 0;
  for (const folder of folders) {
    if (chunk.length > 0 && size + folder.length > MAX_ARGUMENT_CHARS) {
      yield chunk;
      chunk = [];
      size = 0;
    }
    chunk.push(folder);
    size += folder.length + 1;
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * What each changed path is now. Node's `stat`, not `workspace.fs.stat` as the findFiles way asks
 * (pathKind): these paths are all `file:` paths on this machine, and a burst asks about thousands.
 */
async function kindsOf(paths: readonly string[]): Promise<PathKind[]> {
  const kinds: PathKind[] = new Array(paths.length);
  await eachWithLimit(paths, STAT_CONCURRENCY, async (path, i) => {
    try {
      const info = await stat(path);
      kinds[i] = info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'gone';
    } catch {
      kinds[i] = 'gone';
    }
  });
  return kinds;
}

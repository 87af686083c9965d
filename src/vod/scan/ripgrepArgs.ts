/**
 * The command line for a ripgrep-backed workspace scan, or the reason our own scanner must run
 * instead. ripgrep is only a line filter here: it prints every line that may hold an ID, and the
 * same matcher the built-in scanner uses decides what on that line is an ID (ripgrepLines.ts). So
 * ripgrep's pattern only has to match a superset of those lines.
 *
 * Safety (the workspace may be untrusted; see docs/architecture.md): the argv is fixed apart from
 * values, and every value that can come from settings travels glued to its flag (`--glob=…`,
 * `--regexp=…`), so no string a workspace writes can become a flag; no shell is involved; user
 * config files (`RIPGREP_CONFIG_PATH`) and ignore files in the workspace are switched off, so the
 * workspace cannot change how ripgrep runs.
 */
import { DEFAULT_ID_PATTERN } from '../imageIds';

/**
 * The default ID pattern with ASCII word boundaries: every standalone 32-hex run, and no run inside
 * a longer hex string (git SHAs, SHA-256 digests), so those lines are not even printed.
 */
const DEFAULT_RG_PATTERN = '(?-u:\\b)[0-9A-Fa-f]{32}(?-u:\\b)';

/**
 * A CR that is not the CR of a CRLF: VS Code counts a line break there and ripgrep does not, so a
 * file with one is read again by the built-in scanner for exact positions (rare: classic Mac files).
 */
const LONE_CR = '\\r[^\\n]';

/**
 * What a custom pattern may contain to be handed to ripgrep: literals, simple character classes,
 * bounded quantifiers, groups and alternation. Nothing here can match a line break, so a line filter
 * loses nothing, and Rust's regex reads all of it like JavaScript's (or more broadly, which a filter
 * may). Anything else (`.`, `\s`, negated classes, escapes, Unicode classes) keeps our own scanner.
 */
const EXPRESSIBLE = /^(?:[A-Za-z0-9_-]|\[(?:[A-Za-z0-9_]|[A-Za-z0-9]-[A-Za-z0-9])+\]|\{\d{1,3}(?:,\d{0,3})?\}|\?|\||\((?:\?:)?|\)|\\d)+$/;

/** ripgrep's pattern for an ID pattern, or undefined when it cannot be expressed safely. */
export function ripgrepPattern(idPattern: string): string | undefined {
  if (idPattern === DEFAULT_ID_PATTERN) return `${DEFAULT_RG_PATTERN}|${LONE_CR}`;
  if (!EXPRESSIBLE.test(idPattern)) return undefined;
  return `(?:${idPattern})|${LONE_CR}`;
}

/**
 * A VS Code glob (relative to the workspace folder, `*` not crossing `/`) as a ripgrep glob with the
 * same meaning: ripgrep reads globs like .gitignore lines, where a glob without a slash matches at any
 * depth, so it is anchored to the folder with a leading `/`. Undefined when the glob uses something
 * the two dialects may read differently (escapes, a leading `!`, nested braces, control characters).
 */
export function ripgrepGlob(glob: string): string | undefined {
  const trimmed = glob.trim();
  if (trimmed === '' || trimmed.startsWith('!') || /[\\\u0000-\u001f]/.test(trimmed)) return undefined;
  if (/\{[^}]*\{/.test(trimmed)) return undefined;
  if (trimmed.startsWith('**/') || trimmed === '**') return trimmed;
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export interface RipgrepScanRules {
  /** The ID pattern in use (`vodImages.idPattern`, already checked with `compileIdPattern`). */
  readonly idPattern: string;
  /** VS Code globs of the files to read; empty or `**\/*`: every file. */
  readonly include: readonly string[];
  /** VS Code globs to skip (files.exclude, search.exclude, vodImages.scan.exclude). */
  readonly exclude: readonly string[];
  /** Larger files are not read. */
  readonly maxFileSize: number;
}

export type RipgrepPlan = { readonly ok: true; readonly args: readonly string[] } | { readonly ok: false; readonly reason: string };

/**
 * Where in the folder to look: by default all of it. An incremental rescan names the folders that
 * changed (relative, `/`-separated), with `maxDepth: 1` for the folders of changed files. Folders, not
 * files: ripgrep applies globs to what it finds under a path it is given (relative to the working
 * directory, so the anchored globs mean the same), but reads a file it is given whatever the globs say.
 */
export interface RipgrepWhere {
  readonly folders?: readonly string[] | undefined;
  readonly maxDepth?: number | undefined;
  /**
   * Folders (relative) not to enter: other workspace folders nested in this one, scanned under their
   * own rules (nestedFolders.ts). A name no glob can spell safely is entered anyway; the caller drops
   * what ripgrep reports there.
   */
  readonly skip?: readonly string[] | undefined;
}

/** Characters with a meaning in a glob, each spelled as a one-character class (`[*]`). */
const GLOB_SPECIAL = /[*?[\]{}]/g;

/** The glob that keeps ripgrep out of one folder (relative to where it runs); undefined when unsafe to spell. */
export function skipFolderGlob(folder: string): string | undefined {
  if (folder === '' || /[\\\u0000-\u001f]/.test(folder)) return undefined;
  return `!/${folder.replace(GLOB_SPECIAL, (c) => `[${c}]`)}/`;
}

/** The arguments for one workspace folder (ripgrep runs with the folder as its working directory). */
export function ripgrepArgs(rules: RipgrepScanRules, where: RipgrepWhere = {}): RipgrepPlan {
  const pattern = ripgrepPattern(rules.idPattern);
  if (pattern === undefined) return { ok: false, reason: 'the custom ID pattern cannot be handed to ripgrep' };
  const globs: string[] = [];
  for (const include of rules.include) {
    if (include.trim() === '**/*' || include.trim() === '**') continue;
    const glob = ripgrepGlob(include);
    if (glob === undefined) return { ok: false, reason: `the include glob "${include}" cannot be handed to ripgrep` };
    globs.push(`--glob=${glob}`);
  }
  // After the includes: ripgrep lets the last matching glob decide, so an excluded file stays out.
  for (const exclude of rules.exclude) {
    const glob = ripgrepGlob(exclude);
    if (glob === undefined) return { ok: false, reason: `the exclude glob "${exclude}" cannot be handed to ripgrep` };
    globs.push(`--glob=!${glob}`);
  }
  for (const folder of where.skip ?? []) {
    const glob = skipFolderGlob(folder);
    if (glob !== undefined) globs.push(`--glob=${glob}`);
  }
  if (!Number.isSafeInteger(rules.maxFileSize) || rules.maxFileSize < 1) return { ok: false, reason: 'invalid maximum file size' };
  if (where.maxDepth !== undefined && (!Number.isSafeInteger(where.maxDepth) || where.maxDepth < 1)) return { ok: false, reason: 'invalid depth' };
  if (where.folders?.length === 0) return { ok: false, reason: 'no folder to search' };
  return {
    ok: true,
    args: [
      '--no-config',
      // findFiles (the built-in path) lists ignored and hidden files too; excludes come from settings only.
      '--no-ignore',
      '--hidden',
      '--no-messages',
      '--color=never',
      '--no-heading',
      '--with-filename',
      '--line-number',
      '--null',
      '--path-separator=/',
      '--ignore-case',
      `--max-filesize=${rules.maxFileSize}`,
      ...(where.maxDepth === undefined ? [] : [`--max-depth=${where.maxDepth}`]),
      ...globs,
      `--regexp=${pattern}`,
      // Folder names come from the workspace: after `--`, none can be read as a flag.
      '--',
      ...(where.folders ?? ['.']),
    ],
  };
}

/**
 * Whether a folder is out of the scan because it, or a folder above it, matches an exclude glob.
 *
 * An incremental rescan hands ripgrep the folders that changed instead of the whole workspace
 * (ripgrepArgs.ts), and ripgrep applies globs only to what it finds below a folder it is given: the
 * folder itself and those above it are not tested, while the full scan, walking from the top, never
 * enters them. So they are tested here, against the same globs in ripgrep's reading (ripgrepGlob: VS
 * Code globs anchored to the workspace folder; `*` and `?` never cross `/`; `**` any number of folders;
 * `{a,b}` not nested; `[...]` classes; case-sensitive, as ripgrep's `--glob` is).
 */
import { ripgrepGlob } from './ripgrepArgs';

/** A ripgrep-dialect glob as a RegExp over `/`-separated paths relative to the folder; undefined when it cannot be read. */
export function globRegExp(glob: string): RegExp | undefined {
  const anchored = ripgrepGlob(glob);
  if (anchored === undefined) return undefined;
  // gitignore reading: a leading `/` anchors (every glob here is anchored or starts with `**/`); a trailing `/` means a folder.
  const body = anchored.replace(/^\//, '').replace(/\/$/, '');
  let source = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (body.startsWith('**/', i) && (i === 0 || body[i - 1] === '/')) {
      source += '(?:[^/]*/)*';
      i += 2;
    } else if (body.startsWith('/**', i) && i + 3 === body.length) {
      source += '(?:/.*)?';
      i += 2;
    } else if (body.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      const close = body.indexOf('}', i);
      if (close === -1) return undefined;
      const options = body.slice(i + 1, close).split(',').map((o) => globRegExp(`/${o}`)?.source.slice(1, -1));
      if (options.some((o) => o === undefined)) return undefined;
      source += `(?:${options.join('|')})`;
      i = close;
    } else if (c === '[') {
      const close = body.indexOf(']', i + 2);
      if (close === -1) return undefined;
      const inside = body.slice(i + 1, close);
      const negated = inside.startsWith('!') || inside.startsWith('^');
      const set = (negated ? inside.slice(1) : inside).replace(/[\\\]^]/g, '\\$&');
      source += negated ? `[^/${set}]` : `[${set}]`;
      i = close;
    } else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * A test of whether a folder (relative, `/`-separated, `.` for the workspace folder itself) or a folder
 * above it matches one of `excludes`; the globs are compiled once, for all the folders of a rescan.
 * Undefined when a glob cannot be read (the caller lists instead).
 */
export function excludedFolderTest(excludes: readonly string[]): ((folder: string) => boolean) | undefined {
  const patterns: RegExp[] = [];
  for (const glob of excludes) {
    const pattern = globRegExp(glob);
    if (pattern === undefined) return undefined;
    patterns.push(pattern);
  }
  return (folder) => {
    if (folder === '.' || folder === '') return false;
    const parts = folder.split('/');
    for (let depth = 1; depth <= parts.length; depth++) {
      const path = parts.slice(0, depth).join('/');
      if (patterns.some((p) => p.test(path))) return true;
    }
    return false;
  };
}

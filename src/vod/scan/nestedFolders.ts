/**
 * Workspace folders inside other workspace folders: a repository opened together with one of its
 * packages. A file there belongs to its innermost folder, as `workspace.getWorkspaceFolder` (and so
 * the hover, the rescans and the editor's own relative paths) says, and follows that folder's globs,
 * which are relative to it: the outer folder's scan leaves the inner folder to the inner folder's
 * scan. Reading it under both folders' rules indexed the union (a file the package excludes came in
 * through the root), read it twice, and disagreed with the rescan after the next save.
 *
 * Paths are URI paths (`/`-separated, not percent-encoded); the caller compares only folders of one
 * scheme and authority.
 */

/** `inner` relative to `outer` when strictly inside it; undefined otherwise (the same folder, or elsewhere). */
export function pathInside(outer: string, inner: string): string | undefined {
  const base = withoutTrailingSlash(outer);
  const path = withoutTrailingSlash(inner);
  const prefix = base === '/' ? '/' : `${base}/`;
  return path.startsWith(prefix) && path.length > prefix.length ? path.slice(prefix.length) : undefined;
}

/**
 * Whether a relative path (as ripgrep prints it, maybe after `./`) is one of `folders` or inside one;
 * the folder `.` holds everything.
 */
export function isInsideAny(relative: string, folders: readonly string[]): boolean {
  if (folders.length === 0) return false;
  const path = relative.startsWith('./') ? relative.slice(2) : relative;
  return folders.some((folder) => folder === '.' || path === folder || path.startsWith(`${folder}/`));
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

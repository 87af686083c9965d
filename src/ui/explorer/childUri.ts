/**
 * The URI string of a file ripgrep reported, relative to a workspace folder, as `Uri.joinPath(folder,
 * path).toString()` would spell it (the index's key: the file watcher's events must find it).
 *
 * Built by concatenation when the path needs neither encoding nor normalizing, as almost every path in a
 * repository does: joinPath + toString cost the host ~800 bytes of garbage per file, hundreds of MB over a
 * 200,000-file scan. Anything else (spaces, non-ASCII, `%`, `#`, `.` segments) goes through joinPath.
 */
import * as vscode from 'vscode';

/** Characters `Uri.toString` keeps as they are in a path; it percent-encodes every other one. */
const VERBATIM = /^[A-Za-z0-9\-._~/]+$/;
/** A `.` or `..` segment: joinPath normalizes those. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/** Empty, `.` or `..` segments; the RegExp only runs on paths with a segment starting with a dot (a profile of a 200,000-file scan showed it otherwise). */
function needsNormalizing(relative: string): boolean {
  if (relative.startsWith('/') || relative.endsWith('/') || relative.includes('//')) return true;
  return (relative.startsWith('.') || relative.includes('/.')) && DOT_SEGMENT.test(relative);
}

export function childUriFactory(folder: vscode.Uri): (relative: string) => string {
  const base = folder.toString().replace(/\/$/, '');
  return (relative) => (VERBATIM.test(relative) && !needsNormalizing(relative) ? `${base}/${relative}` : vscode.Uri.joinPath(folder, relative).toString());
}

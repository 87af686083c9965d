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
/** Empty, `.` or `..` segments: joinPath normalizes those. */
const NORMALIZED = /(^|\/)(\.{0,2})(\/|$)/;

export function childUriFactory(folder: vscode.Uri): (relative: string) => string {
  const base = folder.toString().replace(/\/$/, '');
  return (relative) => (VERBATIM.test(relative) && !NORMALIZED.test(relative) ? `${base}/${relative}` : vscode.Uri.joinPath(folder, relative).toString());
}

/**
 * The workspace folders nested in a workspace folder: its scan leaves them to their own scans, under
 * their own rules (src/vod/scan/nestedFolders.ts says why).
 */
import * as vscode from 'vscode';
import { pathInside } from '../../vod/scan/nestedFolders';

export interface NestedFolder {
  readonly folder: vscode.WorkspaceFolder;
  /** Its path relative to the outer folder, `/`-separated. */
  readonly relative: string;
}

export function nestedWorkspaceFolders(outer: vscode.WorkspaceFolder): NestedFolder[] {
  const nested: NestedFolder[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== outer.uri.scheme || folder.uri.authority !== outer.uri.authority) continue;
    const relative = pathInside(outer.uri.path, folder.uri.path);
    if (relative !== undefined) nested.push({ folder, relative });
  }
  return nested;
}

/** Whether a file belongs to this workspace folder rather than to one nested in it. */
export function ownedBy(uri: vscode.Uri, folder: vscode.WorkspaceFolder): boolean {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === folder.uri.toString();
}

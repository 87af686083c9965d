/**
 * Lookups nobody asked for — diagnostics for every open document, `visible` decorations, the explorer's
 * Selection group when nothing is selected (it then lists the whole document) — send the
 * IDs found in a file to the API, signed with the user's key. A file from an untrusted folder must
 * not make that happen: in Restricted Mode only what the user asks for (a hover, the lookup command)
 * is looked up, and the intelligence shows what the shared cache already knows.
 */
import * as vscode from 'vscode';

export function backgroundLookupsAllowed(): boolean {
  return vscode.workspace.isTrusted;
}

/** Fires when the user trusts the workspace: the controllers then run the passes they held back. */
export const onDidAllowBackgroundLookups: vscode.Event<void> = vscode.workspace.onDidGrantWorkspaceTrust;

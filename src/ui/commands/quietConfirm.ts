/**
 * A copy is confirmed in the status bar for a few seconds, not with a notification: the clipboard
 * already holds what the user asked for, so there is nothing to read or act on (the VS Code UX
 * guidelines, and what the AWS Toolkit does). Only the signed URL keeps a notification, because it
 * says when the link stops working.
 */
import * as vscode from 'vscode';

/** Long enough to be read after a glance at the status bar, short enough not to linger. */
export const QUIET_CONFIRM_MS = 5000;

export function confirmQuietly(text: string): void {
  vscode.window.setStatusBarMessage('$(check) ' + text, QUIET_CONFIRM_MS);
}

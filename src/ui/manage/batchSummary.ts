/**
 * The one message a batch action ends with: "3 images deleted." when all went well, else
 * "18 deleted, 2 failed: see the log." with a button that opens the log (where each failure is).
 */
import * as vscode from 'vscode';

export function showBatchSummary(done: number, failed: number, texts: { readonly allDone: string; readonly someFailed: string }): void {
  if (failed === 0) {
    void vscode.window.showInformationMessage(texts.allDone);
    return;
  }
  const showLog = vscode.l10n.t('Show Log');
  void vscode.window.showWarningMessage(texts.someFailed, showLog).then((choice) => {
    if (choice === showLog) void vscode.commands.executeCommand('vodImages.showLog');
  });
}

/** What the lookup and details-panel suites both need from the workbench: the details tabs and a selection that sticks. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The open details panels (webview tabs of the details view type). */
export function detailTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('vodImages.details'));
}

/** Waits for exactly `count` details tabs, then checks that no more arrive. */
export async function waitForTabs(count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  // Tabs reach the extension host's tab model a moment after the panel is created.
  while (detailTabs().length !== count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(detailTabs().length, count);
}

/**
 * Sets an editor's selection and waits until it sticks: a selection event from the main thread that
 * was already on its way (the editor opening at 0:0) can otherwise overwrite it after we set it.
 */
export async function select(editor: vscode.TextEditor, selection: vscode.Selection): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    editor.selection = selection;
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (editor.selection.isEqual(selection)) return;
    if (Date.now() > deadline) throw new Error('the editor selection did not stick');
  }
}

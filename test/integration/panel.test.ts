/**
 * The details panel in the real host: one panel per image, revealed (not duplicated) when opened
 * again; opened from an argument, a tree item or the cursor; missing images still get a panel.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { imageIdFor } from '../emulator/fixtures';
import { detailTabs, select, waitForTabs } from './editorHelpers';
import { activated } from './extension';

interface PanelShown {
  imageId: string;
  revealed: boolean;
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('details panel', () => {
  before(async () => {
    await activated();
    // Suites before this one may leave panels open; the tab counts below start from none.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens one panel per image and reveals it when opened again', async () => {
    const id = imageIdFor('cover');
    const first = await vscode.commands.executeCommand<PanelShown>('vodImages.openDetails', id);
    assert.deepEqual(first, { imageId: id, revealed: false });
    await waitForTabs(1);
    // The tab takes the image's title once the lookup is back.
    await waitFor('the title "Episode 12 cover"', () => detailTabs()[0]?.label === 'Episode 12 cover');

    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    const again = await vscode.commands.executeCommand<PanelShown>('vodImages.openDetails', { imageId: id });
    assert.deepEqual(again, { imageId: id, revealed: true });
    await waitForTabs(1);
    await waitFor('the panel to be active again', () => detailTabs()[0]?.isActive === true);
  });

  it('opens a second panel for another image', async () => {
    await vscode.commands.executeCommand('vodImages.openDetails', imageIdFor('cover'));
    const other = await vscode.commands.executeCommand<PanelShown>('vodImages.openDetails', imageIdFor('red-sneaker'));
    assert.equal(other?.revealed, false);
    await waitForTabs(2);
    await waitFor('both titles', () => detailTabs().some((t) => t.label === 'Product shot: red sneaker'));
  });

  it('opens the image under the cursor without an argument', async () => {
    const id = imageIdFor('spinner');
    const doc = await vscode.workspace.openTextDocument({ content: `const spinner = '${id}';\n`, language: 'typescript' });
    const editor = await vscode.window.showTextDocument(doc);
    const inside = new vscode.Position(0, doc.lineAt(0).text.indexOf(id) + 5);
    await select(editor, new vscode.Selection(inside, inside));
    const shown = await vscode.commands.executeCommand<PanelShown>('vodImages.openDetails');
    assert.deepEqual(shown, { imageId: id, revealed: false });
    await waitFor('the title', () => detailTabs()[0]?.label === 'Loading spinner (animated)');
  });

  it('shows a panel for a missing image too (it says so inside), titled by the ID', async () => {
    const id = 'f'.repeat(32);
    const shown = await vscode.commands.executeCommand<PanelShown>('vodImages.openDetails', id);
    assert.deepEqual(shown, { imageId: id, revealed: false });
    await waitForTabs(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(detailTabs()[0]?.label, id);
  });

  it('refuses an argument that cannot be an image ID', async () => {
    assert.equal(await vscode.commands.executeCommand('vodImages.openDetails', '<script>'), undefined);
    await waitForTabs(0);
  });
});

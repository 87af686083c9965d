/**
 * Download in a multi-root workspace, in the real host: "Download to" names every workspace folder,
 * the active editor's first, and saves into the one picked (it offered only the first folder).
 */
import * as assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { imageIdFor } from '../emulator/fixtures';
import { explorer } from '../integration/explorerApi';

describe('download into a folder of a multi-root workspace', function () {
  this.timeout(60_000);

  it('offers each workspace folder, the active editor\'s first, and saves into the one picked', async () => {
    await explorer();
    const [demo, app] = vscode.workspace.workspaceFolders ?? [];
    assert.ok(demo && app);
    const editing = vscode.Uri.joinPath(app.uri, 'src', 'editing.ts');
    await vscode.workspace.fs.writeFile(editing, new TextEncoder().encode('export {};\n'));
    await vscode.window.showTextDocument(editing);

    const window = vscode.window as unknown as { showQuickPick: unknown };
    const pick = window.showQuickPick;
    let offered: vscode.QuickPickItem[] = [];
    window.showQuickPick = async (items: Thenable<vscode.QuickPickItem[]>) => {
      offered = await items;
      return offered.find((item) => item.label === `Into ${demo.name}`);
    };
    let outcome: { saved: { path: string }[] } | undefined;
    try {
      outcome = await vscode.commands.executeCommand('vodImages.download', imageIdFor('ordinary-4'), { original: false });
    } finally {
      window.showQuickPick = pick;
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.deepEqual(
      offered.map((item) => [item.label, item.description]),
      [
        ['Save As…', undefined],
        [`Into ${app.name}`, app.uri.fsPath],
        [`Into ${demo.name}`, demo.uri.fsPath],
      ],
    );
    const saved = outcome?.saved[0]?.path;
    assert.ok(saved, 'the image was saved');
    assert.equal(path.dirname(saved), demo.uri.fsPath);
    assert.ok(existsSync(saved));
    rmSync(saved);
  });
});

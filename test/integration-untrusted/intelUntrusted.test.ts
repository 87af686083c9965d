/**
 * Editor intelligence in Restricted Mode: opening a file of an untrusted folder must not send its IDs
 * to the API signed with the user's key. Diagnostics, `visible` decorations and the explorer's Selection
 * group (which falls back to the whole document) look nothing up; what the user asks for explicitly (a
 * hover, the lookup command, a selection) still works.
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activated } from '../integration/extension';
import { emulatorStats } from '../integration/explorerApi';
import { imageId } from '../integration/hostEnv';

/** API lookups the emulator has answered since it started. */
async function lookupCalls(): Promise<number> {
  const { byAction } = await emulatorStats();
  return (byAction.GetImageInfos ?? 0) + (byAction.GetImageInfo ?? 0);
}

/** IDs no earlier test can have looked up. */
function freshIds(n: number): string[] {
  return Array.from({ length: n }, () => randomBytes(16).toString('hex'));
}

describe('editor intelligence in an untrusted workspace', function () {
  this.timeout(60_000);
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('vodImages');

  before(async function () {
    assert.equal(vscode.workspace.isTrusted, false, 'the host opened the workspace trusted: run it with `run-integration.ts --untrusted`');
    const api = (await activated()).exports as ExtensionApi;
    await api.ready;
    await api.testHooks?.settled();
  });

  after(async () => {
    await config().update('decorations', undefined, vscode.ConfigurationTarget.Global);
    await config().update('diagnostics.reportMissing', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opening a document with IDs looks none of them up (diagnostics, visible decorations, the explorer Selection group)', async () => {
    // With the explorer shown, its Selection group would list (and look up) the IDs of the whole document.
    await vscode.commands.executeCommand('vodImages.explorer.focus');
    await config().update('decorations', 'visible', vscode.ConfigurationTarget.Global);
    await config().update('diagnostics.reportMissing', true, vscode.ConfigurationTarget.Global);
    const before = await lookupCalls();
    const ids = [...freshIds(5), imageId('missing')];
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: ids.map((id) => `- ![](${id})`).join('\n') });
    await vscode.window.showTextDocument(document);
    // Diagnostics start 500 ms after an open, visible decorations 300 ms after the editor shows: wait well past both.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.equal(await lookupCalls(), before, 'a background lookup was sent from an untrusted workspace');
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri), []);
  });

  it('an explicit request still looks up: the hover', async () => {
    const id = imageId('any');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: `image ${id}\n` });
    await vscode.window.showTextDocument(document);
    const before = await lookupCalls();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 8));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.ok(text.length > 0, 'the hover answered');
    assert.ok((await lookupCalls()) >= before);
  });
});

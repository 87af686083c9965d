/**
 * `vodImages.lookUp` in the real host: by argument, from the selection (one batched API call), from
 * the cursor; missing IDs reported by name in the result.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { imageIdFor } from '../emulator/fixtures';
import { select, waitForTabs } from './editorHelpers';
import { activated } from './extension';
import { integrationEnv } from './hostEnv';

interface LookUpResult {
  found: string[];
  missing: string[];
}

interface Stats {
  apiRequests: number;
  byAction: Record<string, number>;
}

async function emulatorStats(): Promise<Stats> {
  const response = await fetch(`${integrationEnv().control}/__emulator/stats`);
  return (await response.json()) as Stats;
}

/** Well-formed IDs the emulator does not know (distinct per test so no cache answers for them). */
const unknownId = (n: number) => n.toString(16).padStart(32, 'e');

async function closeEverything(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('look up images', () => {
  before(async () => {
    await activated();
  });
  afterEach(closeEverything);

  it('looks up an ID given as an argument and opens its details', async () => {
    const id = imageIdFor('portrait');
    const result = await vscode.commands.executeCommand<LookUpResult>('vodImages.lookUp', id);
    assert.deepEqual(result, { found: [id], missing: [] });
    await waitForTabs(1);
  });

  it('reports a missing ID by name and opens nothing', async () => {
    const id = unknownId(1);
    const result = await vscode.commands.executeCommand<LookUpResult>('vodImages.lookUp', id);
    assert.deepEqual(result, { found: [], missing: [id] });
    await waitForTabs(0);
  });

  it('looks up several IDs with one GetImageInfos call', async () => {
    const ids = [imageIdFor('cjk'), unknownId(2), imageIdFor('emoji')];
    const before = await emulatorStats();
    const result = await vscode.commands.executeCommand<LookUpResult>('vodImages.lookUp', ids);
    const after = await emulatorStats();
    assert.deepEqual(result, { found: [ids[0], ids[2]], missing: [ids[1]] });
    // One batch for the images; the ID no image matched is asked about once more, as a possible video.
    assert.equal(after.apiRequests - before.apiRequests, 2);
    assert.equal((after.byAction.GetImageInfos ?? 0) - (before.byAction.GetImageInfos ?? 0), 1);
    assert.equal((after.byAction.GetVideoInfos ?? 0) - (before.byAction.GetVideoInfos ?? 0), 1);
  });

  it('takes every ID in the selection, in order, without duplicates', async () => {
    const wide = imageIdFor('wide');
    const tall = imageIdFor('tall');
    const missing = unknownId(3);
    const doc = await vscode.workspace.openTextDocument({
      content: `[\n  "${wide}",\n  "${missing}",\n  "${tall}",\n  "${wide}"\n]\n// git: ${'c'.repeat(40)}\n`,
      language: 'jsonc',
    });
    const editor = await vscode.window.showTextDocument(doc);
    await select(editor, new vscode.Selection(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end));
    const result = await vscode.commands.executeCommand<LookUpResult>('vodImages.lookUp');
    assert.deepEqual(result, { found: [wide, tall], missing: [missing] });
  });

  it('takes the ID under the cursor when nothing is selected', async () => {
    const id = imageIdFor('leather-bag');
    const doc = await vscode.workspace.openTextDocument({ content: `image: ${id} # the bag\n`, language: 'yaml' });
    const editor = await vscode.window.showTextDocument(doc);
    const inside = new vscode.Position(0, 'image: '.length + 10);
    await select(editor, new vscode.Selection(inside, inside));
    const result = await vscode.commands.executeCommand<LookUpResult>('vodImages.lookUp');
    assert.deepEqual(result, { found: [id], missing: [] });
    await waitForTabs(1);
  });

  it('refuses an argument that cannot be an image ID', async () => {
    const before = await emulatorStats();
    assert.equal(await vscode.commands.executeCommand('vodImages.lookUp', '../../etc/passwd'), undefined);
    assert.equal((await emulatorStats()).apiRequests, before.apiRequests);
  });
});

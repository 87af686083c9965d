/**
 * The sidebar explorer in the real host against the emulator, on the demo workspace: the tree as
 * the view reads it (through the provider the extension exports to tests), the API calls it makes
 * (the emulator's stats), and what its commands copy.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerTestApi } from '../../src/ui/explorer';
import type { ExplorerNode, ImageNode, SectionNode } from '../../src/ui/explorer/nodes';
import { imageIdFor } from '../emulator/fixtures';
import { demoIdCounts } from '../fixtures/demoImageIds';
import { activated } from './extension';
import { children, emulatorStats, explorer } from './explorerApi';
import { integrationEnv } from './hostEnv';

async function section(x: ExplorerTestApi, id: SectionNode['section']): Promise<SectionNode | undefined> {
  return (await children(x)).find((n): n is SectionNode => n.kind === 'section' && n.section === id);
}

const stats = emulatorStats;

/** Every ID occurrence in the demo workspace's files, counted independently of the extension. */
function demoOccurrences(): Map<string, number> {
  return demoIdCounts(vscode.workspace.workspaceFolders![0]!.uri.fsPath);
}

describe('explorer', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('vodImages.explorer.focus');
  });

  it('lists the demo workspace IDs with titles, W×H · N refs, and resolves them in ⌈N/20⌉ GetImageInfos calls', async () => {
    const x = await explorer();
    await vscode.commands.executeCommand('vodImages.scanWorkspace');
    const expected = demoOccurrences();
    // Start cold: no cached lookups, counters at zero.
    (await (await activated()).exports as ExtensionApi).testHooks?.services.images().then((s) => s.invalidate());
    await fetch(`${integrationEnv().control}/__emulator/reset`, { method: 'POST' });
    await vscode.commands.executeCommand('vodImages.refreshExplorer');
    const workspace = await section(x, 'workspace');
    assert.ok(workspace, 'no This Workspace group');
    const rows = (await children(x, workspace)).filter((n): n is ImageNode => n.kind === 'image');
    await x.settled();
    assert.deepEqual(rows.map((r) => r.imageId).sort(), [...expected.keys()].sort());
    const calls = (await stats()).byAction['GetImageInfos'] ?? 0;
    assert.equal(calls, Math.ceil(rows.length / 20));
    const api = await (((await activated()).exports as ExtensionApi).testHooks!.services.api());
    const { images } = await api.getImageInfos(rows.map((r) => r.imageId).slice(0, 20));
    for (const info of images) {
      const row = rows.find((r) => r.imageId === info.ImageId)!;
      const item = x.tree.getTreeItem(row);
      if (info.Title) assert.equal(item.label, info.Title);
      const refs = expected.get(info.ImageId)!;
      const { Width, Height } = info.Mezzanine ?? {};
      const size = Width !== undefined && Height !== undefined ? `${Width}×${Height} · ` : '';
      assert.equal(item.description, `${size}${refs} ${refs === 1 ? 'ref' : 'refs'}`);
      const occurrences = await children(x, row);
      assert.equal(occurrences.length, refs);
      const first = x.tree.getTreeItem(occurrences[0]!);
      assert.equal(first.command?.command, 'vscode.open');
    }
  });

  it('Selection follows the selection in the active editor', async () => {
    const x = await explorer();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'campaign.yaml'));
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.lineAt(doc.getText().split('\n').findIndex((l) => l.includes('2555a322829635f58a5e691491563c07')));
    // The selection reaches the extension host as an event from the window, then waits out the tracker's
    // debounce: a fixed wait past the debounce alone was once too short in CI. Up to 10 s, then the assertions.
    const selectedIds = async (until: (ids: string[]) => boolean): Promise<string[]> => {
      for (let waited = 0; ; waited += 100) {
        await x.settled();
        const ids = (await children(x, (await section(x, 'selection'))!)).map((n) => (n as ImageNode).imageId);
        if (until(ids) || waited >= 10_000) return ids;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    editor.selection = new vscode.Selection(line.range.start, line.range.end);
    await new Promise((r) => setTimeout(r, 400));
    assert.ok(await section(x, 'selection'));
    assert.deepEqual(await selectedIds((ids) => ids.length === 1), ['2555a322829635f58a5e691491563c07']);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await new Promise((r) => setTimeout(r, 400));
    const whole = await selectedIds((ids) => ids.length > 1);
    assert.ok(whole.length > 1, 'an empty selection stands for the whole file');
  });

  it('Library pages by 50, loads more, filters, and says when the 5,000 window is reached', async () => {
    const x = await explorer();
    await vscode.commands.executeCommand('vodImages.filterLibrary', { clear: true });
    const library = (await section(x, 'library'))!;
    const first = await children(x, library);
    assert.equal(first.filter((n) => n.kind === 'image').length, 50);
    assert.ok(first.some((n) => n.kind === 'loadMore'));
    const notice = first.find((n) => n.kind === 'message' && n.key.endsWith('/window'));
    assert.ok(notice && notice.kind === 'message' && /5,000|5000/.test(notice.text), 'the window notice is shown');
    await vscode.commands.executeCommand('vodImages.loadMoreLibrary');
    assert.equal((await children(x, library)).filter((n) => n.kind === 'image').length, 100);
    const result = await vscode.commands.executeCommand<{ match: string; total: number }>('vodImages.filterLibrary', { text: 'sneaker' });
    assert.ok(result && result.total > 0 && result.total < 5000);
    const rows = (await children(x, library)).filter((n): n is ImageNode => n.kind === 'image');
    assert.ok(rows.length > 0);
    for (const row of rows) assert.match(String(x.tree.getTreeItem(row).label), /sneaker/i);
    await vscode.commands.executeCommand('vodImages.filterLibrary', { clear: true });
  });

  it('an image first listed by the Library still shows its W×H elsewhere (SearchMedia has no Mezzanine)', async () => {
    const x = await explorer();
    const id = imageIdFor('ordinary-25'); // "Store front 3", 600×300; no other test or demo file uses it
    const result = await vscode.commands.executeCommand<{ total: number }>('vodImages.filterLibrary', { text: 'Store front 3' });
    assert.ok(result && result.total > 0);
    const library = (await section(x, 'library'))!;
    const listed = (await children(x, library)).find((n): n is ImageNode => n.kind === 'image' && n.imageId === id);
    assert.ok(listed, 'the filtered Library lists the image');
    assert.equal(x.tree.getTreeItem(listed).label, 'Store front 3');
    try {
      await vscode.commands.executeCommand('vodImages.pin', id);
      const row = (await children(x, await section(x, 'pinned'))).find((n): n is ImageNode => n.kind === 'image' && n.imageId === id);
      assert.ok(row, 'the Pinned group lists the image');
      await x.settled();
      assert.equal(x.tree.getTreeItem(row).description, '600×300');
      // The Library row shows the fuller facts now known too.
      assert.equal(x.tree.getTreeItem(listed).description, '600×300');
    } finally {
      await vscode.commands.executeCommand('vodImages.unpin', id);
      await vscode.commands.executeCommand('vodImages.filterLibrary', { clear: true });
    }
  });

  it('pins and unpins, persisted in global state', async () => {
    const x = await explorer();
    const id = '3614cfe6caf5061c4f6239dd742c180f';
    await vscode.commands.executeCommand('vodImages.pin', id);
    const pinned = await section(x, 'pinned');
    assert.ok(pinned);
    assert.deepEqual((await children(x, pinned)).map((n) => (n as ImageNode).imageId), [id]);
    const dump = JSON.parse(((await activated()).exports as ExtensionApi).testHooks!.globalStateDump()) as Record<string, unknown>;
    assert.deepEqual(dump['vodImages.explorer.pinned'], [id]);
    await vscode.commands.executeCommand('vodImages.unpin', { imageId: id });
    assert.equal(await section(x, 'pinned'), undefined);
  });

  it('records lookups in Recent', async () => {
    const x = await explorer();
    const id = '909595bfde0d44684705dbcfe61c7c28';
    await vscode.commands.executeCommand('vodImages.lookUp', [id, '3614cfe6caf5061c4f6239dd742c180f']);
    const recent = await section(x, 'recent');
    assert.ok(recent);
    assert.equal((await children(x, recent)).map((n) => (n as ImageNode).imageId)[0], id);
  });

  it('copies a group as a Markdown table and as JSON', async () => {
    const x = await explorer();
    await x.settled();
    const expected = demoOccurrences();
    const result = await vscode.commands.executeCommand<{ count: number }>('vodImages.copyAsJson', { section: 'workspace' });
    const json = JSON.parse(await vscode.env.clipboard.readText()) as { id: string; width: number | null }[];
    assert.equal(json.length, result?.count);
    for (const row of json) assert.ok(expected.has(row.id));
    await vscode.commands.executeCommand('vodImages.copyAsMarkdown', { section: 'workspace' });
    const table = (await vscode.env.clipboard.readText()).split('\n');
    assert.equal(table.length, json.length + 2);
    assert.match(table[0]!, /^\| ID \| Title \|/);
  });
});

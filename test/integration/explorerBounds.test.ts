/**
 * The explorer's bounds in the real host: a workspace with far more IDs than a person can read must
 * not make the explorer look them all up. This Workspace lists (and resolves) the first rows only and
 * says so in the view.
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerTestApi } from '../../src/ui/explorer';
import type { ExplorerNode, MessageNode, SectionNode } from '../../src/ui/explorer/nodes';
import { MAX_INDEX_IDS } from '../../src/vod/scan/workspaceIndex';
import { children, emulatorStats, explorer } from './explorerApi';

const MANY = 1500;

async function workspaceRows(x: ExplorerTestApi): Promise<ExplorerNode[]> {
  const section = (await children(x)).find((n): n is SectionNode => n.kind === 'section' && n.section === 'workspace');
  assert.ok(section, 'This Workspace is shown');
  return children(x, section);
}

async function getImageInfosCalls(): Promise<number> {
  return (await emulatorStats()).byAction.GetImageInfos ?? 0;
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('explorer bounds (real host)', function () {
  this.timeout(120_000);
  let folder: string | undefined;

  after(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    const x = await explorer();
    await until('the scratch IDs left the index', () => x.scan.index.idCount < MANY);
    // A full scan starts the index afresh (and forgets that it once stopped).
    await vscode.commands.executeCommand('vodImages.scanWorkspace');
    await x.settled();
  });

  it(`a workspace with ${MANY} new IDs: only the rows shown are looked up, and the view says the list is cut`, async () => {
    const x = await explorer();
    await vscode.commands.executeCommand('vodImages.scanWorkspace');
    await x.settled();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the host opened a workspace folder');
    folder = path.join(root, `bounds-${process.pid}-${Date.now().toString(36)}`);
    const ids = Array.from({ length: MANY }, () => randomBytes(16).toString('hex'));
    const before = await getImageInfosCalls();

    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'hashes.txt'), ids.join('\n'));
    await until('the file watcher indexed the new IDs', () => ids.every((id) => x.scan.index.has(id)));
    const rows = await workspaceRows(x);
    await x.settled();

    const calls = (await getImageInfosCalls()) - before;
    // 20 IDs per call: the shown rows (at most 500) need 25 calls; all new IDs would need 75.
    assert.ok(calls <= 26, `${calls} GetImageInfos calls for ${MANY} new IDs`);
    const images = rows.filter((n) => n.kind === 'image');
    assert.ok(images.length <= 500, `${images.length} image rows`);
    const notice = rows.find((n): n is MessageNode => n.kind === 'message' && n.key === 'workspace/message/truncated');
    assert.ok(notice, `no notice among ${rows.map((n) => n.key).join(', ')}`);
    assert.match(notice.text, /500/);
    assert.match(notice.text, new RegExp(String(x.scan.index.idCount).replace(/\B(?=(\d{3})+$)/g, '[,.\\s]?')));
  });

  it(`past ${MAX_INDEX_IDS} IDs the index stops, and the view says so`, async () => {
    const x = await explorer();
    assert.ok(folder, 'the first test made the scratch folder');
    const before = await getImageInfosCalls();
    const ids = Array.from({ length: MAX_INDEX_IDS }, () => randomBytes(16).toString('hex'));
    await writeFile(path.join(folder, 'more-hashes.txt'), ids.join('\n'));
    await until('the index reports its limit', () => x.scan.index.limitReached, 60_000);
    assert.equal(x.scan.index.idCount, MAX_INDEX_IDS);
    const rows = await workspaceRows(x);
    await x.settled();
    assert.ok(rows.some((n) => n.kind === 'message' && n.key === 'workspace/message/indexFull'), `no notice among ${rows.map((n) => n.key).slice(0, 5).join(', ')}`);
    assert.ok((await getImageInfosCalls()) - before <= 26, 'still only the shown rows were looked up');
  });
});

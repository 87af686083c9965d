/**
 * The workspace scan in the real host: incremental updates through the file watcher (a new file
 * appears in This Workspace, an edit changes its refs, a deletion removes them) and cancelling a
 * full scan part-way. Every file is created in a folder of its own in the workspace (a copy of the
 * demo workspace made by the runner) and removed afterwards.
 *
 * The untrusted-workspace path cannot be reached here (the host runs with workspace trust
 * disabled); its decision logic is unit-tested in test/unit/uiExplorerScanTrigger.test.ts.
 */
import * as assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerTestApi } from '../../src/ui/explorer';
import type { ExplorerNode, ImageNode, OccurrenceNode, SectionNode } from '../../src/ui/explorer/nodes';
import { imageIdFor } from '../emulator/fixtures';
import { activated } from './extension';

/** Fixture images no demo workspace file mentions ("Product lineup 1", "Spring campaign banner 2"). */
const NEW_ID = imageIdFor('ordinary-4');
const OTHER_ID = imageIdFor('ordinary-10');
/** Enough files that a full scan is still running when the cancel arrives. */
const BULK_FILES = 3000;

async function explorer(): Promise<ExplorerTestApi> {
  const api = (await activated()).exports as ExtensionApi;
  assert.ok(api.explorer, 'the extension exported no explorer test API');
  await api.testHooks?.settled();
  return api.explorer;
}

async function children(x: ExplorerTestApi, node?: ExplorerNode): Promise<ExplorerNode[]> {
  return (await x.tree.getChildren(node)) ?? [];
}

async function workspaceSection(x: ExplorerTestApi): Promise<SectionNode | undefined> {
  return (await children(x)).find((n): n is SectionNode => n.kind === 'section' && n.section === 'workspace');
}

/** The This Workspace row of an ID and its occurrences as the tree lists them (none: no row). */
async function occurrences(x: ExplorerTestApi, imageId: string): Promise<OccurrenceNode[]> {
  const section = await workspaceSection(x);
  if (!section) return [];
  const row = (await children(x, section)).find((n): n is ImageNode => n.kind === 'image' && n.imageId === imageId);
  if (!row) return [];
  return (await children(x, row)).filter((n): n is OccurrenceNode => n.kind === 'occurrence');
}

/** Polls the tree until `check` holds: file watcher events arrive on their own schedule. */
async function until(x: ExplorerTestApi, what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await x.settled();
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  const where = { [NEW_ID]: places(await occurrences(x, NEW_ID)), [OTHER_ID]: places(await occurrences(x, OTHER_ID)) };
  throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}; the tree lists ${JSON.stringify(where)}`);
}

/**
 * Files a running full scan has read so far, from its message in This Workspace ("Scanning the
 * workspace… (N files)"); 0 while it lists files, or when no scan runs.
 */
async function scanProgress(x: ExplorerTestApi): Promise<number> {
  const message = (await children(x, await workspaceSection(x))).find((n) => n.kind === 'message' && n.key === 'workspace/message/scanning');
  const count = message?.kind === 'message' ? /\((\d[\d,]*)/.exec(message.text)?.[1] : undefined;
  return count === undefined ? 0 : Number(count.replace(/,/g, ''));
}

/**
 * Waits until late file-watcher events for earlier writes have been handled too. An incremental
 * rescan still in flight when a file is deleted can put the file back in the index (see the
 * report on this suite), so each change starts from a quiet index.
 */
async function quiet(x: ExplorerTestApi): Promise<void> {
  await x.settled();
  await new Promise((r) => setTimeout(r, 1000));
  await x.settled();
}

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the host opened no workspace folder');
  return folder.uri;
}

/** A fresh folder in the workspace, unique per run so a leftover from a crashed run cannot interfere. */
function scratchFolder(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), `${name}-${process.pid}-${Date.now().toString(36)}`);
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Where each occurrence is, as `relative/path:line` (one-based), sorted. */
function places(list: readonly OccurrenceNode[]): string[] {
  return list.map((o) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(o.occurrence.file, true), false)}:${o.occurrence.line + 1}`).sort();
}

describe('explorer workspace scan', function () {
  this.timeout(120_000);
  const created: vscode.Uri[] = [];

  before(async () => {
    await vscode.commands.executeCommand('vodImages.explorer.focus');
    const x = await explorer();
    // A completed full scan: the file watcher starts after the first one.
    const summary = await vscode.commands.executeCommand<{ files: number } | undefined>('vodImages.scanWorkspace');
    assert.ok(summary && summary.files > 0, 'the initial scan did not complete');
    await x.settled();
    assert.equal((await occurrences(x, NEW_ID)).length, 0, 'the demo workspace must not mention the test ID yet');
    assert.equal((await occurrences(x, OTHER_ID)).length, 0, 'the demo workspace must not mention the second test ID yet');
  });

  after(async () => {
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('follows a new file, an edit and a deletion through the file watcher', async () => {
    const x = await explorer();
    const folder = scratchFolder('scan-incremental');
    created.push(folder);
    const file = vscode.Uri.joinPath(folder, 'notes.md');
    const name = vscode.workspace.asRelativePath(file, false);

    await write(file, `# Notes\n\nhero: ${NEW_ID}\n\nagain ${NEW_ID} and ${OTHER_ID}\n`);
    await until(x, 'This Workspace lists the new file', async () => (await occurrences(x, NEW_ID)).length === 2);
    assert.deepEqual(places(await occurrences(x, NEW_ID)), [`${name}:3`, `${name}:5`]);
    assert.deepEqual(places(await occurrences(x, OTHER_ID)), [`${name}:5`]);
    const section = (await workspaceSection(x))!;
    const row = (await children(x, section)).find((n): n is ImageNode => n.kind === 'image' && n.imageId === NEW_ID)!;
    const item = x.tree.getTreeItem(row);
    assert.equal(item.label, 'Product lineup 1', 'the new ID is resolved to its title');
    assert.match(String(item.description), /(^|· )2 refs$/);

    await quiet(x);
    await write(file, `# Notes\n\nonly here now: ${NEW_ID}\n`);
    await until(x, 'the edit drops the refs', async () => (await occurrences(x, NEW_ID)).length === 1 && (await occurrences(x, OTHER_ID)).length === 0);
    assert.deepEqual(places(await occurrences(x, NEW_ID)), [`${name}:3`]);
    assert.match(String(x.tree.getTreeItem(row).description), /(^|· )1 ref$/);

    await quiet(x);
    await vscode.workspace.fs.delete(file, { useTrash: false });
    await until(x, 'the deletion removes the ID', async () => (await occurrences(x, NEW_ID)).length === 0);
  });

  it('forgets every file of a deleted folder', async () => {
    const x = await explorer();
    const folder = scratchFolder('scan-folder');
    created.push(folder);
    await write(vscode.Uri.joinPath(folder, 'a.txt'), `${NEW_ID}\n`);
    await write(vscode.Uri.joinPath(folder, 'nested', 'b.json'), JSON.stringify({ image: NEW_ID, other: OTHER_ID }));
    await until(x, 'both files are indexed', async () => (await occurrences(x, NEW_ID)).length === 2 && (await occurrences(x, OTHER_ID)).length === 1);
    await quiet(x);
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    await until(x, 'the folder deletion removes both files', async () => (await occurrences(x, NEW_ID)).length === 0 && (await occurrences(x, OTHER_ID)).length === 0);
  });

  it('cancels a full scan part-way, and a later scan completes the index', async () => {
    const x = await explorer();
    const folder = scratchFolder('scan-bulk');
    created.push(folder);
    const files = vscode.workspace.getConfiguration('files');
    // The bulk files are written behind the watcher's back: thousands of incremental updates are
    // not what this test is about, and the full scan lists them anyway.
    const before = files.inspect<Record<string, boolean>>('watcherExclude')?.globalValue;
    await files.update('watcherExclude', { ...before, [`**/${path.basename(folder.fsPath)}/**`]: true }, vscode.ConfigurationTarget.Global);
    try {
      await mkdir(folder.fsPath, { recursive: true });
      for (let i = 0; i < BULK_FILES; i += 100) {
        await Promise.all(
          Array.from({ length: Math.min(100, BULK_FILES - i) }, (_, k) => writeFile(path.join(folder.fsPath, `f${i + k}.txt`), `image ${OTHER_ID}\n`)),
        );
      }

      const scanning = vscode.commands.executeCommand<unknown>('vodImages.scanWorkspace');
      // Cancel once the scan reports files read (its progress message in This Workspace); polled
      // directly, not through `until`, whose settled() would wait for the scan to finish.
      const deadline = Date.now() + 20_000;
      while ((await scanProgress(x)) === 0) {
        assert.ok(Date.now() < deadline, 'the scan never showed progress');
        await new Promise((r) => setTimeout(r, 10));
      }
      await vscode.commands.executeCommand('vodImages.cancelScan');
      assert.equal(await scanning, undefined, 'a cancelled scan returns no summary');
      await x.settled();
      const messages = (await children(x, await workspaceSection(x))).filter((n) => n.kind === 'message').map((n) => n.key);
      assert.deepEqual(messages, ['workspace/message/cancelled']);
      const partial = (await occurrences(x, OTHER_ID)).length;
      assert.ok(partial > 0 && partial < BULK_FILES, `the cancelled scan kept what it had read, and stopped part-way (${partial} of ${BULK_FILES} bulk files)`);

      // Removed while nothing watches them: only the next full scan can notice.
      await rm(folder.fsPath, { recursive: true, force: true });
      const summary = await vscode.commands.executeCommand<{ files: number } | undefined>('vodImages.scanWorkspace');
      assert.ok(summary && summary.files > 0, 'the next scan completes');
      await x.settled();
      assert.deepEqual(places(await occurrences(x, OTHER_ID)), [], 'files gone since are dropped by the completed scan');
      assert.deepEqual(
        (await children(x, await workspaceSection(x))).filter((n) => n.kind === 'message'),
        [],
        'no cancelled message once a scan completed',
      );
    } finally {
      await rm(folder.fsPath, { recursive: true, force: true });
      await files.update('watcherExclude', before, vscode.ConfigurationTarget.Global);
    }
  });
});

/**
 * The workspace scan in the real host: incremental updates through the file watcher (a new file
 * appears in This Workspace, an edit changes its refs, a deletion removes them, a burst of changes
 * is followed), the races between a scan reading and the watcher reporting (a file deleted while
 * its rescan reads it stays gone, a file created during a full scan is indexed), and cancelling a
 * full scan part-way. Every file is created in a folder of its own in the workspace (a copy of the
 * demo workspace made by the runner) and removed afterwards.
 *
 * The untrusted-workspace path has its own host suite, test/integration-untrusted/explorerUntrusted.test.ts,
 * run by `run-integration.ts --untrusted` with workspace trust on and the folder untrusted; the
 * decision logic is unit-tested in test/unit/uiExplorerScanTrigger.test.ts.
 */
import * as assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerTestApi } from '../../src/ui/explorer';
import type { ExplorerNode, ImageNode, OccurrenceNode, SectionNode } from '../../src/ui/explorer/nodes';
import { imageIdFor } from '../emulator/fixtures';
import { withTimeout } from '../host/lib/processes';
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

/** Waits until late file-watcher events for earlier writes have been handled too. */
async function quiet(x: ExplorerTestApi): Promise<void> {
  await x.settled();
  await new Promise((r) => setTimeout(r, 1000));
  await x.settled();
}

/**
 * Writes BULK_FILES files mentioning OTHER_ID into a new folder the file watcher ignores (thousands
 * of incremental updates are not what the bulk tests are about; full scans list them anyway), runs
 * `body`, then removes the folder and restores the watcher setting.
 */
async function withBulkFolder(name: string, body: (folder: vscode.Uri) => Promise<void>): Promise<void> {
  const folder = scratchFolder(name);
  // These tests are about a scan caught part-way; ripgrep reads 3,000 files before the test can look,
  // so they use the built-in scanner (explorerRipgrep.test.ts covers the ripgrep path).
  const x = await explorer();
  x.scan.useRipgrep = false;
  const files = vscode.workspace.getConfiguration('files');
  const before = files.inspect<Record<string, boolean>>('watcherExclude')?.globalValue;
  await files.update('watcherExclude', { ...before, [`**/${path.basename(folder.fsPath)}/**`]: true }, vscode.ConfigurationTarget.Global);
  try {
    await mkdir(folder.fsPath, { recursive: true });
    for (let i = 0; i < BULK_FILES; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, BULK_FILES - i) }, (_, k) => writeFile(path.join(folder.fsPath, `f${i + k}.txt`), `image ${OTHER_ID}\n`)),
      );
    }
    await body(folder);
  } finally {
    await rm(folder.fsPath, { recursive: true, force: true });
    await files.update('watcherExclude', before, vscode.ConfigurationTarget.Global);
    x.scan.useRipgrep = true;
  }
}

/** Resolves once a running full scan has listed the workspace and read some files. */
async function scanReading(x: ExplorerTestApi): Promise<void> {
  // Polled directly, not through `until`, whose settled() would wait for the scan to finish.
  const deadline = Date.now() + 20_000;
  while ((await scanProgress(x)) === 0) {
    assert.ok(Date.now() < deadline, 'the scan never showed progress');
    await new Promise((r) => setTimeout(r, 10));
  }
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

  it('a file deleted while its rescan is reading stays gone', async () => {
    const x = await explorer();
    const folder = scratchFolder('scan-race');
    created.push(folder);
    const witness = vscode.Uri.joinPath(folder, 'witness.md');
    await write(witness, `witness ${OTHER_ID}\n`);
    await until(x, 'the witness file is indexed', async () => (await occurrences(x, OTHER_ID)).length === 1);
    await quiet(x);

    // Hold the next rescan between reading its files and applying what it read.
    let reached: () => void = () => undefined;
    let release: () => void = () => undefined;
    const atGate = new Promise<void>((r) => (reached = r));
    const gate = new Promise<void>((r) => (release = r));
    x.scan.beforeResultsLand = async () => {
      reached();
      await gate;
    };
    try {
      await write(vscode.Uri.joinPath(folder, 'race.md'), `race ${NEW_ID}\n`);
      await withTimeout(atGate, 15_000, 'the rescan reading the new file');
      // Deleted after the rescan read it: the folder's deletion, seen by the watcher, takes the witness out at once.
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      const deadline = Date.now() + 15_000;
      while ((await occurrences(x, OTHER_ID)).length > 0) {
        assert.ok(Date.now() < deadline, 'the watcher never reported the deletion');
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 300)); // the rest of the watcher's batch
    } finally {
      release();
      x.scan.beforeResultsLand = undefined;
    }
    await quiet(x);
    assert.deepEqual(places(await occurrences(x, NEW_ID)), [], 'the rescan put the deleted file back');
  });

  it('follows a burst of changes (hundreds of files at once) and their removal', async () => {
    const x = await explorer();
    const folder = scratchFolder('scan-burst');
    created.push(folder);
    await mkdir(folder.fsPath, { recursive: true });
    const count = 300;
    await Promise.all(Array.from({ length: count }, (_, i) => writeFile(path.join(folder.fsPath, `b${i}.txt`), `burst ${OTHER_ID}\n`)));
    await until(x, `all ${count} files are indexed`, async () => (await occurrences(x, OTHER_ID)).length === count, 30_000);
    await quiet(x);
    await rm(folder.fsPath, { recursive: true, force: true });
    await until(x, 'the removal empties the ID', async () => (await occurrences(x, OTHER_ID)).length === 0, 30_000);
  });

  it('after a burst of over 1,000 file events, a full scan finds a change the file watcher never reported', async () => {
    const x = await explorer();
    const hidden = scratchFolder('scan-unwatched');
    const burst = scratchFolder('scan-burst-big');
    created.push(hidden, burst);
    const files = vscode.workspace.getConfiguration('files');
    const before = files.inspect<Record<string, boolean>>('watcherExclude')?.workspaceValue;
    // The watcher loses events when the OS queue overflows; here one folder is simply not watched.
    await files.update('watcherExclude', { ...before, [`**/${path.basename(hidden.fsPath)}/**`]: true }, vscode.ConfigurationTarget.Workspace);
    try {
      await new Promise((r) => setTimeout(r, 3000));
      await mkdir(hidden.fsPath, { recursive: true });
      await writeFile(path.join(hidden.fsPath, 'missed.md'), `missed ${NEW_ID}\n`);
      await quiet(x);
      assert.deepEqual(places(await occurrences(x, NEW_ID)), [], 'the watcher did not report the unwatched file');
      await mkdir(burst.fsPath, { recursive: true });
      await Promise.all(Array.from({ length: 1100 }, (_, i) => writeFile(path.join(burst.fsPath, `f${i}.txt`), `burst ${OTHER_ID}\n`)));
      await until(x, 'the full scan after the burst finds the missed file', async () => (await occurrences(x, NEW_ID)).length === 1, 60_000);
    } finally {
      await files.update('watcherExclude', before, vscode.ConfigurationTarget.Workspace);
      await rm(burst.fsPath, { recursive: true, force: true });
      await rm(hidden.fsPath, { recursive: true, force: true });
      await vscode.commands.executeCommand('vodImages.scanWorkspace');
      await quiet(x);
    }
    assert.equal((await occurrences(x, OTHER_ID)).length, 0, 'the burst folder is gone again');
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

  it('indexes a file created while a full scan runs (after it listed the workspace)', async () => {
    const x = await explorer();
    const folder = scratchFolder('scan-during');
    created.push(folder);
    await withBulkFolder('scan-during-bulk', async () => {
      const scanning = vscode.commands.executeCommand<{ files: number } | undefined>('vodImages.scanWorkspace');
      await scanReading(x);
      await write(vscode.Uri.joinPath(folder, 'late.md'), `late ${NEW_ID}\n`);
      const summary = await scanning;
      assert.ok(summary && summary.files > 0, 'the scan completes');
      await until(x, 'the file created during the scan is indexed', async () => (await occurrences(x, NEW_ID)).length === 1);
    });
    // The bulk folder went behind the watcher's back: a full scan drops it.
    await vscode.commands.executeCommand('vodImages.scanWorkspace');
    await x.settled();
    assert.equal((await occurrences(x, OTHER_ID)).length, 0);
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    await until(x, 'its deletion removes it again', async () => (await occurrences(x, NEW_ID)).length === 0);
  });

  it('cancels a full scan part-way, and a later scan completes the index', async () => {
    const x = await explorer();
    await withBulkFolder('scan-bulk', async (folder) => {
      const scanning = vscode.commands.executeCommand<unknown>('vodImages.scanWorkspace');
      // Cancel once the scan reports files read (its progress message in This Workspace).
      await scanReading(x);
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
    });
  });
});

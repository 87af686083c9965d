/**
 * The full workspace scan through the editor's own ripgrep (code-server ships one under
 * `vscode.env.appRoot`), in the real host: it finds exactly what the built-in scanner finds (IDs,
 * files, lines, columns), honours `vodImages.scan.exclude` and `vodImages.scan.maxFileSize`, and the
 * built-in scanner takes over when the ID pattern cannot be handed to ripgrep.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerTestApi } from '../../src/ui/explorer';
import { imageIdFor } from '../emulator/fixtures';
import { explorer } from './explorerApi';

const NEW_ID = imageIdFor('ordinary-4');
const OTHER_ID = imageIdFor('ordinary-10');

/** Every ID with its occurrences as `file:line:character`, sorted: what This Workspace is built from. */
function snapshot(x: ExplorerTestApi): Record<string, string[]> {
  const index = x.scan.index;
  return Object.fromEntries(
    [...index.ids()].sort().map((id) => [id, index.occurrencesOf(id).map((o) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(o.file, true), false)}:${o.line}:${o.character}`).sort()]),
  );
}

async function fullScan(x: ExplorerTestApi): Promise<void> {
  const summary = await vscode.commands.executeCommand<{ files: number } | undefined>('vodImages.scanWorkspace');
  assert.ok(summary, 'the scan completed');
  await x.settled();
}

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the host opened no workspace folder');
  return folder.uri;
}

describe('explorer: scan through the editor ripgrep', function () {
  this.timeout(120_000);
  const scratch = vscode.Uri.joinPath(root(), `scan-rg-${process.pid}-${Date.now().toString(36)}`);
  const name = vscode.workspace.asRelativePath(scratch, false);

  before(async () => {
    await vscode.commands.executeCommand('vodImages.explorer.focus');
    const write = (file: string, text: string): Thenable<void> => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(scratch, file), new TextEncoder().encode(text));
    await write('kept.md', `# kept\n\n  中文${NEW_ID}。 and ${OTHER_ID.toUpperCase()}\r\n`);
    await write('excluded/skip.txt', `${OTHER_ID}\n`);
    await write('big.log', `${NEW_ID}\n${'x'.repeat(4000)}\n`);
    await write('mac.txt', `old\rline ${NEW_ID}\n`);
  });

  after(async () => {
    const config = vscode.workspace.getConfiguration('vodImages');
    for (const key of ['scan.exclude', 'scan.maxFileSize']) await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('idPattern', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(scratch, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    const x = await explorer();
    x.scan.useRipgrep = true;
    await fullScan(x);
  });

  it('finds the same IDs at the same places as the built-in scanner', async () => {
    const x = await explorer();
    x.scan.useRipgrep = true;
    await fullScan(x);
    assert.equal(x.scan.lastEngine, 'ripgrep', 'the editor ships ripgrep, so the scan used it');
    const viaRipgrep = snapshot(x);
    assert.deepEqual(viaRipgrep[NEW_ID]?.filter((p) => p.startsWith(name)), [`${name}/big.log:0:0`, `${name}/kept.md:2:4`, `${name}/mac.txt:1:5`]);

    x.scan.useRipgrep = false;
    try {
      await fullScan(x);
    } finally {
      x.scan.useRipgrep = true;
    }
    assert.equal(x.scan.lastEngine, 'builtin');
    assert.deepEqual(snapshot(x), viaRipgrep);
  });

  it('honours vodImages.scan.exclude and vodImages.scan.maxFileSize', async () => {
    const x = await explorer();
    const config = vscode.workspace.getConfiguration('vodImages');
    await config.update('scan.exclude', [`${name}/excluded/**`], vscode.ConfigurationTarget.Workspace);
    await config.update('scan.maxFileSize', 1000, vscode.ConfigurationTarget.Workspace);
    await fullScan(x);
    assert.equal(x.scan.lastEngine, 'ripgrep');
    const files = (id: string): string[] => snapshot(x)[id]?.filter((p) => p.startsWith(name)).map((p) => p.split(':')[0]!) ?? [];
    assert.deepEqual(files(NEW_ID), [`${name}/kept.md`, `${name}/mac.txt`], 'big.log is over the size limit');
    assert.deepEqual(files(OTHER_ID.toUpperCase()), [`${name}/kept.md`]);
    assert.deepEqual(files(OTHER_ID), [], 'the excluded folder is not read');

    await config.update('scan.exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('scan.maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    await fullScan(x);
    assert.deepEqual(files(OTHER_ID), [`${name}/excluded/skip.txt`]);
  });

  it('rescans a changed file with the full scan\'s rules, through ripgrep or else findFiles: an excluded folder\'s file stays out', async () => {
    const x = await explorer();
    const files = (id: string): string[] => snapshot(x)[id]?.filter((p) => p.startsWith(name)).map((p) => p.split(':')[0]!) ?? [];
    const config = vscode.workspace.getConfiguration('vodImages');
    await config.update('scan.exclude', ['**/generated'], vscode.ConfigurationTarget.Workspace);
    try {
      for (const engine of ['ripgrep', 'builtin'] as const) {
        x.scan.useRipgrep = engine === 'ripgrep';
        const folder = `changed-${engine}`;
        const write = (file: string, text: string): Thenable<void> => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(scratch, folder, file), new TextEncoder().encode(text));
        const saveWith = async (file: string, text: string): Promise<void> => {
          const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(scratch, folder, file));
          const edit = new vscode.WorkspaceEdit();
          edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
          assert.ok(await vscode.workspace.applyEdit(edit));
          assert.ok(await document.save(), `${file} saved`);
        };
        // The folders exist before the scan, so the watcher reports the files' changes, not new folders.
        await write('src/generated/out.ts', 'export {};\n');
        await write('src/cover.ts', 'export {};\n');
        await fullScan(x);
        assert.equal(x.scan.lastEngine, engine);
        // Saved through the editor: a save queues a rescan whether or not the file watcher has caught up
        // with folders created a moment ago. Rescans run in order: once cover.ts, saved later, is
        // indexed, out.ts was rescanned.
        await saveWith('src/generated/out.ts', `export const id = '${OTHER_ID}';\n`);
        await saveWith('src/cover.ts', `export const cover = '${OTHER_ID}';\n`);
        const started = Date.now();
        while (!files(OTHER_ID).includes(`${name}/${folder}/src/cover.ts`)) {
          assert.ok(Date.now() - started < 15_000, `${engine}: the edited file was never indexed`);
          await new Promise((r) => setTimeout(r, 50));
        }
        await x.settled();
        assert.equal(x.scan.lastRescanEngine, engine);
        // ripgrep, handed the folder src/generated, would read out.ts: the folder itself is excluded.
        assert.deepEqual(files(OTHER_ID).filter((f) => f.includes(folder)), [`${name}/${folder}/src/cover.ts`], `${engine}: the excluded folder stays out`);
      }
    } finally {
      x.scan.useRipgrep = true;
      await config.update('scan.exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('reads a changed folder again whole, and announces only the IDs that changed', async () => {
    const x = await explorer();
    const folder = vscode.Uri.joinPath(scratch, 'refreshed');
    const write = (file: string, text: string): Thenable<void> => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, file), new TextEncoder().encode(text));
    const THIRD_ID = imageIdFor('ordinary-11');
    await write('a.ts', `export const a = '${NEW_ID}';\n`);
    await write('deep/b.ts', `export const b = '${OTHER_ID}';\n`);
    await fullScan(x);
    assert.equal(x.scan.lastEngine, 'ripgrep');
    const announced = new Set<string>();
    const listening = x.scan.index.onDidChange((change) => change.ids.forEach((id) => announced.add(id)));
    let landed = 0;
    x.scan.beforeResultsLand = async () => void (landed += 1);
    try {
      // The watcher reports a folder changed when, say, a branch switch replaced it: nothing in it did.
      x.scan.enqueue(folder);
      await x.settled();
      assert.ok(landed >= 1, 'the folder was rescanned');
      assert.equal(x.scan.lastRescanEngine, 'ripgrep');
      assert.deepEqual([...announced], [], 'no ID changed, none announced');
      assert.deepEqual(snapshot(x)[OTHER_ID]?.filter((p) => p.includes('refreshed')), [`${name}/refreshed/deep/b.ts:0:18`]);

      // Now one file changes and one goes: only their IDs are announced.
      await write('deep/b.ts', `export const b = '${THIRD_ID}';\n`);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'a.ts'));
      await x.settled();
      announced.clear();
      x.scan.enqueue(folder);
      await x.settled();
      const inFolder = (id: string): string[] => snapshot(x)[id]?.filter((p) => p.includes('refreshed')) ?? [];
      // The watcher may still report the delete (or the folder itself) after that rescan began: such a
      // path is stale for it, and a later rescan settles it.
      const started = Date.now();
      while (inFolder(NEW_ID).length > 0 || inFolder(THIRD_ID).length === 0) {
        assert.ok(Date.now() - started < 15_000, `the folder's changes never landed: ${JSON.stringify([inFolder(NEW_ID), inFolder(THIRD_ID)])}`);
        await new Promise((r) => setTimeout(r, 50));
        await x.settled();
      }
      assert.deepEqual(inFolder(THIRD_ID), [`${name}/refreshed/deep/b.ts:0:18`]);
      assert.deepEqual(inFolder(NEW_ID), [], 'the deleted file left');
      assert.deepEqual(inFolder(OTHER_ID), []);
      for (const id of announced) assert.ok([NEW_ID, OTHER_ID, THIRD_ID].includes(id), `${id} announced, though it did not change`);
    } finally {
      listening.dispose();
      x.scan.beforeResultsLand = undefined;
    }
  });

  it('falls back to the built-in scanner for an ID pattern ripgrep cannot take', async () => {
    const x = await explorer();
    await fullScan(x);
    const before = snapshot(x);
    // The same IDs as the default, written with an escape inside a class: kept from ripgrep.
    await vscode.workspace.getConfiguration('vodImages').update('idPattern', '[\\da-f]{32}', vscode.ConfigurationTarget.Global);
    try {
      await fullScan(x);
      assert.equal(x.scan.lastEngine, 'builtin');
      assert.deepEqual(snapshot(x), before);
    } finally {
      await vscode.workspace.getConfiguration('vodImages').update('idPattern', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

/**
 * This Workspace in a real host with a workspace file whose second folder, packages/app, is nested in
 * the first (run-integration.ts --multi-root; the file sets `vodImages.scan.exclude` to `gen/**`,
 * which is relative to each folder; the package's own .vscode/settings.json adds `search.exclude` for
 * its dist/ and sets its own `vodImages.scan.exclude`, gen/ and snap/). A file belongs to its innermost folder, as the editor itself says (`getWorkspaceFolder`),
 * and follows that folder's rules, its own folder settings included, in the full scan and in rescans
 * alike, read once, with both the editor's ripgrep and the built-in scanner (findFiles).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { imageIdFor } from '../emulator/fixtures';
import { explorer } from '../integration/explorerApi';

const EXCLUDED_ID = imageIdFor('ordinary-4');
const KEPT_ID = imageIdFor('ordinary-10');
const ROOT_GEN_ID = imageIdFor('ordinary-11');
const APP_DIST_ID = imageIdFor('ordinary-12');
const ROOT_DIST_ID = imageIdFor('ordinary-13');
const APP_SNAP_ID = imageIdFor('ordinary-14');
const ROOT_SNAP_ID = imageIdFor('ordinary-15');

function folders(): { demo: vscode.WorkspaceFolder; app: vscode.WorkspaceFolder } {
  const [demo, app] = vscode.workspace.workspaceFolders ?? [];
  assert.ok(demo && app, 'the host opened the workspace file with its two folders');
  return { demo, app };
}

const write = (uri: vscode.Uri, text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

describe('explorer: a workspace folder nested in another', function () {
  this.timeout(120_000);
  const { demo, app } = folders();
  const excluded = vscode.Uri.joinPath(app.uri, 'gen', 'ids.ts');
  const kept = vscode.Uri.joinPath(app.uri, 'src', 'a.ts');
  const appDist = vscode.Uri.joinPath(app.uri, 'dist', 'bundle.js');
  const rootDist = vscode.Uri.joinPath(demo.uri, 'dist', 'bundle.js');
  const appSnap = vscode.Uri.joinPath(app.uri, 'snap', 'ids.json');
  const rootSnap = vscode.Uri.joinPath(demo.uri, 'snap', 'ids.json');

  before(async () => {
    assert.equal(vscode.workspace.getWorkspaceFolder(kept)?.uri.toString(), app.uri.toString(), 'the editor gives a file to its innermost folder');
    await vscode.commands.executeCommand('vodImages.explorer.focus');
    await write(excluded, `export const id = '${EXCLUDED_ID}';\n`);
    await write(kept, `export const id = '${KEPT_ID}';\n`);
    // gen/ at the demo's top level: excluded for the demo, as before.
    await write(vscode.Uri.joinPath(demo.uri, 'gen', 'root.ts'), `export const id = '${ROOT_GEN_ID}';\n`);
    // dist/ is excluded by the package's own settings only.
    await write(appDist, `var id="${APP_DIST_ID}";\n`);
    await write(rootDist, `var id="${ROOT_DIST_ID}";\n`);
    // snap/ is excluded by the package's own vodImages.scan.exclude only.
    await write(appSnap, `["${APP_SNAP_ID}"]\n`);
    await write(rootSnap, `["${ROOT_SNAP_ID}"]\n`);
  });

  for (const engine of ['ripgrep', 'builtin'] as const) {
    it(`[${engine}] follows the rules of the folder a file belongs to, in the full scan and in rescans, and reads it once`, async () => {
      const x = await explorer();
      x.scan.useRipgrep = engine === 'ripgrep';
      try {
        const files = (id: string): string[] => x.scan.index.occurrencesOf(id).map((o) => vscode.Uri.parse(o.file, true).toString());
        const check = (when: string): void => {
          assert.deepEqual(files(EXCLUDED_ID), [], `${when}: packages/app/gen is excluded for the package it belongs to`);
          assert.deepEqual(files(ROOT_GEN_ID), [], `${when}: gen/ of the demo stays excluded`);
          assert.deepEqual(files(KEPT_ID), [kept.toString()], `${when}: a file of both folders is read once`);
          assert.deepEqual(files(APP_DIST_ID), [], `${when}: the package's own search.exclude applies to its files`);
          assert.deepEqual(files(ROOT_DIST_ID), [rootDist.toString()], `${when}: and not to the demo's`);
          assert.deepEqual(files(APP_SNAP_ID), [], `${when}: the package's own vodImages.scan.exclude applies to its files`);
          assert.deepEqual(files(ROOT_SNAP_ID), [rootSnap.toString()], `${when}: and not to the demo's`);
        };
        const summary = await vscode.commands.executeCommand<{ files: number } | undefined>('vodImages.scanWorkspace');
        assert.ok(summary, 'the scan completed');
        await x.settled();
        assert.equal(x.scan.lastEngine, engine);
        check('full scan');

        let landed = 0;
        x.scan.beforeResultsLand = async () => void (landed += 1);
        // Saved unchanged (the watcher reports both files), then packages/ replaced whole (a branch switch).
        x.scan.enqueue(excluded);
        x.scan.enqueue(kept);
        x.scan.enqueue(appDist);
        x.scan.enqueue(rootDist);
        x.scan.enqueue(appSnap);
        x.scan.enqueue(rootSnap);
        await x.settled();
        check('files rescanned');
        x.scan.enqueue(vscode.Uri.joinPath(demo.uri, 'packages'));
        await x.settled();
        assert.ok(landed >= 1, 'the rescans ran');
        assert.equal(x.scan.lastRescanEngine, engine);
        check('folder rescanned');
      } finally {
        x.scan.beforeResultsLand = undefined;
        x.scan.useRipgrep = true;
      }
    });
  }

  it("scans again when a folder's own vodImages.scan.exclude changes, and applies the new value to that folder only", async () => {
    const x = await explorer();
    const files = (id: string): string[] => x.scan.index.occurrencesOf(id).map((o) => vscode.Uri.parse(o.file, true).toString());
    const until = async (what: string, ok: () => boolean): Promise<void> => {
      for (const end = Date.now() + 20_000; !ok(); await new Promise((r) => setTimeout(r, 100))) {
        if (Date.now() > end) assert.fail(`no scan after the folder's setting changed: ${what}`);
      }
      await x.settled();
    };
    await vscode.commands.executeCommand('vodImages.scanWorkspace');
    await x.settled();
    assert.deepEqual(files(APP_SNAP_ID), []);
    const config = vscode.workspace.getConfiguration('vodImages', app.uri);
    const before = config.inspect<string[]>('scan.exclude')?.workspaceFolderValue;
    assert.deepEqual(before, ['gen/**', 'snap/**'], "the package's own value, as its .vscode/settings.json has it");
    // Written to the folder's settings: the editor refuses this for a setting that is not resource-scoped.
    await config.update('scan.exclude', ['gen/**'], vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      await until('packages/app/snap is read now', () => files(APP_SNAP_ID).length === 1);
      assert.deepEqual(files(APP_SNAP_ID), [appSnap.toString()]);
      assert.deepEqual(files(EXCLUDED_ID), [], 'gen/ stays excluded for the package');
      assert.deepEqual(files(ROOT_GEN_ID), [], "and for the demo, by the workspace's value");
    } finally {
      await config.update('scan.exclude', before, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await until('packages/app/snap is excluded again', () => files(APP_SNAP_ID).length === 0);
    assert.deepEqual(files(ROOT_SNAP_ID), [rootSnap.toString()]);
  });
});

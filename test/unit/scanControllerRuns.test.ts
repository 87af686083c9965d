/**
 * ScanController's full scans and rescans over a real folder, driven in plain Node through a stand-in
 * `vscode` (support/fakeVscode.ts) so that races can be staged exactly: a settings change while a scan
 * runs, a full scan after the index reached its bound, a rescan of an unchanged file.
 */
import { appRootWithRipgrep, fake, folder, Uri } from './support/fakeVscode';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ScanController } from '../../src/ui/explorer/scanController';
import { MAX_INDEX_IDS } from '../../src/vod/scan/workspaceIndex';

const A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const hexId = (n: number): string => n.toString(16).padStart(32, '0');

interface Settings {
  idPattern: string;
  scanInclude: string[];
  scanExclude: string[];
  scanMaxFileSize: number;
}

function write(root: string, relative: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), text);
}

describe('ui/explorer ScanController: full scans and rescans over a real folder', function () {
  this.timeout(30_000);
  const appRoot = appRootWithRipgrep();
  let root: string;
  let settings: Settings;
  let controller: ScanController | undefined;

  const start = (): ScanController => {
    const log = { debug() {}, info() {}, warn() {}, error() {}, trace() {} };
    controller = new ScanController({ settings: () => settings, log } as never);
    return controller;
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'vod-scan-runs-'));
    settings = { idPattern: '[0-9a-f]{32}', scanInclude: ['**/*'], scanExclude: [], scanMaxFileSize: 1024 * 1024 };
    fake.folders = [folder(root)];
    fake.appRoot = appRoot;
    fake.watchers = [];
    fake.beforeRead = undefined;
    fake.config.files.exclude = {};
    fake.config.search.exclude = {};
    fake.folderConfig.clear();
    fake.workspaceFile = undefined;
    fake.warnings = [];
  });
  afterEach(() => {
    controller?.dispose();
    controller = undefined;
    rmSync(root, { recursive: true, force: true });
  });
  after(() => {
    if (appRoot) rmSync(appRoot, { recursive: true, force: true });
  });

  it('follows a deleted file (the stand-in editor works)', async function () {
    if (!appRoot) this.skip();
    write(root, 'a.md', `${A}\n`);
    const scans = start();
    await scans.scan();
    assert.equal(scans.index.has(A), true);
    rmSync(path.join(root, 'a.md'));
    fake.watchers[0]!.delete.fire(Uri.file(path.join(root, 'a.md')));
    await scans.settled();
    assert.equal(scans.index.has(A), false);
  });

  for (const engine of ['ripgrep', 'builtin'] as const) {
    it(`[${engine}] after the excludes are narrowed, as the "IDs left out" notice advises, the next full scan indexes the IDs that now fit`, async function () {
      if (engine === 'ripgrep' && !appRoot) this.skip();
      // A fixtures folder full of MD5-like strings fills the index to its bound.
      write(root, 'fixtures/hashes.txt', `${Array.from({ length: MAX_INDEX_IDS }, (_, i) => hexId(i + 1)).join('\n')}\n`);
      const scans = start();
      scans.useRipgrep = engine === 'ripgrep';
      await scans.scan();
      assert.equal(scans.index.idCount, MAX_INDEX_IDS);
      assert.equal(scans.index.limitReached, false, 'exactly at the bound: nothing left out yet');
      write(root, 'src/app.ts', `const image = '${A}';\n`);
      // The new file arrives first: now IDs are left out.
      await scans.scan();
      assert.equal(scans.index.limitReached, true);
      settings.scanExclude = ['fixtures/**'];
      await scans.scan();
      await scans.settled();
      assert.equal(scans.lastEngine, engine);
      assert.deepEqual(scans.index.ids(), [A]);
      assert.equal(scans.index.limitReached, false);
    });
  }

  for (const engine of ['ripgrep', 'builtin'] as const) {
    it(`[${engine}] when the excludes are swapped, files the new rules drop do not hold the bound against the IDs the new rules bring in`, async function () {
      if (engine === 'ripgrep' && !appRoot) this.skip();
      // Near the bound with old/ scanned; then old/ is excluded and new/ included instead. Until the scan's
      // sweep at its end, old/'s IDs are still indexed: new/'s IDs must not be left out for them.
      write(root, 'old/hashes.txt', `${Array.from({ length: MAX_INDEX_IDS - 10 }, (_, i) => hexId(i + 1)).join('\n')}\n`);
      const fresh = Array.from({ length: 100 }, (_, i) => hexId(10_000_000 + i));
      write(root, 'new/more.txt', `${fresh.join('\n')}\n`);
      settings.scanExclude = ['new/**'];
      const scans = start();
      scans.useRipgrep = engine === 'ripgrep';
      await scans.scan();
      assert.equal(scans.index.idCount, MAX_INDEX_IDS - 10);
      assert.equal(scans.index.limitReached, false);
      settings.scanExclude = ['old/**'];
      await scans.scan();
      await scans.settled();
      assert.equal(scans.lastEngine, engine);
      assert.deepEqual(scans.index.ids().sort(), [...fresh].sort());
      assert.equal(scans.index.limitReached, false, 'nothing was left out in the end');
    });
  }

  it('a full scan restarted by a settings change keeps nothing the cancelled one read under the old settings', async () => {
    write(root, 'fixtures/x.md', `${A}\n`);
    write(root, 'src/a.md', `${B}\n`);
    const scans = start();
    scans.useRipgrep = false;
    // The first scan has read fixtures/x.md (not yet folded in) and waits on src/a.md when the settings change.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    let fixtureRead!: () => void;
    const fixtureWasRead = new Promise<void>((resolve) => (fixtureRead = resolve));
    fake.beforeRead = async (uri) => {
      if (uri.endsWith('/fixtures/x.md')) fixtureRead();
      if (uri.endsWith('/src/a.md') && !held) {
        held = true;
        await gate;
      }
    };
    const first = scans.scan();
    await fixtureWasRead;
    await new Promise((resolve) => setTimeout(resolve, 20));
    settings.scanExclude = ['fixtures/**'];
    await scans.scan(); // what a settings change does
    release();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the cancelled scan's flush interval
    await scans.settled();
    assert.deepEqual(scans.index.ids(), [B]);
    assert.equal(scans.index.has(A), false, 'fixtures/x.md is excluded now');
  });

  it('follows changes after the user cancelled the first scan: a deleted file leaves what that scan kept', async () => {
    write(root, 'a.md', `${A}\n`);
    write(root, 'b.md', `${B}\n`);
    const scans = start();
    scans.useRipgrep = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.beforeRead = async (uri) => {
      if (uri.endsWith('/b.md')) await gate;
    };
    const first = scans.scan();
    await new Promise((resolve) => setTimeout(resolve, 400)); // a.md read and folded in
    assert.equal(scans.index.has(A), true);
    scans.cancel();
    release();
    await first;
    assert.equal(scans.state.kind, 'cancelled');
    rmSync(path.join(root, 'a.md'));
    for (const watcher of fake.watchers) watcher.delete.fire(Uri.file(path.join(root, 'a.md')));
    await scans.settled();
    assert.equal(fake.watchers.length, 1, 'one watcher');
    assert.equal(scans.index.has(A), false);
  });

  for (const engine of ['ripgrep', 'builtin'] as const) {
    it(`[${engine}] a rescan whose results land after a settings change restarted the full scan does not bring back a now-excluded file`, async function () {
      if (engine === 'ripgrep' && !appRoot) this.skip();
      write(root, 'src/a.md', `${B}\n`);
      const scans = start();
      scans.useRipgrep = engine === 'ripgrep';
      await scans.scan();
      // A file is created in gen/; its rescan has read it when the user excludes gen/ (a full scan starts).
      write(root, 'gen/new.md', `${A}\n`);
      let fullScan: Promise<unknown> | undefined;
      scans.beforeResultsLand = async () => {
        scans.beforeResultsLand = undefined;
        settings.scanExclude = ['gen/**'];
        fullScan = scans.scan();
        await fullScan;
      };
      fake.watchers[0]!.create.fire(Uri.file(path.join(root, 'gen', 'new.md')));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await scans.settled();
      await fullScan;
      assert.ok(fullScan, 'the rescan ran');
      assert.equal(scans.lastRescanEngine, engine);
      assert.equal(scans.index.has(A), false);
      assert.equal(scans.index.has(B), true);
    });
  }

  for (const engine of ['ripgrep', 'builtin'] as const) {
    it(`[${engine}] nested workspace folders: a file follows its innermost folder's rules, in the full scan and in rescans alike, and is read once`, async function () {
      if (engine === 'ripgrep' && !appRoot) this.skip();
      // The repository root and one of its packages are both workspace folders. `gen/**` is relative to
      // the folder: it excludes packages/app/gen/ for the package (its innermost folder), not for the root.
      const app = path.join(root, 'packages', 'app');
      fake.folders = [folder(root, 0), folder(app, 1)];
      settings.scanExclude = ['gen/**'];
      write(app, 'gen/ids.ts', `${A}\n`);
      write(app, 'src/a.ts', `${B}\n`);
      const scans = start();
      scans.useRipgrep = engine === 'ripgrep';
      await scans.scan();
      assert.equal(scans.lastEngine, engine);
      assert.equal(scans.index.has(A), false, 'packages/app/gen is excluded for the folder it belongs to');
      assert.equal(scans.index.occurrencesOf(B).length, 1, 'a file in both folders is read once');
      // The file is saved unchanged: its rescan must agree with the full scan.
      fake.watchers[0]!.change.fire(Uri.file(path.join(app, 'gen', 'ids.ts')));
      fake.watchers[0]!.change.fire(Uri.file(path.join(app, 'src', 'a.ts')));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await scans.settled();
      assert.equal(scans.index.has(A), false);
      assert.equal(scans.index.occurrencesOf(B).length, 1);
      // packages/ is replaced whole (a branch switch): read again as a folder of the root, it holds the package.
      fake.watchers[0]!.create.fire(Uri.file(path.join(root, 'packages')));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await scans.settled();
      assert.equal(scans.lastRescanEngine, engine);
      assert.equal(scans.index.has(A), false);
      assert.equal(scans.index.occurrencesOf(B).length, 1);
    });
  }

  for (const engine of ['ripgrep', 'builtin'] as const) {
    it(`[${engine}] in a multi-root workspace each folder's own files.exclude and search.exclude apply to its files, in the full scan and in rescans`, async function () {
      if (engine === 'ripgrep' && !appRoot) this.skip();
      const web = path.join(root, 'web');
      const api = path.join(root, 'api');
      fake.folders = [folder(web, 0), folder(api, 1)];
      // Each repository's .vscode/settings.json hides its own build output; the workspace file hides nothing.
      fake.folderConfig.set(api, { search: { exclude: { 'dist/**': true } } });
      fake.folderConfig.set(web, { files: { exclude: { '**/out': true } } });
      write(web, 'dist/a.md', `${A}\n`);
      write(web, 'src/out/gen.md', `${hexId(7)}\n`);
      write(api, 'dist/b.md', `${B}\n`);
      write(api, 'src/out/c.md', `${hexId(8)}\n`);
      const scans = start();
      scans.useRipgrep = engine === 'ripgrep';
      await scans.scan();
      assert.equal(scans.lastEngine, engine);
      const expected = [A, hexId(8)].sort();
      assert.deepEqual(scans.index.ids().sort(), expected);
      for (const file of [path.join(web, 'dist', 'a.md'), path.join(web, 'src', 'out', 'gen.md'), path.join(api, 'dist', 'b.md'), path.join(api, 'src', 'out', 'c.md')]) {
        fake.watchers[0]!.change.fire(Uri.file(file));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      await scans.settled();
      assert.equal(scans.lastRescanEngine, engine);
      assert.deepEqual(scans.index.ids().sort(), expected);
    });
  }

  for (const engine of ['ripgrep', 'builtin'] as const) {
    it(`[${engine}] in a multi-root workspace a folder's own vodImages.scan.include/exclude replace the workspace's for its files; an invalid one is reported once`, async function () {
      if (engine === 'ripgrep' && !appRoot) this.skip();
      const web = path.join(root, 'web');
      const api = path.join(root, 'api');
      fake.folders = [folder(web, 0), folder(api, 1)];
      fake.workspaceFile = Uri.file(path.join(root, 'both.code-workspace'));
      // The workspace file excludes gen/; api's own settings exclude snap/ instead (an array replaces,
      // it does not add to, the workspace's); web's own include is not a list of globs.
      settings.scanExclude = ['gen/**'];
      fake.folderConfig.set(api, { vodImages: { 'scan.exclude': ['snap/**'] } });
      fake.folderConfig.set(web, { vodImages: { 'scan.include': 'src/**' } });
      write(web, 'snap/a.md', `${A}\n`);
      write(web, 'gen/x.md', `${hexId(7)}\n`);
      write(api, 'snap/b.md', `${B}\n`);
      write(api, 'gen/c.md', `${hexId(8)}\n`);
      const warned: string[] = [];
      controller = new ScanController({ settings: () => settings, log: { debug() {}, info() {}, warn: (m: string) => warned.push(m), error() {}, trace() {} } } as never);
      const scans = controller;
      scans.useRipgrep = engine === 'ripgrep';
      await scans.scan();
      assert.equal(scans.lastEngine, engine);
      const expected = [A, hexId(8)].sort();
      assert.deepEqual(scans.index.ids().sort(), expected);
      for (const file of [path.join(web, 'snap', 'a.md'), path.join(web, 'gen', 'x.md'), path.join(api, 'snap', 'b.md'), path.join(api, 'gen', 'c.md')]) {
        fake.watchers[0]!.change.fire(Uri.file(file));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      await scans.settled();
      assert.equal(scans.lastRescanEngine, engine);
      assert.deepEqual(scans.index.ids().sort(), expected);
      // Read by the scan and every rescan since, shown once.
      assert.deepEqual(fake.warnings, ['Setting vodImages.scan.include of folder web is invalid and was ignored: expected a value of type array']);
      assert.deepEqual(warned, fake.warnings);
    });
  }

  for (const engine of ['ripgrep', 'builtin'] as const) {
    it(`[${engine}] a rescan keeps to a folder's own vodImages.scan.include when the workspace's includes everything`, async function () {
      if (engine === 'ripgrep' && !appRoot) this.skip();
      const web = path.join(root, 'web');
      const api = path.join(root, 'api');
      fake.folders = [folder(web, 0), folder(api, 1)];
      fake.workspaceFile = Uri.file(path.join(root, 'both.code-workspace'));
      fake.folderConfig.set(web, { vodImages: { 'scan.include': ['src/**'] } });
      write(web, 'src/a.md', `${A}\n`);
      write(api, 'docs/b.md', `${B}\n`);
      const scans = start();
      scans.useRipgrep = engine === 'ripgrep';
      await scans.scan();
      assert.deepEqual(scans.index.ids().sort(), [A, B].sort());
      // A few changed files (asked about one by one, were there no include): one outside web's src/.
      write(web, 'notes/c.md', `${hexId(9)}\n`);
      write(api, 'notes/d.md', `${hexId(10)}\n`);
      fake.watchers[0]!.create.fire(Uri.file(path.join(web, 'notes', 'c.md')));
      fake.watchers[0]!.create.fire(Uri.file(path.join(api, 'notes', 'd.md')));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await scans.settled();
      assert.equal(scans.lastRescanEngine, engine);
      assert.deepEqual(scans.index.ids().sort(), [A, B, hexId(10)].sort());
    });
  }

  it('[ripgrep] a rescan of unchanged files announces no ID change, also for a file with a lone CR', async function () {
    if (!appRoot) this.skip();
    write(root, 'plain.md', `${B}\n`);
    write(root, 'mac.md', `title\rimage ${A}\n`);
    const scans = start();
    await scans.scan();
    assert.equal(scans.index.has(A), true);
    const announced: string[] = [];
    scans.index.onDidChange((change) => announced.push(...change.ids));
    // Both saved without a change: the watcher reports them changed.
    fake.watchers[0]!.change.fire(Uri.file(path.join(root, 'plain.md')));
    fake.watchers[0]!.change.fire(Uri.file(path.join(root, 'mac.md')));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await scans.settled();
    assert.equal(scans.lastRescanEngine, 'ripgrep');
    assert.equal(scans.index.has(A), true);
    assert.deepEqual(announced, []);
  });
});

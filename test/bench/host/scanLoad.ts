/**
 * A full workspace scan inside the real extension host, on the bench corpus (20,000 files, ~200 MB, or
 * the 200,000-file one of `--large`,
 * written into the workspace in a folder the file watcher ignores): how long it takes, which scanner
 * ran, the longest the host's event loop was blocked meanwhile (perf_hooks' delay histogram in the
 * host), and how far the host's heap rose. Then one file edited in a watched folder: the time until
 * the explorer's index holds its new ID, file watcher included. With `branchSwitch` (the `--large`
 * run), a branch switch after that: 10,000 files of a watched folder rewritten, deleted or created at
 * once, and the time until the index shows all of it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import { BINARY_FILE_COUNT, FILE_COUNT, generateCorpus } from '../corpus';

/** Fills `dir` with a corpus; says how many files and bytes. */
export type CorpusGenerator = (dir: string) => { readonly files: number; readonly bytes: number };

const benchCorpus: CorpusGenerator = (dir) => ({ files: FILE_COUNT + BINARY_FILE_COUNT, bytes: generateCorpus(dir).bytes });

const MB = 1024 * 1024;
const RESOLUTION_MS = 10;
const TIMEOUT_MS = 60_000;

export interface ScanLoadResult {
  readonly files: number;
  readonly megabytes: number;
  readonly engine: string;
  readonly scanMs: number;
  readonly ids: number;
  readonly maxLagMs: number;
  readonly heapPeakGrowthMb: number;
  readonly changeMs: number;
  /** Files touched by the branch switch, and the time until the index showed every change (large runs). */
  readonly branchSwitch?: { readonly files: number; readonly ms: number };
}

/** The branch switch: this many files touched, a tenth deleted and a tenth created, the rest rewritten. */
const BRANCH_FILES = 10_000;
const BRANCH_FOLDERS = 100;

function branchFile(dir: string, i: number): string {
  return path.join(dir, `pkg${i % BRANCH_FOLDERS}`, `file${i}.ts`);
}

/** The files of the branch before the switch (written before the scan, so the watcher has settled). */
function writeBranch(dir: string, id: string): void {
  for (let f = 0; f < BRANCH_FOLDERS; f++) mkdirSync(path.join(dir, `pkg${f}`), { recursive: true });
  for (let i = 0; i < BRANCH_FILES - BRANCH_FILES / 10; i++) writeFileSync(branchFile(dir, i), `export const cover = '${id}';\n`);
}

/**
 * The switch: of 10,000 files, 1,000 deleted, 1,000 created and 8,000 rewritten with IDs the index
 * already keeps (the --large corpus fills it); the time from the first write until the index holds
 * every new ID where it now is and nothing of the deleted files.
 */
async function measureBranchSwitch(index: WorkspaceIndexView, dir: string): Promise<{ files: number; ms: number }> {
  const ids = index.ids().slice(0, 500);
  const expected = new Map<string, string | undefined>();
  const started = performance.now();
  for (let i = 0; i < BRANCH_FILES; i++) {
    const file = branchFile(dir, i);
    const uri = vscode.Uri.file(file).toString();
    if (i < BRANCH_FILES / 10) {
      rmSync(file);
      expected.set(uri, undefined);
    } else {
      const id = ids[i % ids.length]!;
      writeFileSync(file, `export const cover = '${id}';\n`);
      expected.set(uri, id);
    }
    // A checkout writes for a while: let the host run in between, as it would.
    if (i % 500 === 499) await new Promise((r) => setImmediate(r));
  }
  const reflected = (): boolean => [...expected].every(([uri, id]) => (id === undefined ? !index.hasFile(uri) : index.idsInFile(uri)[0] === id));
  while (!reflected()) {
    if (performance.now() - started > TIMEOUT_MS) {
      const missing = [...expected].filter(([uri, id]) => (id === undefined ? index.hasFile(uri) : index.idsInFile(uri)[0] !== id));
      const some = missing.slice(0, 5).map(([uri, id]) => `${path.basename(uri)}: ${id ?? 'deleted'}, index ${JSON.stringify(index.idsInFile(uri))}`);
      throw new Error(`the branch switch was not reflected within ${TIMEOUT_MS} ms: ${missing.length} files differ (${some.join('; ')})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { files: BRANCH_FILES, ms: performance.now() - started };
}

type WorkspaceIndexView = Pick<NonNullable<ExtensionApi['explorer']>['scan']['index'], 'ids' | 'hasFile' | 'idsInFile'>;

type Profiler = { readonly start: string[]; readonly startParams: object[]; readonly stop: string };

/**
 * `VOD_BENCH_CPU_PROFILE=<file>`: a CPU profile of the host during the scan, to find what blocks it
 * (`VOD_BENCH_SWITCH_CPU_PROFILE`: during the branch switch).
 */
const CPU: Profiler = { start: ['Profiler.enable', 'Profiler.setSamplingInterval', 'Profiler.start'], startParams: [{}, { interval: 500 }, {}], stop: 'Profiler.stop' };

/**
 * `VOD_BENCH_HEAP_PROFILE=<file>`: a sampling heap profile of the host during the scan, counting what
 * garbage collection freed too, to find what the heap peak is made of.
 */
const HEAP: Profiler = {
  start: ['HeapProfiler.enable', 'HeapProfiler.startSampling'],
  startParams: [{}, { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true }],
  stop: 'HeapProfiler.stopSampling',
};

/** Starts a profiler of this process when `file` is set; the returned function stops it and writes the profile there. */
async function startProfile(file: string | undefined, profiler: Profiler = CPU): Promise<(() => Promise<void>) | undefined> {
  if (!file) return undefined;
  const inspector = await import('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  for (const [i, method] of profiler.start.entries()) await post(method, profiler.startParams[i]);
  return async () => {
    const { profile } = (await post(profiler.stop)) as { profile: unknown };
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  };
}

export async function measureScanLoad(
  api: ExtensionApi,
  collect: (() => void) | undefined,
  generate: CorpusGenerator = benchCorpus,
  branchSwitch = false,
): Promise<ScanLoadResult> {
  const explorer = api.explorer;
  const root = vscode.workspace.workspaceFolders?.[0];
  if (!explorer || !root) throw new Error('no explorer or no workspace folder in the bench host');
  const corpusDir = path.join(root.uri.fsPath, `load-${process.pid}`);
  const changeDir = path.join(root.uri.fsPath, `change-${process.pid}`);
  const branchDir = path.join(root.uri.fsPath, `branch-${process.pid}`);
  const files = vscode.workspace.getConfiguration('files');
  const before = files.inspect<Record<string, boolean>>('watcherExclude')?.globalValue;
  await files.update('watcherExclude', { ...before, [`**/${path.basename(corpusDir)}/**`]: true }, vscode.ConfigurationTarget.Global);
  try {
    const corpus = generate(corpusDir);
    if (branchSwitch) writeBranch(branchDir, 'c0ffee00c0ffee00c0ffee00c0ffee01');
    // Watcher events that slipped past watcherExclude while it took effect are rescanned now, not during the measurement.
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 1500));
      await explorer.settled();
    }
    collect?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const heapTimer = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 50);
    const lag = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    lag.enable();
    const profile = await startProfile(process.env.VOD_BENCH_CPU_PROFILE);
    const heapProfile = await startProfile(process.env.VOD_BENCH_HEAP_PROFILE, HEAP);
    const started = performance.now();
    await vscode.commands.executeCommand('vodImages.scanWorkspace');
    await explorer.settled();
    const scanMs = performance.now() - started;
    await profile?.();
    await heapProfile?.();
    lag.disable();
    clearInterval(heapTimer);
    const lookedUp = explorer.scan.index.idCount;

    await mkdir(changeDir, { recursive: true });
    // A new ID, unless the index is full (the --large corpus holds more IDs than it keeps, by design):
    // then one it already holds, now also in the edited file.
    const index = explorer.scan.index;
    const id = index.limitReached ? index.ids()[0]! : 'c0ffee00c0ffee00c0ffee00c0ffee00';
    const edited = path.join(changeDir, 'edited.md');
    const editedUri = vscode.Uri.file(edited).toString();
    const changeStarted = performance.now();
    await writeFile(edited, `cover: ${id}\n`);
    while (!index.idsInFile(editedUri).includes(id)) {
      if (performance.now() - changeStarted > TIMEOUT_MS) throw new Error('the edited file was never indexed');
      await new Promise((r) => setTimeout(r, 5));
    }
    const changeMs = performance.now() - changeStarted;
    const switchProfile = branchSwitch ? await startProfile(process.env.VOD_BENCH_SWITCH_CPU_PROFILE) : undefined;
    const branch = branchSwitch ? await measureBranchSwitch(index, branchDir).finally(() => switchProfile?.()) : undefined;
    return {
      files: corpus.files,
      megabytes: corpus.bytes / MB,
      engine: explorer.scan.lastEngine ?? 'none',
      scanMs,
      ids: lookedUp,
      maxLagMs: Math.max(0, lag.max / 1e6 - RESOLUTION_MS),
      heapPeakGrowthMb: (heapPeak - heapBefore) / MB,
      changeMs,
      ...(branch ? { branchSwitch: branch } : {}),
    };
  } finally {
    await rm(corpusDir, { recursive: true, force: true });
    await rm(changeDir, { recursive: true, force: true });
    await rm(branchDir, { recursive: true, force: true });
    await files.update('watcherExclude', before, vscode.ConfigurationTarget.Global);
  }
}

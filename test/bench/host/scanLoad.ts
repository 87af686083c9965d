/**
 * A full workspace scan inside the real extension host, on the bench corpus (20,000 files, ~200 MB, or
 * the 200,000-file one of `--large`,
 * written into the workspace in a folder the file watcher ignores): how long it takes, which scanner
 * ran, the longest the host's event loop was blocked meanwhile (perf_hooks' delay histogram in the
 * host), and how far the host's heap rose. Then one file edited in a watched folder: the time until
 * the explorer's index holds its new ID, file watcher included.
 */
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
}

/** `VOD_BENCH_CPU_PROFILE=<file>`: a CPU profile of the host during the scan, to find what blocks it. */
async function startProfile(file: string | undefined): Promise<(() => Promise<void>) | undefined> {
  if (!file) return undefined;
  const inspector = await import('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/**
 * `VOD_BENCH_HEAP_PROFILE=<file>`: a sampling heap profile of the host during the scan, counting what
 * garbage collection freed too, to find what the heap peak is made of.
 */
async function startHeapProfile(file: string | undefined): Promise<(() => Promise<void>) | undefined> {
  if (!file) return undefined;
  const inspector = await import('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return async () => {
    const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: unknown };
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  };
}

export async function measureScanLoad(api: ExtensionApi, collect: (() => void) | undefined, generate: CorpusGenerator = benchCorpus): Promise<ScanLoadResult> {
  const explorer = api.explorer;
  const root = vscode.workspace.workspaceFolders?.[0];
  if (!explorer || !root) throw new Error('no explorer or no workspace folder in the bench host');
  const corpusDir = path.join(root.uri.fsPath, `load-${process.pid}`);
  const changeDir = path.join(root.uri.fsPath, `change-${process.pid}`);
  const files = vscode.workspace.getConfiguration('files');
  const before = files.inspect<Record<string, boolean>>('watcherExclude')?.globalValue;
  await files.update('watcherExclude', { ...before, [`**/${path.basename(corpusDir)}/**`]: true }, vscode.ConfigurationTarget.Global);
  try {
    const corpus = generate(corpusDir);
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
    const heapProfile = await startHeapProfile(process.env.VOD_BENCH_HEAP_PROFILE);
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
    return {
      files: corpus.files,
      megabytes: corpus.bytes / MB,
      engine: explorer.scan.lastEngine ?? 'none',
      scanMs,
      ids: lookedUp,
      maxLagMs: Math.max(0, lag.max / 1e6 - RESOLUTION_MS),
      heapPeakGrowthMb: (heapPeak - heapBefore) / MB,
      changeMs,
    };
  } finally {
    await rm(corpusDir, { recursive: true, force: true });
    await rm(changeDir, { recursive: true, force: true });
    await files.update('watcherExclude', before, vscode.ConfigurationTarget.Global);
  }
}

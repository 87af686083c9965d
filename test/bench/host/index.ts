/**
 * The host half of test/bench/hostHeap.bench.ts: loaded by the extension host as its test suite
 * (`extensionTestsPath`, through test/host/run-integration.ts --suite out/bench-host), it makes
 * 10,000 lookups through the extension's own ImageService (the one hover, lookup and the explorer
 * share) against the emulator, and prints one line `HOST_HEAP {json}` with the heap growth.
 *
 * The lookups follow test/bench/resolve.bench.ts (same IDs, every tenth one missing, 50 at a time)
 * so the two rows compare. Differences that remain: the extension's client keeps its 10 calls/s
 * pacing, and the heap is the whole extension host's (other built-in extensions live there too).
 *
 * Then it times a burst of 2,000 file changes through the explorer's workspace scan (scanBurst.ts)
 * and prints `HOST_BURST {json}`, and hovers the real-size images (realSizeHover.ts), printing
 * `HOST_REALSIZE {json}`; then a full scan of the 20,000-file bench corpus and one edited file
 * (scanLoad.ts), printed as `HOST_SCAN_LOAD {json}`.
 *
 * With `VOD_BENCH_LARGE_FILES=N` (large.bench.ts) it runs only the full scan, of the `--large` corpus.
 *
 * Not part of `npm test`: scripts/build-tests.mjs builds it only when asked (`bench-host`).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import type { ExtensionApi } from '../../../src/extension';
import { getLibrary } from '../../emulator/fixtures';
import { measureRealSizeHover } from './realSizeHover';
import { measureScanBurst } from './scanBurst';
import { measureScanLoad } from './scanLoad';
import { generateLargeCorpus } from '../largeCorpus';

const LOOKUPS = 10_000;
const LOOKUPS_AT_ONCE = 50;
const MB = 1024 * 1024;
/** Without a usable gc: how long the heap is left to settle, and how many samples (the least counts). */
const SETTLE_MS = 3_000;
const SAMPLES = 10;

export interface HostHeapResult {
  readonly lookups: number;
  readonly growthMb: number;
  readonly beforeMb: number;
  readonly afterMb: number;
  /** How garbage was set aside: a real collection, or the least of several samples after a pause. */
  readonly gc: 'global.gc' | 'v8 flag' | 'settled samples';
  readonly elapsedMs: number;
  readonly found: number;
  readonly missing: number;
  readonly failed: number;
}

type Collect = () => void;

/**
 * A way to collect garbage on demand. The extension host does not run with --expose-gc; V8 can
 * still expose `gc` to a new context when the flag is set at run time.
 */
export function garbageCollector(): { collect: Collect | undefined; how: HostHeapResult['gc'] } {
  const global = (globalThis as { gc?: Collect }).gc;
  if (typeof global === 'function') return { collect: global, how: 'global.gc' };
  try {
    v8.setFlagsFromString('--expose-gc');
    const viaContext = vm.runInNewContext('gc') as unknown;
    if (typeof viaContext === 'function') return { collect: viaContext as Collect, how: 'v8 flag' };
  } catch {
    // fall through to sampling
  }
  return { collect: undefined, how: 'settled samples' };
}

async function heapUsed(collect: Collect | undefined): Promise<number> {
  if (collect) {
    // Twice: the first pass may leave objects that only become unreachable after finalizers run.
    collect();
    await new Promise((r) => setTimeout(r, 50));
    collect();
    return process.memoryUsage().heapUsed;
  }
  let least = Infinity;
  for (let i = 0; i < SAMPLES; i++) {
    await new Promise((r) => setTimeout(r, SETTLE_MS / SAMPLES));
    least = Math.min(least, process.memoryUsage().heapUsed);
  }
  return least;
}

async function extensionApi(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension(`${manifest.publisher}.${manifest.name}`);
  if (!ext) throw new Error('the extension under test is not loaded');
  const api = (await ext.activate()) as ExtensionApi;
  await api.ready;
  return api;
}

async function measure(api: ExtensionApi): Promise<HostHeapResult> {
  if (!api.testHooks) throw new Error('the extension exported no test hooks (not a development host?)');
  await api.testHooks.settled();
  const service = await api.testHooks.services.images();
  const library = getLibrary().images.map((r) => r.imageId);
  // Every tenth lookup asks for an ID that does not exist (as resolve.bench.ts does).
  const ids = Array.from({ length: LOOKUPS }, (_, i) =>
    i % 10 === 9 ? createHash('md5').update(`missing-${i % 500}`).digest('hex') : library[(i * 7) % library.length]!,
  );

  await service.getMany(library.slice(0, 100)); // warm up connections and code paths
  const { collect, how } = garbageCollector();
  const before = await heapUsed(collect);
  const started = performance.now();
  const counts = { found: 0, missing: 0, failed: 0 };
  for (let i = 0; i < LOOKUPS; i += LOOKUPS_AT_ONCE) {
    const batch = await Promise.all(ids.slice(i, i + LOOKUPS_AT_ONCE).map((id) => service.get(id).catch(() => undefined)));
    for (const lookup of batch) {
      if (lookup?.state === 'found') counts.found += 1;
      else if (lookup?.state === 'missing') counts.missing += 1;
      else counts.failed += 1;
    }
  }
  const elapsedMs = performance.now() - started;
  ids.length = 0;
  const after = await heapUsed(collect);
  return {
    lookups: LOOKUPS,
    growthMb: (after - before) / MB,
    beforeMb: before / MB,
    afterMb: after / MB,
    gc: how,
    elapsedMs,
    ...counts,
  };
}

/** Called by the extension host; a rejection makes the runner exit non-zero. */
export async function run(): Promise<void> {
  const api = await extensionApi();
  const largeFiles = Number(process.env.VOD_BENCH_LARGE_FILES ?? 0);
  if (largeFiles > 0) {
    // `npm run bench -- --large`: only the full scan, of the monorepo-sized corpus, in this host.
    const { collect } = garbageCollector();
    const load = await measureScanLoad(api, collect, (dir) => {
      const corpus = generateLargeCorpus(largeFiles, dir);
      return { files: corpus.files.length, bytes: corpus.bytes };
    }, true);
    console.log(`HOST_SCAN_LOAD ${JSON.stringify(load)}`);
    reportDone();
    return;
  }
  const result = await measure(api);
  console.log(`HOST_HEAP ${JSON.stringify(result)}`);
  // The newest bulk fixture: no file of the demo workspace mentions it.
  const burst = await measureScanBurst(api, getLibrary().images.at(-1)!.imageId);
  console.log(`HOST_BURST ${JSON.stringify(burst)}`);
  const { collect } = garbageCollector();
  const realSize = await measureRealSizeHover(() => heapUsed(collect));
  console.log(`HOST_REALSIZE ${JSON.stringify(realSize)}`);
  const load = await measureScanLoad(api, collect);
  console.log(`HOST_SCAN_LOAD ${JSON.stringify(load)}`);
  reportDone();
}

/** The runner insists on a result file with at least one pass before it reports success. */
function reportDone(): void {
  const resultFile = process.env.VOD_TEST_RESULT_FILE;
  if (resultFile) writeFileSync(resultFile, JSON.stringify({ passes: 1, failures: 0 }));
}

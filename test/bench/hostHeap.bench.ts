/**
 * Real-size hovers (first hover over the 8 MB JPEG, hover payload, heap after 100 hovers), in the
 * extension host and in plain Node, printed in pairs (test/bench/host/realSizeHover.ts, realSizeHover.ts).
 *
 * Heap growth after 10,000 lookups (goal ≤ 30 MB), measured twice and printed side by side:
 * - in the real extension host (code-server, the extension loaded from this tree, the emulator
 *   behind it): test/bench/host/index.ts run as the host's test suite, through
 *   test/host/run-integration.ts --suite out/bench-host;
 * - in plain Node with the same lookups (resolve.bench.ts's measurement), for reference.
 * The host row says how garbage was set aside there (a real gc, or the least of settled samples).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { startEmulator } from '../emulator';
import { CODE_SERVER_BIN } from '../host/lib/paths';
import type { HostHeapResult } from './host/index';
import type { RealSizeHoverResult } from './host/realSizeHover';
import { FIRST_HOVER_GOAL_MS, PAYLOAD_GOAL_BYTES, nodeRealSizeRows } from './realSizeHover';
import type { ScanBurstResult } from './host/scanBurst';
import type { ScanLoadResult } from './host/scanLoad';
import { heapGrowth } from './resolve.bench';
import { ms, type BenchModule, type BenchRow } from './types';

const ROOT = path.resolve(__dirname, '..', '..');
const GOAL_MB = 30;
const RUN_TIMEOUT_MS = 480_000;

function run(args: readonly string[], timeoutMs: number, env: Readonly<Record<string, string>> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGINT' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}\n${stderr}` });
    });
  });
}

/** The JSON a host benchmark printed after `tag` (`HOST_HEAP {json}`), or undefined when it printed none. */
function hostResult<T>(output: string, tag: string): T | undefined {
  const line = output.split('\n').find((l) => l.startsWith(`${tag} `));
  return line === undefined ? undefined : (JSON.parse(line.slice(tag.length + 1)) as T);
}

/**
 * Builds the host half (test/bench/host/) and runs it as the extension host's test suite; its output,
 * which must hold `tag`'s line. Throws with the end of the output when the run failed.
 */
async function runHostBench(tag: string, timeoutMs: number, env: Readonly<Record<string, string>> = {}): Promise<string> {
  const built = await run(['scripts/build-tests.mjs', 'bench-host'], 60_000);
  if (built.code !== 0) throw new Error(`building the host benchmark failed:\n${built.output}`);
  const { code, output } = await run(['--require', 'tsx/cjs', 'test/host/run-integration.ts', '--suite', 'out/bench-host'], timeoutMs, env);
  if (code !== 0 || hostResult(output, tag) === undefined) {
    throw new Error(`the host benchmark failed (exit ${code}):\n${output.split('\n').slice(-30).join('\n')}`);
  }
  return output;
}

const NO_HOST_NOTE = 'the test host is not installed: npm run test:host:install';

async function hostRows(): Promise<BenchRow[]> {
  const metric = 'extension host: heap growth after 10000 lookups';
  if (!existsSync(CODE_SERVER_BIN)) return [{ metric, value: 'not measured', goal: `≤ ${GOAL_MB} MB`, note: NO_HOST_NOTE }];
  const started = performance.now();
  const output = await runHostBench('HOST_HEAP', RUN_TIMEOUT_MS);
  const result = hostResult<HostHeapResult>(output, 'HOST_HEAP')!;
  const heap: BenchRow = {
    metric,
    value: `${result.growthMb.toFixed(1)} MB`,
    goal: `≤ ${GOAL_MB} MB`,
    met: result.growthMb <= GOAL_MB,
    note:
      `gc: ${result.gc}; heap ${result.beforeMb.toFixed(1)} → ${result.afterMb.toFixed(1)} MB; lookups ${ms(result.elapsedMs, 0)} at 10 calls/s ` +
      `(${result.found} found, ${result.missing} missing, ${result.failed} failed); whole run ${ms(performance.now() - started, 0)}`,
  };
  const burst = hostResult<ScanBurstResult>(output, 'HOST_BURST');
  const realSize = hostResult<RealSizeHoverResult>(output, 'HOST_REALSIZE');
  const load = hostResult<ScanLoadResult>(output, 'HOST_SCAN_LOAD');
  return [
    heap,
    ...(burst ? [burstRow(burst)] : []),
    ...(realSize ? realSizeRows(realSize) : []),
    ...(load ? loadRows(load) : []),
  ];
}

/** The real-size hover in the extension host, next to the plain-Node rows of realSizeHover.bench.ts. */
function realSizeRows(result: RealSizeHoverResult): BenchRow[] {
  const growth = result.heapAfterMb - result.heapBeforeMb;
  return [
    {
      metric: 'extension host: first hover, 8 MB JPEG',
      value: ms(result.firstHoverMs, 0),
      goal: `≤ ${FIRST_HOVER_GOAL_MS} ms`,
      met: result.firstHoverMs <= FIRST_HOVER_GOAL_MS,
      note: `${(result.firstHoverMs / FIRST_HOVER_GOAL_MS).toFixed(2)}× the goal; vscode.executeHoverProvider; thumbnail uncached, lookup cached by the heap phase`,
    },
    {
      metric: 'extension host: hover payload, 8 MB JPEG',
      value: `${(result.payloadBytes / 1024).toFixed(1)} KB`,
      goal: '≤ 256 KB',
      met: result.maxPayloadBytes <= PAYLOAD_GOAL_BYTES,
      note: `largest of ${result.hovers} hovers: ${(result.maxPayloadBytes / 1024).toFixed(1)} KB; ${result.withThumbnail}/${result.hovers} with a thumbnail`,
    },
    {
      metric: `extension host: heap after ${result.hovers} real-size hovers`,
      value: `${growth.toFixed(1)} MB`,
      goal: '≤ 30 MB',
      met: growth <= 30,
      note: `heap ${result.heapBeforeMb.toFixed(1)} → ${result.heapAfterMb.toFixed(1)} MB; five fixtures, thumbnails cached after each first hover`,
    },
  ];
}

/**
 * The `--large` corpus scanned by the explorer inside the extension host (large.bench.ts prints these
 * beside its plain-Node rows): event-loop block, heap, and one edited file afterwards.
 */
export async function hostLargeScanRows(files: number): Promise<BenchRow[]> {
  if (!existsSync(CODE_SERVER_BIN)) return [{ metric: 'extension host: large corpus', value: 'not measured', goal: '', note: NO_HOST_NOTE }];
  const timeoutMs = 1_800_000;
  const output = await runHostBench('HOST_SCAN_LOAD', timeoutMs, { VOD_BENCH_LARGE_FILES: String(files), VOD_HOST_TIMEOUT_MS: String(timeoutMs - 60_000) });
  return loadRows(hostResult<ScanLoadResult>(output, 'HOST_SCAN_LOAD')!, true);
}

/** A full scan of the bench corpus in the host, and one edited file after it. */
function loadRows(load: ScanLoadResult, large = false): BenchRow[] {
  const corpus = `${load.files} files, ${load.megabytes >= 1024 ? `${(load.megabytes / 1024).toFixed(2)} GB` : `${load.megabytes.toFixed(0)} MB`}`;
  const rows: BenchRow[] = [
    {
      metric: `extension host: longest event-loop block during a full scan (${corpus})`,
      value: ms(load.maxLagMs, 0),
      goal: '≤ 50 ms',
      met: load.maxLagMs <= 50,
      note: `${load.engine} scan of the whole workspace in ${ms(load.scanMs, 0)} (until the view settled: its first 500 IDs looked up at 10 calls/s), ${load.ids} IDs indexed; heap peak +${load.heapPeakGrowthMb.toFixed(1)} MB (goal ≤ 100 MB)`,
    },
    {
      metric: 'extension host: one edited file reflected in the index',
      value: ms(load.changeMs, 0),
      goal: '≤ 300 ms',
      met: load.changeMs <= 300,
      note: 'from the write until the index holds its new ID: file watcher, 15 ms gathering, rescan',
    },
  ];
  if (large) {
    rows.push({
      metric: `extension host: heap growth during a full scan (${corpus})`,
      value: `${load.heapPeakGrowthMb.toFixed(1)} MB`,
      goal: '≤ 100 MB',
      met: load.heapPeakGrowthMb <= 100,
      note: 'peak heapUsed during the scan minus before it, sampled every 50 ms in the host',
    });
    const branch = load.branchSwitch;
    rows.push({
      metric: `extension host: branch switch touching ${branch?.files ?? 10_000} files reflected in the index`,
      value: branch ? ms(branch.ms, 0) : 'not measured',
      goal: '≤ 15 s',
      met: branch !== undefined && branch.ms <= 15_000,
      note: 'a tenth deleted, a tenth created, the rest rewritten in a watched folder of the large workspace: from the first write until the index shows every change (file watcher and rescans)',
    });
  }
  return rows;
}

/** The burst of file changes: time to index it, and what sorting its paths costs each way (side by side). */
function burstRow(burst: ScanBurstResult): BenchRow {
  const perPath = (burst.perPathSampleMs / burst.sample) * burst.files;
  return {
    metric: `extension host: index a burst of ${burst.files} new files`,
    value: ms(burst.indexedMs, 0),
    goal: 'informational',
    note:
      `sorting the paths: one listing ${ms(burst.listingMs, 0)} vs one question per path ≈ ${ms(perPath, 0)} ` +
      `(${burst.sample} timed, scaled; ${(perPath / Math.max(burst.listingMs, 1)).toFixed(0)}× the listing)`,
  };
}

async function nodeRows(): Promise<BenchRow[]> {
  const emulator = await startEmulator({ port: 0 });
  try {
    return (await heapGrowth(emulator)).map((row) => ({ ...row, metric: `plain Node: ${row.metric}` }));
  } finally {
    await emulator.close();
  }
}

const hostHeapBench: BenchModule = {
  title: 'heap growth: extension host vs plain Node; a burst of file changes and a full scan in the host; real-size hovers',
  async bench() {
    const host = await hostRows();
    const node = await nodeRows();
    const nodeRealSize = await nodeRealSizeRows();
    // Real-size rows in pairs (extension host, then plain Node) so each reads against its twin.
    const kinds = ['first hover, 8 MB', 'payload', 'real-size hovers|first hovers', 'over the limits'];
    const isRealSize = (row: BenchRow): boolean => kinds.some((kind) => new RegExp(kind).test(row.metric));
    const paired = kinds.flatMap((kind) => [...host, ...nodeRealSize].filter((row) => new RegExp(kind).test(row.metric)));
    return [...host.filter((row) => !isRealSize(row)), ...node, ...paired];
  },
};
export default hostHeapBench;

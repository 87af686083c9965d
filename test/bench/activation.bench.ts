/**
 * Extension weight:
 * - activation: `require(dist/extension.js)` + `activate()` in fresh Node processes with a stand-in
 *   `vscode` (activationProbe.cjs), median and best of several runs. Goal ≤ 5 ms (issue 15). Also checks that
 *   activation loaded neither the features bundle (dist/main.js: it loads on first use) nor undici (the
 *   HTTP client loads on the first request).
 * - bundle: the size of what activation parses, and of everything shipped under dist/.
 * - VSIX: packaged the way users get it (vsce). Goal ≤ 300 KB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageVsix } from '../host/lib/vsix';
import { ms, percentile, type BenchModule, type BenchRow } from './types';

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'dist', 'extension.js');
const PROBE = path.join(__dirname, 'activationProbe.cjs');
const RUNS = 15;

interface Probe {
  readonly requireMs: number;
  readonly activateMs: number;
  readonly deferredMs: number;
  readonly subscriptions: number;
  readonly subscriptionsAfterReady: number;
  readonly featuresLoadedAtActivation: boolean;
  readonly undiciLoaded: boolean;
}

function probeOnce(): Probe {
  const out = execFileSync(process.execPath, [PROBE, BUNDLE], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Probe;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function activation(): BenchRow[] {
  probeOnce(); // warms the file system cache; not counted
  const probes = Array.from({ length: RUNS }, probeOnce);
  const totals = probes.map((p) => p.requireMs + p.activateMs);
  const median = percentile(totals, 50);
  const best = Math.min(...totals);
  const undici = probes.some((p) => p.undiciLoaded);
  return [
    {
      metric: 'activation: require + activate() (median)',
      value: ms(median),
      goal: '≤ 5 ms',
      met: median <= 5,
      note: `best ${ms(best)}; require ${ms(percentile(probes.map((p) => p.requireMs), 50))}, activate ${ms(percentile(probes.map((p) => p.activateMs), 50))}; n=${RUNS}, fresh process each`,
    },
    {
      metric: 'activation loads no feature code (dist/main.js)',
      value: probes.some((p) => p.featuresLoadedAtActivation) ? 'loaded' : 'not loaded',
      goal: 'not loaded',
      met: !probes.some((p) => p.featuresLoadedAtActivation),
      note: 'the features load on first use: a command, a hover over an ID, the explorer shown, a workspace known to use VOD',
    },
    {
      metric: 'first use: features + explorer + editor intelligence (median)',
      value: ms(percentile(probes.map((p) => p.deferredMs), 50)),
      goal: '',
      note: `paid once, later, by a window that uses VOD; ${probes[0]?.subscriptionsAfterReady ?? 0} disposables once ready`,
    },
    {
      metric: 'activation loads no HTTP client (undici)',
      value: undici ? 'loaded' : 'not loaded',
      goal: 'not loaded',
      met: !undici,
      note: `${probes[0]?.subscriptions ?? 0} disposables registered`,
    },
  ];
}

function bundle(): BenchRow[] {
  const main = readFileSync(BUNDLE);
  // The test hooks are built beside the bundle for test hosts but left out of the package.
  const features = statSync(path.join(path.dirname(BUNDLE), 'main.js')).size;
  const dist = readdirSync(path.dirname(BUNDLE)).filter((f) => f.endsWith('.js') && f !== 'cli.js' && f !== 'test-hooks.js');
  const shipped = dist.reduce((sum, f) => sum + statSync(path.join(path.dirname(BUNDLE), f)).size, 0);
  return [
    { metric: 'dist/extension.js (the shell: all activation parses)', value: kib(main.length), goal: '', note: `${kib(gzipSync(main).length)} gzipped` },
    { metric: 'dist/main.js (the features, loaded on first use)', value: kib(features), goal: '' },
    { metric: 'extension JS shipped (dist/*.js but the CLI and test hooks)', value: kib(shipped), goal: '', note: dist.join(', ') },
  ];
}

async function vsix(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vod-bench-vsix-'));
  try {
    const file = await packageVsix(path.join(dir, 'bench.vsix'));
    const size = statSync(file).size;
    return [{ metric: 'VSIX', value: kib(size), goal: '≤ 300 KB', met: size <= 300 * 1024 }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const activationBench: BenchModule = {
  title: 'extension weight',
  async bench() {
    return [...activation(), ...bundle(), ...(await vsix())];
  },
};
export default activationBench;

/**
 * Resolving many IDs through the real stack (VodClient → emulator, ImageService, resolveProgressively):
 * - the 5,200 bulk images' first 5,000 IDs, paced at the API's 10 calls/s: calls made (⌈5000/20⌉ = 250
 *   expected), time to the first results and to the last. The pacing sets the floor: 250 calls at
 *   10/s with a burst of 10 take ≥ 24 s.
 * - heap growth over 10,000 ImageService lookups (cache misses, hits, missing IDs, LRU evictions),
 *   pacing off so the run is short. Goal ≤ 30 MB: the cache is bounded, nothing else may grow.
 */
import { createHash } from 'node:crypto';
import { VodClient } from '../../src/vod/client';
import { resolveProgressively } from '../../src/vod/explorer/resolveQueue';
import { ImageService } from '../../src/vod/imageService';
import { createUndiciTransport } from '../../src/vod/transport';
import { startEmulator, type RunningEmulator } from '../emulator';
import { collectGarbage, ms, type BenchModule, type BenchRow } from './types';

const RESOLVE_IDS = 5_000;
const LOOKUPS = 10_000;
const LOOKUPS_AT_ONCE = 50;
const MB = 1024 * 1024;

async function resolveMany(emulator: RunningEmulator): Promise<BenchRow[]> {
  const transport = createUndiciTransport({ env: {} });
  const client = new VodClient({ endpoint: new URL(emulator.endpoint), credentials: async () => emulator.credentials, transport });
  const service = new ImageService({ api: client, maxEntries: RESOLVE_IDS });
  const ids = emulator.images
    .filter((image) => image.traits.includes('bulk'))
    .slice(0, RESOLVE_IDS)
    .map((image) => image.imageId);
  emulator.stats.reset();
  try {
    const started = performance.now();
    let firstMs: number | undefined;
    const summary = await resolveProgressively(service, ids, {
      onResolved: () => {
        firstMs ??= performance.now() - started;
      },
    });
    const wall = performance.now() - started;
    const calls = emulator.stats.byAction['GetImageInfos'] ?? 0;
    const other = emulator.stats.apiRequests - calls;
    const expected = Math.ceil(ids.length / 20);
    return [
      {
        metric: `resolve ${ids.length} IDs: GetImageInfos calls`,
        value: String(calls),
        goal: `= ${expected}`,
        met: calls === expected && other === 0 && summary.found === ids.length,
        note: `${summary.found} found, ${summary.missing} missing, ${summary.failed} failed; other API calls: ${other}`,
      },
      { metric: `resolve ${ids.length} IDs: wall time (10 calls/s)`, value: ms(wall, 0), goal: '', note: `first results after ${ms(firstMs ?? NaN, 0)}; pacing floor ≈ ${ms(((expected - 10) / 10) * 1000, 0)}` },
    ];
  } finally {
    service.dispose();
    await transport.close();
  }
}

export async function heapGrowth(emulator: RunningEmulator): Promise<BenchRow[]> {
  const transport = createUndiciTransport({ env: {} });
  const client = new VodClient({ endpoint: new URL(emulator.endpoint), credentials: async () => emulator.credentials, transport, requestsPerSecond: Infinity });
  const service = new ImageService({ api: client });
  const library = emulator.images.map((image) => image.imageId);
  // Every tenth lookup asks for an ID that does not exist.
  const idAt = (i: number): string => (i % 10 === 9 ? createHash('md5').update(`missing-${i % 500}`).digest('hex') : library[(i * 7) % library.length]!);
  try {
    await service.getMany(library.slice(0, 100)); // warm up connections and code paths
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    for (let i = 0; i < LOOKUPS; i += LOOKUPS_AT_ONCE) {
      await Promise.all(Array.from({ length: Math.min(LOOKUPS_AT_ONCE, LOOKUPS - i) }, (_, k) => service.get(idAt(i + k))));
    }
    const elapsed = performance.now() - started;
    collectGarbage();
    const growth = (process.memoryUsage().heapUsed - before) / MB;
    const gcNote = typeof (globalThis as { gc?: unknown }).gc === 'function' ? '' : ' (no --expose-gc: includes garbage)';
    return [
      {
        metric: `heap growth after ${LOOKUPS} lookups`,
        value: `${growth.toFixed(1)} MB`,
        goal: '≤ 30 MB',
        met: growth <= 30,
        note: `${LOOKUPS_AT_ONCE} at a time, ${ms(elapsed, 0)}; ${emulator.stats.byAction['GetImageInfos'] ?? 0} GetImageInfos calls in all${gcNote}`,
      },
    ];
  } finally {
    service.dispose();
    await transport.close();
  }
}

const resolveBench: BenchModule = {
  title: 'resolve',
  async bench() {
    const emulator = await startEmulator({ port: 0 });
    try {
      const rows = await resolveMany(emulator);
      emulator.stats.reset();
      return [...rows, ...(await heapGrowth(emulator))];
    } finally {
      await emulator.close();
    }
  },
};
export default resolveBench;

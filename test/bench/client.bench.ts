/**
 * Client benchmarks against the in-process emulator:
 * - lookup overhead: `client.getImageInfo` minus a raw keep-alive undici round trip of an already
 *   signed request (so: signing, pacing, credentials, zod, error plumbing). Goal ≤ 2 ms at p50.
 * - batching: 200 IDs at 50 ms injected latency, `getImageInfos` vs one GetImageInfo per ID with the
 *   same number of requests in flight (4), and vs one per ID in sequence. Goal ≥ 15×.
 */
import type * as Undici from 'undici';
import { VodClient } from '../../src/vod/client';
import { newNonce, signRequest } from '../../src/vod/signing/signedRequest';
import { createUndiciTransport } from '../../src/vod/transport';
import { startEmulator, type RunningEmulator } from '../emulator';
import { collectGarbage, ms, percentile, type BenchModule, type BenchRow } from './types';

const WARMUP = 100;
const SAMPLES = 400;
const BATCH_IDS = 200;
const LATENCY_MS = 50;
const IN_FLIGHT = 4;

async function lookupOverhead(emulator: RunningEmulator): Promise<BenchRow[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const undici = require('undici') as typeof Undici;
  const endpoint = new URL(emulator.endpoint);
  const agent = new undici.Agent({ keepAliveTimeout: 30_000 });
  const transport = createUndiciTransport({ env: {} });
  const client = new VodClient({ endpoint, credentials: async () => emulator.credentials, transport, requestsPerSecond: Infinity });
  const id = emulator.images[0]!.imageId;

  async function raw(): Promise<number> {
    const signed = signRequest({
      scheme: 'v3',
      endpoint,
      action: 'GetImageInfo',
      version: '2017-03-21',
      params: { ImageId: id },
      credentials: emulator.credentials,
      now: new Date(),
      nonce: newNonce(),
    });
    const url = new URL(signed.url);
    const started = performance.now();
    const response = await agent.request({ origin: url.origin, path: url.pathname + url.search, method: 'POST', headers: signed.headers });
    await response.body.text();
    if (response.statusCode !== 200) throw new Error(`raw request failed: ${response.statusCode}`);
    return performance.now() - started;
  }
  async function viaClient(): Promise<number> {
    const started = performance.now();
    await client.getImageInfo(id);
    return performance.now() - started;
  }

  for (let i = 0; i < WARMUP; i++) {
    await raw();
    await viaClient();
  }
  collectGarbage();
  const rawSamples: number[] = [];
  const clientSamples: number[] = [];
  // Interleaved, so drift (JIT, GC, the other processes on the machine) hits both alike.
  for (let i = 0; i < SAMPLES; i++) {
    rawSamples.push(await raw());
    clientSamples.push(await viaClient());
  }
  await agent.close();
  await transport.close();

  const rawP50 = percentile(rawSamples, 50);
  const clientP50 = percentile(clientSamples, 50);
  const overhead = clientP50 - rawP50;
  return [
    {
      metric: 'GetImageInfo client overhead (p50)',
      value: ms(overhead),
      goal: '≤ 2 ms',
      met: overhead <= 2,
      note: `client p50 ${ms(clientP50)} − raw p50 ${ms(rawP50)}; p90 ${ms(percentile(clientSamples, 90))} vs ${ms(percentile(rawSamples, 90))}; n=${SAMPLES}`,
    },
  ];
}

async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  collectGarbage();
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function batching(emulator: RunningEmulator): Promise<BenchRow[]> {
  const transport = createUndiciTransport({ env: {} });
  // Pacing off: it would measure the 10 calls/s account limit, not the client.
  const client = new VodClient({
    endpoint: new URL(emulator.endpoint),
    credentials: async () => emulator.credentials,
    transport,
    requestsPerSecond: Infinity,
    maxConcurrency: IN_FLIGHT,
  });
  const ids = emulator.images.slice(0, BATCH_IDS).map((image) => image.imageId);
  emulator.faults.set({ latencyMs: LATENCY_MS });
  try {
    await client.getImageInfos(ids); // warm the connections
    const batchRuns = [];
    for (let i = 0; i < 3; i++) batchRuns.push(await timed(() => client.getImageInfos(ids)));
    const batch = percentile(batchRuns, 50);
    const perIdParallel = await timed(() => inParallel(ids, IN_FLIGHT, (id) => client.getImageInfo(id)));
    const perIdSequential = await timed(() => inParallel(ids, 1, (id) => client.getImageInfo(id)));
    const ratio = perIdParallel / batch;
    return [
      { metric: `getImageInfos(${BATCH_IDS} IDs), ${LATENCY_MS} ms latency`, value: ms(batch, 0), goal: '', note: `median of ${batchRuns.length}; ${Math.ceil(BATCH_IDS / 20)} calls, ${IN_FLIGHT} in flight` },
      { metric: `one GetImageInfo per ID, ${IN_FLIGHT} in flight`, value: ms(perIdParallel, 0), goal: '' },
      { metric: 'one GetImageInfo per ID, sequential', value: ms(perIdSequential, 0), goal: '', note: `${(perIdSequential / batch).toFixed(1)}× the batch` },
      { metric: 'batch speed-up (same in-flight limit)', value: `${ratio.toFixed(1)}×`, goal: '≥ 15×', met: ratio >= 15 },
    ];
  } finally {
    emulator.faults.reset();
    await transport.close();
  }
}

const clientBench: BenchModule = {
  title: 'client',
  async bench() {
    const emulator = await startEmulator({ port: 0 });
    try {
      return [...(await lookupOverhead(emulator)), ...(await batching(emulator))];
    } finally {
      await emulator.close();
    }
  },
};
export default clientBench;

/**
 * Progressive resolution through the real ImageService: over a fake API that counts and can fail
 * calls, and over VodClient + the emulator (calls counted by the emulator itself).
 */
import assert from 'node:assert/strict';
import type { ImageInfosResult, ImageUrlOptions } from '../../src/vod/api';
import { VodClient } from '../../src/vod/client';
import { VodError } from '../../src/vod/errors';
import { msg } from '../../src/vod/messages';
import { resolveProgressively, type ResolveOutcome, type ResolveProgress } from '../../src/vod/explorer/resolveQueue';
import { ImageService } from '../../src/vod/imageService';
import { createUndiciTransport } from '../../src/vod/transport';
import { startEmulator, videoIdFor } from '../emulator';
import { emulatorSuite } from './support/emulatorSuite';

const id = (n: number): string => `c${n.toString(16).padStart(31, '0')}`;

class FakeApi {
  readonly calls: string[][] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** IDs whose call fails. */
  readonly poison = new Set<string>();
  /** IDs that do not exist. */
  readonly missing = new Set<string>();

  getImageInfos = async (ids: readonly string[], options?: ImageUrlOptions): Promise<ImageInfosResult> => {
    this.calls.push([...ids]);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (options?.signal?.aborted) throw new VodError('cancelled', msg('cancel.request'));
      if (ids.some((i) => this.poison.has(i))) throw new VodError('server', msg('api.internal'));
      const images = ids.filter((i) => !this.missing.has(i)).map((i) => ({ ImageId: i, Title: `t${i}` }));
      return { images, missing: ids.filter((i) => this.missing.has(i)), requestIds: [] };
    } finally {
      this.inFlight -= 1;
    }
  };
}

describe('explorer: resolveProgressively', () => {
  it('resolves N IDs in ⌈N/20⌉ calls of at most 20, reporting chunk by chunk', async () => {
    const api = new FakeApi();
    const service = new ImageService({ api, batchDelayMs: 1 });
    const ids = Array.from({ length: 437 }, (_, n) => id(n));
    api.missing.add(id(5));
    const progress: ResolveProgress[] = [];
    const outcomes = new Map<string, ResolveOutcome>();
    const summary = await resolveProgressively(service, [...ids, ...ids.slice(0, 50)], {
      onResolved: (chunk, p) => {
        progress.push(p);
        for (const [key, value] of chunk) outcomes.set(key, value);
      },
    });
    assert.deepEqual(summary, { found: 436, missing: 1, failed: 0 });
    assert.equal(api.calls.length, Math.ceil(437 / 20));
    assert.ok(api.calls.every((call) => call.length <= 20));
    assert.deepEqual(new Set(api.calls.flat()), new Set(ids), 'each ID asked for once');
    assert.equal(api.calls.flat().length, 437);
    assert.equal(progress.length, Math.ceil(437 / 100));
    assert.deepEqual(progress.at(-1), { done: 437, total: 437 });
    assert.ok(progress.every((p, i) => i === 0 || p.done > progress[i - 1]!.done));
    assert.equal(outcomes.size, 437);
    assert.equal(outcomes.get(id(5))?.state, 'missing');
    service.dispose();
  });

  it('asks only for what the cache does not hold', async () => {
    const api = new FakeApi();
    const service = new ImageService({ api, batchDelayMs: 1 });
    await service.getMany([id(1), id(2)]);
    api.calls.length = 0;
    await resolveProgressively(service, [id(1), id(2), id(3)]);
    assert.deepEqual(api.calls, [[id(3)]]);
    service.dispose();
  });

  it('reports a failed batch as failed and keeps going with the others', async () => {
    const api = new FakeApi();
    const service = new ImageService({ api, batchDelayMs: 1 });
    const ids = Array.from({ length: 100 }, (_, n) => id(n));
    api.poison.add(id(45)); // fails the batch of IDs 40..59
    const outcomes = new Map<string, ResolveOutcome>();
    const summary = await resolveProgressively(service, ids, {
      chunkSize: 40,
      onResolved: (chunk) => chunk.forEach((value, key) => outcomes.set(key, value)),
    });
    assert.deepEqual(summary, { found: 80, missing: 0, failed: 20 });
    for (let n = 0; n < 100; n++) {
      const outcome = outcomes.get(id(n))!;
      assert.equal(outcome.state, n >= 40 && n < 60 ? 'failed' : 'found', `id ${n}`);
      if (outcome.state === 'failed') assert.equal((outcome.error as VodError).kind, 'server');
    }
    service.dispose();
  });

  it('keeps chunk concurrency bounded', async () => {
    const api = new FakeApi();
    const service = new ImageService({ api, batchDelayMs: 1 });
    await resolveProgressively(service, Array.from({ length: 400 }, (_, n) => id(n)), { chunkSize: 20, concurrency: 3 });
    assert.equal(api.calls.length, 20);
    assert.ok(api.maxInFlight <= 3, `max in flight ${api.maxInFlight}`);
    service.dispose();
  });

  it('stops on abort and rejects with a cancelled VodError, reporting nothing after', async () => {
    const api = new FakeApi();
    const service = new ImageService({ api, batchDelayMs: 1 });
    const controller = new AbortController();
    let reports = 0;
    const run = resolveProgressively(service, Array.from({ length: 1000 }, (_, n) => id(n)), {
      concurrency: 1,
      signal: controller.signal,
      onResolved: () => {
        reports += 1;
        if (reports === 2) controller.abort();
      },
    });
    await assert.rejects(run, (error: unknown) => error instanceof VodError && error.kind === 'cancelled');
    assert.equal(reports, 2);
    assert.ok(api.calls.length <= 15, `${api.calls.length} calls`);
    service.dispose();
  });

  it('makes ⌈N/20⌉ GetImageInfos calls against the emulator through VodClient', async function () {
    this.timeout(30_000);
    const emulator = await startEmulator({ port: 0 });
    const transport = createUndiciTransport({ env: {} });
    try {
      const client = new VodClient({ endpoint: new URL(emulator.endpoint), credentials: async () => emulator.credentials, transport, requestsPerSecond: Infinity });
      const service = new ImageService({ api: client });
      const ids = emulator.images.slice(0, 1010).map((image) => image.imageId);
      emulator.stats.reset();
      const summary = await resolveProgressively(service, [...ids, emulator.missingImageId]);
      assert.deepEqual(summary, { found: 1010, missing: 1, failed: 0 });
      assert.equal(emulator.stats.byAction['GetImageInfos'], Math.ceil(1011 / 20));
      // The one ID no image batch found is asked about once more, as a possible video.
      assert.equal(emulator.stats.byAction['GetVideoInfos'], 1);
      assert.equal(emulator.stats.apiRequests, Math.ceil(1011 / 20) + 1);
      service.dispose();
    } finally {
      await transport.close();
      await emulator.close();
    }
  });
});

describe('explorer: resolveProgressively over images and videos (emulator)', function () {
  this.timeout(60_000);
  const env = emulatorSuite();

  /** N bulk images and M bulk videos, interleaved by a fixed-seed shuffle. */
  function mixed(n: number, m: number): string[] {
    const images = env.emulator.images.slice(0, n).map((image) => image.imageId);
    assert.equal(images.length, n, 'enough fixture images');
    const ids = [...images, ...Array.from({ length: m }, (_, k) => videoIdFor(`bulk-${k}`))];
    let seed = 7;
    for (let i = ids.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    return ids;
  }

  for (const [n, m, chunkSize, concurrency] of [
    [300, 200, 100, 2],
    [150, 77, 40, 3],
    [30, 21, 20, 1],
  ] as const) {
    it(`${n} image + ${m} video IDs (chunks of ${chunkSize}, ${concurrency} at a time) → ⌈(N+M)/20⌉ image + ⌈M/20⌉ video calls`, async () => {
      const service = new ImageService({ api: env.client({ requestsPerSecond: Infinity }), maxEntries: 10_000 });
      const ids = mixed(n, m);
      const states = new Map<string, string>();
      env.emulator.stats.reset();
      const summary = await resolveProgressively(service, ids, {
        chunkSize,
        concurrency,
        onResolved: (outcomes) => outcomes.forEach((outcome, key) => states.set(key, outcome.state)),
      });
      assert.deepEqual(summary, { found: n + m, missing: 0, failed: 0 });
      assert.equal(env.emulator.stats.byAction['GetImageInfos'], Math.ceil((n + m) / 20));
      assert.equal(env.emulator.stats.byAction['GetVideoInfos'], Math.ceil(m / 20));
      assert.equal(states.size, n + m, 'every ID reported once');
      for (let k = 0; k < m; k++) assert.equal(states.get(videoIdFor(`bulk-${k}`)), 'video');
      service.dispose();
    });
  }
});

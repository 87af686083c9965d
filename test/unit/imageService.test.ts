import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import type { ImageInfosResult, ImageUrlOptions } from '../../src/vod/api';
import { VodError } from '../../src/vod/errors';
import { msg } from '../../src/vod/messages';
import { ImageService, MAX_IDS_PER_CALL, type ImageServiceOptions, type Lookup } from '../../src/vod/imageService';
import type { ImageInfo } from '../../src/vod/schemas';

/** One recorded getImageInfos call, answered by the test when it chooses to. */
interface Call {
  readonly ids: string[];
  readonly signal: AbortSignal | undefined;
  answer(): void;
  fail(error: unknown): void;
}

/** A fake VodApi: knows some images, counts calls, and by default holds every answer until told. */
class FakeApi {
  readonly calls: Call[] = [];
  readonly images = new Map<string, ImageInfo>();
  autoAnswer = false;

  constructor(ids: string[] = []) {
    for (const id of ids) this.images.set(id, { ImageId: id, Title: `title of ${id}` });
  }

  getImageInfos = (ids: readonly string[], options?: ImageUrlOptions): Promise<ImageInfosResult> =>
    new Promise((resolve, reject) => {
      const signal = options?.signal;
      signal?.addEventListener('abort', () => reject(new VodError('cancelled', msg('cancel.request'))), { once: true });
      const call: Call = {
        ids: [...ids],
        signal,
        answer: () => {
          const images = ids.flatMap((id) => (this.images.has(id) ? [this.images.get(id)!] : []));
          resolve({ images, missing: ids.filter((id) => !this.images.has(id)), requestIds: ['req'] });
        },
        fail: reject,
      };
      this.calls.push(call);
      if (this.autoAnswer) call.answer();
    });

  /** The only call so far (fails the test if there is not exactly one). */
  only(): Call {
    assert.equal(this.calls.length, 1, `expected one API call, got ${this.calls.length}`);
    return this.calls[0]!;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Long enough for a batch timer of `batchDelayMs: 1` to fire. */
const flush = () => sleep(15);

function service(api: FakeApi, options: Partial<ImageServiceOptions> = {}): ImageService {
  return new ImageService({ api, batchDelayMs: 1, ...options });
}

function found(lookup: Lookup | undefined): ImageInfo {
  assert.ok(lookup, 'expected a lookup');
  assert.equal(lookup.state, 'found');
  return lookup.info;
}

async function rejectsCancelled(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (e: unknown) => e instanceof VodError && e.kind === 'cancelled');
}

describe('ImageService', () => {
  describe('batching', () => {
    it('coalesces lookups for different IDs made together into one call', async () => {
      const api = new FakeApi(['a', 'b']);
      api.autoAnswer = true;
      const images = service(api);
      const [a, b, c] = await Promise.all([images.get('a'), images.get('b'), images.get('c')]);
      assert.deepEqual(api.only().ids, ['a', 'b', 'c']);
      assert.equal(found(a).Title, 'title of a');
      assert.equal(found(b).ImageId, 'b');
      assert.deepEqual(c, { state: 'missing', imageId: 'c', fetchedAt: c.fetchedAt });
    });

    it('coalesces lookups that arrive within the batch delay, not ones after it', async () => {
      const api = new FakeApi(['a', 'b', 'c']);
      api.autoAnswer = true;
      const images = service(api, { batchDelayMs: 200 });
      const a = images.get('a');
      await sleep(20);
      const b = images.get('b');
      await Promise.all([a, b]);
      assert.deepEqual(api.only().ids, ['a', 'b']);

      await images.get('c');
      assert.equal(api.calls.length, 2);
      assert.deepEqual(api.calls[1]!.ids, ['c']);
    });

    it('splits a large getMany into calls of at most 20 IDs and returns every ID', async () => {
      const ids = Array.from({ length: 45 }, (_, i) => `id${i}`);
      const api = new FakeApi(ids.filter((_, i) => i % 2 === 0));
      api.autoAnswer = true;
      const result = await service(api).getMany(ids);
      assert.deepEqual(
        api.calls.map((c) => c.ids.length),
        [20, 20, 5],
      );
      assert.ok(api.calls.every((c) => c.ids.length <= MAX_IDS_PER_CALL));
      assert.deepEqual(api.calls.flatMap((c) => c.ids), ids, 'each ID asked exactly once, in order');
      assert.deepEqual([...result.keys()], ids);
      ids.forEach((id, i) => assert.equal(result.get(id)!.state, i % 2 === 0 ? 'found' : 'missing', id));
    });

    it('asks once for a repeated ID in getMany', async () => {
      const api = new FakeApi(['a']);
      api.autoAnswer = true;
      const result = await service(api).getMany(['a', 'b', 'a', 'b']);
      assert.deepEqual(api.only().ids, ['a', 'b']);
      assert.equal(result.size, 2);
    });

    it('shares a batch between get and getMany callers', async () => {
      const api = new FakeApi(['a', 'b']);
      api.autoAnswer = true;
      const images = service(api);
      await Promise.all([images.get('a'), images.getMany(['a', 'b'])]);
      assert.deepEqual(api.only().ids, ['a', 'b']);
    });

    it('ignores images the API returns that were not asked for, and duplicates', async () => {
      const api = new FakeApi();
      api.getImageInfos = async (ids) => ({
        images: [{ ImageId: 'zzz' }, { ImageId: ids[0]!, Title: 'first' }, { ImageId: ids[0]!, Title: 'second' }],
        missing: [],
        requestIds: [],
      });
      const images = service(api);
      assert.equal(found(await images.get('a')).Title, 'first');
      assert.equal(images.peek('zzz'), undefined);
    });
  });

  describe('in-flight de-duplication and caching', () => {
    it('lets a lookup for an ID already in flight join it', async () => {
      const api = new FakeApi(['a']);
      const images = service(api);
      const first = images.get('a');
      await flush();
      const second = images.get('a');
      await flush();
      api.only().answer();
      const [x, y] = await Promise.all([first, second]);
      assert.equal(x, y, 'both waiters receive the same lookup');
      assert.equal(api.calls.length, 1);
    });

    it('serves cached lookups without calling the API, synchronously via peek', async () => {
      const api = new FakeApi(['a']);
      api.autoAnswer = true;
      const images = service(api);
      assert.equal(images.peek('a'), undefined);
      const fetched = await images.get('a');
      assert.equal(images.peek('a'), fetched);
      assert.equal(await images.get('a'), fetched);
      assert.equal(api.calls.length, 1);
    });

    it('caches missing IDs too', async () => {
      const api = new FakeApi();
      api.autoAnswer = true;
      const images = service(api);
      await images.get('nope');
      assert.equal((await images.get('nope')).state, 'missing');
      assert.equal(images.peek('nope')?.state, 'missing');
      assert.equal(api.calls.length, 1);
    });

    it('bypasses the cache with force', async () => {
      const api = new FakeApi(['a']);
      api.autoAnswer = true;
      const images = service(api);
      await images.get('a');
      api.images.set('a', { ImageId: 'a', Title: 'renamed' });
      assert.equal(found(await images.get('a', { force: true })).Title, 'renamed');
      assert.equal(found(images.peek('a')).Title, 'renamed');
      assert.equal(api.calls.length, 2);
    });

    it('expires found and missing entries after their own TTLs', async () => {
      let now = 1_000_000;
      const api = new FakeApi(['a']);
      api.autoAnswer = true;
      const images = service(api, { now: () => now, foundTtlMs: 10_000, missingTtlMs: 2_000 });
      await images.getMany(['a', 'gone']);
      assert.equal(api.calls.length, 1);

      now += 1_999;
      assert.ok(images.peek('gone'), 'missing entry still fresh');
      now += 1;
      assert.equal(images.peek('gone'), undefined, 'missing entry expired at its TTL');
      assert.ok(images.peek('a'), 'found entry outlives the missing TTL');

      now += 8_000;
      assert.equal(images.peek('a'), undefined, 'found entry expired at its TTL');
      assert.equal((await images.get('a')).fetchedAt, now, 'refetched with the new time');
      assert.equal(api.calls.length, 2);
    });

    it('evicts the least recently used entry beyond maxEntries', async () => {
      const api = new FakeApi(['a', 'b', 'c', 'd']);
      api.autoAnswer = true;
      const images = service(api, { maxEntries: 3 });
      await images.getMany(['a', 'b', 'c']);
      images.peek('a'); // a is now more recent than b
      await images.get('d');
      assert.equal(images.peek('b'), undefined, 'b was least recently used');
      for (const id of ['a', 'c', 'd']) assert.ok(images.peek(id), id);
    });

    it('stays bounded under many distinct IDs', async () => {
      const api = new FakeApi();
      api.autoAnswer = true;
      const images = service(api, { maxEntries: 50 });
      const ids = Array.from({ length: 500 }, (_, i) => `x${i}`);
      await images.getMany(ids);
      const cached = ids.filter((id) => images.peek(id) !== undefined);
      assert.deepEqual(cached, ids.slice(-50));
    });

    it('invalidates one ID or everything', async () => {
      const api = new FakeApi(['a', 'b']);
      api.autoAnswer = true;
      const images = service(api);
      await images.getMany(['a', 'b']);
      images.invalidate('a');
      assert.equal(images.peek('a'), undefined);
      assert.ok(images.peek('b'));
      await images.get('a');
      assert.deepEqual(api.calls[1]!.ids, ['a']);
      images.invalidate();
      assert.equal(images.peek('a'), undefined);
      assert.equal(images.peek('b'), undefined);
    });

    it('rejects an empty ID without calling the API', async () => {
      const api = new FakeApi();
      await assert.rejects(service(api).get(''), (e: unknown) => e instanceof VodError && e.kind === 'invalidInput');
      await flush();
      assert.equal(api.calls.length, 0);
    });
  });

  describe('errors', () => {
    it('rejects every waiter of the failed call and caches nothing', async () => {
      const api = new FakeApi(['a', 'b']);
      const images = service(api);
      const a1 = images.get('a');
      const a2 = images.get('a');
      const b = images.get('b');
      await flush();
      const error = new VodError('throttled', msg('api.throttled'), { code: 'Throttling.User' });
      api.only().fail(error);
      for (const p of [a1, a2, b]) await assert.rejects(p, (e: unknown) => e === error);
      assert.equal(images.peek('a'), undefined);

      api.autoAnswer = true;
      assert.equal(found(await images.get('a')).ImageId, 'a', 'the next lookup retries');
      assert.equal(api.calls.length, 2);
    });

    it('fails only the batch that failed', async () => {
      const ids = Array.from({ length: 25 }, (_, i) => `id${i}`);
      const api = new FakeApi(ids);
      const images = service(api);
      const many = images.getMany(ids);
      const last = images.get('id24');
      await flush();
      assert.equal(api.calls.length, 2);
      api.calls[0]!.fail(new VodError('server', msg('api.internal')));
      api.calls[1]!.answer();
      await assert.rejects(many, /internal error/);
      assert.equal(found(await last).ImageId, 'id24');
      assert.ok(images.peek('id24'));
      assert.equal(images.peek('id0'), undefined);
    });
  });

  describe('cancellation', () => {
    it('rejects an already-aborted lookup at once without calling the API', async () => {
      const api = new FakeApi(['a']);
      await rejectsCancelled(service(api).get('a', { signal: AbortSignal.abort() }));
      await flush();
      assert.equal(api.calls.length, 0);
    });

    it('drops a queued ID whose only waiter aborted before the batch was sent', async () => {
      const api = new FakeApi(['a', 'b']);
      api.autoAnswer = true;
      const images = service(api, { batchDelayMs: 30 });
      const controller = new AbortController();
      const a = images.get('a', { signal: controller.signal });
      const b = images.get('b');
      controller.abort();
      await rejectsCancelled(a);
      await b;
      assert.deepEqual(api.only().ids, ['b']);
    });

    it('keeps the shared request alive while another waiter still wants it', async () => {
      const api = new FakeApi(['a']);
      const images = service(api);
      const controller = new AbortController();
      const leaving = images.get('a', { signal: controller.signal });
      const staying = images.get('a');
      await flush();
      controller.abort();
      await rejectsCancelled(leaving);
      assert.equal(api.only().signal?.aborted, false);
      api.only().answer();
      assert.equal(found(await staying).ImageId, 'a');
    });

    it('keeps a call alive while any of its IDs is wanted, and caches the abandoned ID too', async () => {
      const api = new FakeApi(['a', 'b']);
      const images = service(api);
      const controller = new AbortController();
      const a = images.get('a', { signal: controller.signal });
      const b = images.get('b');
      await flush();
      controller.abort();
      await rejectsCancelled(a);
      assert.equal(api.only().signal?.aborted, false);
      api.only().answer();
      await b;
      assert.ok(images.peek('a'), 'the answer for a still warms the cache');
    });

    it('cancels the shared request when all its waiters aborted, and starts afresh afterwards', async () => {
      const api = new FakeApi(['a', 'b']);
      const images = service(api);
      const c1 = new AbortController();
      const c2 = new AbortController();
      const p1 = images.get('a', { signal: c1.signal });
      const p2 = images.getMany(['a', 'b'], { signal: c2.signal });
      await flush();
      c1.abort();
      assert.equal(api.only().signal?.aborted, false);
      c2.abort();
      await rejectsCancelled(p1);
      await rejectsCancelled(p2);
      assert.equal(api.only().signal?.aborted, true);

      api.autoAnswer = true;
      assert.equal(found(await images.get('a')).ImageId, 'a');
      assert.equal(api.calls.length, 2, 'a new call, not the cancelled one');
    });

    it('puts one abort listener on the caller signal for a whole getMany, and removes it when done', async () => {
      const api = new FakeApi();
      const images = service(api);
      const controller = new AbortController();
      const ids = Array.from({ length: 60 }, (_, i) => `m${i}`);
      const many = images.getMany(ids, { signal: controller.signal });
      assert.equal(getEventListeners(controller.signal, 'abort').length, 1);
      await flush();
      for (const call of api.calls) call.answer();
      await many;
      assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
    });

    it('dispose rejects pending lookups and aborts calls in flight', async () => {
      const api = new FakeApi(['a']);
      const images = service(api);
      const inFlight = images.get('a');
      await flush();
      const queued = images.get('b');
      images.dispose();
      await rejectsCancelled(inFlight);
      await rejectsCancelled(queued);
      assert.equal(api.only().signal?.aborted, true);
      await flush();
      assert.equal(api.calls.length, 1, 'the queued batch is never sent');
    });
  });

  describe('onDidChange', () => {
    it('fires with the fetched IDs, and on invalidate; stops after dispose', async () => {
      const api = new FakeApi(['a']);
      api.autoAnswer = true;
      const images = service(api);
      const events: string[][] = [];
      const subscription = images.onDidChange((ids) => events.push(ids));
      await images.getMany(['a', 'b']);
      images.invalidate('a');
      images.invalidate('not-cached');
      images.invalidate();
      subscription.dispose();
      await images.get('c');
      assert.deepEqual(events, [['a', 'b'], ['a'], ['b']]);
    });

    it('keeps notifying other listeners when one throws', async () => {
      const api = new FakeApi();
      api.autoAnswer = true;
      const images = service(api);
      const seen: string[][] = [];
      images.onDidChange(() => {
        throw new Error('listener bug');
      });
      images.onDidChange((ids) => seen.push(ids));
      await images.get('x');
      assert.deepEqual(seen, [['x']]);
    });

    it('does not fire for cache hits', async () => {
      const api = new FakeApi(['a']);
      api.autoAnswer = true;
      const images = service(api);
      await images.get('a');
      let fired = 0;
      images.onDidChange(() => fired++);
      await images.get('a');
      images.peek('a');
      assert.equal(fired, 0);
    });
  });
});

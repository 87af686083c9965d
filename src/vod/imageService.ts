/**
 * The one cache and batcher between every consumer (hover, explorer, panel, commands) and the API,
 * so a lookup anywhere warms all of them and a screenful of IDs costs one GetImageInfos call.
 *
 * - Lookups for uncached IDs asked for within `batchDelayMs` of each other share one API call
 *   (up to 20 IDs per call, the API's limit).
 * - A lookup for an ID already queued or in flight joins that request instead of starting another.
 * - Found and missing results are cached with their own TTLs (found images carry URLs that expire;
 *   "missing" should heal soon after an upload). Errors are never cached: the next lookup retries.
 * - A caller that aborts stops waiting at once, but the shared request is only cancelled when
 *   every caller waiting on it has aborted; otherwise its result still lands in the cache.
 * - The cache is an LRU bounded by `maxEntries`.
 */
import type { VodApi } from './api';
import { VodError } from './errors';
import type { ImageInfo } from './schemas';

export type Lookup =
  | { readonly state: 'found'; readonly info: ImageInfo; readonly fetchedAt: number }
  | { readonly state: 'missing'; readonly imageId: string; readonly fetchedAt: number };

export interface ImageServiceOptions {
  readonly api: Pick<VodApi, 'getImageInfos'>;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
  /** Default 10 minutes: long enough to make hovers free, short enough that cached URLs still work. */
  readonly foundTtlMs?: number;
  /** Default 3 minutes. */
  readonly missingTtlMs?: number;
  /** Default 2000 entries (an ImageInfo is well under 2 KB, so ≈ a few MB at most). */
  readonly maxEntries?: number;
  /** Default 10 ms: how long the first uncached lookup waits for others to share its call. */
  readonly batchDelayMs?: number;
}

export interface LookupOptions {
  readonly signal?: AbortSignal | undefined;
  /** Skip the cache. A request already queued or in flight is still joined: its answer is fresh. */
  readonly force?: boolean | undefined;
}

export interface Disposable {
  dispose(): void;
}

/** GetImageInfos accepts at most 20 IDs per call (reference §1.2). */
export const MAX_IDS_PER_CALL = 20;

const DEFAULTS = {
  foundTtlMs: 10 * 60_000,
  missingTtlMs: 3 * 60_000,
  maxEntries: 2000,
  batchDelayMs: 10,
} as const;

type Outcome = { readonly ok: true; readonly lookup: Lookup } | { readonly ok: false; readonly error: unknown };

interface Waiter {
  settle(outcome: Outcome): void;
}

/** One ID's pending request. `call` is undefined while the ID waits in the queue for the next batch. */
interface Flight {
  readonly id: string;
  readonly waiters: Set<Waiter>;
  call: Call | undefined;
}

/** One GetImageInfos call shared by up to 20 flights. */
interface Call {
  readonly controller: AbortController;
  readonly flights: readonly Flight[];
  /** Set when the call was abandoned; its late answer must then be ignored. */
  cancelled: boolean;
}

export class ImageService implements Disposable {
  private readonly api: Pick<VodApi, 'getImageInfos'>;
  private readonly now: () => number;
  private readonly foundTtlMs: number;
  private readonly missingTtlMs: number;
  private readonly maxEntries: number;
  private readonly batchDelayMs: number;

  /** Insertion order is recency order: a hit is moved to the end, eviction takes from the front. */
  private readonly cache = new Map<string, Lookup>();
  private readonly flights = new Map<string, Flight>();
  private queue: Flight[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(ids: string[]) => void>();

  constructor(options: ImageServiceOptions) {
    this.api = options.api;
    this.now = options.now ?? Date.now;
    this.foundTtlMs = options.foundTtlMs ?? DEFAULTS.foundTtlMs;
    this.missingTtlMs = options.missingTtlMs ?? DEFAULTS.missingTtlMs;
    this.maxEntries = Math.max(1, options.maxEntries ?? DEFAULTS.maxEntries);
    this.batchDelayMs = Math.max(0, options.batchDelayMs ?? DEFAULTS.batchDelayMs);
  }

  /** The image, or `missing` when the API says it does not exist. Rejects with the API's VodError. */
  get(id: string, options: LookupOptions = {}): Promise<Lookup> {
    const [promise] = this.lookUp([id], options);
    return promise!;
  }

  /** Every distinct ID's lookup; rejects if any batch fails (the others are still cached). */
  async getMany(ids: readonly string[], options: LookupOptions = {}): Promise<Map<string, Lookup>> {
    const unique = [...new Set(ids)];
    const lookups = await Promise.all(this.lookUp(unique, options));
    return new Map(unique.map((id, i) => [id, lookups[i]!]));
  }

  /** The cached, unexpired entry, synchronously; never calls the API. Counts as a use for the LRU. */
  peek(id: string): Lookup | undefined {
    const entry = this.cache.get(id);
    if (!entry) return undefined;
    if (this.isExpired(entry)) {
      this.cache.delete(id);
      return undefined;
    }
    this.cache.delete(id);
    this.cache.set(id, entry);
    return entry;
  }

  /** Forgets one ID, or everything. Requests in flight are left to finish and will be cached. */
  invalidate(id?: string): void {
    if (id !== undefined) {
      if (this.cache.delete(id)) this.emit([id]);
      return;
    }
    const ids = [...this.cache.keys()];
    this.cache.clear();
    if (ids.length > 0) this.emit(ids);
  }

  /** Called with the IDs whose entries were fetched or invalidated (not for LRU evictions). */
  onDidChange(listener: (ids: string[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /** Cancels every request, rejects every waiter with a `cancelled` VodError and drops the cache. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
    const flights = [...this.flights.values()];
    this.flights.clear();
    for (const flight of flights) {
      if (flight.call && !flight.call.cancelled) {
        flight.call.cancelled = true;
        flight.call.controller.abort();
      }
      settleAll(flight, { ok: false, error: cancelledError() });
    }
    this.cache.clear();
    this.listeners.clear();
  }

  /**
   * One promise per ID. All waiters of one caller share a single abort listener, so a getMany of
   * hundreds of IDs does not put hundreds of listeners on the caller's signal.
   */
  private lookUp(ids: readonly string[], options: LookupOptions): Promise<Lookup>[] {
    const { signal, force = false } = options;
    if (signal?.aborted) return ids.map(() => Promise.reject(cancelledError()));

    const pending = new Map<Waiter, Flight>();
    const onAbort = (): void => {
      const abandoned = [...pending];
      pending.clear();
      for (const [waiter, flight] of abandoned) {
        flight.waiters.delete(waiter);
        waiter.settle({ ok: false, error: cancelledError() });
      }
      for (const [, flight] of abandoned) this.abandon(flight);
    };

    const promises = ids.map((id) => {
      if (id.length === 0) return Promise.reject(new VodError('invalidInput', 'An image ID cannot be empty.'));
      const cached = force ? undefined : this.peek(id);
      if (cached) return Promise.resolve(cached);
      const flight = this.flightFor(id);
      return new Promise<Lookup>((resolve, reject) => {
        const waiter: Waiter = {
          settle: (outcome) => {
            pending.delete(waiter);
            if (pending.size === 0) signal?.removeEventListener('abort', onAbort);
            if (outcome.ok) resolve(outcome.lookup);
            else reject(outcome.error);
          },
        };
        flight.waiters.add(waiter);
        pending.set(waiter, flight);
      });
    });

    if (signal && pending.size > 0) signal.addEventListener('abort', onAbort, { once: true });
    return promises;
  }

  /** The queued or in-flight request for an ID, or a new one in the next batch. */
  private flightFor(id: string): Flight {
    const existing = this.flights.get(id);
    if (existing) return existing;
    const flight: Flight = { id, waiters: new Set(), call: undefined };
    this.flights.set(id, flight);
    this.queue.push(flight);
    // The timer is not pushed back by later arrivals: the first caller's latency stays bounded.
    this.timer ??= setTimeout(() => this.flush(), this.batchDelayMs);
    return flight;
  }

  /** A flight nobody waits for any more: drop it if queued; cancel its call once all of the call's flights are abandoned. */
  private abandon(flight: Flight): void {
    if (flight.waiters.size > 0) return;
    const call = flight.call;
    if (!call) {
      this.queue = this.queue.filter((queued) => queued !== flight);
      this.forget(flight);
      return;
    }
    if (call.cancelled || call.flights.some((f) => f.waiters.size > 0)) return;
    call.cancelled = true;
    call.controller.abort();
    for (const f of call.flights) this.forget(f);
  }

  /** Removes a flight from the index so the next lookup for its ID starts afresh. */
  private forget(flight: Flight): void {
    if (this.flights.get(flight.id) === flight) this.flights.delete(flight.id);
  }

  private flush(): void {
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    for (let i = 0; i < batch.length; i += MAX_IDS_PER_CALL) void this.send(batch.slice(i, i + MAX_IDS_PER_CALL));
  }

  private async send(flights: readonly Flight[]): Promise<void> {
    const call: Call = { controller: new AbortController(), flights, cancelled: false };
    for (const flight of flights) flight.call = call;

    let images: readonly ImageInfo[];
    try {
      ({ images } = await this.api.getImageInfos(
        flights.map((f) => f.id),
        { signal: call.controller.signal },
      ));
    } catch (error) {
      if (call.cancelled) return;
      for (const flight of flights) {
        this.forget(flight);
        settleAll(flight, { ok: false, error });
      }
      return;
    }
    if (call.cancelled) return;

    const fetchedAt = this.now();
    const byId = new Map<string, ImageInfo>();
    for (const info of images) if (!byId.has(info.ImageId)) byId.set(info.ImageId, info);
    for (const flight of flights) {
      const info = byId.get(flight.id);
      // Anything the API did not return as found is missing, whether or not it listed it in NonExistImageIds.
      const lookup: Lookup = info ? { state: 'found', info, fetchedAt } : { state: 'missing', imageId: flight.id, fetchedAt };
      this.store(flight.id, lookup);
      this.forget(flight);
      settleAll(flight, { ok: true, lookup });
    }
    this.emit(flights.map((f) => f.id));
  }

  private store(id: string, lookup: Lookup): void {
    this.cache.delete(id);
    this.cache.set(id, lookup);
    while (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }

  private isExpired(entry: Lookup): boolean {
    const ttl = entry.state === 'found' ? this.foundTtlMs : this.missingTtlMs;
    return this.now() - entry.fetchedAt >= ttl;
  }

  private emit(ids: string[]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener([...ids]);
      } catch {
        // A failing consumer (say, a disposed tree view) must not stop the others from updating.
      }
    }
  }
}

function settleAll(flight: Flight, outcome: Outcome): void {
  const waiters = [...flight.waiters];
  flight.waiters.clear();
  for (const waiter of waiters) waiter.settle(outcome);
}

function cancelledError(): VodError {
  return new VodError('cancelled', 'The image lookup was cancelled.');
}

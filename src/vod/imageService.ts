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
 * - It is the one resolver for "what is this ID": images first; the IDs a GetImageInfos batch did not
 *   find go through GetVideoInfos (when the API offers it), pooled across image batches so M such IDs
 *   cost ⌈M/20⌉ calls: a video batch leaves when it holds 20 IDs, or when no image call is queued or
 *   in flight that could add to it. A key refused GetVideoInfos keeps its image results; the refusal
 *   is reported once (`onVideoStepUnavailable`) and the video step stays off until `invalidate()`.
 * - A caller that will ask for more IDs soon (the explorer's progressive resolver) takes a hold
 *   (`holdVideoBatches`): while it holds, a partial video batch made only of its own lookups waits
 *   for more IDs instead of leaving, so its M unknown IDs cost ⌈M/20⌉ calls however it chunks them.
 *   Anyone else's lookup in the queue (a hover) still lets the partial batch leave at once.
 * - Audio or video: GetVideoInfos does not say, so each video batch that found assets asks SearchMedia
 *   once which of them are audio (media/audioLookup.ts): at most one more call per 20 unknown IDs. If
 *   that lookup fails the assets are called video; a refusal (auth) turns it off until `invalidate()`
 *   and is reported once (`onAudioCheckUnavailable`).
 */
import type { VodApi } from './api';
import { VodError, isVodError } from './errors';
import { msg } from './messages';
import { mediaKindOf, type MediaLookup } from './media/mediaLookup';
import type { VideoApi } from './media/videoApi';
import type { VideoInfo } from './media/videoSchemas';
import type { ImageInfo } from './schemas';

/** What an ID is: an image (`found`, for history), a video or audio asset, or nothing VOD knows. */
export type Lookup =
  | { readonly state: 'found'; readonly info: ImageInfo; readonly fetchedAt: number }
  | MediaLookup
  | {
      readonly state: 'missing';
      readonly imageId: string;
      readonly fetchedAt: number;
      /** Set when the video step could not run (the key may not call GetVideoInfos): "not an image" only. */
      readonly videoCheck?: 'denied' | undefined;
    };

export type ResolverApi = Pick<VodApi, 'getImageInfos'> & Partial<Pick<VideoApi, 'getVideoInfos' | 'audioIdsAmong'>>;

export interface ImageServiceOptions {
  /** Without `getVideoInfos` the resolver knows images only (IDs it does not find are missing). */
  readonly api: ResolverApi;
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
  /** Lookups made under a hold may wait for more IDs before their video batch leaves (see `holdVideoBatches`). */
  readonly hold?: VideoBatchHold | undefined;
  /**
   * Called (with the ID) when an ID turns out to be no image and waits for the video step; its promise
   * settles later. Lets a bulk caller go on to its next IDs without waiting for the video answers.
   */
  readonly onVideoStage?: ((id: string) => void) | undefined;
}

/** A bulk caller's promise that more IDs are coming; `dispose()` when it has asked for all of them. */
export interface VideoBatchHold extends Disposable {
  readonly active: boolean;
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
  /** The caller's hold, if it has more IDs to ask for. */
  readonly hold?: VideoBatchHold | undefined;
  /** The caller wants to know when the ID leaves the image step for the video step. */
  readonly toVideoStage?: (() => void) | undefined;
}

/** One ID's pending request. `call` is undefined while the ID waits in a queue for the next batch. */
interface Flight {
  readonly id: string;
  readonly waiters: Set<Waiter>;
  call: Call | undefined;
  /** Which queue/call it is in: GetImageInfos first, then (not an image) GetVideoInfos. */
  stage: 'image' | 'video';
}

/** One GetImageInfos call shared by up to 20 flights. */
interface Call {
  readonly controller: AbortController;
  readonly flights: readonly Flight[];
  /** Set when the call was abandoned; its late answer must then be ignored. */
  cancelled: boolean;
}

export class ImageService implements Disposable {
  private readonly api: ResolverApi;
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
  /** Not-an-image IDs waiting for a GetVideoInfos batch. */
  private videoQueue: Flight[] = [];
  private imageCallsInFlight = 0;
  /** The refusal that turned the video step off, until `invalidate()`. */
  private videoDenied: VodError | undefined;
  private readonly videoListeners = new Set<(error: VodError) => void>();
  private readonly holds = new Set<VideoBatchHold>();
  /** The refusal that turned the audio check off, until `invalidate()`. */
  private audioDenied: VodError | undefined;
  private readonly audioListeners = new Set<(error: VodError) => void>();

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

  /**
   * Called once when the video step is refused (say, the key lacks vod:GetVideoInfos): image results
   * keep coming, and IDs that are no image are `missing` with `videoCheck: 'denied'`.
   */
  onVideoStepUnavailable(listener: (error: VodError) => void): Disposable {
    this.videoListeners.add(listener);
    return { dispose: () => void this.videoListeners.delete(listener) };
  }

  /**
   * Called once when the audio check is refused (say, the key lacks vod:SearchMedia): audio assets are
   * then reported as `video`.
   */
  onAudioCheckUnavailable(listener: (error: VodError) => void): Disposable {
    this.audioListeners.add(listener);
    return { dispose: () => void this.audioListeners.delete(listener) };
  }

  /**
   * Says more lookups are coming: until the hold is disposed, a partial GetVideoInfos batch made only of
   * lookups under this hold waits for more IDs (a full batch of 20 still leaves at once). The holder
   * must not wait for those lookups before disposing (use `onVideoStage` to move on), or it waits forever.
   */
  holdVideoBatches(): VideoBatchHold {
    let active = true;
    const hold: VideoBatchHold = {
      get active() {
        return active;
      },
      dispose: () => {
        if (!active) return;
        active = false;
        this.holds.delete(hold);
        this.pumpVideos();
      },
    };
    this.holds.add(hold);
    return hold;
  }

  /** Forgets one ID, or everything. Requests in flight are left to finish and will be cached. */
  invalidate(id?: string): void {
    if (id !== undefined) {
      if (this.cache.delete(id)) this.emit([id]);
      return;
    }
    const ids = [...this.cache.keys()];
    this.cache.clear();
    // A full refresh (often after a credential change) gives the video step another chance.
    this.videoDenied = undefined;
    this.audioDenied = undefined;
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
    this.videoQueue = [];
    this.videoListeners.clear();
    this.audioListeners.clear();
    this.holds.clear();
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
    const { signal, force = false, hold, onVideoStage } = options;
    if (signal?.aborted) return ids.map(() => Promise.reject(cancelledError()));

    const pending = new Map<Waiter, Flight>();
    let joinedVideoQueue = false;
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
      if (id.length === 0) return Promise.reject(new VodError('invalidInput', msg('lookup.emptyId')));
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
          hold,
          toVideoStage: onVideoStage && (() => onVideoStage(id)),
        };
        flight.waiters.add(waiter);
        pending.set(waiter, flight);
        if (flight.stage === 'video') {
          waiter.toVideoStage?.();
          // Joining a queued video flight without a hold: its batch need not wait any longer.
          if (!flight.call && !hold?.active) joinedVideoQueue = true;
        }
      });
    });

    if (signal && pending.size > 0) signal.addEventListener('abort', onAbort, { once: true });
    if (joinedVideoQueue) this.pumpVideos();
    return promises;
  }

  /** The queued or in-flight request for an ID, or a new one in the next batch. */
  private flightFor(id: string): Flight {
    const existing = this.flights.get(id);
    if (existing) return existing;
    const flight: Flight = { id, waiters: new Set(), call: undefined, stage: 'image' };
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
      if (flight.stage === 'video') this.videoQueue = this.videoQueue.filter((queued) => queued !== flight);
      else this.queue = this.queue.filter((queued) => queued !== flight);
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
    this.imageCallsInFlight++;
    try {
      await this.sendImages(flights);
    } finally {
      this.imageCallsInFlight--;
      this.pumpVideos();
    }
  }

  private async sendImages(flights: readonly Flight[]): Promise<void> {
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
      this.fail(flights, error);
      return;
    }
    if (call.cancelled) return;

    const fetchedAt = this.now();
    const byId = new Map<string, ImageInfo>();
    for (const info of images) if (!byId.has(info.ImageId)) byId.set(info.ImageId, info);
    const settled: string[] = [];
    for (const flight of flights) {
      const info = byId.get(flight.id);
      if (!info && this.videoStepOn()) {
        // Not an image: maybe a video or audio asset. The flight waits for a pooled GetVideoInfos batch.
        flight.call = undefined;
        flight.stage = 'video';
        if (flight.waiters.size > 0) this.videoQueue.push(flight);
        else this.forget(flight);
        for (const waiter of [...flight.waiters]) waiter.toVideoStage?.();
        continue;
      }
      // Anything the API did not return as found is missing, whether or not it listed it in NonExistImageIds.
      this.settle(flight, info ? { state: 'found', info, fetchedAt } : this.missing(flight.id, fetchedAt));
      settled.push(flight.id);
    }
    if (settled.length > 0) this.emit(settled);
  }

  private videoStepOn(): boolean {
    return this.api.getVideoInfos !== undefined && this.videoDenied === undefined;
  }

  private missing(id: string, fetchedAt: number): Lookup {
    return this.videoDenied !== undefined && this.api.getVideoInfos !== undefined
      ? { state: 'missing', imageId: id, fetchedAt, videoCheck: 'denied' }
      : { state: 'missing', imageId: id, fetchedAt };
  }

  /**
   * Sends full video batches at once; the remainder when no image call could still add to it and
   * no hold promises more (a lookup outside every hold is waiting, or no hold is left).
   */
  private pumpVideos(): void {
    while (this.videoQueue.length >= MAX_IDS_PER_CALL) void this.sendVideos(this.videoQueue.splice(0, MAX_IDS_PER_CALL));
    const imagesPending = this.imageCallsInFlight > 0 || this.queue.length > 0;
    if (imagesPending || this.videoQueue.length === 0) return;
    if (this.videoQueue.some((flight) => !isPatient(flight))) void this.sendVideos(this.videoQueue.splice(0));
  }

  private async sendVideos(flights: readonly Flight[]): Promise<void> {
    const getVideoInfos = this.api.getVideoInfos;
    if (!getVideoInfos) return;
    const call: Call = { controller: new AbortController(), flights, cancelled: false };
    for (const flight of flights) flight.call = call;

    let videos: readonly VideoInfo[];
    try {
      ({ videos } = await getVideoInfos.call(
        this.api,
        flights.map((f) => f.id),
        { signal: call.controller.signal },
      ));
    } catch (error) {
      if (call.cancelled) return;
      if (isVodError(error) && error.kind === 'auth') {
        this.denyVideoStep(error);
        const fetchedAt = this.now();
        for (const flight of flights) this.settle(flight, this.missing(flight.id, fetchedAt));
        this.emit(flights.map((f) => f.id));
        return;
      }
      this.fail(flights, error);
      return;
    }
    if (call.cancelled) return;
    const audio = await this.audioAmong(videos, call);
    if (call.cancelled) return;

    const fetchedAt = this.now();
    const byId = new Map<string, VideoInfo>();
    for (const info of videos) if (!byId.has(info.VideoId)) byId.set(info.VideoId, info);
    for (const flight of flights) {
      const info = byId.get(flight.id);
      if (!info) {
        this.settle(flight, this.missing(flight.id, fetchedAt));
      } else if (info.MediaType === undefined && audio !== undefined) {
        // The check answered: the kind is known, and written into the record so that views reading
        // MediaType (the hover says "Video" rather than "Audio/video") agree with the state.
        const kind = audio.has(info.VideoId) ? 'audio' : 'video';
        this.settle(flight, { state: kind, info: { ...info, MediaType: kind }, fetchedAt });
      } else {
        this.settle(flight, { state: mediaKindOf(info), info, fetchedAt });
      }
    }
    this.emit(flights.map((f) => f.id));
  }

  /**
   * The audio among found assets whose record does not say its kind: one SearchMedia call. Undefined
   * when it could not be asked or failed; that never fails the lookups (they are then `video`, with
   * no MediaType, so views can say "audio/video").
   */
  private async audioAmong(videos: readonly VideoInfo[], call: Call): Promise<ReadonlySet<string> | undefined> {
    const audioIdsAmong = this.api.audioIdsAmong;
    const unlabelled = videos.filter((info) => info.MediaType === undefined).map((info) => info.VideoId);
    if (!audioIdsAmong || this.audioDenied !== undefined || unlabelled.length === 0) return undefined;
    try {
      return await audioIdsAmong.call(this.api, unlabelled, { signal: call.controller.signal });
    } catch (error) {
      if (isVodError(error) && error.kind === 'auth') this.denyAudioCheck(error);
      return undefined;
    }
  }

  /** Turns the video step off and says why, once. */
  private denyVideoStep(error: VodError): void {
    if (this.videoDenied !== undefined) return;
    this.videoDenied = error;
    notify(this.videoListeners, error);
  }

  /** Turns the audio check off and says why, once. */
  private denyAudioCheck(error: VodError): void {
    if (this.audioDenied !== undefined) return;
    this.audioDenied = error;
    notify(this.audioListeners, error);
  }

  private settle(flight: Flight, lookup: Lookup): void {
    this.store(flight.id, lookup);
    this.forget(flight);
    settleAll(flight, { ok: true, lookup });
  }

  /** Errors are never cached: every waiter gets the error and the next lookup retries. */
  private fail(flights: readonly Flight[], error: unknown): void {
    for (const flight of flights) {
      this.forget(flight);
      settleAll(flight, { ok: false, error });
    }
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
    const ttl = entry.state === 'missing' ? this.missingTtlMs : this.foundTtlMs;
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

function notify(listeners: ReadonlySet<(error: VodError) => void>, error: VodError): void {
  for (const listener of [...listeners]) {
    try {
      listener(error);
    } catch {
      // A failing listener must not break the lookups.
    }
  }
}

/** Every caller waiting on the flight holds an active hold: more IDs are coming for its batch. */
function isPatient(flight: Flight): boolean {
  for (const waiter of flight.waiters) if (!waiter.hold?.active) return false;
  return flight.waiters.size > 0;
}

function settleAll(flight: Flight, outcome: Outcome): void {
  const waiters = [...flight.waiters];
  flight.waiters.clear();
  for (const waiter of waiters) waiter.settle(outcome);
}

function cancelledError(): VodError {
  return new VodError('cancelled', msg('cancel.lookup'));
}

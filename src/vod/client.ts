/**
 * `VodClient`: the `VodApi` over signed HTTP. One request goes:
 *   pace (rate limiter) → credentials → sign (fresh nonce, skew-corrected time) → transport →
 *   zod-validated data, or a typed error → maybe retry / re-sign after learning the clock offset.
 * Batching for GetImageInfos (≤ 20 IDs per call, a few calls in flight) lives here too.
 */
import type {
  CallOptions,
  CategoriesQuery,
  CategoriesResult,
  ImageInfosResult,
  ImageUrlOptions,
  SearchImagesQuery,
  SearchImagesResult,
  SignatureVersion,
  VodApi,
} from './api';
import { SkewCorrectedClock, type Clock } from './clock';
import { MAX_VIDEO_IDS_PER_CALL, type PlayInfoOptions, type PlayInfoResult, type VideoApi, type VideoInfosResult } from './media/videoApi';
import { assetsOf } from './media/asset';
import { namePermission } from './media/videoErrors';
import { checkMediaId, collectVideos, playParams } from './media/videoParams';
import { videoSchemas } from './media/videoSchemas';
import type { Credentials } from './credentials';
import { isLoopbackHost } from './endpoint';
import { checkExpiryBounds } from './duration';
import { cleanServerMessage, headerValue, mapApiError, mapTransportError } from './errorMapping';
import { VodError, isVodError } from './errors';
import { isPlausibleImageId } from './imageIds';
import type { RequestLogEntry, RequestOutcome } from './log';
import {
  DEFAULT_RETRY_POLICY,
  abortableSleep,
  cancelledError,
  createRateLimiter,
  retryDelayMs,
  type RateLimiter,
  type RetryPolicy,
  type Sleep,
} from './retry';
import {
  GetCategoriesResponseSchema,
  GetImageInfoResponseSchema,
  GetImageInfosResponseSchema,
  SearchMediaResponseSchema,
  type ImageInfo,
} from './schemas';
import { imageOfMedia, searchFieldsFor } from './searchImageFields';
import { safeRequestId } from './serverFields';
import { newNonce, signRequest } from './signing/signedRequest';
import { createUndiciTransport, type Transport, type TransportResponse } from './transport';
import { MAX_IMAGES_PER_WRITE, writeBatches } from './upload/imageMetadataLimits';
import { parseUploadTicket } from './upload/uploadTicket';
import { downloadImageFile, type DownloadedImage } from './download/downloadImageFile';
import { uploadImageFile, type UploadedImage } from './upload/uploadImageFile';
import type {
  CreateUploadImageRequest,
  DeleteImagesResult,
  FileDownloadOptions,
  FileUploadOptions,
  ImageInfoUpdate,
  ImageWriteApi,
  UpdateImageInfosResult,
  UploadImageTicket,
} from './upload/writeApi';
import { PartialWriteError, nameWritePermission, type WriteAction } from './upload/writeErrors';
import { checkWriteImageId, createUploadParams, updateContentItem } from './upload/writeParams';
import { writeSchemas } from './upload/writeSchemas';

export const VOD_API_VERSION = '2017-03-21';
/** GetImageInfos accepts at most 20 IDs per call (API reference). */
export const MAX_IDS_PER_BATCH = 20;
const MAX_PAGE_SIZE = 100;

export interface VodClientOptions {
  /** From `resolveEndpoint`: already checked for https / loopback. */
  readonly endpoint: URL;
  /** Asked before every attempt, so a profile switch or a refreshed STS token applies at once. */
  readonly credentials: () => Promise<Credentials>;
  readonly signatureVersion?: SignatureVersion | undefined;
  /** Defaults to a lazily-loaded undici transport. */
  readonly transport?: Transport | undefined;
  /** Total time per HTTP attempt. */
  readonly timeoutMs?: number | undefined;
  /** GetImageInfos batches in flight at once. Default 4. */
  readonly maxConcurrency?: number | undefined;
  /** Requests per second across this client (VOD allows 10 per account). `Infinity` disables. */
  readonly requestsPerSecond?: number | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Share one clock between clients so a learnt offset survives a client rebuild. */
  readonly clock?: Clock | undefined;
  readonly log?: ((entry: RequestLogEntry) => void) | undefined;
  /** Test seams. */
  readonly sleep?: Sleep | undefined;
  readonly random?: (() => number) | undefined;
  readonly nonce?: (() => string) | undefined;
  /** Monotonic milliseconds, for latencies and the rate limiter. */
  readonly monotonicNow?: (() => number) | undefined;
  /** Wall-clock milliseconds at which a response arrived (for learning the clock offset). */
  readonly wallNow?: (() => number) | undefined;
}

type Schema<T> = { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } } };
interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

interface CallSpec<T> {
  readonly action: string;
  readonly params: Readonly<Record<string, string>>;
  readonly schema: Schema<T>;
  readonly signal: AbortSignal | undefined;
  readonly idCount?: number | undefined;
}

interface CallResult<T> {
  readonly data: T;
  readonly requestId: string | undefined;
  /** The body exactly as parsed from JSON, before validation coerced anything. */
  readonly json: unknown;
}

/** What one HTTP attempt produced: validated data, or an error plus whatever response came back. */
type Attempt<T> = { readonly latencyMs: number } & (
  | { readonly ok: true; readonly result: CallResult<T>; readonly status: number }
  | { readonly ok: false; readonly error: VodError; readonly response: TransportResponse | undefined; readonly receivedAt: number }
);

export class VodClient implements VodApi, VideoApi, ImageWriteApi {
  private readonly endpoint: URL;
  private readonly credentials: () => Promise<Credentials>;
  private readonly scheme: SignatureVersion;
  private readonly transport: Transport;
  private readonly ownsTransport: boolean;
  private readonly timeoutMs: number | undefined;
  private readonly maxConcurrency: number;
  private readonly limiter: RateLimiter;
  private readonly retryPolicy: RetryPolicy;
  private readonly clock: Clock;
  private readonly log: (entry: RequestLogEntry) => void;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly nonce: () => string;
  private readonly monotonicNow: () => number;
  private readonly wallNow: () => number;

  constructor(options: VodClientOptions) {
    // resolveEndpoint already enforces this; repeated here because every request carries a signature.
    if (options.endpoint.protocol !== 'https:' && !(options.endpoint.protocol === 'http:' && isLoopbackHost(options.endpoint.hostname))) {
      throw new VodError('invalidInput', `The endpoint ${options.endpoint.host} must use https (plain http only to this machine).`);
    }
    this.endpoint = options.endpoint;
    this.credentials = options.credentials;
    this.scheme = options.signatureVersion ?? 'v3';
    this.ownsTransport = options.transport === undefined;
    this.transport = options.transport ?? createUndiciTransport({ timeoutMs: options.timeoutMs });
    this.timeoutMs = options.timeoutMs;
    this.maxConcurrency = Math.max(1, Math.floor(options.maxConcurrency ?? 4));
    this.sleep = options.sleep ?? abortableSleep;
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
    this.wallNow = options.wallNow ?? Date.now;
    this.limiter = createRateLimiter({ perSecond: options.requestsPerSecond ?? 10, now: this.monotonicNow, sleep: this.sleep });
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.clock = options.clock ?? new SkewCorrectedClock();
    this.log = options.log ?? (() => {});
    this.random = options.random ?? Math.random;
    this.nonce = options.nonce ?? newNonce;
  }

  /** The clock offset (server minus local) this client currently signs with. */
  get clockOffsetMs(): number {
    return this.clock.offsetMs;
  }

  async getImageInfo(imageId: string, options: ImageUrlOptions = {}): Promise<ImageInfo> {
    checkImageId(imageId);
    const { data } = await this.call({
      action: 'GetImageInfo',
      params: { ImageId: imageId, ...urlParams(options) },
      schema: GetImageInfoResponseSchema,
      signal: options.signal,
      idCount: 1,
    });
    return data.ImageInfo;
  }

  async getImageInfos(imageIds: readonly string[], options: ImageUrlOptions = {}): Promise<ImageInfosResult> {
    const unique = [...new Set(imageIds)];
    unique.forEach(checkImageId);
    const extra = urlParams(options);
    if (unique.length === 0) return { images: [], missing: [], requestIds: [] };

    const batches = chunk(unique, MAX_IDS_PER_BATCH);
    const results = await mapBounded(batches, this.maxConcurrency, options.signal, (batch, signal) =>
      this.call({
        action: 'GetImageInfos',
        params: { ImageIds: batch.join(','), ...extra },
        schema: GetImageInfosResponseSchema,
        signal,
        idCount: batch.length,
      }),
    );

    const found = new Map<string, ImageInfo>();
    const raw = new Map<string, unknown>();
    for (const { data, json } of results) {
      for (const info of data.ImageInfo ?? []) found.set(info.ImageId, info);
      for (const item of rawImageList(json)) raw.set(String((item as { ImageId?: unknown }).ImageId), item);
    }
    // Anything not returned is missing, whether or not NonExistImageIds named it.
    const images = unique.flatMap((id) => found.get(id) ?? []);
    return {
      images,
      raw: images.map((info) => raw.get(info.ImageId) ?? info),
      missing: unique.filter((id) => !found.has(id)),
      requestIds: results.flatMap((r) => r.requestId ?? []),
    };
  }

  async searchImages(query: SearchImagesQuery = {}): Promise<SearchImagesResult> {
    const pageNo = checkInt('Page number', query.pageNo ?? 1, 1, Number.MAX_SAFE_INTEGER);
    const pageSize = checkInt('Page size', query.pageSize ?? 10, 1, MAX_PAGE_SIZE);
    const searchType = query.searchType ?? 'image';
    const params: Record<string, string> = { SearchType: searchType, Fields: searchFieldsFor(searchType), PageNo: String(pageNo), PageSize: String(pageSize) };
    if (query.match !== undefined && query.match.trim() !== '') params['Match'] = query.match;
    if (query.sortBy !== undefined) params['SortBy'] = query.sortBy;

    const { data, requestId } = await this.call({ action: 'SearchMedia', params, schema: SearchMediaResponseSchema, signal: query.signal });
    const mediaList = data.MediaList ?? [];
    return {
      total: data.Total ?? mediaList.length,
      images: mediaList.flatMap((media) => imageOfMedia(media) ?? []),
      mediaList,
      assets: assetsOf(mediaList),
      requestId,
    };
  }

  async getCategories(query: CategoriesQuery = {}): Promise<CategoriesResult> {
    const params: Record<string, string> = {
      CateId: String(checkInt('Category ID', query.cateId ?? -1, -1, Number.MAX_SAFE_INTEGER)),
      PageNo: String(checkInt('Page number', query.pageNo ?? 1, 1, Number.MAX_SAFE_INTEGER)),
      PageSize: String(checkInt('Page size', query.pageSize ?? 10, 1, MAX_PAGE_SIZE)),
    };
    if (query.sortBy !== undefined) params['SortBy'] = query.sortBy;
    const { data } = await this.call({ action: 'GetCategories', params, schema: GetCategoriesResponseSchema, signal: query.signal });
    const subCategories = data.SubCategories ?? [];
    return { category: data.Category, subCategories, total: data.SubTotal ?? subCategories.length };
  }

  /** GetVideoInfos in batches of 20 (audio comes back from it too). A RAM refusal names vod:GetVideoInfos. */
  async getVideoInfos(videoIds: readonly string[], options: CallOptions = {}): Promise<VideoInfosResult> {
    const unique = [...new Set(videoIds)];
    unique.forEach(checkMediaId);
    if (unique.length === 0) return { videos: [], raw: [], missing: [], requestIds: [] };
    const schema = videoSchemas().GetVideoInfosResponseSchema;
    const batches = chunk(unique, MAX_VIDEO_IDS_PER_CALL);
    try {
      const results = await mapBounded(batches, this.maxConcurrency, options.signal, (batch, signal) =>
        this.call({ action: 'GetVideoInfos', params: { VideoIds: batch.join(',') }, schema, signal, idCount: batch.length }),
      );
      return collectVideos(unique, results);
    } catch (error) {
      throw namePermission(error, 'GetVideoInfos');
    }
  }

  /** GetPlayInfo: the play streams of one audio/video (signed URLs; never log them). */
  async getPlayInfo(videoId: string, options: PlayInfoOptions = {}): Promise<PlayInfoResult> {
    checkMediaId(videoId);
    const params = { VideoId: videoId, ...urlParams(options), ...playParams(options) };
    try {
      const { data, requestId } = await this.call({ action: 'GetPlayInfo', params, schema: videoSchemas().GetPlayInfoResponseSchema, signal: options.signal, idCount: 1 });
      return { streams: data.PlayInfoList ?? [], base: data.VideoBase, requestId };
    } catch (error) {
      throw namePermission(error, 'GetPlayInfo');
    }
  }

  /**
   * CreateUploadImage: a new image (Status Uploading) and the temporary key for its one OSS object.
   * The metadata limits are checked first; the ticket's credentials are never logged.
   */
  async createUploadImage(request: CreateUploadImageRequest): Promise<UploadImageTicket> {
    const params = createUploadParams(request);
    try {
      const { data, requestId } = await this.call({ action: 'CreateUploadImage', params, schema: writeSchemas().CreateUploadImageResponseSchema, signal: request.signal });
      return {
        imageId: data.ImageId,
        imageUrl: data.ImageURL || undefined,
        fileUrl: data.FileURL || undefined,
        requestId,
        upload: parseUploadTicket(data.UploadAddress, data.UploadAuth),
      };
    } catch (error) {
      throw nameWritePermission(error, 'CreateUploadImage');
    }
  }

  /** UpdateImageInfos, one call per 20 images, one after the other (a failure says which were done). */
  async updateImageInfos(updates: readonly ImageInfoUpdate[], options: CallOptions = {}): Promise<UpdateImageInfosResult> {
    const items = updates.map(updateContentItem);
    const ids = items.map((item) => String(item['ImageId']));
    if (new Set(ids).size !== ids.length) throw new VodError('invalidInput', 'The same image is named twice in one update.');
    if (items.length === 0) throw new VodError('invalidInput', 'No image to update.');
    const schema = writeSchemas().UpdateImageInfosResponseSchema;
    const results = await this.writeInBatches('UpdateImageInfos', items, ids, options.signal, (batch, signal) =>
      this.call({ action: 'UpdateImageInfos', params: { UpdateContent: JSON.stringify(batch) }, schema, signal, idCount: batch.length }),
    );
    const requestIds = results.flatMap((r) => r.requestId ?? []);
    return { requestId: requestIds.at(-1) ?? '', requestIds, nonExistImageIds: results.flatMap((r) => r.data.NonExistImageIds ?? []) };
  }

  /** DeleteImage with DeleteImageType=ImageId, one call per 20 IDs. Unknown IDs are not an error (the API ignores them). */
  async deleteImages(imageIds: readonly string[], options: CallOptions = {}): Promise<DeleteImagesResult> {
    const unique = [...new Set(imageIds)];
    unique.forEach(checkWriteImageId);
    if (unique.length === 0) throw new VodError('invalidInput', 'No image to delete.');
    const schema = writeSchemas().DeleteImageResponseSchema;
    const results = await this.writeInBatches('DeleteImage', unique, unique, options.signal, (batch, signal) =>
      this.call({ action: 'DeleteImage', params: { DeleteImageType: 'ImageId', ImageIds: batch.join(',') }, schema, signal, idCount: batch.length }),
    );
    const requestIds = results.flatMap((r) => r.requestId ?? []);
    return { requestId: requestIds.at(-1) ?? '', requestIds };
  }

  /** The upload signs its OSS `Date` with this client's skew-corrected clock and logs its PUTs here. */
  uploadImageFile(options: FileUploadOptions): Promise<UploadedImage> {
    return uploadImageFile({ ...options, api: this, transport: this.transport, log: this.log, now: () => this.clock.now() });
  }

  downloadImageFile(options: FileDownloadOptions): Promise<DownloadedImage> {
    return downloadImageFile({ ...options, api: this, transport: this.transport });
  }

  /**
   * Runs a write over `items` in calls of MAX_IMAGES_PER_WRITE, in order. Sequential on purpose: when
   * one call fails, the caller learns exactly which images the earlier calls changed.
   */
  private async writeInBatches<I, R>(
    action: WriteAction,
    items: readonly I[],
    ids: readonly string[],
    signal: AbortSignal | undefined,
    send: (batch: I[], signal: AbortSignal | undefined) => Promise<R>,
  ): Promise<R[]> {
    const results: R[] = [];
    const batches = writeBatches(items);
    for (const [index, batch] of batches.entries()) {
      try {
        if (signal?.aborted) throw cancelledError();
        results.push(await send(batch, signal));
      } catch (error) {
        const named = nameWritePermission(error, action);
        if (index === 0 || !isVodError(named)) throw named;
        const doneCount = index * MAX_IMAGES_PER_WRITE;
        throw new PartialWriteError(named, ids.slice(0, doneCount), ids.slice(doneCount));
      }
    }
    return results;
  }

  /** Releases the keep-alive connections of a transport this client created itself. */
  async close(): Promise<void> {
    if (this.ownsTransport) await this.transport.close();
  }

  private async call<T>(spec: CallSpec<T>): Promise<CallResult<T>> {
    let retries = 0;
    let skewCorrected = false;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(spec);
      const entry = { action: spec.action, idCount: spec.idCount, latencyMs: outcome.latencyMs, attempt };
      if (outcome.ok) {
        this.log({ ...entry, status: outcome.status, requestId: outcome.result.requestId, outcome: 'ok' });
        return outcome.result;
      }
      const { error, response } = outcome;
      const report = (result: RequestOutcome): void =>
        this.log({ ...entry, status: error.httpStatus, code: error.code, requestId: error.requestId, outcome: result });

      // A rejected timestamp is cured by signing with the server's time: learn it, once per call.
      if (error.code === 'InvalidTimeStamp.Expired' && !skewCorrected && response !== undefined) {
        skewCorrected = this.clock.learnFromDateHeader(headerValue(response.headers, 'date'), outcome.receivedAt);
        if (skewCorrected) {
          report('skew');
          continue;
        }
      }
      const delay = retryDelayMs(retries, error, this.retryPolicy, this.random);
      if (delay === undefined || spec.signal?.aborted) {
        report('error');
        throw error;
      }
      report('retry');
      retries++;
      await this.sleep(delay, spec.signal);
    }
  }

  private async attempt<T>(spec: CallSpec<T>): Promise<Attempt<T>> {
    let response: TransportResponse | undefined;
    let secrets: string[] = [];
    // Latency covers the HTTP exchange and parsing, not the wait for a rate-limit slot.
    let sentAt: number | undefined;
    const latency = (): number => (sentAt === undefined ? 0 : this.monotonicNow() - sentAt);
    try {
      await this.limiter.acquire(spec.signal);
      const credentials = await this.loadCredentials();
      secrets = [credentials.accessKeySecret, credentials.securityToken ?? ''];
      const signed = signRequest({
        scheme: this.scheme,
        endpoint: this.endpoint,
        action: spec.action,
        version: VOD_API_VERSION,
        params: spec.params,
        credentials,
        now: this.clock.now(),
        nonce: this.nonce(),
      });
      sentAt = this.monotonicNow();
      response = await this.transport.request({ ...signed, signal: spec.signal, timeoutMs: this.timeoutMs });
      const receivedAt = this.wallNow();
      if (response.status < 200 || response.status >= 300) {
        return { ok: false, error: mapApiError(response, secrets), response, receivedAt, latencyMs: latency() };
      }
      const result = parseBody(spec, response, secrets);
      return { ok: true, result, status: response.status, latencyMs: latency() };
    } catch (error) {
      // Injected transports may throw raw Node errors; map them like the undici transport does.
      const mapped = isVodError(error) ? error : mapTransportError(error, this.endpoint.host);
      return { ok: false, error: mapped, response, receivedAt: this.wallNow(), latencyMs: latency() };
    }
  }

  private async loadCredentials(): Promise<Credentials> {
    try {
      return await this.credentials();
    } catch (error) {
      if (isVodError(error)) throw error;
      // The provider's own error text may quote a config file; keep only that it failed.
      throw new VodError('noCredentials', 'Could not load the AccessKey credentials.', { cause: error });
    }
  }
}

/** GetImageInfos' `ImageInfo` list as sent: a plain array or wrapped in `{Image: [...]}` (the docs disagree). */
function rawImageList(json: unknown): object[] {
  const list = (json as { ImageInfo?: unknown } | null)?.ImageInfo;
  const items = Array.isArray(list) ? list : (list as { Image?: unknown } | undefined)?.Image;
  const array = Array.isArray(items) ? items : items === undefined ? [] : [items];
  return array.filter((item): item is object => typeof item === 'object' && item !== null);
}

function parseBody<T>(spec: CallSpec<T>, response: TransportResponse, secrets: readonly string[]): CallResult<T> {
  const headerRequestId = safeRequestId(headerValue(response.headers, 'x-acs-request-id'));
  let json: unknown;
  try {
    json = JSON.parse(response.body.toString('utf8'));
  } catch (error) {
    throw new VodError('invalidResponse', `VOD's answer to ${spec.action} is not valid JSON.`, {
      code: 'MalformedJson',
      requestId: headerRequestId,
      httpStatus: response.status,
      cause: error,
    });
  }
  const requestId = requestIdOf(json) ?? headerRequestId;
  // A 200 carrying an error Code is still an error (some gateways do this).
  if (isErrorBody(json)) throw mapApiError(response, secrets);
  const parsed = spec.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.map(String).join('.') || '(root)'}: ${cleanServerMessage(issue.message)}` : 'unknown';
    throw new VodError('invalidResponse', `VOD's answer to ${spec.action} has an unexpected shape (${where}).`, {
      code: 'UnexpectedShape',
      requestId,
      httpStatus: response.status,
    });
  }
  return { data: parsed.data, requestId, json };
}

function requestIdOf(json: unknown): string | undefined {
  const id = typeof json === 'object' && json !== null ? (json as { RequestId?: unknown }).RequestId : undefined;
  return safeRequestId(id);
}

function isErrorBody(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const { Code, Message } = json as { Code?: unknown; Message?: unknown };
  return typeof Code === 'string' && typeof Message === 'string';
}

/**
 * AuthTimeout and OutputType. The bounds are checked here, before any request: for OutputType=oss
 * the API allows at most 2,592,000 s (GetImageInfo(s) reference), and a local refusal says why
 * where the server's InvalidParameter would not.
 */
function urlParams(options: ImageUrlOptions): Record<string, string> {
  const params: Record<string, string> = {};
  if (options.authTimeout !== undefined) {
    const outOfBounds = checkExpiryBounds(options.authTimeout, options.outputType ?? 'cdn');
    if (outOfBounds) throw outOfBounds;
    params['AuthTimeout'] = String(options.authTimeout);
  }
  if (options.outputType !== undefined) params['OutputType'] = options.outputType;
  return params;
}

function checkImageId(id: string): void {
  if (!isPlausibleImageId(id)) {
    // Show only a short, printable prefix: the "ID" may be a pasted secret or a screenful of text.
    const shown = id.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
    throw new VodError('invalidInput', `"${shown}${id.length > 40 ? '…' : ''}" is not an image ID (expected 1 to 64 letters and digits).`);
  }
}

function checkInt(what: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw new VodError('invalidInput', `${what} must be ${range}, not ${value}.`);
  }
  return value;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Runs `fn` over `items` with at most `limit` in flight, keeping result order. The first failure
 * aborts the rest (their signal fires) and is the one rethrown.
 */
async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  outer: AbortSignal | undefined,
  fn: (item: T, signal: AbortSignal) => Promise<R>,
): Promise<R[]> {
  if (outer?.aborted) throw cancelledError();
  const controller = new AbortController();
  const forward = (): void => controller.abort();
  outer?.addEventListener('abort', forward, { once: true });
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;

  async function worker(): Promise<void> {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]!, controller.signal);
      } catch (error) {
        failure ??= { error };
        controller.abort();
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  } finally {
    outer?.removeEventListener('abort', forward);
  }
  if (failure !== undefined) throw failure.error;
  return results;
}

/**
 * Fetches an image for the hover and embeds it as a `data:` URI. The workbench loads hover images
 * only from https and `data:` (a plain-http URL is blocked by its CSP), and the editor's UI may not
 * reach the CDN at all in remote setups, so the extension host downloads the bytes through the core
 * transport (proxy-aware, size-capped, https only) instead.
 *
 * Real images are often 2–20 MB, so the picture embedded is a thumbnail of at most 256 px
 * (src/vod/thumbnail/thumbnailPlan.ts): resized by the CDN when it can, else shrunk here from the
 * original by a decoder loaded on first need. See docs/architecture.md ("Real-size images").
 */
import { isVodError } from '../../vod/errors';
import type { HoverThumbnail } from '../../vod/render/hoverMarkdown';
import type { ImageInfo } from '../../vod/schemas';
import { MAX_EMBED_BYTES, MAX_SOURCE_BYTES, THUMBNAIL_SIDE, planThumbnail } from '../../vod/thumbnail/thumbnailPlan';
import type { ThumbnailFetcher } from '../services';
import type { VodError } from '../../vod/errors';
import { toImageDataUri } from './dataUri';
import { ThumbnailCache, type ThumbnailEntry } from './thumbnailCache';

/** The largest image embedded as it is (larger ones are resized first). */
export const MAX_THUMBNAIL_BYTES = MAX_EMBED_BYTES;

function asHoverThumbnail(entry: ThumbnailEntry): HoverThumbnail {
  return entry.kind === 'image' ? { dataUri: entry.dataUri } : { tooLarge: true, bytes: entry.bytes };
}

function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export interface ThumbnailLabels {
  /** The bytes are not a PNG/JPEG/GIF/WebP/BMP picture. */
  readonly notAnImage: string;
  /** Any failure that is not a VodError (whose message is safe to show). */
  readonly downloadFailed: string;
  /** A VodError as the user reads it (the editor passes `localizeError`); its English message by default. */
  readonly describeError?: ((error: VodError) => string) | undefined;
}

interface FetchOptions {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
}

/** What loading produced: an entry worth caching, or bytes that are no picture. */
type Loaded = ThumbnailEntry | 'notAnImage';

export class HoverThumbnails {
  private readonly cache = new ThumbnailCache();

  constructor(
    private readonly fetcher: () => Promise<ThumbnailFetcher>,
    private readonly labels: ThumbnailLabels,
  ) {}

  /** The cached thumbnail of an image, synchronously (the ≤ 1 ms cached-hover path). */
  peek(imageId: string): HoverThumbnail | undefined {
    const entry = this.cache.get(imageId);
    return entry && asHoverThumbnail(entry);
  }

  /**
   * The thumbnail for a found image: cached, or fetched now. Undefined when the record has no
   * usable URL. Failures other than "too large" are shown but not cached: they may heal.
   */
  async get(info: ImageInfo, options: FetchOptions): Promise<HoverThumbnail | undefined> {
    const cached = this.peek(info.ImageId);
    if (cached) return cached;
    const url = info.URL;
    if (!url || !isHttpUrl(url)) return undefined;
    try {
      const loaded = await this.load(await this.fetcher(), { ...info, URL: url }, options);
      if (loaded === 'notAnImage') return { unavailable: this.labels.notAnImage };
      this.cache.set(info.ImageId, loaded);
      return asHoverThumbnail(loaded);
    } catch (error) {
      if (isVodError(error) && error.code === 'TooLarge') {
        const entry: ThumbnailEntry = { kind: 'tooLarge', bytes: undefined };
        this.cache.set(info.ImageId, entry);
        return asHoverThumbnail(entry);
      }
      if (isVodError(error) && error.kind === 'cancelled') throw error;
      // Only VodError messages are built to be shown; anything else might quote a signed URL.
      return { unavailable: isVodError(error) ? (this.labels.describeError?.(error) ?? error.message) : this.labels.downloadFailed };
    }
  }

  /** After a forced refresh (the image may have been replaced). */
  forget(imageId: string): void {
    this.cache.delete(imageId);
  }

  clear(): void {
    this.cache.clear();
  }

  private async load(fetcher: ThumbnailFetcher, info: ImageInfo & { URL: string }, options: FetchOptions): Promise<Loaded> {
    const plan = planThumbnail(info);
    if (plan.resizedUrl !== undefined) {
      const resized = await this.tryResized(fetcher, plan.resizedUrl, options);
      if (resized !== undefined) return resized;
    }
    const limit = plan.originalIsSmall ? MAX_EMBED_BYTES : MAX_SOURCE_BYTES;
    const { bytes } = await fetcher.fetchBytes(plan.originalUrl, { maxBytes: limit, ...options });
    if (bytes.length <= MAX_EMBED_BYTES) return embedded(bytes);
    // The decoder is only evaluated the first time a large original needs it (esbuild keeps a
    // required module's initialisation lazy; `import()` would not resolve under the unit tests' loader).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { shrinkImage } = require('../../vod/thumbnail/shrink') as typeof import('../../vod/thumbnail/shrink');
    const shrunk = shrinkImage(bytes, THUMBNAIL_SIDE, MAX_EMBED_BYTES);
    return shrunk ? embedded(shrunk.png) : { kind: 'tooLarge', bytes: bytes.length };
  }

  /**
   * The CDN-resized picture, or undefined when the CDN did not resize: it answered the full image
   * (no image editing on this domain, or the source is over its limits) or refused the parameter.
   */
  private async tryResized(fetcher: ThumbnailFetcher, url: string, options: FetchOptions): Promise<Loaded | undefined> {
    try {
      const { bytes } = await fetcher.fetchBytes(url, { maxBytes: MAX_EMBED_BYTES, ...options });
      const entry = embedded(bytes);
      return entry === 'notAnImage' ? undefined : entry;
    } catch (error) {
      if (isVodError(error) && (error.code === 'TooLarge' || error.httpStatus === 400)) return undefined;
      throw error;
    }
  }
}

function embedded(bytes: Uint8Array): Loaded {
  const dataUri = toImageDataUri(bytes);
  return dataUri === undefined ? 'notAnImage' : { kind: 'image', dataUri };
}

/**
 * Fetches an image for the hover and embeds it as a `data:` URI. The workbench loads hover images
 * only from https and `data:` (a plain-http URL is blocked by its CSP), and the editor's UI may not
 * reach the CDN at all in remote setups, so the extension host downloads the bytes through the core
 * transport (proxy-aware, size-capped) instead.
 */
import { isVodError } from '../../vod/errors';
import type { HoverThumbnail } from '../../vod/render/hoverMarkdown';
import type { ImageInfo } from '../../vod/schemas';
import type { ThumbnailFetcher } from '../services';
import { toImageDataUri } from './dataUri';
import { ThumbnailCache, type ThumbnailEntry } from './thumbnailCache';

/** About 1.3 MiB of base64 in the hover: more makes the hover sluggish for little gain. */
export const MAX_THUMBNAIL_BYTES = 1024 * 1024;

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
}

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
  async get(info: Pick<ImageInfo, 'ImageId' | 'URL'>, options: { signal: AbortSignal; timeoutMs: number }): Promise<HoverThumbnail | undefined> {
    const cached = this.peek(info.ImageId);
    if (cached) return cached;
    if (!info.URL || !isHttpUrl(info.URL)) return undefined;
    try {
      const fetcher = await this.fetcher();
      const { bytes } = await fetcher.fetchBytes(info.URL, { maxBytes: MAX_THUMBNAIL_BYTES, signal: options.signal, timeoutMs: options.timeoutMs });
      const dataUri = toImageDataUri(bytes);
      if (!dataUri) return { unavailable: this.labels.notAnImage };
      this.cache.set(info.ImageId, { kind: 'image', dataUri });
      return { dataUri };
    } catch (error) {
      if (isVodError(error) && error.code === 'TooLarge') {
        const entry: ThumbnailEntry = { kind: 'tooLarge', bytes: undefined };
        this.cache.set(info.ImageId, entry);
        return asHoverThumbnail(entry);
      }
      if (isVodError(error) && error.kind === 'cancelled') throw error;
      // Only VodError messages are built to be shown; anything else might quote a signed URL.
      return { unavailable: isVodError(error) ? error.message : this.labels.downloadFailed };
    }
  }

  /** After a forced refresh (the image may have been replaced). */
  forget(imageId: string): void {
    this.cache.delete(imageId);
  }

  clear(): void {
    this.cache.clear();
  }
}

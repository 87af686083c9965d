/**
 * One found media asset of any kind, as listings carry it (SearchMedia's MediaList, Look Up's
 * results): its ID, its kind and its record. SearchMedia says the kind itself (MediaType, and a
 * `Video` / `Audio` / `Image` record), so a listed video or audio is never a guess.
 */
import { videoSchemas, type VideoInfo } from './videoSchemas';
import type { MediaKind } from './mediaLookup';
import type { ImageInfo, MediaListItem } from '../schemas';
import { imageOfMedia } from '../searchImageFields';

export type Asset =
  | { readonly kind: 'image'; readonly id: string; readonly info: ImageInfo }
  | { readonly kind: MediaKind; readonly id: string; readonly info: VideoInfo };

/** SearchMedia's `SearchType` values the product lists (https://help.aliyun.com/zh/vod/api-searchmedia). */
export type LibraryMediaType = 'image' | 'video' | 'audio';

/**
 * The assets of a SearchMedia page, in order. `Video` and `Audio` records are validated with the
 * GetVideoInfos record schema (SearchMedia names the audio ID `AudioId`); a record that does not fit
 * is left out rather than failing the page.
 */
export function assetsOf(mediaList: readonly MediaListItem[]): Asset[] {
  const out: Asset[] = [];
  for (const item of mediaList) {
    const image = item.Image || item.MediaType === 'image' ? imageOfMedia(item) : undefined;
    if (image?.ImageId) {
      out.push({ kind: 'image', id: image.ImageId, info: image });
      continue;
    }
    const record = item as Record<string, unknown>;
    const media = mediaRecord(record['Video'], 'video', item.MediaId) ?? mediaRecord(record['Audio'], 'audio', item.MediaId);
    if (media) out.push(media);
  }
  return out;
}

function mediaRecord(value: unknown, kind: MediaKind, mediaId: string | undefined): Asset | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  const parsed = videoSchemas().VideoInfoSchema.safeParse({ ...raw, VideoId: raw['VideoId'] ?? raw['AudioId'] ?? mediaId, MediaType: kind });
  return parsed.success ? { kind, id: parsed.data.VideoId, info: parsed.data } : undefined;
}

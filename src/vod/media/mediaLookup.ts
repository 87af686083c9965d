/**
 * What the resolver can say about an ID besides "image" and "missing": an audio or video asset.
 * Both come from GetVideoInfos; its reference lists no MediaType, so an asset is audio only when the
 * server says so (a `MediaType` field, as GetPlayInfo's VideoBase and SearchMedia carry). The details
 * panel corrects the kind from GetPlayInfo's VideoBase.
 */
import type { VideoInfo } from './videoSchemas';

export type MediaKind = 'video' | 'audio';

export type MediaLookup = { readonly state: MediaKind; readonly info: VideoInfo; readonly fetchedAt: number };

export function mediaKindOf(info: Pick<VideoInfo, 'MediaType'>): MediaKind {
  return info.MediaType?.toLowerCase() === 'audio' ? 'audio' : 'video';
}

/** Statuses that mean the asset will not play (GetVideoInfos' Status list: failures and a block). */
export const MEDIA_TROUBLE_STATUSES: ReadonlySet<string> = new Set(['UploadFail', 'TranscodeFail', 'ProduceFail', 'Blocked']);

/** h:mm:ss from seconds (0:01:30); undefined for a missing or negative duration. */
export function formatDuration(seconds: number | undefined): string | undefined {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return undefined;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${h}:${pad(m)}:${pad(s)}`;
}

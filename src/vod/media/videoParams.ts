/** Parameter checks and result assembly for the audio/video calls (pure; used by VodClient). */
import { VodError } from '../errors';
import { msg } from '../messages';
import { isPlausibleImageId } from '../imageIds';
import type { PlayInfoOptions, VideoInfosResult } from './videoApi';
import type { VideoInfo } from './videoSchemas';

/** Audio/video IDs share the image IDs' alphabet (32 hex in practice; 1..64 letters and digits accepted). */
export function checkMediaId(id: string): void {
  if (!isPlausibleImageId(id)) {
    const shown = id.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
    throw new VodError('invalidInput', msg('media.notMediaId', { id: `${shown}${id.length > 40 ? '…' : ''}` }));
  }
}

const DEFINITION = /^[A-Za-z0-9]{1,8}$/;

/** GetPlayInfo's list parameters; AuthTimeout/OutputType go through the image URL parameters. */
export function playParams(options: PlayInfoOptions): Record<string, string> {
  const params: Record<string, string> = {};
  if (options.formats !== undefined && options.formats.length > 0) params['Formats'] = options.formats.join(',');
  if (options.definitions !== undefined && options.definitions.length > 0) {
    for (const d of options.definitions) {
      if (!DEFINITION.test(d)) throw new VodError('invalidInput', msg('media.badDefinition', { definition: d.slice(0, 12).replace(/[^\x20-\x7e]/g, '?') }));
    }
    params['Definition'] = options.definitions.join(',');
  }
  return params;
}

/** One answer per GetVideoInfos batch → the found assets in request order, the rest missing. */
export function collectVideos(
  unique: readonly string[],
  batches: readonly { readonly data: { readonly VideoList?: VideoInfo[] | undefined }; readonly json: unknown; readonly requestId: string | undefined }[],
): VideoInfosResult {
  const found = new Map<string, VideoInfo>();
  const raw = new Map<string, unknown>();
  for (const { data, json } of batches) {
    for (const info of data.VideoList ?? []) found.set(info.VideoId, info);
    for (const item of rawVideoList(json)) raw.set(String((item as { VideoId?: unknown }).VideoId), item);
  }
  const videos = unique.flatMap((id) => found.get(id) ?? []);
  return {
    videos,
    raw: videos.map((info) => raw.get(info.VideoId) ?? info),
    missing: unique.filter((id) => !found.has(id)),
    requestIds: batches.flatMap((b) => b.requestId ?? []),
  };
}

function rawVideoList(json: unknown): object[] {
  const list = (json as { VideoList?: unknown } | null)?.VideoList;
  const items = Array.isArray(list) ? list : (list as { Video?: unknown } | undefined)?.Video;
  const array = Array.isArray(items) ? items : items === undefined ? [] : [items];
  return array.filter((item): item is object => typeof item === 'object' && item !== null);
}

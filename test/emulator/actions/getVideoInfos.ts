import { apiErrors } from '../apiError';
import { getVideoLibrary } from '../videoFixtures';
import { videoInfoJson } from '../videoRecord';
import type { ActionHandler } from './context';
import { requiredParam } from './params';

/** GetVideoInfos accepts at most 20 IDs (https://help.aliyun.com/zh/vod/api-getvideoinfos, VideoIds). */
export const MAX_VIDEO_IDS = 20;

/**
 * GetVideoInfos (https://help.aliyun.com/zh/vod/api-getvideoinfos): `VideoIds`, comma-separated, ≤ 20.
 * Answers `VideoList` (plain array, as the SDK model) and `NonExistVideoIds`. Audio assets come back
 * from it too (the page's title: 批量获取音视频信息). Image IDs are not audio/video: non-existent here.
 * Repeated IDs are answered once; more than 20 distinct IDs is InvalidParameter (stricter reading).
 */
export const getVideoInfos: ActionHandler = (context) => {
  const ids = [...new Set(requiredParam(context.params, 'VideoIds').split(',').map((s) => s.trim()).filter(Boolean))];
  if (ids.length === 0) throw apiErrors.missingParameter('VideoIds');
  if (ids.length > MAX_VIDEO_IDS) throw apiErrors.invalidParameter('VideoIds', `At most ${MAX_VIDEO_IDS} IDs per call.`);
  const urls = { base: context.base, nowSec: context.nowSec, outputType: 'cdn' as const, authTimeoutSec: undefined };
  const { byId } = getVideoLibrary();
  const found: Record<string, unknown>[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const record = byId.get(id);
    if (record) found.push(videoInfoJson(record, urls));
    else missing.push(id);
  }
  return { VideoList: found, NonExistVideoIds: missing };
};

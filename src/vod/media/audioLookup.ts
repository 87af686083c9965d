/**
 * Telling audio from video. GetVideoInfos answers both kinds alike: its reference lists no MediaType
 * (https://help.aliyun.com/zh/vod/api-getvideoinfos), and neither do the SDK models. SearchMedia does
 * know the kind: a `SearchType=audio` search lists audio only, each item with `MediaType` and an
 * `Audio` record (https://help.aliyun.com/zh/vod/api-searchmedia). The protocol appendix
 * (https://www.alibabacloud.com/help/en/vod/developer-reference/protocol-for-media-asset-search,
 * "Media asset information", audio table) allows `AudioId` in exact matches but not in `in (…)` lists,
 * so the IDs are joined with `or`, which the appendix requires in parentheses.
 *
 * So one SearchMedia call per GetVideoInfos batch (≤ 20 IDs) names the audio among them; everything
 * else GetVideoInfos found is a video. A positive check: if the search misses an asset (say, not yet
 * indexed), it is shown as video, as before this check.
 */
import type { MediaListItem } from '../schemas';

/** One call's worth: a GetVideoInfos batch. */
export const MAX_AUDIO_IDS_PER_SEARCH = 20;

/**
 * The `Match` expression for these IDs. IDs are checked by the caller to be letters and digits
 * (`checkMediaId`), so no quote can end a string early.
 */
export function audioIdMatch(ids: readonly string[]): string {
  const conditions = ids.map((id) => `AudioId = '${id}'`);
  return conditions.length === 1 ? conditions[0]! : `(${conditions.join(' or ')})`;
}

/** The IDs among `asked` that a SearchType=audio answer lists as audio (anything else it lists is ignored). */
export function audioIdsIn(mediaList: readonly MediaListItem[], asked: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const item of mediaList) {
    if (item.MediaType !== undefined && item.MediaType.toLowerCase() !== 'audio') continue;
    const record = (item as Record<string, unknown>)['Audio'];
    const audioId = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)['AudioId'] : undefined;
    const id = typeof audioId === 'string' && audioId !== '' ? audioId : item.MediaId;
    if (id !== undefined && asked.has(id)) out.add(id);
  }
  return out;
}

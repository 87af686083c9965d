import { sharedSearchable, type MatchPredicate, type Searchable } from '../match';
import { getVideoLibrary, type MediaType, type VideoRecord } from '../videoFixtures';
import { searchMediaJson } from '../videoRecord';
import type { ActionContext } from './context';
import { selectFields } from './searchFields';

export interface VideoSearch {
  readonly mediaType: MediaType;
  readonly predicate: MatchPredicate;
  /** `Fields` as parsed; undefined = the default (the ID only). */
  readonly fields: ReadonlySet<string> | undefined;
  readonly pageNo: number;
  readonly pageSize: number;
  /** Sort keys as SearchMedia parsed them (CreationTime / ModificationTime, Asc / Desc). */
  readonly sortKeys: readonly { field: 'CreationTime' | 'ModificationTime'; desc: boolean }[];
  readonly maxReachable: number;
}

/**
 * SearchMedia for SearchType=video|audio (https://help.aliyun.com/zh/vod/api-searchmedia): media
 * records carry `Video` or `Audio` (SearchMediaResponseBodyMediaListVideo / …Audio) and MediaType.
 * The Match fields are the type's (match.ts): `VideoId` (exact, or `in` up to 100 IDs) for videos,
 * `AudioId` (exact only) for audio, as the protocol appendix's tables say.
 */
export function searchVideos(context: ActionContext, search: VideoSearch): Record<string, unknown> {
  const matches = getVideoLibrary().videos.filter((r) => r.mediaType === search.mediaType && search.predicate(searchableOf(r)));
  matches.sort((a, b) => {
    for (const key of search.sortKeys) {
      const left = key.field === 'CreationTime' ? a.creationTime : a.modificationTime;
      const right = key.field === 'CreationTime' ? b.creationTime : b.modificationTime;
      if (left !== right) return (left < right ? -1 : 1) * (key.desc ? -1 : 1);
    }
    return a.videoId < b.videoId ? -1 : a.videoId > b.videoId ? 1 : 0;
  });
  const { pageNo, pageSize } = search;
  const page = pageNo * pageSize <= search.maxReachable ? matches.slice((pageNo - 1) * pageSize, pageNo * pageSize) : [];
  const urls = { base: context.base, nowSec: context.nowSec, outputType: 'cdn' as const, authTimeoutSec: undefined };
  const wrapper = search.mediaType === 'audio' ? 'Audio' : 'Video';
  return {
    Total: matches.length,
    MediaList: page.map((record) => ({
      MediaId: record.videoId,
      MediaType: record.mediaType,
      CreationTime: record.creationTime,
      [wrapper]: selectFields(searchMediaJson(record, urls), search.fields, search.mediaType),
    })),
  };
}

function searchableOf(record: VideoRecord): Searchable {
  return { ...sharedSearchable(record), [record.mediaType === 'audio' ? 'AudioId' : 'VideoId']: record.videoId };
}

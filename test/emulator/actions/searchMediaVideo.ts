import type { MatchPredicate, Searchable } from '../match';
import { getVideoLibrary, type MediaType, type VideoRecord } from '../videoFixtures';
import { searchMediaJson } from '../videoRecord';
import type { ActionContext } from './context';

export interface VideoSearch {
  readonly mediaType: MediaType;
  readonly predicate: MatchPredicate;
  readonly pageNo: number;
  readonly pageSize: number;
  /** Sort keys as SearchMedia parsed them (CreationTime / ModificationTime, Asc / Desc). */
  readonly sortKeys: readonly { field: 'CreationTime' | 'ModificationTime'; desc: boolean }[];
  readonly maxReachable: number;
}

/**
 * SearchMedia for SearchType=video|audio (https://help.aliyun.com/zh/vod/api-searchmedia): media
 * records carry `Video` or `Audio` (SearchMediaResponseBodyMediaListVideo / …Audio) and MediaType.
 * The Match subset is the image one (match.ts); the ID field is matched as `ImageId` there, so
 * VideoId/AudioId conditions are not supported by the emulator (it answers ErrorMatchSyntax).
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
      [wrapper]: searchMediaJson(record, urls),
    })),
  };
}

function searchableOf(record: VideoRecord): Searchable {
  return {
    ImageId: record.videoId,
    AppId: record.appId,
    CateId: record.cateId,
    StorageLocation: record.storageLocation,
    Title: record.title,
    Tags: record.tags,
    Description: record.description,
    Status: record.status,
    CreationTime: record.creationTime,
    ModificationTime: record.modificationTime,
  };
}

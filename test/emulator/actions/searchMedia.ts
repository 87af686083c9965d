import { apiErrors } from '../apiError';
import type { FixtureRecord } from '../fixtures';
import { imageJson } from '../imageRecord';
import { compileMatch, sharedSearchable, type Searchable } from '../match';
import type { ActionHandler } from './context';
import { intParam } from './params';
import { parseFields, selectFields } from './searchFields';
import { searchVideos } from './searchMediaVideo';

/** Paged search reaches only the first 5,000 matches (vod-api.md §1.3); Total still counts them all. */
export const MAX_REACHABLE = 5000;
const OTHER_MEDIA_TYPES = new Set(['video', 'audio', 'attached']);
const SORT_FIELDS = new Set(['CreationTime', 'ModificationTime']);

type SortKey = { field: 'CreationTime' | 'ModificationTime'; desc: boolean };

/**
 * SearchMedia for SearchType=image, video and audio (searchMediaVideo.ts). 'attached' is valid but the
 * library has none, so it answers an empty list (video is the API's default SearchType). `Fields`
 * decides what each `Image` / `Video` / `Audio` holds (see searchFields.ts). `ScrollToken` is ignored
 * (vod-api.md §1.3).
 */
export const searchMedia: ActionHandler = (context) => {
  const { params, library } = context;
  const searchType = params['SearchType'] || 'video';
  if (searchType !== 'image' && !OTHER_MEDIA_TYPES.has(searchType)) throw apiErrors.invalidParameter('SearchType');
  const pageNo = intParam(params, 'PageNo', { min: 1, max: 1_000_000, fallback: 1 });
  const pageSize = intParam(params, 'PageSize', { min: 1, max: 100, fallback: 10 });
  const sortKeys = parseSortBy(params['SortBy']);
  if (searchType === 'video' || searchType === 'audio') {
    const fields = parseFields(params['Fields'], searchType);
    const predicate = params['Match']?.trim() ? compileMatch(params['Match'], searchType) : () => true;
    return searchVideos(context, { mediaType: searchType, predicate, fields, pageNo, pageSize, sortKeys, maxReachable: MAX_REACHABLE });
  }
  const predicate = params['Match']?.trim() ? compileMatch(params['Match']) : () => true;
  const fields = parseFields(params['Fields']);
  if (searchType !== 'image') return { Total: 0, MediaList: [] };

  const matches = library.images.filter((record) => predicate(searchableOf(record)));
  matches.sort(comparator(sortKeys));
  const reachable = pageNo * pageSize <= MAX_REACHABLE;
  const page = reachable ? matches.slice((pageNo - 1) * pageSize, pageNo * pageSize) : [];
  const urls = { base: context.base, nowSec: context.nowSec, outputType: 'cdn' as const, authTimeoutSec: undefined };
  return {
    Total: matches.length,
    MediaList: page.map((record) => ({
      MediaId: record.imageId,
      MediaType: 'image',
      CreationTime: record.creationTime,
      Image: selectFields(imageJson(record, urls, 'search'), fields, 'image'),
    })),
  };
};

function parseSortBy(raw: string | undefined): SortKey[] {
  if (raw === undefined || raw === '') return [{ field: 'CreationTime', desc: true }];
  const parts = raw.split(',');
  if (parts.length > 3) throw apiErrors.sortByExceeded();
  return parts.map((part) => {
    const [field = '', order = ''] = part.trim().split(':');
    if (!SORT_FIELDS.has(field) || (order !== 'Desc' && order !== 'Asc')) throw apiErrors.invalidParameter('SortBy');
    return { field: field as SortKey['field'], desc: order === 'Desc' };
  });
}

function comparator(keys: readonly SortKey[]) {
  return (a: FixtureRecord, b: FixtureRecord): number => {
    for (const key of keys) {
      const left = key.field === 'CreationTime' ? a.creationTime : a.modificationTime;
      const right = key.field === 'CreationTime' ? b.creationTime : b.modificationTime;
      // Same fixed format everywhere, so string order is time order.
      if (left !== right) return (left < right ? -1 : 1) * (key.desc ? -1 : 1);
    }
    return a.imageId < b.imageId ? -1 : a.imageId > b.imageId ? 1 : 0;
  };
}

const searchables = new WeakMap<FixtureRecord, Searchable>();

function searchableOf(record: FixtureRecord): Searchable {
  let item = searchables.get(record);
  if (!item) {
    item = { ...sharedSearchable(record), ImageId: record.imageId, FileName: record.originalFileName };
    searchables.set(record, item);
  }
  return item;
}


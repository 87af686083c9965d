/** What `vodImages.filterLibrary` returns to automation: the Match expression sent and what it listed. */
import { buildMatch } from '../../vod/match/matchBuilder';
import type { FilterResult } from './commands';
import type { Library } from './library';
import type { LibraryFilter } from './libraryFilter';

export function filterPromptResult(filter: LibraryFilter, library: Library): FilterResult {
  const match = buildMatch(filter.match);
  return { match: typeof match === 'string' ? match : '', total: library.pager?.total, listed: library.pager?.images.length ?? 0 };
}

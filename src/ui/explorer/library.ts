/**
 * The Library group's state: the filter, and the pager that lists its matches 50 at a time. A new
 * filter or a session change starts a new pager; a failed page is kept as an error to show.
 */
import { isVodError, VodError } from '../../vod/errors';
import { LibraryPager, type LibraryPage } from '../../vod/explorer/libraryPager';
import { buildMatch } from '../../vod/match/matchBuilder';
import type { Services } from '../services';
import { EMPTY_FILTER, type LibraryFilter } from './libraryFilter';

export class Library {
  private filterValue: LibraryFilter = EMPTY_FILTER;
  private pagerValue: LibraryPager | undefined;
  private failure: unknown;
  /** True once the user asked for the Library (filter, browse): an empty explorer then still lists it. */
  opened = false;

  constructor(private readonly services: Services) {}

  get filter(): LibraryFilter {
    return this.filterValue;
  }

  get pager(): LibraryPager | undefined {
    return this.pagerValue;
  }

  /** The last page's failure, until the next successful page. */
  get error(): unknown {
    return this.failure;
  }

  setFilter(filter: LibraryFilter): void {
    this.filterValue = filter;
    this.reset();
  }

  reset(): void {
    this.pagerValue = undefined;
    this.failure = undefined;
  }

  /** Loads the first page if nothing is listed yet. */
  async ensureLoaded(): Promise<void> {
    if (this.pagerValue && this.pagerValue.total !== undefined) return;
    await this.loadMore();
  }

  async loadMore(): Promise<LibraryPage | undefined> {
    try {
      const pager = (this.pagerValue ??= await this.newPager());
      const page = await pager.loadMore();
      this.failure = undefined;
      return page;
    } catch (error) {
      this.failure = error;
      if (!isVodError(error)) this.services.log.error(`library: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private async newPager(): Promise<LibraryPager> {
    const match = buildMatch(this.filterValue.match);
    if (match instanceof VodError) throw match;
    const api = await this.services.api();
    return new LibraryPager((query) => api.searchImages(query), {
      match: match === '' ? undefined : match,
      sortBy: this.filterValue.sortBy,
      searchType: this.filterValue.mediaType,
    });
  }
}

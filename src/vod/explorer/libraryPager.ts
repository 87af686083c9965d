/**
 * The explorer's "Library" group: SearchMedia pages of 50 behind a "Load more…" node.
 *
 * SearchMedia pages reach only the first 5,000 matches of a query (vod-api.md §1.3), while `Total`
 * counts them all; `windowLimited` says so, and `searchWindowNotice` tells the user how to narrow
 * the filter. Pages can shift while one browses (a new upload moves everything down by one), so
 * images are de-duplicated by ID; a page that comes back short ends the listing.
 */
import type { SearchImagesQuery, SearchImagesResult, SearchSortBy } from '../api';
import type { Asset, LibraryMediaType } from '../media/asset';
import type { ImageInfo } from '../schemas';
import { fillTemplate } from '../render/template';

export const LIBRARY_PAGE_SIZE = 50;
/** Paged SearchMedia reaches no further than this many matches. */
export const SEARCH_WINDOW = 5000;

export type SearchImages = (query: SearchImagesQuery) => Promise<SearchImagesResult>;

export interface LibraryQuery {
  /** From `buildMatch`; empty or absent lists everything. */
  readonly match?: string | undefined;
  readonly sortBy?: SearchSortBy | undefined;
  /** SearchMedia `SearchType`; default image. */
  readonly searchType?: LibraryMediaType | undefined;
}

export interface LibraryPage {
  /** Images this page added (not already listed). */
  readonly added: readonly ImageInfo[];
  /** Assets of any kind this page added (the images above, or videos, or audio). */
  readonly addedAssets: readonly Asset[];
  readonly total: number;
  readonly hasMore: boolean;
}

export class LibraryPager {
  private readonly loaded: Asset[] = [];
  private readonly seen = new Set<string>();
  private pagesLoaded = 0;
  private totalCount: number | undefined;
  private exhausted = false;
  private inFlight: Promise<LibraryPage> | undefined;

  constructor(
    private readonly search: SearchImages,
    readonly query: LibraryQuery = {},
    private readonly pageSize: number = LIBRARY_PAGE_SIZE,
  ) {
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100 || SEARCH_WINDOW % pageSize !== 0) {
      throw new RangeError('pageSize must be an integer from 1 to 100 that divides 5000');
    }
  }

  /** The images listed so far, in listing order. */
  get images(): readonly ImageInfo[] {
    return this.loaded.flatMap((a) => (a.kind === 'image' ? [a.info] : []));
  }

  /** Everything listed so far (images, videos or audio), in listing order. */
  get assets(): readonly Asset[] {
    return this.loaded;
  }

  /** Matches the API reports (may exceed what can be listed); undefined before the first page. */
  get total(): number | undefined {
    return this.totalCount;
  }

  /** Whether "Load more…" should show: pages remain within the reachable window. */
  get hasMore(): boolean {
    if (this.totalCount === undefined) return true;
    return !this.exhausted && this.pagesLoaded * this.pageSize < Math.min(this.totalCount, SEARCH_WINDOW);
  }

  /** The query matches more than paging can ever reach. */
  get windowLimited(): boolean {
    return this.totalCount !== undefined && this.totalCount > SEARCH_WINDOW;
  }

  /** Every reachable page is loaded but matches remain: time to tell the user to narrow the filter. */
  get windowReached(): boolean {
    return this.windowLimited && this.pagesLoaded * this.pageSize >= SEARCH_WINDOW;
  }

  get loading(): boolean {
    return this.inFlight !== undefined;
  }

  /**
   * Loads the next page. A second call while one is loading joins it instead of skipping a page.
   * On failure nothing changes, so the same page is asked for again next time.
   */
  loadMore(signal?: AbortSignal): Promise<LibraryPage> {
    if (!this.hasMore) return Promise.resolve({ added: [], addedAssets: [], total: this.totalCount ?? 0, hasMore: false });
    this.inFlight ??= this.fetchNext(signal).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetchNext(signal: AbortSignal | undefined): Promise<LibraryPage> {
    const pageNo = this.pagesLoaded + 1;
    const { match, sortBy, searchType } = this.query;
    const result = await this.search({ match, sortBy, searchType, pageNo, pageSize: this.pageSize, signal });
    const items: readonly Asset[] = result.assets ?? result.images.map((info) => ({ kind: 'image', id: info.ImageId, info }));
    const fresh = items.filter((asset) => !this.seen.has(asset.id));
    for (const asset of fresh) {
      this.seen.add(asset.id);
      this.loaded.push(asset);
    }
    const added = fresh.flatMap((a) => (a.kind === 'image' ? [a.info] : []));
    this.pagesLoaded = pageNo;
    this.totalCount = result.total;
    // A short page means the listing ended early (images deleted since Total was counted).
    if (result.mediaList.length < this.pageSize) this.exhausted = true;
    return { added, addedAssets: fresh, total: result.total, hasMore: this.hasMore };
  }
}

/** `{0}` = total matches, `{1}` = the window (5,000). */
export const DEFAULT_WINDOW_NOTICE =
  'Showing the first {1} of {0} matching images: VOD lists no further. Narrow the filter (for example a creation-time range) to see the rest.';

/** The notice for a query over the window, with numbers in the user's locale. */
export function searchWindowNotice(total: number, template: string = DEFAULT_WINDOW_NOTICE, locale?: string): string {
  const format = (n: number): string => n.toLocaleString(locale);
  return fillTemplate(template, [format(total), format(SEARCH_WINDOW)], (text) => text);
}

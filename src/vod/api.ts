/**
 * The operations the product needs from ApsaraVideo VOD (API version 2017-03-21), as one interface.
 * `VodClient` implements it over signed HTTP; `ImageService` and tests depend only on this shape.
 */
import type { Asset, LibraryMediaType } from './media/asset';
import type { VideoApi } from './media/videoApi';
import type { Category, ImageInfo, MediaListItem } from './schemas';
import type { ImageWriteApi } from './upload/writeApi';

export type OutputType = 'cdn' | 'oss';
export type SignatureVersion = 'v3' | 'v1';

export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
}

export interface ImageUrlOptions extends CallOptions {
  /** Validity of the returned URLs in seconds (`AuthTimeout`). */
  readonly authTimeout?: number | undefined;
  readonly outputType?: OutputType | undefined;
}

export interface ImageInfosResult {
  /** Found images, in the order their IDs were asked for. */
  readonly images: ImageInfo[];
  /**
   * The same images as the API sent them (before numbers in strings were coerced), for output that
   * must stay faithful such as `vodimg info --json`. Validated all the same.
   */
  readonly raw?: readonly unknown[];
  /** IDs the API reported in `NonExistImageIds` (or that came back in no list at all). */
  readonly missing: string[];
  readonly requestIds: string[];
}

export type SearchSortBy = 'CreationTime:Desc' | 'CreationTime:Asc';

export interface SearchImagesQuery extends CallOptions {
  /** A SearchMedia `Match` expression, e.g. `Title = 'cat' and Status in ('Normal')`. */
  readonly match?: string | undefined;
  readonly pageNo?: number | undefined;
  /** 1..100 (API limit). */
  readonly pageSize?: number | undefined;
  readonly sortBy?: SearchSortBy | undefined;
  /** SearchMedia `SearchType`; default image. */
  readonly searchType?: LibraryMediaType | undefined;
}

export interface SearchImagesResult {
  readonly total: number;
  readonly images: ImageInfo[];
  /** The raw media list as the API returned it (unknown fields kept). */
  readonly mediaList: MediaListItem[];
  /** Every listed asset of any kind, in order (images, videos or audio, per `searchType`). */
  readonly assets?: readonly Asset[] | undefined;
  readonly requestId: string | undefined;
}

export interface CategoriesQuery extends CallOptions {
  /** -1 (default) = the root, whose children are the level-1 categories. */
  readonly cateId?: number | undefined;
  readonly pageNo?: number | undefined;
  readonly pageSize?: number | undefined;
  /** The API's default is `CreationTime:Desc` (newest first). */
  readonly sortBy?: SearchSortBy | undefined;
}

export interface CategoriesResult {
  readonly category: Category | undefined;
  readonly subCategories: Category[];
  readonly total: number;
}

/** Images, plus the audio/video operations (media/videoApi.ts) and the image writes (upload/writeApi.ts). */
export interface VodApi extends VideoApi, ImageWriteApi {
  getImageInfo(imageId: string, options?: ImageUrlOptions): Promise<ImageInfo>;
  getImageInfos(imageIds: readonly string[], options?: ImageUrlOptions): Promise<ImageInfosResult>;
  searchImages(query?: SearchImagesQuery): Promise<SearchImagesResult>;
  getCategories(query?: CategoriesQuery): Promise<CategoriesResult>;
}

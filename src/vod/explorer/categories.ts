/**
 * Categories for the Library: the category tree for the filter's picker (GetCategories), and the
 * optional grouping of listed images by category.
 *
 * Grouping needs no extra call: SearchMedia's image records carry `CateId` and `CateName`. The
 * picker walks the tree (VOD categories are at most three levels deep), a page of 100 at a time,
 * and skips the children call for a category whose `SubTotal` says it has none.
 */
import type { CategoriesQuery, CategoriesResult } from '../api';
import type { Category, ImageInfo } from '../schemas';

export type GetCategories = (query: CategoriesQuery) => Promise<CategoriesResult>;

export interface CategoryEntry {
  readonly id: number;
  readonly name: string;
  /** Names from the top, e.g. `['Products', 'Bags', 'Leather']`. */
  readonly path: readonly string[];
}

const PAGE_SIZE = 100;
/** Bounds the walk (and its API calls) for an account with a very large tree. */
export const MAX_CATEGORIES = 1000;

/** Every category, each followed by its descendants (depth first), siblings in the API's order. */
export async function loadCategoryTree(getCategories: GetCategories, signal?: AbortSignal, limit: number = MAX_CATEGORIES): Promise<CategoryEntry[]> {
  const entries: CategoryEntry[] = [];
  const visit = async (parentId: number, path: readonly string[]): Promise<void> => {
    for (const category of await childrenOf(getCategories, parentId, signal, limit - entries.length)) {
      if (entries.length >= limit) return;
      const name = category.CateName ?? String(category.CateId);
      const entry: CategoryEntry = { id: category.CateId, name, path: [...path, name] };
      entries.push(entry);
      // SubTotal counts the children; when the API leaves it out, ask.
      if (category.SubTotal !== 0) await visit(entry.id, entry.path);
    }
  };
  await visit(-1, []);
  return entries;
}

/**
 * One level's children, page by page, up to `wanted`. The limit is checked inside the loop: `total`
 * comes from the server, and one that keeps sending full pages under an inflated total must not keep
 * this loop (and its API calls) going.
 */
async function childrenOf(getCategories: GetCategories, cateId: number, signal: AbortSignal | undefined, wanted: number): Promise<Category[]> {
  const children: Category[] = [];
  for (let pageNo = 1; children.length < wanted; pageNo++) {
    // Oldest first, as the console lists them; the API's default is newest first.
    const { subCategories, total } = await getCategories({ cateId, pageNo, pageSize: PAGE_SIZE, sortBy: 'CreationTime:Asc', signal });
    children.push(...subCategories);
    if (subCategories.length < PAGE_SIZE || children.length >= total) break;
  }
  return children.slice(0, Math.max(0, wanted));
}

export interface CategoryGroup {
  /** Undefined: images in no category. */
  readonly id: number | undefined;
  /** The category's name as the API gave it; undefined for the uncategorised group. */
  readonly name: string | undefined;
  readonly images: readonly ImageInfo[];
}

/**
 * Listed images grouped by category, groups sorted by name (then ID), images in listing order,
 * the uncategorised group last. A category without a name is named after its ID.
 */
export function groupByCategory(images: readonly ImageInfo[], locale?: string): CategoryGroup[] {
  const groups = new Map<number | undefined, { name: string | undefined; images: ImageInfo[] }>();
  for (const image of images) {
    const id = image.CateId;
    let group = groups.get(id);
    if (!group) {
      group = { name: id === undefined ? undefined : (image.CateName ?? String(id)), images: [] };
      groups.set(id, group);
    }
    group.images.push(image);
  }
  const collator = new Intl.Collator(locale);
  return [...groups]
    .map(([id, group]) => ({ id, name: group.name, images: group.images }))
    .sort((a, b) => {
      if (a.id === undefined || b.id === undefined) return a.id === undefined ? (b.id === undefined ? 0 : 1) : -1;
      return collator.compare(a.name ?? '', b.name ?? '') || a.id - b.id;
    });
}

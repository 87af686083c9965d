import { ApiError, apiErrors } from '../apiError';
import type { FixtureCategory } from '../fixtures';
import type { ActionHandler } from './context';
import { intParam } from './params';

const ROOT = { CateId: '-1', CateName: '', Level: '-1', ParentId: '-1', Type: 'default' };

/**
 * GetCategories, as https://www.alibabacloud.com/help/en/vod/developer-reference/api-vod-2017-03-21-getcategories
 * describes it: one category and a page of its children, in the wrapped list form
 * `SubCategories: {Category: [...]}`; CateId -1 (default) is the root above the level-1 categories;
 * SortBy defaults to `CreationTime:Desc`; the page's sample sends the numbers as strings
 * (`"CateId": "100"`), so every number here is a string; an unknown CateId is
 * `InvalidCateId.NotFound` (404), from the page's error-code list.
 */
export const getCategories: ActionHandler = (context) => {
  const { params, library } = context;
  const cateId = intParam(params, 'CateId', { min: -1, max: Number.MAX_SAFE_INTEGER, fallback: -1 });
  const pageNo = intParam(params, 'PageNo', { min: 1, max: 1_000_000, fallback: 1 });
  const pageSize = intParam(params, 'PageSize', { min: 1, max: 100, fallback: 10 });
  const sortBy = params['SortBy'] || 'CreationTime:Desc';
  if (sortBy !== 'CreationTime:Asc' && sortBy !== 'CreationTime:Desc') throw apiErrors.invalidParameter('SortBy');
  const type = params['Type'] ?? 'default';
  if (type !== 'default' && type !== 'material') throw apiErrors.invalidParameter('Type');

  const self = cateId === -1 ? undefined : library.categories.find((c) => c.cateId === cateId);
  if (cateId !== -1 && !self) throw new ApiError(404, 'InvalidCateId.NotFound', 'The specified CateId does not exist.');
  // All fixture categories are of type default; a material listing is simply empty.
  const children = type === 'material' ? [] : library.categories.filter((c) => c.parentId === cateId);
  // Category IDs grow with creation order.
  children.sort((a, b) => (sortBy === 'CreationTime:Asc' ? a.cateId - b.cateId : b.cateId - a.cateId));
  const page = children.slice((pageNo - 1) * pageSize, pageNo * pageSize);
  return {
    SubTotal: String(children.length),
    Category: self ? categoryJson(self) : ROOT,
    SubCategories: { Category: page.map((c) => ({ ...categoryJson(c), SubTotal: String(countChildren(library.categories, c.cateId)) })) },
  };
};

function categoryJson(category: FixtureCategory): Record<string, unknown> {
  return {
    CateId: String(category.cateId),
    CateName: category.cateName,
    Level: String(category.level),
    ParentId: String(category.parentId),
    Type: category.type,
  };
}

function countChildren(all: readonly FixtureCategory[], cateId: number): number {
  return all.filter((c) => c.parentId === cateId).length;
}

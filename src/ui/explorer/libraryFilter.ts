/**
 * What the Library lists: a Match filter, the sort order and whether to group by category. The
 * filter command takes it as an argument too (automation, tests), so the argument is untrusted
 * input and is validated here. Pure (no `vscode`).
 */
import * as z from 'zod/mini';
import type { SearchSortBy } from '../../vod/api';
import type { LibraryMediaType } from '../../vod/media/asset';
import { VodError } from '../../vod/errors';
import { msg } from '../../vod/messages';
import { buildMatch, MATCH_TEXT_FIELDS, type MatchFilter } from '../../vod/match/matchBuilder';

export interface LibraryFilter {
  readonly match: MatchFilter;
  readonly sortBy: SearchSortBy;
  readonly groupByCategory: boolean;
  /** What the Library lists (SearchMedia `SearchType`); undefined = images. */
  readonly mediaType?: LibraryMediaType | undefined;
  /** Shown instead of the category ID when the user picked it from the list. */
  readonly categoryName?: string | undefined;
}

export const EMPTY_FILTER: LibraryFilter = Object.freeze({ match: {}, sortBy: 'CreationTime:Desc', groupByCategory: false });

function buildArgSchema() {
  const text = z.optional(z.string());
  return z.object({
    text,
    fields: z.optional(z.array(z.enum(MATCH_TEXT_FIELDS as ['Title', 'Tags', 'Description']))),
    categoryId: z.optional(z.nullable(z.int())),
    categoryName: text,
    statuses: z.optional(z.array(z.string())),
    createdFrom: text,
    createdTo: text,
    sort: z.optional(z.enum(['newest', 'oldest'])),
    groupByCategory: z.optional(z.boolean()),
    mediaType: z.optional(z.enum(['image', 'video', 'audio'])),
    /** Start from an empty filter instead of changing the current one. */
    clear: z.optional(z.boolean()),
  });
}
let argSchema: ReturnType<typeof buildArgSchema> | undefined;

/**
 * The filter a command argument asks for, applied over `current` (fields left out keep their
 * value; `clear: true` starts from the empty filter), or the reason it cannot be used.
 */
export function filterFromArg(arg: unknown, current: LibraryFilter = EMPTY_FILTER): LibraryFilter | VodError {
  const parsed = (argSchema ??= buildArgSchema()).safeParse(arg);
  if (!parsed.success) return new VodError('invalidInput', msg('filter.invalid', { issues: parsed.error.issues.map((i) => i.message).join('; ') }));
  const a = parsed.data;
  const base = a.clear ? EMPTY_FILTER : current;
  const categoryChanged = a.categoryId !== undefined;
  const match: MatchFilter = {
    text: a.text ?? base.match.text,
    fields: a.fields ?? base.match.fields,
    categoryId: categoryChanged ? (a.categoryId ?? undefined) : base.match.categoryId,
    statuses: a.statuses ?? base.match.statuses,
    createdFrom: emptyToUndefined(a.createdFrom, base.match.createdFrom),
    createdTo: emptyToUndefined(a.createdTo, base.match.createdTo),
  };
  const next: LibraryFilter = {
    match,
    sortBy: a.sort === undefined ? base.sortBy : a.sort === 'oldest' ? 'CreationTime:Asc' : 'CreationTime:Desc',
    groupByCategory: a.groupByCategory ?? base.groupByCategory,
    mediaType: a.mediaType ?? base.mediaType,
    categoryName: categoryChanged ? a.categoryName : (a.categoryName ?? base.categoryName),
  };
  const built = buildMatch(next.match);
  return built instanceof VodError ? built : next;
}

/** `''` clears a bound; undefined keeps the previous one. */
function emptyToUndefined(value: string | undefined, previous: Date | string | undefined): Date | string | undefined {
  if (value === undefined) return previous;
  return value.trim() === '' ? undefined : value;
}

/** Whether the filter narrows the listing (the sort and the grouping do not). */
export function isFiltering(filter: LibraryFilter): boolean {
  const m = filter.match;
  return (filter.mediaType ?? 'image') !== 'image' || (m.text?.trim() ?? '') !== '' || m.categoryId !== undefined || (m.statuses?.length ?? 0) > 0 || m.createdFrom !== undefined || m.createdTo !== undefined;
}

/**
 * Reads `from..to` (either end may be empty): the creation-time range as typed in the filter's
 * input box. Undefined when the text has no `..`.
 */
export function parseDateRange(text: string): { from: string | undefined; to: string | undefined } | undefined {
  const parts = text.split('..');
  if (parts.length !== 2) return undefined;
  const [from, to] = parts.map((p) => p.trim()) as [string, string];
  return { from: from === '' ? undefined : from, to: to === '' ? undefined : to };
}

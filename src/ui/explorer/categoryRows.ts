/**
 * The rows of the Library filter's category picker, decided without the editor (unit-tested).
 * Category names are API text, and quick picks render `$(icon)` syntax in labels and descriptions.
 */
import type { CategoryEntry } from '../../vod/explorer/categories';
import { pickText } from '../pickText';

export interface CategoryRow {
  readonly label: string;
  readonly description: string;
  readonly id: number;
  /** The name as the API gave it: what the filter keeps and matches on. */
  readonly name: string;
}

/** VOD category names are at most 64 characters; three levels fit in one row. */
const MAX_PART = 64;

export function categoryRows(entries: readonly CategoryEntry[]): CategoryRow[] {
  return entries.map((entry) => ({ label: entry.path.map((part) => pickText(part, MAX_PART)).join(' / '), description: String(entry.id), id: entry.id, name: entry.name }));
}

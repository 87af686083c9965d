/**
 * Pure helpers over the IDs found in a document (`scanText` occurrences): which ones lie in the
 * visible lines, and the distinct IDs with a cap. No `vscode` import, so they are unit-tested in Node.
 */
import type { TextOccurrence } from '../../vod/scan/scanText';

/** A closed range of zero-based lines, as `TextEditor.visibleRanges` gives them. */
export interface LineSpan {
  readonly startLine: number;
  readonly endLine: number;
}

/**
 * The occurrences on the lines of any span, widened by `margin` lines on both sides so a short
 * scroll finds its IDs already resolved. Occurrences are in text order, so this is one pass.
 */
export function occurrencesInSpans(occurrences: readonly TextOccurrence[], spans: readonly LineSpan[], margin = 0): TextOccurrence[] {
  if (spans.length === 0) return [];
  const widened = spans.map((s) => ({ from: s.startLine - margin, to: s.endLine + margin }));
  return occurrences.filter((o) => widened.some((s) => o.line >= s.from && o.line <= s.to));
}

/** The distinct IDs in text order, at most `limit` of them (the rest are left for a later pass). */
export function distinctIds(occurrences: readonly TextOccurrence[], limit = Number.POSITIVE_INFINITY): string[] {
  const ids = new Set<string>();
  for (const o of occurrences) {
    if (ids.size >= limit) break;
    ids.add(o.id);
  }
  return [...ids];
}

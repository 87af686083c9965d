/**
 * Which after-texts an editor shows: one per ID occurrence whose image is known (found or missing),
 * the text from the core's `decorationText`. IDs still unknown, or whose lookup failed, get none:
 * a wrong "not found" next to an ID would be worse than no text. "Not found" itself is shown only
 * with `showMissing` (the user's `diagnostics.reportMissing`): any MD5, such as the hash inside a
 * signed URL's auth_key, looks like an ID. Pure (no `vscode`).
 */
import { decorationText, type DecorationLabels } from '../../vod/explorer/decorationText';
import type { Lookup } from '../../vod/imageService';
import type { TextOccurrence } from '../../vod/scan/scanText';

export interface PlannedDecoration {
  readonly imageId: string;
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly text: string;
}

/** Beyond this many in one editor the text adds nothing a person could read; it only costs rendering. */
export const MAX_DECORATIONS_PER_EDITOR = 2000;

export function planDecorations(
  occurrences: readonly TextOccurrence[],
  lookupOf: (imageId: string) => Lookup | undefined,
  labels: DecorationLabels,
  showMissing: boolean,
  limit = MAX_DECORATIONS_PER_EDITOR,
): PlannedDecoration[] {
  const planned: PlannedDecoration[] = [];
  // One text per ID, however often it occurs: decorationText sanitises the title, which is not free.
  const texts = new Map<string, string | undefined>();
  for (const o of occurrences) {
    if (planned.length >= limit) break;
    let text = texts.get(o.id);
    if (!texts.has(o.id)) {
      const lookup = lookupOf(o.id);
      text = lookup === undefined || (lookup.state === 'missing' && !showMissing) ? undefined : decorationText(lookup, labels);
      texts.set(o.id, text);
    }
    if (text !== undefined) planned.push({ imageId: o.id, line: o.line, character: o.character, length: o.length, text });
  }
  return planned;
}

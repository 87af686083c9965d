/**
 * Splits the answer of one batched lookup into what was found (in the order asked) and what was not,
 * so the command can list the first and report the second by name. Pure.
 */
import type { ImageInfo } from '../../vod/schemas';
import type { Lookup } from '../../vod/imageService';

export interface LookupOutcome {
  readonly found: readonly ImageInfo[];
  readonly missing: readonly string[];
}

export function splitLookups(ids: readonly string[], lookups: ReadonlyMap<string, Lookup>): LookupOutcome {
  const found: ImageInfo[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const lookup = lookups.get(id);
    if (lookup?.state === 'found') found.push(lookup.info);
    else missing.push(id);
  }
  return { found, missing };
}

/** "a, b, c and 4 more": names enough IDs to act on without flooding a notification. */
export function listIds(ids: readonly string[], shown = 5): string {
  if (ids.length <= shown) return ids.join(', ');
  return `${ids.slice(0, shown).join(', ')} (+${ids.length - shown})`;
}

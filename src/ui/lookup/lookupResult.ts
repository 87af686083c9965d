/**
 * Splits the answer of one batched lookup into what was found (in the order asked: images, videos,
 * audio) and what was not, so the command can list the first and report the second by name. Pure.
 */
import type { Lookup } from '../../vod/imageService';
import type { MediaKind } from '../../vod/media/mediaLookup';
import type { VideoInfo } from '../../vod/media/videoSchemas';
import type { ImageInfo } from '../../vod/schemas';

export type FoundAsset =
  | { readonly kind: 'image'; readonly id: string; readonly info: ImageInfo }
  | { readonly kind: MediaKind; readonly id: string; readonly info: VideoInfo };

export interface LookupOutcome {
  readonly found: readonly FoundAsset[];
  readonly missing: readonly string[];
}

export function splitLookups(ids: readonly string[], lookups: ReadonlyMap<string, Lookup>): LookupOutcome {
  const found: FoundAsset[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const lookup = lookups.get(id);
    if (lookup?.state === 'found') found.push({ kind: 'image', id, info: lookup.info });
    else if (lookup?.state === 'video' || lookup?.state === 'audio') found.push({ kind: lookup.state, id, info: lookup.info });
    else missing.push(id);
  }
  return { found, missing };
}

/** "a, b, c and 4 more": names enough IDs to act on without flooding a notification. */
export function listIds(ids: readonly string[], shown = 5): string {
  if (ids.length <= shown) return ids.join(', ');
  return `${ids.slice(0, shown).join(', ')} (+${ids.length - shown})`;
}

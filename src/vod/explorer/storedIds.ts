/**
 * Reading back a list of image IDs the extension persisted (globalState). What comes back is
 * untrusted: another version of the extension, a sync conflict or a hand-edited state file may
 * have written anything. Unusable entries are dropped rather than failing the whole list.
 */
import { isPlausibleImageId } from '../imageIds';

/** The distinct plausible IDs of `value` (if it is an array), in order, at most `limit`. */
export function readStoredIds(value: unknown, limit: number): string[] {
  if (!Array.isArray(value)) return [];
  const ids = new Set<string>();
  for (const item of value) {
    if (ids.size >= limit) break;
    if (typeof item === 'string' && isPlausibleImageId(item)) ids.add(item);
  }
  return [...ids];
}

/**
 * SearchMedia's `Fields` for images. The protocol appendix (Protocol for media asset search,
 * https://www.alibabacloud.com/help/en/vod/developer-reference/protocol-for-media-asset-search, "Return
 * field": "By default, only the ID, creation time, and type of each media asset are returned") is
 * followed literally: without `Fields` a media item carries MediaId, CreationTime, MediaType and an
 * `Image` holding nothing but its ImageId; with `Fields`, the `Image` holds only the fields named.
 * The docs do not say what happens to a name outside the image field list; the stricter reading is
 * taken: InvalidParameter.
 */
import { apiErrors } from '../apiError';

/** The image fields the appendix lists as returnable ("Media asset information", image table). */
export const RETURNABLE_IMAGE_FIELDS: ReadonlySet<string> = new Set([
  'ImageId', 'AppId', 'CateId', 'CateName', 'StorageLocation', 'FileName', 'Title', 'Tags',
  'Description', 'Status', 'CreationTime', 'ModificationTime', 'URL',
]);

/** The requested field names, or undefined when `Fields` was not sent (the default set). */
export function parseFields(raw: string | undefined): ReadonlySet<string> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const names = raw.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!RETURNABLE_IMAGE_FIELDS.has(name)) throw apiErrors.invalidParameter('Fields', `Unknown field ${JSON.stringify(name.slice(0, 40))}.`);
  }
  return new Set(names);
}

/** The `Image` object cut down to what was asked for (the ID alone by default). */
export function selectImageFields(full: Readonly<Record<string, unknown>>, fields: ReadonlySet<string> | undefined): Record<string, unknown> {
  if (fields === undefined) return { ImageId: full['ImageId'] };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(full)) {
    if (fields.has(name)) out[name] = value;
  }
  return out;
}

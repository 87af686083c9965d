/**
 * SearchMedia's `Fields`. The protocol appendix (Protocol for media asset search,
 * https://www.alibabacloud.com/help/en/vod/developer-reference/protocol-for-media-asset-search, "Return
 * field": "By default, only the ID, creation time, and type of each media asset are returned") is
 * followed literally for every type: without `Fields` a media item carries MediaId, CreationTime,
 * MediaType and an `Image` / `Video` / `Audio` holding nothing but its ID (ImageId / VideoId / AudioId);
 * with `Fields`, that record holds only the fields named. The docs do not say what happens to a name
 * outside the type's field list; the stricter reading is taken: InvalidParameter.
 */
import { apiErrors } from '../apiError';

export type SearchFieldsType = 'image' | 'video' | 'audio';

/** The image fields the appendix lists as returnable ("Media asset information", image table). */
export const RETURNABLE_IMAGE_FIELDS: ReadonlySet<string> = new Set([
  'ImageId', 'AppId', 'CateId', 'CateName', 'StorageLocation', 'FileName', 'Title', 'Tags',
  'Description', 'Status', 'CreationTime', 'ModificationTime', 'URL',
]);

/** The appendix's video table, all returnable; the audio table is the same with AudioId for VideoId. */
const MEDIA_FIELDS_BESIDES_ID = [
  'AppId', 'CateId', 'CateName', 'StorageLocation', 'Title', 'Tags', 'Description', 'Status', 'MediaSource',
  'PreprocessStatus', 'Size', 'Duration', 'CreationTime', 'ModificationTime', 'CoverURL', 'Snapshots',
  'SpriteSnapshots', 'DownloadSwitch', 'TranscodeMode',
];

const RETURNABLE: Readonly<Record<SearchFieldsType, ReadonlySet<string>>> = {
  image: RETURNABLE_IMAGE_FIELDS,
  video: new Set(['VideoId', ...MEDIA_FIELDS_BESIDES_ID]),
  audio: new Set(['AudioId', ...MEDIA_FIELDS_BESIDES_ID]),
};

/** The ID field of each type's record. */
export const ID_FIELD: Readonly<Record<SearchFieldsType, string>> = { image: 'ImageId', video: 'VideoId', audio: 'AudioId' };

/** The requested field names, or undefined when `Fields` was not sent (the default set). */
export function parseFields(raw: string | undefined, searchType: SearchFieldsType = 'image'): ReadonlySet<string> | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const names = raw.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) {
    if (!RETURNABLE[searchType].has(name)) throw apiErrors.invalidParameter('Fields', `Unknown field ${JSON.stringify(name.slice(0, 40))}.`);
  }
  return new Set(names);
}

/** The record cut down to what was asked for (the ID alone by default). */
export function selectFields(full: Readonly<Record<string, unknown>>, fields: ReadonlySet<string> | undefined, searchType: SearchFieldsType): Record<string, unknown> {
  const idField = ID_FIELD[searchType];
  if (fields === undefined) return { [idField]: full[idField] };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(full)) {
    if (fields.has(name)) out[name] = value;
  }
  return out;
}

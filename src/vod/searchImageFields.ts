/**
 * What SearchMedia must be asked for, and how its media items become `ImageInfo`s.
 *
 * Without `Fields`, SearchMedia returns only the ID, creation time and type of each asset (protocol
 * appendix, "Return field"), so every field the Library, its category grouping and the exports read
 * is named here. The answer's `Image` may still lack any of them (even ImageId), so the item's own
 * MediaId and CreationTime fill the gaps.
 */
import type { ImageInfo, MediaListItem } from './schemas';

/** Every image field a view reads, in the appendix's spelling. */
export const SEARCH_IMAGE_FIELDS = [
  'ImageId', 'Title', 'Tags', 'Description', 'CateId', 'CateName', 'Status',
  'CreationTime', 'ModificationTime', 'URL', 'StorageLocation', 'AppId',
].join(',');

/** The image a media item describes; undefined for other media types or an item with no ID at all. */
export function imageOfMedia(media: MediaListItem): ImageInfo | undefined {
  if (media.MediaType !== undefined && media.MediaType !== 'image') return undefined;
  const imageId = media.Image?.ImageId ?? media.MediaId;
  if (imageId === undefined || imageId === '') return undefined;
  const creationTime = media.Image?.CreationTime ?? media.CreationTime;
  return { ...media.Image, ImageId: imageId, ...(creationTime !== undefined ? { CreationTime: creationTime } : {}) };
}

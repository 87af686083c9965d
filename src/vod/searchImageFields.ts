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

/**
 * What a video or audio search asks for: the fields the Library's rows and the details read, spelled
 * as the media-asset field list spells them (SearchMedia names the audio ID `AudioId`).
 */
const SEARCH_VIDEO_FIELDS = [
  'VideoId', 'Title', 'Tags', 'Description', 'CateId', 'CateName', 'Status', 'CreationTime', 'ModificationTime',
  'CoverURL', 'Duration', 'Size', 'StorageLocation', 'AppId',
].join(',');
const SEARCH_AUDIO_FIELDS = SEARCH_VIDEO_FIELDS.replace('VideoId', 'AudioId');

/** `Fields` for a SearchMedia call of this `SearchType`. */
export function searchFieldsFor(searchType: 'image' | 'video' | 'audio'): string {
  return searchType === 'image' ? SEARCH_IMAGE_FIELDS : searchType === 'video' ? SEARCH_VIDEO_FIELDS : SEARCH_AUDIO_FIELDS;
}

/** The image a media item describes; undefined for other media types or an item with no ID at all. */
export function imageOfMedia(media: MediaListItem): ImageInfo | undefined {
  if (media.MediaType !== undefined && media.MediaType !== 'image') return undefined;
  const imageId = media.Image?.ImageId ?? media.MediaId;
  if (imageId === undefined || imageId === '') return undefined;
  const creationTime = media.Image?.CreationTime ?? media.CreationTime;
  return { ...media.Image, ImageId: imageId, ...(creationTime !== undefined ? { CreationTime: creationTime } : {}) };
}

/**
 * Request parameters for the write actions, built only after the documented limits are checked
 * (imageMetadataLimits.ts), so a bad title is a sentence here and never a server round trip.
 */
import { VodError } from '../errors';
import { isPlausibleImageId } from '../imageIds';
import { IMAGE_EXTENSIONS, IMAGE_TYPES, checkMetadata } from './imageMetadataLimits';
import type { CreateUploadImageRequest, ImageInfoUpdate } from './writeApi';

/** OriginalFileName is kept short and printable; the API documents no limit, so 128 bytes is our own bound. */
const MAX_FILE_NAME_BYTES = 128;

export function checkWriteImageId(id: string): void {
  if (!isPlausibleImageId(id)) {
    const shown = id.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
    throw new VodError('invalidInput', `"${shown}${id.length > 40 ? '…' : ''}" is not an image ID (expected 1 to 64 letters and digits).`);
  }
}

export function createUploadParams(request: CreateUploadImageRequest): Record<string, string> {
  const imageType = request.imageType ?? 'default';
  if (!(IMAGE_TYPES as readonly string[]).includes(imageType)) throw new VodError('invalidInput', 'The image type must be default or cover.');
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(request.imageExt)) {
    throw new VodError('invalidInput', 'VOD takes png, jpg, jpeg and gif images only.');
  }
  checkMetadata(request);
  const params: Record<string, string> = { ImageType: imageType, ImageExt: request.imageExt };
  if (request.title !== undefined) params['Title'] = request.title;
  if (request.description !== undefined) params['Description'] = request.description;
  if (request.tags !== undefined && request.tags.length > 0) params['Tags'] = request.tags.join(',');
  if (request.cateId !== undefined) params['CateId'] = String(request.cateId);
  if (request.storageLocation !== undefined) params['StorageLocation'] = request.storageLocation;
  if (request.appId !== undefined) params['AppId'] = request.appId;
  const fileName = request.originalFileName && safeFileName(request.originalFileName);
  if (fileName) params['OriginalFileName'] = fileName;
  return params;
}

/** The base name without control characters, cut to MAX_FILE_NAME_BYTES (whole code points). */
function safeFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f]/g, '');
  let out = '';
  for (const char of base) {
    if (Buffer.byteLength(out + char, 'utf8') > MAX_FILE_NAME_BYTES) break;
    out += char;
  }
  return out;
}

/** One `UpdateContent` item as the API takes it; throws invalidInput naming the image on a bad field. */
export function updateContentItem(update: ImageInfoUpdate): Record<string, string | number> {
  checkWriteImageId(update.imageId);
  const { title, description, tags, cateId } = update;
  if (title === undefined && description === undefined && tags === undefined && cateId === undefined) {
    throw new VodError('invalidInput', `Nothing to change for image ${update.imageId}.`);
  }
  if (tags !== undefined && tags.length === 0) {
    // The API takes Tags as a comma-separated list of 1-32 byte tags; an empty list has no documented meaning.
    throw new VodError('invalidInput', `VOD cannot be sent an empty tag list (image ${update.imageId}); leave the tags out to keep them.`);
  }
  try {
    checkMetadata(update);
  } catch (error) {
    throw new VodError('invalidInput', `${(error as Error).message} (image ${update.imageId})`);
  }
  const item: Record<string, string | number> = { ImageId: update.imageId };
  if (title !== undefined) item['Title'] = title;
  if (description !== undefined) item['Description'] = description;
  if (tags !== undefined) item['Tags'] = tags.join(',');
  if (cateId !== undefined) item['CateId'] = cateId;
  return item;
}

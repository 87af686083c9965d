/**
 * The write side of the core in one import, for the editor and the CLI: the request/result shapes,
 * the streamed upload, the wait for the image service, the streamed download, the documented limits.
 */
export * from './writeApi';
export { PartialWriteError, nameWritePermission } from './writeErrors';
export { uploadImageFile, type UploadImageFileOptions, type UploadedImage, type UploadMetadata } from './uploadImageFile';
export { waitForImageReady, type ReadyImage, type WaitForImageReadyOptions } from './waitForImageReady';
export { isExpiredUploadCredential } from './ossErrors';
export { downloadImageFile, defaultDownloadName, type DownloadImageFileOptions, type DownloadedImage } from '../download/downloadImageFile';
export {
  IMAGE_EXTENSIONS,
  MAX_DESCRIPTION_BYTES,
  MAX_IMAGES_PER_WRITE,
  MAX_TAGS,
  MAX_TAG_BYTES,
  MAX_TITLE_BYTES,
  imageExtensionOf,
  metadataProblem,
  type ImageExtension,
  type ImageMetadata,
} from './imageMetadataLimits';

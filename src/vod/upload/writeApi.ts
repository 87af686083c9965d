/**
 * The write operations on images (API 2017-03-21), shaped after the official SDK models
 * (`CreateUploadImageRequest`/`ResponseBody`, `UpdateImageInfosRequest`/`ResponseBody`,
 * `DeleteImageRequest`/`ResponseBody` in @alicloud/vod20170321) and the API reference pages:
 * - https://www.alibabacloud.com/help/en/vod/developer-reference/api-vod-2017-03-21-createuploadimage
 * - https://www.alibabacloud.com/help/en/vod/developer-reference/api-vod-2017-03-21-updateimageinfos
 * - https://www.alibabacloud.com/help/en/vod/developer-reference/api-vod-2017-03-21-deleteimage
 */
import type { CallOptions } from '../api';
import type { ImageExtension, ImageType } from './imageMetadataLimits';
import type { DownloadImageFileOptions, DownloadedImage } from '../download/downloadImageFile';
import type { UploadCredentials, UploadTarget } from './uploadTicket';
import type { UploadImageFileOptions, UploadedImage } from './uploadImageFile';

export interface CreateUploadImageRequest extends CallOptions {
  /** `ImageType`, required by the API; `default` when left out here. */
  readonly imageType?: ImageType | undefined;
  /** `ImageExt`: png, jpg, jpeg or gif. */
  readonly imageExt: ImageExtension;
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  /** Sent comma-separated (`Tags`); at most 16, each at most 32 bytes. */
  readonly tags?: readonly string[] | undefined;
  readonly cateId?: number | undefined;
  readonly storageLocation?: string | undefined;
  readonly appId?: string | undefined;
  /** `OriginalFileName`: the name the file had on disk (VOD keeps it as the mezzanine's name). */
  readonly originalFileName?: string | undefined;
}

/**
 * What CreateUploadImage handed back, decoded. `upload.credentials` holds a temporary secret and an
 * STS token: pass the ticket to the uploader, never to a log, an error, a setting or a webview.
 */
export interface UploadImageTicket {
  readonly imageId: string;
  /** `ImageURL`: where the image will be served once Normal (may be empty). */
  readonly imageUrl: string | undefined;
  /** `FileURL`: the OSS object's URL. */
  readonly fileUrl: string | undefined;
  readonly requestId: string | undefined;
  readonly upload: { readonly target: UploadTarget; readonly credentials: UploadCredentials };
}

/** One item of UpdateImageInfos' `UpdateContent`: only the fields given are changed. */
export interface ImageInfoUpdate {
  readonly imageId: string;
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly cateId?: number | undefined;
}

export interface UpdateImageInfosResult {
  /** The last call's RequestId (one call per 20 images; all of them in `requestIds`). */
  readonly requestId: string;
  readonly requestIds: readonly string[];
  /** IDs VOD said do not exist (`NonExistImageIds`, a plain list or `{ImageId: [...]}`). */
  readonly nonExistImageIds: string[];
}

export interface DeleteImagesResult {
  readonly requestId: string;
  readonly requestIds: readonly string[];
}

export interface ImageWriteApi {
  createUploadImage(request: CreateUploadImageRequest): Promise<UploadImageTicket>;
  updateImageInfos(updates: readonly ImageInfoUpdate[], options?: CallOptions): Promise<UpdateImageInfosResult>;
  deleteImages(imageIds: readonly string[], options?: CallOptions): Promise<DeleteImagesResult>;
  /** CreateUploadImage + the streamed OSS PutObject (uploadImageFile.ts) through this client's transport, log and clock. */
  uploadImageFile(options: FileUploadOptions): Promise<UploadedImage>;
  /** A streamed download to a new file (download/downloadImageFile.ts) through this client's transport. */
  downloadImageFile(options: FileDownloadOptions): Promise<DownloadedImage>;
}

export type FileUploadOptions = Omit<UploadImageFileOptions, 'api' | 'transport' | 'log' | 'now'>;
export type FileDownloadOptions = Omit<DownloadImageFileOptions, 'api' | 'transport'>;

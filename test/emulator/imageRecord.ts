/**
 * Turns a fixture into the JSON each action returns. Three variants, following the SDK models
 * (vod-api.md §1): GetImageInfo (with AuditStatus/RegionId where the fixture has them, and Mezzanine),
 * GetImageInfos (the same; AuditStatus/RegionId only for `batchAudit` fixtures, see below), and
 * SearchMedia's `Image` (no Mezzanine, no ImageType, plus ModificationTime).
 */
import { CATEGORIES, extensionOf, type FixtureRecord } from './fixtures';
import { imageBytesFor } from './imageBytes';
import { bucketOf, cdnUrl, objectKeyFor, ossUrl } from './signedUrls';

export type OutputType = 'cdn' | 'oss';
export type RecordVariant = 'single' | 'batch' | 'search';

export interface UrlContext {
  /** 'http://127.0.0.1:PORT' */
  base: string;
  nowSec: number;
  outputType: OutputType;
  /** Seconds; undefined = the default validity (3600 s for both URL styles). */
  authTimeoutSec: number | undefined;
}

export const DEFAULT_VALIDITY_SEC = 3600;
export const OSS_MAX_VALIDITY_SEC = 2_592_000;

const categoryNames = new Map(CATEGORIES.map((c) => [c.cateId, c.cateName]));

/** The `URL` field; undefined for a failed upload (there is no object to point at). */
export function imageUrl(record: FixtureRecord, context: UrlContext): string | undefined {
  if (record.status === 'UploadFail') return undefined;
  const key = objectKeyFor(record.imageId, extensionOf(record.source));
  const expiresAt = context.nowSec + (context.authTimeoutSec ?? DEFAULT_VALIDITY_SEC);
  return context.outputType === 'oss'
    ? ossUrl(context.base, bucketOf(record.storageLocation), key, expiresAt)
    : cdnUrl(context.base, key, expiresAt);
}

export function imageJson(record: FixtureRecord, context: UrlContext, variant: RecordVariant): Record<string, unknown> {
  const url = imageUrl(record, context);
  if (record.shape === 'sparse') return { ImageId: record.imageId, ...(url ? { URL: url } : {}) };

  const asStrings = record.numberStyle === 'numbersAsStrings';
  const out: Record<string, unknown> = {};
  if (variant !== 'search' && record.shape === 'full' && record.status === 'Normal') out['Mezzanine'] = mezzanine(record, context);
  out['CreationTime'] = record.creationTime;
  if (variant === 'search') out['ModificationTime'] = record.modificationTime;
  out['ImageId'] = record.imageId;
  if (record.title !== undefined) out['Title'] = record.title;
  if (record.description !== undefined) out['Description'] = record.description;
  if (record.cateId !== undefined) {
    out['CateId'] = asStrings ? String(record.cateId) : record.cateId;
    out['CateName'] = categoryNames.get(record.cateId);
  }
  out['StorageLocation'] = record.storageLocation;
  out['AppId'] = record.appId;
  if (record.tags !== undefined) out['Tags'] = record.tags;
  if (url) out['URL'] = url;
  out['Status'] = record.status;
  if (variant !== 'search') out['ImageType'] = record.imageType;
  // GetImageInfo: AuditStatus/RegionId per the 2021 English GetImageInfo reference. GetImageInfos: the
  // Go SDK's model (alibaba-cloud-sdk-go services/vod struct_image_info.go) has both on batch items too,
  // the TypeScript SDK's does not; so only some fixtures (`batchAudit`) send them in batches.
  if (variant === 'single' || (variant === 'batch' && record.batchAudit)) {
    if (record.auditStatus) out['AuditStatus'] = record.auditStatus;
    if (record.regionId) out['RegionId'] = record.regionId;
  }
  return out;
}

/** Width/Height/FileSize always describe the bytes actually served. */
function mezzanine(record: FixtureRecord, context: UrlContext): Record<string, unknown> {
  const image = imageBytesFor(record);
  const key = objectKeyFor(record.imageId, extensionOf(record.source));
  const validity = Math.min(context.authTimeoutSec ?? DEFAULT_VALIDITY_SEC, OSS_MAX_VALIDITY_SEC);
  const asStrings = record.numberStyle === 'numbersAsStrings';
  return {
    OriginalFileName: record.originalFileName,
    FileURL: ossUrl(context.base, bucketOf(record.storageLocation), key, context.nowSec + validity),
    Width: asStrings ? String(image.width) : image.width,
    Height: asStrings ? String(image.height) : image.height,
    FileSize: record.numberStyle === 'sizeAsNumber' ? image.bytes.length : String(image.bytes.length),
  };
}

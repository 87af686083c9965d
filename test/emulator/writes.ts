/**
 * The emulator's writable library: the fixed fixtures plus what clients upload, edit and delete.
 * It is a `Library` itself (the read actions need no change): the fixtures with edits applied and
 * deletions removed, then uploads, rebuilt on the next read after a write.
 *
 * Uploads follow the documented two steps:
 * 1. CreateUploadImage (https://www.alibabacloud.com/help/en/vod/developer-reference/api-vod-2017-03-21-createuploadimage)
 *    makes the image (Status `Uploading`) and answers an UploadAddress {Endpoint, Bucket, FileName} and an
 *    UploadAuth {AccessKeyId, AccessKeySecret, SecurityToken, Expiration} for that one object, valid
 *    3,000 s ("the upload credential is valid for 3,000 seconds").
 * 2. An OSS PutObject of the bytes to that object, signed (OSS V1 header signature) with the temporary
 *    key and carrying `x-oss-security-token`
 *    (https://www.alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header).
 *    The signature is checked with the official `ali-oss` package's functions, never with the client's.
 * After the PUT the image service takes a moment (PROCESSING_MS) and marks the image `Normal`, or
 * `UploadFail` when the bytes are not a PNG, JPEG or GIF.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isoSeconds } from './clock';
import { STORAGE_LOCATIONS, type FixtureCategory, type FixtureRecord, type Library } from './fixtures';
import { sniffImage } from './imageSniff';
import { bucketOf, objectKeyFor } from './signedUrls';

export const UPLOAD_CREDENTIAL_TTL_SEC = 3000;
export const PROCESSING_MS = 200;
/** What the `shortUploadCredential` fault hands out instead: a credential about to expire. */
export const SHORT_UPLOAD_CREDENTIAL_TTL_SEC = 20;
/** OSS refuses a request whose Date is more than 15 minutes off its clock (RequestTimeTooSkewed). */
const MAX_DATE_SKEW_MS = 15 * 60_000;

interface AliOssSignUtils {
  buildCanonicalString(method: string, resourcePath: string, request: { headers: Record<string, string> }, expires?: string): string;
  authorization(accessKeyId: string, accessKeySecret: string, canonicalString: string): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the official OSS SDK, a dev dependency
const ossSign = require('ali-oss/lib/common/signUtils') as AliOssSignUtils;

export interface NewUpload {
  readonly imageId: string;
  readonly objectKey: string;
  readonly bucket: string;
  readonly credential: UploadCredential;
}

interface UploadCredential {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken: string;
  readonly expiresAtMs: number;
}

export interface UploadFields {
  readonly imageType: 'default' | 'cover';
  readonly ext: 'png' | 'jpg' | 'gif';
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly tags?: string | undefined;
  readonly cateId?: number | undefined;
  readonly originalFileName?: string | undefined;
  readonly appId?: string | undefined;
}

export type EditableFields = Pick<FixtureRecord, 'title' | 'description' | 'tags' | 'cateId'>;

/** An OSS error as OSS answers it: an HTTP status and a `Code` in an XML body. */
export class OssError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    message: string,
    /** OSS's numbered error-code page, e.g. 0002-00000007 for an expired STS credential. */
    readonly ec?: string,
  ) {
    super(message);
  }
}

export class WritableLibrary implements Library {
  private readonly added = new Map<string, FixtureRecord>();
  private readonly edited = new Map<string, FixtureRecord>();
  private readonly deleted = new Set<string>();
  /** By object key: the upload waiting for (or past) its PutObject. */
  private readonly uploads = new Map<string, NewUpload & { received: boolean }>();
  private view: { images: readonly FixtureRecord[]; byId: ReadonlyMap<string, FixtureRecord> } | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly base: Library) {}

  get categories(): readonly FixtureCategory[] {
    return this.base.categories;
  }

  get images(): readonly FixtureRecord[] {
    return this.current().images;
  }

  get byId(): ReadonlyMap<string, FixtureRecord> {
    return this.current().byId;
  }

  private current(): { images: readonly FixtureRecord[]; byId: ReadonlyMap<string, FixtureRecord> } {
    if (!this.view) {
      const live = (r: FixtureRecord): boolean => !this.deleted.has(r.imageId);
      const latest = (r: FixtureRecord): FixtureRecord => this.edited.get(r.imageId) ?? r;
      const images = [...this.base.images.filter(live).map(latest), ...[...this.added.values()].filter(live).map(latest)];
      this.view = { images, byId: new Map(images.map((r) => [r.imageId, r])) };
    }
    return this.view;
  }

  private changed(): void {
    this.view = undefined;
  }

  /** CreateUploadImage: a new image, Uploading, and the one-object credential for its PutObject. */
  createUpload(fields: UploadFields, nowMs: number, ttlSec = UPLOAD_CREDENTIAL_TTL_SEC): NewUpload {
    const imageId = randomBytes(16).toString('hex');
    const storageLocation = STORAGE_LOCATIONS[0];
    const objectKey = objectKeyFor(imageId, fields.ext);
    const created = isoSeconds(nowMs);
    const record: FixtureRecord = {
      imageId,
      traits: ['uploaded'],
      ...(fields.title !== undefined ? { title: fields.title } : {}),
      ...(fields.description !== undefined ? { description: fields.description } : {}),
      ...(fields.tags !== undefined ? { tags: fields.tags } : {}),
      ...(fields.cateId !== undefined ? { cateId: fields.cateId } : {}),
      status: 'Uploading',
      imageType: fields.imageType,
      creationTime: created,
      modificationTime: created,
      appId: fields.appId ?? 'app-1000000',
      storageLocation,
      batchAudit: false,
      originalFileName: fields.originalFileName ?? `${imageId}.${fields.ext}`,
      source: { kind: 'uploaded', bytes: Buffer.alloc(0), width: 0, height: 0, format: fields.ext === 'jpg' ? 'jpeg' : fields.ext },
      shape: 'full',
      numberStyle: 'sizeAsString',
    };
    const credential: UploadCredential = {
      accessKeyId: `STS.Upload${randomBytes(9).toString('hex')}`,
      accessKeySecret: randomBytes(18).toString('base64url'),
      securityToken: `CAIS${randomBytes(96).toString('base64')}`,
      expiresAtMs: nowMs + ttlSec * 1000,
    };
    const upload = { imageId, objectKey, bucket: bucketOf(storageLocation), credential };
    this.uploads.set(objectKey, { ...upload, received: false });
    this.added.set(imageId, record);
    this.changed();
    return upload;
  }

  /**
   * An OSS PutObject to `/<bucket>/<objectKey>`: checks the signature, token, expiry and date as OSS
   * does, stores the bytes, and lets the image service finish (or fail) the image a moment later.
   */
  putObject(bucket: string, objectKey: string, headers: Readonly<Record<string, string>>, body: Buffer, nowMs: number): void {
    const upload = this.uploads.get(objectKey);
    const auth = /^OSS ([^:\s]+):([A-Za-z0-9+/=]+)$/.exec(headers['authorization'] ?? '');
    if (!auth) throw new OssError(403, 'AccessDenied', 'The request carries no OSS signature.');
    if (!upload || upload.bucket !== bucket || auth[1] !== upload.credential.accessKeyId) {
      throw new OssError(403, 'InvalidAccessKeyId', 'The OSS Access Key Id you provided does not exist in our records.');
    }
    const { credential } = upload;
    if (!sameText(headers['x-oss-security-token'] ?? '', credential.securityToken)) throw new OssError(403, 'InvalidSecurityToken', 'The security token you provided is invalid.');
    if (nowMs >= credential.expiresAtMs) throw tokenExpired();
    const date = Date.parse(headers['date'] ?? '');
    if (Number.isNaN(date) || Math.abs(date - nowMs) > MAX_DATE_SKEW_MS) throw new OssError(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
    const canonical = ossSign.buildCanonicalString('PUT', `/${bucket}/${objectKey}`, { headers: { ...headers } }, headers['date']);
    const expected = ossSign.authorization(credential.accessKeyId, credential.accessKeySecret, canonical);
    if (!sameText(headers['authorization'] ?? '', expected)) throw new OssError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    if (upload.received) throw new OssError(409, 'ObjectAlreadyExists', 'This upload has already been received.');
    upload.received = true;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.finish(upload.imageId, body);
    }, PROCESSING_MS);
    timer.unref();
    this.timers.add(timer);
  }

  private finish(imageId: string, body: Buffer): void {
    const record = this.added.get(imageId);
    if (!record || this.deleted.has(imageId)) return;
    const sniffed = sniffImage(body);
    const ext = record.source.kind === 'uploaded' ? record.source.format : undefined;
    const ok = sniffed !== undefined && sniffed.format === ext;
    this.added.set(imageId, {
      ...record,
      status: ok ? 'Normal' : 'UploadFail',
      source: ok ? { kind: 'uploaded', bytes: body, width: sniffed.width, height: sniffed.height, format: sniffed.format } : record.source,
    });
    this.changed();
  }

  /** UpdateImageInfos: the IDs that do not exist are returned, the others changed. */
  update(imageId: string, fields: EditableFields, nowMs: number): boolean {
    const record = this.byId.get(imageId);
    if (!record) return false;
    const next: FixtureRecord = { ...record, modificationTime: isoSeconds(nowMs) };
    for (const key of ['title', 'description', 'tags', 'cateId'] as const) {
      if (fields[key] !== undefined) (next as unknown as Record<string, unknown>)[key] = fields[key];
    }
    if (this.added.has(imageId)) this.added.set(imageId, next);
    else this.edited.set(imageId, next);
    this.changed();
    return true;
  }

  /** DeleteImage: gone from every action and from its URLs; unknown IDs are ignored, as the API does. */
  delete(imageIds: readonly string[]): void {
    for (const id of imageIds) this.deleted.add(id);
    this.changed();
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/** OSS's answer to an expired STS credential (error-code page 0002-00000007). */
export function tokenExpired(): OssError {
  return new OssError(403, 'SecurityTokenExpired', 'The security token you provided has expired.', '0002-00000007');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Signed image URLs on the emulator itself, in the two styles GetImageInfo returns (vod-api.md §5, §8):
 *
 * - CDN, URL signing type A: `<base>/image/default/<ID>.<ext>?auth_key=<timestamp>-<rand>-0-<md5hash>`,
 *   md5hash = md5(`<path>-<timestamp>-<rand>-0-<PrivateKey>`). The docs disagree on what `timestamp` is
 *   (expiry time in the old CDN/VOD docs, issue time + the domain's validity in current ones); here it is
 *   the EXPIRY time: now + AuthTimeout (default 3600 s). A URL is good while now <= timestamp.
 * - OSS presigned: `<base>/oss/<objectKey>?Expires=<unix>&OSSAccessKeyId=<id>&Signature=<b64 hmac-sha1>`,
 *   Signature over `VERB\n\n\n<Expires>\n/<bucket>/<objectKey>` (OSS V1 URL signing). The bucket is not in
 *   the emulator's path, so it is taken from the image's StorageLocation.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const CDN_PRIVATE_KEY = 'EmulatorCdnPrivateKey2024';
export const OSS_ACCESS_KEY_ID = 'LTAI5tEmulatorOssOrigin';
const OSS_ACCESS_KEY_SECRET = 'EmulatorOssOriginSecret000000';

export const CDN_PREFIX = '/image/';
export const OSS_PREFIX = '/oss/';

export type UrlCheck = 'ok' | 'expired' | 'invalid';

export function objectKeyFor(imageId: string, ext: string): string {
  return `image/default/${imageId}.${ext}`;
}

export function cdnUrl(base: string, objectKey: string, expiresAtSec: number): string {
  const path = `/${objectKey}`;
  const rand = randomBytes(16).toString('hex');
  return `${base}${path}?auth_key=${expiresAtSec}-${rand}-0-${cdnHash(path, String(expiresAtSec), rand, '0')}`;
}

export function checkCdn(path: string, authKey: string | null, nowSec: number): UrlCheck {
  const parts = /^(\d{1,15})-([0-9A-Za-z]+)-([0-9A-Za-z]+)-([0-9a-f]{32})$/.exec(authKey ?? '');
  if (!parts) return 'invalid';
  const [, timestamp = '', rand = '', uid = '', hash = ''] = parts;
  if (!sameText(cdnHash(path, timestamp, rand, uid), hash)) return 'invalid';
  return Number(timestamp) >= nowSec ? 'ok' : 'expired';
}

function cdnHash(path: string, timestamp: string, rand: string, uid: string): string {
  return typeAHash(path, timestamp, rand, uid, CDN_PRIVATE_KEY);
}

/** md5(`URI-timestamp-rand-uid-PrivateKey`), hex — the type-A formula. */
export function typeAHash(path: string, timestamp: string, rand: string, uid: string, privateKey: string): string {
  return createHash('md5').update(`${path}-${timestamp}-${rand}-${uid}-${privateKey}`).digest('hex');
}

export function ossUrl(base: string, bucket: string, objectKey: string, expiresAtSec: number): string {
  const signature = ossSignature('GET', bucket, objectKey, String(expiresAtSec));
  return (
    `${base}${OSS_PREFIX}${objectKey}?Expires=${expiresAtSec}` +
    `&OSSAccessKeyId=${OSS_ACCESS_KEY_ID}&Signature=${encodeURIComponent(signature)}`
  );
}

export function checkOss(method: string, bucket: string, objectKey: string, query: URLSearchParams, nowSec: number): UrlCheck {
  const expires = query.get('Expires') ?? '';
  const signature = query.get('Signature') ?? '';
  if (!/^\d{1,15}$/.test(expires) || query.get('OSSAccessKeyId') !== OSS_ACCESS_KEY_ID) return 'invalid';
  if (!sameText(ossSignature(method, bucket, objectKey, expires), signature)) return 'invalid';
  return Number(expires) >= nowSec ? 'ok' : 'expired';
}

function ossSignature(method: string, bucket: string, objectKey: string, expires: string): string {
  return createHmac('sha1', OSS_ACCESS_KEY_SECRET).update(`${method}\n\n\n${expires}\n/${bucket}/${objectKey}`).digest('base64');
}

/** `outin-xxx.oss-cn-shanghai.aliyuncs.com` → `outin-xxx`. */
export function bucketOf(storageLocation: string): string {
  return storageLocation.split('.')[0] ?? storageLocation;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

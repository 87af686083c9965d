/**
 * What CreateUploadImage hands back for the OSS upload: `UploadAddress` and `UploadAuth`, each a
 * base64-encoded JSON object (API reference, CreateUploadImage, response parameters; the SDK models
 * type both as strings). Decoded and validated here before anything is sent with them:
 *   UploadAddress: { Endpoint, Bucket, FileName }
 *   UploadAuth:    { AccessKeyId, AccessKeySecret, SecurityToken, Expiration, ... }
 * The decoded secret and token are credentials: no error message built here ever contains them (nor
 * the raw base64 they came in), whatever the server sent.
 */
import * as z from 'zod/mini';
import { isLoopbackHost } from '../endpoint';
import { VodError } from '../errors';
import { msg, type Message } from '../messages';
import { lazy } from '../lazy';

export interface UploadTarget {
  /** `https://<bucket>.<endpoint host>/<file name, path-encoded>`: where the PutObject goes. */
  readonly url: string;
  readonly bucket: string;
  /** The object name to sign (as stored, not URL-encoded). */
  readonly objectKey: string;
}

export interface UploadCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken: string;
  /** When the temporary key stops working; undefined when the server gave no readable time. */
  readonly expiresAt: Date | undefined;
}

export interface UploadTicket {
  readonly target: UploadTarget;
  readonly credentials: UploadCredentials;
}

/** Base64 JSON objects of a few hundred bytes; anything much larger is not an upload ticket. */
const MAX_ENCODED_CHARS = 16 * 1024;

const schemas = lazy(() => {
  const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
  return {
    address: z.looseObject({ Endpoint: text(256), Bucket: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/)), FileName: text(1024) }),
    auth: z.looseObject({
      AccessKeyId: z.string().check(z.regex(/^[\w.-]{1,128}$/)),
      AccessKeySecret: text(256),
      SecurityToken: text(8192),
      Expiration: z.optional(z.string()),
    }),
  };
});

function decodeJson(field: 'UploadAddress' | 'UploadAuth', encoded: unknown): unknown {
  const fail = (why: Message): never => {
    throw new VodError('invalidResponse', msg(field === 'UploadAddress' ? 'upload.addressUnusable' : 'upload.credentialUnusable', { why }));
  };
  if (typeof encoded !== 'string' || encoded.length === 0) return fail(msg('upload.missing'));
  if (encoded.length > MAX_ENCODED_CHARS) return fail(msg('upload.tooLong'));
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded.trim())) return fail(msg('upload.notBase64'));
  try {
    return JSON.parse(Buffer.from(encoded.trim(), 'base64').toString('utf8')) as unknown;
  } catch {
    return fail(msg('upload.notJson'));
  }
}

/** The OSS endpoint as a URL: `oss-cn-shanghai.aliyuncs.com`, with or without a scheme. */
function endpointUrl(endpoint: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new VodError('invalidResponse', msg('upload.noEndpoint'));
  }
  const plainOk = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  if ((url.protocol !== 'https:' && !plainOk) || url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search) {
    throw new VodError('invalidResponse', msg('upload.endpointNotHttps'));
  }
  return url;
}

/** An object name as a URL path: every segment percent-encoded, the slashes kept. */
function encodeObjectPath(objectKey: string): string {
  return objectKey.split('/').map(encodeURIComponent).join('/');
}

export function parseUploadTicket(uploadAddress: unknown, uploadAuth: unknown): UploadTicket {
  const address = schemas().address.safeParse(decodeJson('UploadAddress', uploadAddress));
  if (!address.success) throw new VodError('invalidResponse', msg('upload.addressUnusable', { why: msg('upload.unexpectedFields') }));
  const auth = schemas().auth.safeParse(decodeJson('UploadAuth', uploadAuth));
  if (!auth.success) throw new VodError('invalidResponse', msg('upload.credentialUnusable', { why: msg('upload.unexpectedFields') }));
  const endpoint = endpointUrl(address.data.Endpoint);
  const objectKey = address.data.FileName.replace(/^\/+/, '');
  if (objectKey === '' || objectKey.split('/').some((s) => s === '..' || s === '.')) {
    throw new VodError('invalidResponse', msg('upload.noFile'));
  }
  // Virtual-hosted style, as the OSS SDKs address a bucket; a loopback emulator is addressed by path.
  const origin = isLoopbackHost(endpoint.hostname) ? `${endpoint.origin}/${address.data.Bucket}` : `${endpoint.protocol}//${address.data.Bucket}.${endpoint.host}`;
  const expires = auth.data.Expiration === undefined ? undefined : new Date(auth.data.Expiration);
  return {
    target: { url: `${origin}/${encodeObjectPath(objectKey)}`, bucket: address.data.Bucket, objectKey },
    credentials: {
      accessKeyId: auth.data.AccessKeyId,
      accessKeySecret: auth.data.AccessKeySecret,
      securityToken: auth.data.SecurityToken,
      expiresAt: expires && !Number.isNaN(expires.getTime()) ? expires : undefined,
    },
  };
}

/**
 * Whether the temporary key is still good for an upload that may take `expectedMs` more: the
 * credential lives about 3,000 s, and a slow upload should ask for a new one rather than fail late.
 */
export function credentialLastsFor(credentials: UploadCredentials, expectedMs: number, now: Date = new Date()): boolean {
  if (credentials.expiresAt === undefined) return true;
  const marginMs = 60_000;
  return credentials.expiresAt.getTime() - now.getTime() > expectedMs + marginMs;
}

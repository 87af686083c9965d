/**
 * OSS request signing (the header form, `Authorization: OSS <AccessKeyId>:<Signature>`), for the one
 * OSS request the product makes: the PutObject of an image upload, with the temporary key and STS
 * token CreateUploadImage hands out.
 *
 * Signature = base64(HMAC-SHA1(secret, StringToSign)) where StringToSign is
 *   VERB \n Content-MD5 \n Content-Type \n Date \n CanonicalizedOSSHeaders CanonicalizedResource
 * CanonicalizedOSSHeaders: every `x-oss-*` header, lower-cased name, trimmed value, sorted by name,
 * one `name:value\n` each; CanonicalizedResource: `/<bucket>/<object>` (the object name as it is, not
 * URL-encoded) plus sorted sub-resources (`?acl`, `?uploadId=…`).
 * Source: OSS API reference, "Include signatures in the Authorization header" (help/en/oss/developer-reference/include-signatures-in-the-authorization-header).
 * Checked against the official `ali-oss` package's signing functions on randomized inputs (test/unit).
 */
import { createHmac } from 'node:crypto';

export interface OssStringToSignInput {
  readonly method: string;
  readonly bucket: string;
  /** The object name without a leading slash, exactly as stored (not URL-encoded). */
  readonly objectKey: string;
  /** Request headers; names in any case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Sub-resources that are part of the signature (e.g. `uploadId`); a value of undefined is a bare key. */
  readonly subresources?: Readonly<Record<string, string | undefined>>;
}

export interface OssCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string | undefined;
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return '';
}

function canonicalOssHeaders(headers: Readonly<Record<string, string>>): string {
  const ossHeaders = new Map<string, string>();
  for (const [key, value] of Object.entries(headers)) {
    const name = key.toLowerCase();
    if (name.startsWith('x-oss-')) ossHeaders.set(name, String(value).trim());
  }
  return [...ossHeaders.keys()]
    .sort()
    .map((name) => `${name}:${ossHeaders.get(name) ?? ''}\n`)
    .join('');
}

function canonicalResource(bucket: string, objectKey: string, subresources: Readonly<Record<string, string | undefined>> = {}): string {
  const parts = Object.keys(subresources)
    .sort()
    .map((key) => {
      const value = subresources[key];
      return value === undefined || value === '' ? key : `${key}=${value}`;
    });
  return `/${bucket}/${objectKey}${parts.length ? `?${parts.join('&')}` : ''}`;
}

export function ossStringToSign(input: OssStringToSignInput): string {
  return [
    input.method.toUpperCase(),
    headerValue(input.headers, 'content-md5'),
    headerValue(input.headers, 'content-type'),
    headerValue(input.headers, 'date'),
    `${canonicalOssHeaders(input.headers)}${canonicalResource(input.bucket, input.objectKey, input.subresources)}`,
  ].join('\n');
}

export function ossSignature(accessKeySecret: string, stringToSign: string): string {
  return createHmac('sha1', accessKeySecret).update(stringToSign, 'utf8').digest('base64');
}

/**
 * The headers to send with an OSS request signed by `credentials` at `date`: the given headers plus
 * `Date`, `x-oss-security-token` (for a temporary key) and `Authorization`. The secret is only used
 * in the HMAC; it is never part of what is returned.
 */
export function signOssRequest(
  request: Omit<OssStringToSignInput, 'headers'> & { readonly headers?: Readonly<Record<string, string>> },
  credentials: OssCredentials,
  date: Date,
): Record<string, string> {
  const headers: Record<string, string> = { ...request.headers, Date: date.toUTCString() };
  if (credentials.securityToken) headers['x-oss-security-token'] = credentials.securityToken;
  const toSign = ossStringToSign({ ...request, headers });
  headers.Authorization = `OSS ${credentials.accessKeyId}:${ossSignature(credentials.accessKeySecret, toSign)}`;
  return headers;
}

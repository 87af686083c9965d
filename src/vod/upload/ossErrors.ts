/**
 * What an OSS refusal of the upload PUT means, as a VodError. OSS answers errors as XML
 * `<Error><Code>…</Code><Message>…</Message><RequestId>…</RequestId><EC>…</EC>…</Error>`
 * (OSS API reference, "Error responses"; error-code pages such as help/en/oss/support/0002-00000007).
 *
 * Only `Code`, `RequestId` and `EC` are read into the error, each in its documented shape. The message
 * is never quoted: a SignatureDoesNotMatch answer echoes `<StringToSign>`, which holds the temporary
 * AccessKey ID and the `x-oss-security-token` line.
 */
import { VodError, isVodError } from '../errors';
import { headerValue } from '../errorMapping';
import { safeErrorCode, safeRequestId } from '../serverFields';
import type { TransportResponse } from '../transport';

/** Set on the error when the temporary upload credential expired: the uploader asks for a new one. */
export const EXPIRED_UPLOAD_CREDENTIAL = 'SecurityTokenExpired';
/** OSS's error-code page for "the STS credential in the request has expired". */
const EXPIRED_EC = '0002-00000007';

function xmlField(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]{0,256})</${name}>`).exec(xml)?.[1];
}

export function mapOssError(response: TransportResponse): VodError {
  const xml = response.body.toString('utf8', 0, Math.min(response.body.length, 16 * 1024));
  const code = safeErrorCode(xmlField(xml, 'Code'));
  const ec = /^[\d-]{1,32}$/.test(xmlField(xml, 'EC') ?? '') ? xmlField(xml, 'EC') : undefined;
  const requestId = safeRequestId(xmlField(xml, 'RequestId')) ?? safeRequestId(headerValue(response.headers, 'x-oss-request-id'));
  const status = response.status;
  const details = { code, requestId, httpStatus: status };
  // Read (never shown): some OSS versions say "expired" under InvalidAccessKeyId rather than a code of its own.
  const saysExpired = /security token[^<]{0,40}expired/i.test(xmlField(xml, 'Message') ?? '');
  if (code === EXPIRED_UPLOAD_CREDENTIAL || ec === EXPIRED_EC || (status === 403 && saysExpired)) {
    return new VodError('auth', 'The temporary upload credential expired before the upload finished.', { ...details, code: EXPIRED_UPLOAD_CREDENTIAL });
  }
  if (code === 'RequestTimeTooSkewed') {
    return new VodError('auth', "OSS refused the upload: this computer's clock is more than 15 minutes off. Correct the system clock.", details);
  }
  if (code === 'SignatureDoesNotMatch' || code === 'InvalidSecurityToken' || code === 'InvalidAccessKeyId') {
    return new VodError('auth', 'OSS refused the upload credential VOD handed out (a proxy may have changed the request). Try again.', details);
  }
  if (status === 401 || status === 403) {
    return new VodError('auth', `OSS refused the upload (HTTP ${status}${code ? `, ${code}` : ''}). Check the bucket's policy and that the VOD storage location is enabled.`, details);
  }
  if (code === 'EntityTooLarge') return new VodError('invalidInput', 'OSS refused the upload: the file is too large.', details);
  if (status >= 500) return new VodError('server', `OSS failed to store the upload (HTTP ${status}). Try again later.`, details);
  return new VodError('invalidResponse', `OSS answered the upload with HTTP ${status}${code ? ` (${code})` : ''}.`, details);
}

export function isExpiredUploadCredential(error: unknown): boolean {
  return isVodError(error) && error.code === EXPIRED_UPLOAD_CREDENTIAL;
}

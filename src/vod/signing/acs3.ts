/**
 * ACS3-HMAC-SHA256 ("V3") request signature: canonical request -> string to sign -> HMAC-SHA256
 * keyed with the bare AccessKey secret -> `Authorization` header.
 */
import { createHash, createHmac } from 'node:crypto';
import { canonicalQueryString } from './canonicalQuery';
import { percentEncode } from './percentEncode';

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** SHA-256 of zero bytes; RPC calls send an empty body. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface Acs3Input {
  method: string;
  /** The decoded path (`/` for RPC APIs); each segment is percent-encoded here, `/` kept. */
  pathname: string;
  /** Decoded query parameters; encoded here. */
  query: Readonly<Record<string, string>>;
  /** Any headers; only `host`, `content-type` and `x-acs-*` are signed (names matched case-insensitively). */
  headers: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
}

export function sha256Hex(body: string | Uint8Array | undefined): string {
  if (body === undefined || body.length === 0) return EMPTY_BODY_SHA256;
  return createHash('sha256').update(body).digest('hex');
}

export function acs3CanonicalRequest(input: Acs3Input): { canonicalRequest: string; signedHeaders: string } {
  const headers = signedHeaderValues(input.headers);
  const names = [...headers.keys()].sort();
  // Each header line ends in "\n" and the join adds another: the blank line is part of the format.
  const canonicalHeaders = names.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    input.method,
    canonicalUri(input.pathname),
    canonicalQueryString(input.query),
    canonicalHeaders,
    signedHeaders,
    sha256Hex(input.body),
  ].join('\n');
  return { canonicalRequest, signedHeaders };
}

export function acs3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
}

/** Lowercase hex HMAC-SHA256; unlike V1 the key is the secret with no `&` appended. */
export function acs3Signature(stringToSign: string, accessKeySecret: string): string {
  return createHmac('sha256', accessKeySecret).update(stringToSign).digest('hex');
}

/** The full `Authorization` header value. */
export function acs3Authorization(input: Acs3Input, accessKeyId: string, accessKeySecret: string): string {
  const { canonicalRequest, signedHeaders } = acs3CanonicalRequest(input);
  const signature = acs3Signature(acs3StringToSign(canonicalRequest), accessKeySecret);
  return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

function isSignedHeader(lowerName: string): boolean {
  return lowerName === 'host' || lowerName === 'content-type' || lowerName.startsWith('x-acs-');
}

/**
 * Lowercased names -> trimmed values. Two spellings of one header (`Host` and `host`) would be sent
 * as two headers whose combined order the server decides, so that is refused rather than guessed.
 */
function signedHeaderValues(headers: Readonly<Record<string, string>>): Map<string, string> {
  const result = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!isSignedHeader(lower)) continue;
    if (result.has(lower)) throw new Error(`Header "${lower}" is given more than once.`);
    result.set(lower, value.trim());
  }
  return result;
}

function canonicalUri(pathname: string): string {
  const path = pathname === '' ? '/' : pathname;
  return path.split('/').map(percentEncode).join('/');
}

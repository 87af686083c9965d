/**
 * RPC signature "V1" (HMAC-SHA1, `SignatureVersion=1.0`): see docs of the VOD "Signature method".
 * Pure functions over the final parameter set; building that set lives in `signV1Request.ts`.
 */
import { createHmac } from 'node:crypto';
import { canonicalQueryString } from './canonicalQuery';
import { percentEncode } from './percentEncode';

/** The signature is carried as a parameter itself, so it is never part of what is signed. */
const SIGNATURE_PARAM = 'Signature';

export function rpcV1CanonicalQuery(params: Readonly<Record<string, string>>): string {
  const signed: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name !== SIGNATURE_PARAM) signed[name] = value;
  }
  return canonicalQueryString(signed);
}

/** `METHOD&%2F&percentEncode(canonical query)`: the query is encoded a second time on purpose. */
export function rpcV1StringToSign(method: string, params: Readonly<Record<string, string>>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(rpcV1CanonicalQuery(params))}`;
}

/** Base64 HMAC-SHA1 keyed with `secret + "&"` (the `&` is part of the scheme, not a separator we add). */
export function signRpcV1(
  method: string,
  params: Readonly<Record<string, string>>,
  accessKeySecret: string,
): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(rpcV1StringToSign(method, params)).digest('base64');
}

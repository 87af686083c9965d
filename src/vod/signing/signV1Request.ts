/**
 * RPC V1 request: every parameter (common ones, the action's own, and `Signature`) travels in an
 * `application/x-www-form-urlencoded` POST body, so nothing signed ends up in a URL or a proxy log.
 */
import { VodError } from '../errors';
import { msg } from '../messages';
import { canonicalQueryString } from './canonicalQuery';
import { percentEncode } from './percentEncode';
import { signRpcV1 } from './rpcV1';
import type { SignedRequest, SignInput } from './signedRequest';
import { securityTokenOf } from './securityToken';
import { formatAcsTimestamp } from './timestamp';

const METHOD = 'POST';

/** Names the signing owns; an action parameter with one of these names would silently replace it. */
const COMMON_PARAMS: ReadonlySet<string> = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'SecurityToken',
  'Signature',
]);

export function signV1Request(input: SignInput): SignedRequest {
  for (const name of Object.keys(input.params)) {
    if (COMMON_PARAMS.has(name)) {
      throw new VodError('invalidInput', msg('sign.reservedParam', { name }));
    }
  }
  const params: Record<string, string> = {
    ...input.params,
    Action: input.action,
    Version: input.version,
    Format: 'JSON',
    AccessKeyId: input.credentials.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: input.nonce,
    Timestamp: formatAcsTimestamp(input.now),
  };
  const token = securityTokenOf(input.credentials);
  if (token !== undefined) params['SecurityToken'] = token;

  const signature = signRpcV1(METHOD, params, input.credentials.accessKeySecret);
  const body = `${canonicalQueryString(params)}&Signature=${percentEncode(signature)}`;
  return {
    method: METHOD,
    url: `${input.endpoint.origin}/`,
    headers: { host: input.endpoint.host, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  };
}

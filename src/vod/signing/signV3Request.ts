/**
 * V3 request: RPC parameters in the query string, action/version/date/nonce in `x-acs-*` headers,
 * empty POST body, `Authorization` header. The URL carries exactly the canonical query that was signed,
 * so the server decodes the same values we hashed.
 */
import { acs3Authorization, EMPTY_BODY_SHA256 } from './acs3';
import { canonicalQueryString } from './canonicalQuery';
import type { SignedRequest, SignInput } from './signedRequest';
import { securityTokenOf } from './securityToken';
import { formatAcsTimestamp } from './timestamp';

const METHOD = 'POST';
const PATH = '/';

export function signV3Request(input: SignInput): SignedRequest {
  const headers: Record<string, string> = {
    host: input.endpoint.host,
    'x-acs-action': input.action,
    'x-acs-version': input.version,
    'x-acs-date': formatAcsTimestamp(input.now),
    'x-acs-signature-nonce': input.nonce,
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
  };
  const token = securityTokenOf(input.credentials);
  if (token !== undefined) headers['x-acs-security-token'] = token;

  const { accessKeyId, accessKeySecret } = input.credentials;
  headers['Authorization'] = acs3Authorization(
    { method: METHOD, pathname: PATH, query: input.params, headers },
    accessKeyId,
    accessKeySecret,
  );

  const query = canonicalQueryString(input.params);
  const url = `${input.endpoint.origin}${PATH}${query === '' ? '' : `?${query}`}`;
  return { method: METHOD, url, headers, body: undefined };
}

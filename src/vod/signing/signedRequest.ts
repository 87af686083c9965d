/**
 * The one entry point the client uses: turns an API call into a ready-to-send HTTP request, signed
 * with V3 (ACS3-HMAC-SHA256, the default) or RPC V1 (HMAC-SHA1). `now` and `nonce` are inputs so a
 * retry re-signs with fresh values and tests are deterministic.
 */
import { randomUUID } from 'node:crypto';
import { VodError } from '../errors';
import { msg } from '../messages';
import { signV1Request } from './signV1Request';
import { signV3Request } from './signV3Request';

export interface SigningCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token; an empty string counts as none (an empty env var is common). */
  securityToken?: string | undefined;
}

export interface SignInput {
  scheme: 'v3' | 'v1';
  /** Only its origin is used: RPC calls always go to `/`. */
  endpoint: URL;
  action: string;
  /** API version, `2017-03-21` for VOD. */
  version: string;
  /** The action's own parameters, decoded. */
  params: Readonly<Record<string, string>>;
  credentials: SigningCredentials;
  now: Date;
  nonce: string;
}

export interface SignedRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export function signRequest(input: SignInput): SignedRequest {
  const { accessKeyId, accessKeySecret } = input.credentials;
  if (accessKeyId === '' || accessKeySecret === '') {
    throw new VodError('noCredentials', msg('sign.noKey'));
  }
  if (input.nonce === '') throw new VodError('invalidInput', msg('sign.emptyNonce'));
  return input.scheme === 'v3' ? signV3Request(input) : signV1Request(input);
}

/** 32 hex chars, unique per request (the gateway rejects a reused nonce). */
export function newNonce(): string {
  return randomUUID().replace(/-/g, '');
}

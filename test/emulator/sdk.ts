/**
 * The official SDK's signing functions (`@alicloud/openapi-util`, a dev dependency), typed for our
 * use. The emulator verifies signatures with these — never with the product's own signer in src/ —
 * so a bug in our signer cannot hide behind a matching bug in the verifier.
 */
import OpenApiUtil from '@alicloud/openapi-util';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface V3CanonicalInput {
  method: string;
  pathname: string;
  /** Decoded query parameters; the SDK encodes the values itself. */
  query: Record<string, string>;
  /** The headers to sign (the SDK keeps only `x-acs-*`, `host` and `content-type`). */
  headers: Record<string, string>;
}

/** The full `Authorization` header value the SDK computes. */
export function sdkAuthorization(input: V3CanonicalInput, payloadSha256Hex: string, accessKeyId: string, secret: string): string {
  const request = { ...input, body: undefined } as unknown as Parameters<typeof OpenApiUtil.getAuthorization>[0];
  return OpenApiUtil.getAuthorization(request, V3_ALGORITHM, payloadSha256Hex, accessKeyId, secret);
}

/** The base64 HMAC-SHA1 RPC (V1) signature of every parameter except `Signature`. */
export function sdkRpcSignature(params: Record<string, string>, method: string, secret: string): string {
  return OpenApiUtil.getRPCSignature(params, method, secret);
}

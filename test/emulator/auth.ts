/**
 * The emulated POP gateway's authentication: V3 (`Authorization: ACS3-HMAC-SHA256 …`) and RPC V1
 * (`Signature` parameter, HMAC-SHA1). Checks run in the order a request would fail at a gateway:
 * structure → AccessKey → timestamp → signature → STS token → nonce replay → RAM permission → version.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, apiErrors } from './apiError';
import { parseApiTimestamp } from './clock';
import { type KeyRing, type KnownKey, looksLikeStsToken, STS_CREDENTIALS } from './credentials';
import type { NonceStore } from './nonces';
import { sdkAuthorization, sdkRpcSignature, V3_ALGORITHM } from './sdk';
import { VIDEO_ACTIONS } from './videoErrors';

/** The actions a read-only RAM policy leaves out (the emulator's `readOnlyCredentials`). */
const WRITE_ACTIONS: ReadonlySet<string> = new Set(['CreateUploadImage', 'UpdateImageInfos', 'DeleteImage']);

export const API_VERSION = '2017-03-21';
const TIMESTAMP_WINDOW_MS = 15 * 60 * 1000;

export interface ApiRequest {
  method: 'GET' | 'POST';
  pathname: string;
  /** Decoded query-string parameters. */
  query: Record<string, string>;
  /** Decoded `application/x-www-form-urlencoded` body parameters (empty otherwise). */
  form: Record<string, string>;
  body: Buffer;
  headers: IncomingHttpHeaders;
}

export type ResponseFormat = 'JSON' | 'XML';

export interface AuthenticatedCall {
  scheme: 'v3' | 'v1';
  action: string;
  /** The AccessKey ID whose signature (and token, and RAM policy) let the call through. Not a secret. */
  accessKeyId: string;
  /** The action's own parameters (common/signing parameters removed for V1). */
  params: Record<string, string>;
  format: ResponseFormat;
}

export interface AuthContext {
  keys: KeyRing;
  nonces: NonceStore;
  nowMs: number;
  /** The product's API version; VOD's by default (the STS endpoint passes 2015-04-01). */
  version?: string;
}

/** The action name as far as it can be read before authentication (for statistics). */
export function peekAction(request: ApiRequest): string | undefined {
  return header(request.headers, 'x-acs-action') ?? request.form['Action'] ?? request.query['Action'];
}

export function authenticate(request: ApiRequest, context: AuthContext): AuthenticatedCall {
  const authorization = header(request.headers, 'authorization');
  if (authorization !== undefined) return authenticateV3(request, authorization, context);
  const params = { ...request.query, ...request.form };
  if ('Signature' in params || 'AccessKeyId' in params) return authenticateV1(request, params, context);
  throw apiErrors.incompleteSignature('The request carries neither an Authorization header nor a Signature parameter.');
}

// ---- V3 ----------------------------------------------------------------------------------------

const V3_REQUIRED_HEADERS = ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

interface ParsedAuthorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

function authenticateV3(request: ApiRequest, authorization: string, context: AuthContext): AuthenticatedCall {
  const auth = parseAuthorization(authorization);
  for (const name of V3_REQUIRED_HEADERS) {
    if (header(request.headers, name) === undefined) throw apiErrors.missingParameter(name);
  }
  checkSignedHeaderSet(request.headers, auth.signedHeaders);
  const key = findKey(context.keys, auth.accessKeyId);
  checkTimestamp(header(request.headers, 'x-acs-date') ?? '', 'x-acs-date', context.nowMs);

  const payloadHash = createHash('sha256').update(request.body).digest('hex');
  if (header(request.headers, 'x-acs-content-sha256') !== payloadHash) {
    throw new ApiError(400, 'SignatureDoesNotMatch', 'The x-acs-content-sha256 header does not match the request body.');
  }
  const params = { ...request.query, ...request.form };
  const signedHeaderValues: Record<string, string> = {};
  for (const name of auth.signedHeaders) signedHeaderValues[name] = header(request.headers, name) ?? '';
  const expected = sdkAuthorization(
    { method: request.method, pathname: request.pathname, query: params, headers: signedHeaderValues },
    payloadHash,
    auth.accessKeyId,
    key.secret,
  );
  if (!sameText(signatureOf(expected), auth.signature)) throw apiErrors.signatureDoesNotMatch();

  checkSecurityToken(key, header(request.headers, 'x-acs-security-token'), context.nowMs);
  claimNonce(context, auth.accessKeyId, header(request.headers, 'x-acs-signature-nonce') ?? '');
  checkRam(key, header(request.headers, 'x-acs-action') ?? '');
  if (header(request.headers, 'x-acs-version') !== (context.version ?? API_VERSION)) throw apiErrors.invalidVersion();
  return { scheme: 'v3', action: header(request.headers, 'x-acs-action') ?? '', accessKeyId: auth.accessKeyId, params, format: 'JSON' };
}

/** The RAM policy of the emulator's restricted keys: Forbidden.RAM (403) for what the policy leaves out. */
function checkRam(key: KnownKey, action: string): void {
  if (key.kind === 'forbidden') throw apiErrors.forbiddenRam();
  if (key.kind === 'imagesOnly' && VIDEO_ACTIONS.has(action)) throw apiErrors.forbiddenRam();
  if (key.kind === 'readOnly' && WRITE_ACTIONS.has(action)) throw apiErrors.forbiddenRam();
}

function parseAuthorization(value: string): ParsedAuthorization {
  const space = value.indexOf(' ');
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (algorithm !== V3_ALGORITHM) {
    throw apiErrors.incompleteSignature(`Unsupported signature algorithm; expected ${V3_ALGORITHM}.`);
  }
  const fields = new Map<string, string>();
  for (const part of value.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) {
    throw apiErrors.incompleteSignature('The Authorization header needs Credential, SignedHeaders and Signature.');
  }
  return { accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
}

/**
 * Signed headers must cover host and every `x-acs-*` header sent. Only `x-acs-*`, `host` and
 * `content-type` can be signed here: the SDK function we verify with ignores any other header, so
 * accepting one would mean checking a signature we did not really recompute.
 */
function checkSignedHeaderSet(headers: IncomingHttpHeaders, signed: readonly string[]): void {
  const set = new Set(signed);
  for (const name of signed) {
    if (name !== name.toLowerCase()) throw apiErrors.incompleteSignature(`SignedHeaders must be lowercase (${name}).`);
    if (!(name === 'host' || name === 'content-type' || name.startsWith('x-acs-'))) {
      throw apiErrors.incompleteSignature(`The emulator only verifies x-acs-*, host and content-type as signed headers, not ${name}.`);
    }
    if (header(headers, name) === undefined) throw apiErrors.incompleteSignature(`Signed header ${name} is not in the request.`);
  }
  const mustSign = Object.keys(headers).filter((name) => name === 'host' || name.startsWith('x-acs-'));
  for (const name of mustSign) {
    if (!set.has(name)) throw apiErrors.incompleteSignature(`Header ${name} must be signed.`);
  }
}

function signatureOf(authorization: string): string {
  return /Signature=([0-9a-f]+)$/.exec(authorization)?.[1] ?? '';
}

// ---- V1 ----------------------------------------------------------------------------------------

const V1_COMMON = ['Action', 'Version', 'Format', 'AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'SecurityToken', 'RegionId'];

function authenticateV1(request: ApiRequest, params: Record<string, string>, context: AuthContext): AuthenticatedCall {
  const signature = params['Signature'];
  if (!signature) throw apiErrors.incompleteSignature('The Signature parameter is missing.');
  const method = params['SignatureMethod'];
  if (method === undefined) throw apiErrors.missingParameter('SignatureMethod');
  if (method !== 'HMAC-SHA1') throw apiErrors.incompleteSignature('SignatureMethod must be HMAC-SHA1.');
  if (params['SignatureVersion'] !== '1.0') throw apiErrors.incompleteSignature('SignatureVersion must be 1.0.');
  for (const name of ['AccessKeyId', 'SignatureNonce', 'Timestamp', 'Action', 'Version']) {
    if (!params[name]) throw apiErrors.missingParameter(name);
  }
  const accessKeyId = params['AccessKeyId'] ?? '';
  const key = findKey(context.keys, accessKeyId);
  checkTimestamp(params['Timestamp'] ?? '', 'Timestamp', context.nowMs);

  const signed = { ...params };
  delete signed['Signature'];
  const expected = sdkRpcSignature(signed, request.method, key.secret);
  if (!sameText(expected, signature)) throw apiErrors.signatureDoesNotMatch();

  checkSecurityToken(key, params['SecurityToken'], context.nowMs);
  claimNonce(context, accessKeyId, params['SignatureNonce'] ?? '');
  checkRam(key, params['Action'] ?? '');
  if (params['Version'] !== (context.version ?? API_VERSION)) throw apiErrors.invalidVersion();

  const actionParams = Object.fromEntries(Object.entries(params).filter(([name]) => !V1_COMMON.includes(name)));
  return { scheme: 'v1', action: params['Action'] ?? '', accessKeyId, params: actionParams, format: responseFormat(params['Format']) };
}

/** V1 answers XML unless asked for JSON, like the real API (the SDKs send Format=JSON or json). */
function responseFormat(format: string | undefined): ResponseFormat {
  if (format === undefined || format.toUpperCase() === 'XML') return 'XML';
  if (format.toUpperCase() === 'JSON') return 'JSON';
  throw apiErrors.invalidParameter('Format');
}

// ---- shared checks -----------------------------------------------------------------------------

function findKey(keys: KeyRing, accessKeyId: string): KnownKey {
  const key = keys.find(accessKeyId);
  if (!key) throw apiErrors.accessKeyNotFound();
  return key;
}

function checkTimestamp(value: string, name: string, nowMs: number): void {
  const ms = parseApiTimestamp(value);
  if (ms === undefined) throw apiErrors.timestampFormat(name);
  if (Math.abs(ms - nowMs) > TIMESTAMP_WINDOW_MS) throw apiErrors.timestampExpired();
}

function checkSecurityToken(key: KnownKey, token: string | undefined, nowMs: number): void {
  const present = token !== undefined && token !== '';
  if (key.kind !== 'sts') {
    if (present) throw apiErrors.tokenMismatch();
    return;
  }
  if (!present) throw apiErrors.tokenMismatch();
  if (key.issued !== undefined) {
    if (token !== key.issued.token) throw apiErrors.tokenMismatch();
    if (nowMs >= key.issued.expiresMs) throw apiErrors.tokenExpired();
    return;
  }
  if (token === STS_CREDENTIALS.securityToken) return;
  throw looksLikeStsToken(token) ? apiErrors.tokenExpired() : apiErrors.tokenMalformed();
}

function claimNonce(context: AuthContext, accessKeyId: string, nonce: string): void {
  if (!context.nonces.claim(accessKeyId, nonce, context.nowMs)) throw apiErrors.nonceUsed();
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

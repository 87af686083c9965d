/**
 * A bare client for the emulator, signed with the official SDK functions (never with src/): for the
 * emulator's own tests, and as the "raw round trip" baseline in benchmarks. Requests can be tampered
 * with between signing and sending, and `node:http` is used directly so every header (Host included)
 * goes out exactly as given.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { isoSeconds } from './clock';
import { sdkAuthorization, sdkRpcSignature } from './sdk';

export interface SigningKey {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export interface SignedCallOptions {
  credentials: SigningKey;
  /** 'v3' (default) or RPC 'v1'. */
  scheme?: 'v3' | 'v1';
  method?: 'POST' | 'GET';
  /** V1: where the parameters travel; default body for POST, query for GET. */
  v1Params?: 'query' | 'body';
  /** V1 `Format`; default 'JSON'. Pass null to leave it out. */
  format?: string | null;
  version?: string;
  nonce?: string;
  date?: Date;
  /** Host header to send and sign (default: the endpoint's host). */
  host?: string;
  /** Extra headers, added before signing (V3 signs any x-acs-* among them). */
  headers?: Record<string, string>;
  /** Change the request after signing, e.g. to break the signature on purpose. */
  tamper?: (request: RawRequest) => void;
  timeoutMs?: number;
}

export interface RawRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text(): string;
  json(): Record<string, unknown>;
}

/** RFC 3986 encoding as the SDK does it (encodeURIComponent plus `!'()*`). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function signRequest(endpoint: string, action: string, params: Record<string, string>, options: SignedCallOptions): RawRequest {
  return options.scheme === 'v1' ? signV1(endpoint, action, params, options) : signV3(endpoint, action, params, options);
}

function signV3(endpoint: string, action: string, params: Record<string, string>, options: SignedCallOptions): RawRequest {
  const method = options.method ?? 'POST';
  const url = new URL('/', endpoint);
  url.search = Object.keys(params)
    .sort()
    .map((name) => `${name}=${percentEncode(params[name] ?? '')}`)
    .join('&');
  const payloadHash = createHash('sha256').update('').digest('hex');
  const headers: Record<string, string> = {
    host: options.host ?? url.host,
    'x-acs-action': action,
    'x-acs-version': options.version ?? '2017-03-21',
    'x-acs-date': isoSeconds((options.date ?? new Date()).getTime()),
    'x-acs-signature-nonce': options.nonce ?? randomUUID().replace(/-/g, ''),
    'x-acs-content-sha256': payloadHash,
    ...(options.credentials.securityToken ? { 'x-acs-security-token': options.credentials.securityToken } : {}),
    ...options.headers,
  };
  headers['authorization'] = sdkAuthorization(
    { method, pathname: '/', query: params, headers },
    payloadHash,
    options.credentials.accessKeyId,
    options.credentials.accessKeySecret,
  );
  return finish({ method, url, headers, body: undefined }, options);
}

function signV1(endpoint: string, action: string, params: Record<string, string>, options: SignedCallOptions): RawRequest {
  const method = options.method ?? 'POST';
  const all: Record<string, string> = {
    Action: action,
    Version: options.version ?? '2017-03-21',
    ...(options.format === null ? {} : { Format: options.format ?? 'JSON' }),
    AccessKeyId: options.credentials.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: options.nonce ?? randomUUID(),
    Timestamp: isoSeconds((options.date ?? new Date()).getTime()),
    ...(options.credentials.securityToken ? { SecurityToken: options.credentials.securityToken } : {}),
    ...params,
  };
  all['Signature'] = sdkRpcSignature(all, method, options.credentials.accessKeySecret);
  const encoded = Object.entries(all)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
  const url = new URL('/', endpoint);
  const inBody = (options.v1Params ?? (method === 'POST' ? 'body' : 'query')) === 'body';
  const headers: Record<string, string> = { host: options.host ?? url.host, ...options.headers };
  if (inBody) headers['content-type'] = 'application/x-www-form-urlencoded';
  else url.search = encoded;
  return finish({ method, url, headers, body: inBody ? encoded : undefined }, options);
}

function finish(request: RawRequest, options: SignedCallOptions): RawRequest {
  options.tamper?.(request);
  return request;
}

export async function callApi(
  endpoint: string,
  action: string,
  params: Record<string, string>,
  options: SignedCallOptions,
): Promise<RawResponse> {
  return sendRaw(signRequest(endpoint, action, params, options), options.timeoutMs);
}

/** Sends exactly this request on a fresh connection. Rejects on network errors and on timeout. */
export function sendRaw(request: RawRequest, timeoutMs = 10_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const headers = { ...request.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    const req = httpRequest(request.url, { method: request.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: bytes,
          text: () => bytes.toString('utf8'),
          json: () => JSON.parse(bytes.toString('utf8')) as Record<string, unknown>,
        });
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(body);
  });
}

/** A plain GET (image URLs, control API). */
export function getUrl(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<RawResponse> {
  const target = new URL(url);
  return sendRaw({ method: options.method ?? 'GET', url: target, headers: options.headers ?? {}, body: options.body }, options.timeoutMs);
}

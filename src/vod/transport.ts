/**
 * The one way the core talks HTTP: undici with keep-alive, our own proxy choice, a connect timeout
 * and a total timeout per request, a response size cap enforced while the body streams in, and
 * cancellation by AbortSignal. Every failure leaves as a `VodError`.
 *
 * undici is `require`d on the first request, not at import: the extension activates without
 * paying for ~400 KB of HTTP client it may never use in a session.
 */
import { Readable } from 'node:stream';
import type * as Undici from 'undici';
import { VodError } from './errors';
import { downloadRefusal, MAX_DOWNLOAD_REDIRECTS, tooManyRedirects } from './downloadPolicy';
import { isLoopbackHost } from './endpoint';
import { mapTransportError, headerValue } from './errorMapping';

export interface TransportRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Total time for connect + send + the whole body; falls back to the transport's default. */
  readonly timeoutMs?: number | undefined;
}

export interface TransportResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export interface FetchBytesOptions {
  /** Cap for this download; falls back to the transport's `maxResponseBytes`. */
  readonly maxBytes?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
}

export interface FetchedBytes {
  /** The server's Content-Type, `application/octet-stream` when it sent none. */
  readonly contentType: string;
  readonly bytes: Buffer;
}

/** A PUT whose body streams from elsewhere (a file): never held in memory whole. */
export interface StreamPutRequest {
  readonly url: string;
  /** Must include `Content-Length`: OSS takes an object of a known size. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: AsyncIterable<Uint8Array>;
  readonly signal?: AbortSignal | undefined;
  /** Longest wait for the answer's headers, then between two chunks of it; default the transport's timeout. */
  readonly idleTimeoutMs?: number | undefined;
}

export interface OpenDownloadOptions {
  readonly signal?: AbortSignal | undefined;
  /** Longest wait for headers, then between two chunks of the body (a large file has no total limit). */
  readonly idleTimeoutMs?: number | undefined;
}

/** An open 2xx download: the caller reads `body` to the end, or calls `cancel`. */
export interface DownloadStream {
  readonly contentType: string;
  /** From Content-Length, when the server sent one. */
  readonly contentLength: number | undefined;
  readonly body: AsyncIterable<Uint8Array>;
  cancel(): void;
}

export interface Transport {
  /** Sends one request; any HTTP status resolves, only transport failures reject. */
  request(request: TransportRequest): Promise<TransportResponse>;
  /** A streamed PUT (the OSS upload); any HTTP status resolves with its (small, capped) answer. */
  putStream(request: StreamPutRequest): Promise<TransportResponse>;
  /**
   * GETs a (signed) media URL of any size as a stream, under the same redirect and https rules as
   * `fetchBytes`; a non-2xx status rejects.
   */
  openDownload(url: string, options?: OpenDownloadOptions): Promise<DownloadStream>;
  /**
   * GETs a (signed) media URL, following up to 3 redirects; every hop must be https (plain http only
   * to this machine, see downloadPolicy.ts); a non-2xx status rejects.
   */
  fetchBytes(url: string, options?: FetchBytesOptions): Promise<FetchedBytes>;
  /** Closes idle keep-alive connections so a CLI process can exit. */
  close(): Promise<void>;
}

export interface ProxyEnv {
  readonly [name: string]: string | undefined;
}

export interface ProxySettings {
  /** An explicit proxy URL (e.g. the editor's `http.proxy`); wins over the environment. */
  readonly proxy?: string | undefined;
  /** Comma/space separated hosts that bypass the proxy; wins over `NO_PROXY`. */
  readonly noProxy?: string | undefined;
  /** Where `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` are read from (lower-case names first, like curl). */
  readonly env?: ProxyEnv | undefined;
}

export interface UndiciTransportOptions extends ProxySettings {
  /** Verify an https proxy's certificate (the editor's `http.proxyStrictSSL`). Default true. Servers are always verified. */
  readonly strictSSL?: boolean | undefined;
  readonly connectTimeoutMs?: number | undefined;
  readonly timeoutMs?: number | undefined;
  readonly maxResponseBytes?: number | undefined;
  readonly keepAliveTimeoutMs?: number | undefined;
  readonly userAgent?: string | undefined;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** What an OSS PutObject answers is a few hundred bytes of headers and (on error) XML. */
const MAX_PUT_ANSWER_BYTES = 64 * 1024;
const DEFAULTS = {
  connectTimeoutMs: 10_000,
  timeoutMs: 30_000,
  keepAliveTimeoutMs: 30_000,
  userAgent: 'vod-image-inspector',
};

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/**
 * Whether NO_PROXY exempts `target`. curl's rules: `*` exempts everything; `example.com`,
 * `.example.com` and `*.example.com` all exempt the domain and its subdomains; `host:port` only
 * that port. CIDR ranges are not supported.
 */
function bypassesProxy(target: URL, noProxy: string): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = Number(target.port) || defaultPort(target.protocol);
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const portMatch = /^(.*?)(?::(\d+))?$/.exec(entry.startsWith('[') ? entry.replace(/^\[(.*)\](.*)$/, '$1$2') : entry);
    const entryHost = (portMatch?.[1] ?? entry).replace(/^\*?\./, '');
    const entryPort = portMatch?.[2] === undefined ? undefined : Number(portMatch[2]);
    if (entryPort !== undefined && entryPort !== port) continue;
    if (host === entryHost || host.endsWith(`.${entryHost}`)) return true;
  }
  return false;
}

/**
 * The proxy URL to use for `target`, or undefined to connect directly. Loopback targets (the
 * emulator, local tools) never go through a proxy.
 */
export function proxyFor(target: URL, settings: ProxySettings): string | undefined {
  if (isLoopbackHost(target.hostname)) return undefined;
  const env = settings.env ?? {};
  const noProxy = settings.noProxy ?? env['no_proxy'] ?? env['NO_PROXY'] ?? '';
  if (bypassesProxy(target, noProxy)) return undefined;
  const fromEnv =
    target.protocol === 'https:'
      ? env['https_proxy'] || env['HTTPS_PROXY'] || env['http_proxy'] || env['HTTP_PROXY']
      : env['http_proxy'] || env['HTTP_PROXY'];
  const chosen = settings.proxy || fromEnv;
  if (!chosen) return undefined;
  // `proxy.corp:3128` is common in the wild; undici needs a scheme.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(chosen) ? chosen : `http://${chosen}`;
}

let undiciModule: typeof Undici | undefined;
function loadUndici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  undiciModule ??= require('undici') as typeof Undici;
  return undiciModule;
}

/** A signal that fires on the caller's abort or after `timeoutMs`, and says which one it was. */
class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private expired = false;
  private readonly onCallerAbort = (): void => this.controller.abort();

  constructor(
    timeoutMs: number,
    private readonly caller: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort();
    }, timeoutMs);
    if (caller?.aborted) this.controller.abort();
    else caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True when the deadline (not the caller) ended the request. */
  get timedOut(): boolean {
    return this.expired && !this.caller?.aborted;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}

function tooLarge(host: string, limit: number): VodError {
  const mib = (limit / (1024 * 1024)).toFixed(limit % (1024 * 1024) === 0 ? 0 : 1);
  return new VodError('invalidResponse', `The answer from ${host} is larger than the ${mib} MiB limit; it was not read.`, {
    code: 'TooLarge',
  });
}

/** Drops an unread body and its connection; the abort error it emits is expected, not news. */
function discard(body: Undici.Dispatcher.ResponseData['body']): void {
  body.on('error', () => {});
  body.destroy();
}

/** Reads the body, stopping (and dropping the connection) as soon as it passes `limit` bytes. */
async function readCapped(body: Undici.Dispatcher.ResponseData['body'], limit: number, host: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) {
      discard(body);
      throw tooLarge(host, limit);
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** A response body whose failures (reset, idle timeout, abort) leave as VodErrors naming the host only. */
async function* mappedBody(body: Undici.Dispatcher.ResponseData['body'], host: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of body as AsyncIterable<Uint8Array>) yield chunk;
  } catch (error) {
    throw mapTransportError(error, host);
  }
}

/** A URL from an API answer or a redirect; the text is not echoed (it may carry a signature). */
function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base);
  } catch {
    throw new VodError('invalidInput', 'The image URL is not a valid URL.');
  }
}

function statusError(status: number, host: string): VodError {
  const details = { code: `HTTP${status}`, httpStatus: status };
  if (status === 401 || status === 403) {
    return new VodError('auth', `${host} refused the download (HTTP ${status}); a signed URL may have expired.`, details);
  }
  if (status === 404 || status === 410) return new VodError('notFound', `${host} has no such file (HTTP ${status}).`, details);
  if (status >= 500) return new VodError('server', `${host} failed to serve the file (HTTP ${status}).`, details);
  return new VodError('invalidResponse', `${host} answered the download with HTTP ${status}.`, details);
}

export function createUndiciTransport(options: UndiciTransportOptions = {}): Transport {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs;
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const proxyStrictSSL = options.strictSSL ?? true;
  const userAgent = options.userAgent ?? DEFAULTS.userAgent;
  const settings: ProxySettings = { proxy: options.proxy, noProxy: options.noProxy, env: options.env ?? process.env };

  // One dispatcher per route (direct, or per proxy URL), created on first use and kept alive.
  const dispatchers = new Map<string, Undici.Dispatcher>();
  function dispatcherFor(target: URL): Undici.Dispatcher {
    const proxy = proxyFor(target, settings) ?? '';
    let dispatcher = dispatchers.get(proxy);
    if (!dispatcher) {
      const undici = loadUndici();
      const keepAlive = { keepAliveTimeout: options.keepAliveTimeoutMs ?? DEFAULTS.keepAliveTimeoutMs };
      // `strictSSL: false` is about the proxy's own certificate (VS Code's `http.proxyStrictSSL`);
      // the server behind it, and every direct connection, is always verified.
      const verified = { rejectUnauthorized: true, timeout: connectTimeoutMs };
      dispatcher = proxy
        ? new undici.ProxyAgent({ ...keepAlive, uri: proxy, proxyTls: { rejectUnauthorized: proxyStrictSSL, timeout: connectTimeoutMs }, requestTls: verified })
        : new undici.Agent({ ...keepAlive, connect: verified });
      dispatchers.set(proxy, dispatcher);
    }
    return dispatcher;
  }

  async function send(
    request: TransportRequest,
    limit: number,
  ): Promise<TransportResponse> {
    const target = new URL(request.url);
    const host = target.host;
    const deadline = new Deadline(request.timeoutMs ?? defaultTimeoutMs, request.signal);
    try {
      const response = await dispatcherFor(target).request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: request.method,
        headers: { 'user-agent': userAgent, ...request.headers },
        body: request.body,
        signal: deadline.signal,
      });
      const declared = Number(headerValue(response.headers, 'content-length'));
      if (Number.isFinite(declared) && declared > limit) {
        discard(response.body);
        throw tooLarge(host, limit);
      }
      const body = await readCapped(response.body, limit, host);
      return { status: response.statusCode, headers: response.headers, body };
    } catch (error) {
      throw mapTransportError(error, host, deadline.timedOut);
    } finally {
      deadline.dispose();
    }
  }

  /**
   * A streamed request: no total deadline (a 50 MB file on a slow line may take long), only the
   * caller's signal and undici's idle timeouts (headers, then the gap between body chunks).
   */
  async function stream(
    target: URL,
    init: { method: 'GET' | 'PUT'; headers: Readonly<Record<string, string>>; body?: AsyncIterable<Uint8Array>; signal?: AbortSignal | undefined; idleTimeoutMs?: number | undefined },
  ): Promise<Undici.Dispatcher.ResponseData> {
    const idle = init.idleTimeoutMs ?? defaultTimeoutMs;
    try {
      return await dispatcherFor(target).request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: init.method,
        headers: { 'user-agent': userAgent, ...init.headers },
        // A byte stream (not object mode) so undici writes each chunk as it comes, with back-pressure.
        body: init.body === undefined ? undefined : Readable.from(init.body, { objectMode: false }),
        signal: init.signal,
        headersTimeout: idle,
        bodyTimeout: idle,
      });
    } catch (error) {
      throw mapTransportError(error, target.host);
    }
  }

  /** Follows redirects by hand so that every hop passes the same policy as the first URL. */
  async function followDownload<T>(url: string, get: (target: URL) => Promise<{ status: number; location: string | undefined; done: () => T; drop: () => void }>): Promise<T> {
    let current = parseUrl(url);
    let previous: URL | undefined;
    for (let hop = 0; ; hop++) {
      const refusal = downloadRefusal(current, previous);
      if (refusal) throw refusal;
      const answer = await get(current);
      if (answer.status >= 300 && answer.status < 400 && answer.location !== undefined) {
        answer.drop();
        if (hop >= MAX_DOWNLOAD_REDIRECTS) throw tooManyRedirects(current.host);
        previous = current;
        current = parseUrl(answer.location, current);
        continue;
      }
      if (answer.status < 200 || answer.status >= 300) {
        answer.drop();
        throw statusError(answer.status, current.host);
      }
      return answer.done();
    }
  }

  return {
    request: (request) => send(request, maxResponseBytes),

    async putStream(request) {
      const target = new URL(request.url);
      const response = await stream(target, { method: 'PUT', headers: request.headers, body: request.body, signal: request.signal, idleTimeoutMs: request.idleTimeoutMs });
      try {
        const body = await readCapped(response.body, MAX_PUT_ANSWER_BYTES, target.host);
        return { status: response.statusCode, headers: response.headers, body };
      } catch (error) {
        throw mapTransportError(error, target.host);
      }
    },

    openDownload(url, downloadOptions = {}) {
      return followDownload(url, async (target) => {
        const response = await stream(target, { method: 'GET', headers: {}, signal: downloadOptions.signal, idleTimeoutMs: downloadOptions.idleTimeoutMs });
        const length = Number(headerValue(response.headers, 'content-length'));
        return {
          status: response.statusCode,
          location: headerValue(response.headers, 'location'),
          drop: () => discard(response.body),
          done: (): DownloadStream => ({
            contentType: headerValue(response.headers, 'content-type') ?? 'application/octet-stream',
            contentLength: Number.isSafeInteger(length) && length >= 0 ? length : undefined,
            body: mappedBody(response.body, target.host),
            cancel: () => discard(response.body),
          }),
        };
      });
    },

    fetchBytes(url, fetchOptions = {}) {
      return followDownload(url, async (target) => {
        const response = await send(
          { method: 'GET', url: target.href, headers: {}, signal: fetchOptions.signal, timeoutMs: fetchOptions.timeoutMs },
          fetchOptions.maxBytes ?? maxResponseBytes,
        );
        return {
          status: response.status,
          location: headerValue(response.headers, 'location'),
          drop: () => undefined,
          done: (): FetchedBytes => ({ contentType: headerValue(response.headers, 'content-type') ?? 'application/octet-stream', bytes: response.body }),
        };
      });
    },

    async close() {
      const all = [...dispatchers.values()];
      dispatchers.clear();
      await Promise.all(all.map((d) => d.close()));
    },
  };
}

/**
 * The HTTP side: one server, three kinds of path.
 *   /                 the VOD API (POST or GET; V3 or V1 signed), with fault injection
 *   /image/…, /oss/…  image bytes behind signed URLs (CDN type A, OSS presigned)
 *   /__emulator/…     the control API for tests in another process (loopback only)
 * Every handler is wrapped so garbage input answers an error instead of crashing the process.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ACTIONS } from './actions';
import { ApiError, apiErrors } from './apiError';
import { type ApiRequest, authenticate, peekAction, type ResponseFormat } from './auth';
import type { EmulatorClock } from './clock';
import type { KeyRing } from './credentials';
import { type Fault, type FaultState, sanitize } from './faults';
import { extensionOf, type Library } from './fixtures';
import { imageBytesFor } from './imageBytes';
import { parseImageProcess, processedBytes } from './imageProcess';
import type { NonceStore } from './nonces';
import { baseHeaders, JSON_TYPE, type ResponseMeta, send, sendApiError, sendApiResult, sendJson, sendText } from './respond';
import { bucketOf, CDN_PREFIX, checkCdn, checkOss, OSS_PREFIX } from './signedUrls';
import type { StatsCounter } from './stats';
import { OssError, SHORT_UPLOAD_CREDENTIAL_TTL_SEC, tokenExpired, WritableLibrary } from './writes';

const MAX_API_BODY = 1024 * 1024;
const MAX_CONTROL_BODY = 64 * 1024;
/** PutObject bodies: large enough for the 20 MB fixtures and the 50 MB upload benchmark. */
const MAX_UPLOAD_BODY = 64 * 1024 * 1024;
const CONTROL_PREFIX = '/__emulator/';
const IMAGE_PATH = /^image\/default\/([A-Za-z0-9]{1,64})\.(png|jpg|gif)$/;

export interface ServerDeps {
  library: Library;
  keys: KeyRing;
  nonces: NonceStore;
  faults: FaultState;
  clock: EmulatorClock;
  stats: StatsCounter;
  /** Extra facts for `GET /__emulator/info` (credentials, sample IDs). */
  info: () => Record<string, unknown>;
}

class BodyTooLarge extends Error {}

export class EmulatorServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly closing = new AbortController();
  private base = '';

  constructor(private readonly deps: ServerDeps) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => this.lastResort(req, res));
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy();
    });
  }

  /** Starts listening; returns the base URL (`http://host:port`). */
  async listen(port: number, host: string): Promise<{ base: string; port: number }> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('emulator: unexpected server address');
    const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    this.base = `http://${urlHost}:${address.port}`;
    return { base: this.base, port: address.port };
  }

  async close(): Promise<void> {
    this.closing.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const meta: ResponseMeta = { requestId: randomUUID().toUpperCase(), clock: this.deps.clock };
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://emulator.invalid');
    } catch {
      sendApiError(req, res, meta, apiErrors.notFoundPath());
      return;
    }
    if (url.pathname === '/') return this.handleApi(req, res, url, meta);
    if (url.pathname.startsWith(CONTROL_PREFIX)) return this.handleControl(req, res, url, meta);
    if (req.method === 'PUT') return this.handleOssPut(req, res, url, meta);
    if (url.pathname.startsWith(CDN_PREFIX) || url.pathname.startsWith(OSS_PREFIX)) return this.handleImage(req, res, url, meta);
    sendApiError(req, res, meta, apiErrors.notFoundPath());
  }

  // ---- API ---------------------------------------------------------------------------------

  private async handleApi(req: IncomingMessage, res: ServerResponse, url: URL, meta: ResponseMeta): Promise<void> {
    const { faults, stats } = this.deps;
    stats.apiRequests += 1;
    const fault = faults.take();
    let body: Buffer;
    try {
      body = await readBody(req, MAX_API_BODY);
    } catch (error) {
      stats.countAction(undefined);
      if (error instanceof BodyTooLarge) sendApiError(req, res, meta, apiErrors.bodyTooLarge());
      else req.socket.destroy();
      return;
    }
    const request = toApiRequest(req, url, body);
    stats.countAction(request ? peekAction(request) : undefined);

    if (!(await this.delay(faults.latencyMs()))) return;
    if (fault && this.applyFault(fault, req, res, meta)) return;

    let format: ResponseFormat = 'JSON';
    try {
      if (!request) throw apiErrors.unsupportedMethod();
      const call = authenticate(request, { keys: this.deps.keys, nonces: this.deps.nonces, nowMs: this.deps.clock.nowMs() });
      format = call.format;
      stats.countKey(call.accessKeyId);
      const handler = Object.hasOwn(ACTIONS, call.action) ? ACTIONS[call.action] : undefined;
      if (!handler) throw apiErrors.invalidAction();
      const short = call.action === 'CreateUploadImage' && faults.takeShortUploadCredential();
      const result = handler({
        params: call.params,
        library: this.deps.library,
        base: this.base,
        nowSec: this.deps.clock.nowSeconds(),
        ...(short ? { uploadCredentialTtlSec: SHORT_UPLOAD_CREDENTIAL_TTL_SEC } : {}),
      });
      sendApiResult(res, meta, call.action, result, format);
    } catch (error) {
      sendApiError(req, res, meta, error instanceof ApiError ? error : apiErrors.internalError(), format);
    }
  }

  /** Answers (or deliberately does not answer) per the fault; true when the request is dealt with. */
  private applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse, meta: ResponseMeta): boolean {
    switch (fault.kind) {
      case 'reset':
        // A TCP RST, so the client sees ECONNRESET rather than a clean close.
        req.socket.resetAndDestroy();
        return true;
      case 'hang':
        // Never answer; close() destroys the socket.
        return true;
      case 'throttle':
        sendApiError(req, res, meta, apiErrors.throttled(fault.retryAfterMs));
        return true;
      case 'serverError':
        sendApiError(req, res, meta, apiErrors.serviceUnavailable());
        return true;
      case 'malformedJson':
        send(res, meta, 200, JSON_TYPE, `{"RequestId":"${meta.requestId}","ImageInfo":{"ImageId":"`);
        return true;
      case 'oversized':
        void streamOversized(res, meta, fault.bytes);
        return true;
    }
  }

  // ---- images ------------------------------------------------------------------------------

  private async handleImage(req: IncomingMessage, res: ServerResponse, url: URL, meta: ResponseMeta): Promise<void> {
    const { stats, clock, library, faults } = this.deps;
    stats.imageRequests += 1;
    req.resume();
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, meta, 405, 'Method Not Allowed');
      return;
    }
    if (!(await this.delay(faults.imageLatencyMs()))) return;
    const oss = url.pathname.startsWith(OSS_PREFIX);
    const objectKey = url.pathname.slice(oss ? OSS_PREFIX.length : 1);
    const match = IMAGE_PATH.exec(objectKey);
    const record = match ? library.byId.get(match[1] ?? '') : undefined;
    const nowSec = clock.nowSeconds();

    // A CDN edge checks the signature before it knows whether the object exists; OSS needs the
    // bucket (from the image record) to recompute the signature.
    const check = oss
      ? record
        ? checkOss(req.method, bucketOf(record.storageLocation), objectKey, url.searchParams, nowSec)
        : 'invalid'
      : checkCdn(url.pathname, url.searchParams.get('auth_key'), nowSec);
    if (check !== 'ok') {
      sendText(res, meta, 403, check === 'expired' ? 'Forbidden: the signed URL has expired.' : 'Forbidden: missing or invalid URL signature.');
      return;
    }
    if (!record || !match || match[2] !== extensionOf(record.source) || record.status !== 'Normal') {
      sendText(res, meta, 404, 'Not Found');
      return;
    }
    // CDN image editing exists on CDN URLs only (an OSS URL's signature would not cover the parameter),
    // and only when the domain has it switched on (the imageProcessingOff fault turns it off).
    const resize = oss || faults.imageProcessingOff() ? undefined : parseImageProcess(url.searchParams.get('image_process'));
    if (resize === 'invalid') {
      sendText(res, meta, 400, 'Bad Request: unsupported image_process parameter.');
      return;
    }
    const image = resize ? processedBytes(record, resize) : imageBytesFor(record);
    send(res, meta, 200, image.contentType, image.bytes, { 'Cache-Control': 'private, max-age=60' }, req.method === 'HEAD');
  }

  // ---- OSS PutObject (uploads) ----------------------------------------------------------------

  /** `PUT /<bucket>/<object>`: the upload step after CreateUploadImage (path-style, as on loopback). */
  private async handleOssPut(req: IncomingMessage, res: ServerResponse, url: URL, meta: ResponseMeta): Promise<void> {
    const { library, clock, faults } = this.deps;
    const [, bucket = '', ...keyParts] = url.pathname.split('/');
    const fault = faults.takeOss();
    if (fault === 'reset') {
      await resetMidBody(req);
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_UPLOAD_BODY);
    } catch (error) {
      if (error instanceof BodyTooLarge) sendOssError(res, meta, new OssError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.'));
      else req.socket.destroy();
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
    try {
      if (!(library instanceof WritableLibrary)) throw new OssError(405, 'MethodNotAllowed', 'This emulator takes no uploads.');
      if (fault === 'forbidden') throw new OssError(403, 'AccessDenied', 'You have no right to access this object because of bucket acl.', '0003-00000001');
      if (fault === 'tokenExpired') throw tokenExpired();
      let objectKey: string;
      try {
        objectKey = keyParts.map(decodeURIComponent).join('/');
      } catch {
        throw new OssError(400, 'InvalidObjectName', 'The object name is not valid.');
      }
      library.putObject(decodeURIComponent(bucket), objectKey, headers, body, clock.nowMs());
      send(res, meta, 200, 'text/plain', '', { ETag: `"${createHash('md5').update(body).digest('hex').toUpperCase()}"`, 'x-oss-request-id': meta.requestId });
    } catch (error) {
      sendOssError(res, meta, error instanceof OssError ? error : new OssError(500, 'InternalError', 'We encountered an internal error.'));
    }
  }

  // ---- control -----------------------------------------------------------------------------

  private async handleControl(req: IncomingMessage, res: ServerResponse, url: URL, meta: ResponseMeta): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress)) {
      req.resume();
      sendText(res, meta, 403, 'The control API only answers loopback clients.');
      return;
    }
    const { faults, stats } = this.deps;
    const route = `${req.method ?? ''} ${url.pathname.slice(CONTROL_PREFIX.length)}`;
    let body: Buffer;
    try {
      body = await readBody(req, MAX_CONTROL_BODY);
    } catch {
      sendJson(res, meta, 413, { error: 'body too large' });
      return;
    }
    switch (route) {
      case 'POST faults': {
        let plan: unknown;
        try {
          plan = JSON.parse(body.toString('utf8') || '{}');
        } catch {
          sendJson(res, meta, 400, { error: 'the body must be a JSON FaultPlan' });
          return;
        }
        faults.set(sanitize(plan));
        sendJson(res, meta, 200, { faults: faults.current() });
        return;
      }
      case 'POST reset':
        faults.reset();
        stats.reset();
        sendJson(res, meta, 200, { faults: faults.current() });
        return;
      case 'GET stats':
        sendJson(res, meta, 200, stats.snapshot());
        return;
      case 'GET faults':
        sendJson(res, meta, 200, faults.current());
        return;
      case 'GET info':
        sendJson(res, meta, 200, this.deps.info());
        return;
      default:
        sendJson(res, meta, 404, { error: 'unknown control route', routes: ['POST faults', 'POST reset', 'GET stats', 'GET faults', 'GET info'] });
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** Waits, unless the server closes first; false means "closed, stop". */
  private delay(ms: number): Promise<boolean> {
    const signal = this.closing.signal;
    if (signal.aborted) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private lastResort(req: IncomingMessage, res: ServerResponse): void {
    try {
      sendApiError(req, res, { requestId: randomUUID().toUpperCase(), clock: this.deps.clock }, apiErrors.internalError());
    } catch {
      res.destroy();
    }
  }
}

export function toApiRequest(req: IncomingMessage, url: URL, body: Buffer): ApiRequest | undefined {
  if (req.method !== 'GET' && req.method !== 'POST') return undefined;
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  const form = contentType.startsWith('application/x-www-form-urlencoded') ? paramsOf(new URLSearchParams(body.toString('utf8'))) : {};
  return { method: req.method, pathname: url.pathname, query: paramsOf(url.searchParams), form, body, headers: req.headers };
}

function paramsOf(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of search) {
    // defineProperty: a parameter named "__proto__" stays an ordinary key.
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('aborted')));
  });
}

/**
 * A syntactically valid GetImageInfo-like JSON document of exactly `bytes` bytes (when that is at
 * least the skeleton's size), streamed in chunks without Content-Length so a client cannot
 * refuse it up front and must count while reading.
 */
async function streamOversized(res: ServerResponse, meta: ResponseMeta, bytes: number): Promise<void> {
  const head = `{"RequestId":"${meta.requestId}","ImageInfo":{"ImageId":"oversized","Description":"`;
  const tail = '"}}';
  let padding = Math.max(0, bytes - head.length - tail.length);
  res.writeHead(200, { ...baseHeaders(meta), 'Content-Type': JSON_TYPE });
  const write = (chunk: string) =>
    new Promise<boolean>((resolve) => {
      if (res.destroyed) return resolve(false);
      if (res.write(chunk)) return resolve(true);
      const done = (ok: boolean) => {
        res.off('drain', onDrain);
        res.off('close', onClose);
        resolve(ok);
      };
      const onDrain = () => done(true);
      const onClose = () => done(false);
      res.once('drain', onDrain);
      res.once('close', onClose);
    });
  if (!(await write(head))) return;
  const block = 'x'.repeat(64 * 1024);
  while (padding > 0) {
    const n = Math.min(padding, block.length);
    if (!(await write(n === block.length ? block : block.slice(0, n)))) return;
    padding -= n;
  }
  if (await write(tail)) res.end();
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/**
 * The `ossReset` fault: part of the upload arrives (half of it, at most 256 KiB), then the connection
 * is reset, as when a network path drops mid-upload.
 */
function resetMidBody(req: IncomingMessage): Promise<void> {
  const declared = Number(req.headers['content-length']);
  const cutAt = Math.max(1, Math.min(256 * 1024, Number.isFinite(declared) ? Math.floor(declared / 2) : 64 * 1024));
  return new Promise((resolve) => {
    let received = 0;
    const cut = (): void => {
      req.removeAllListeners('data');
      req.socket.resetAndDestroy();
      resolve();
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received >= cutAt) cut();
    });
    req.on('end', cut);
    req.on('error', () => resolve());
  });
}

/** OSS answers errors as XML: `<Error><Code>…</Code><Message>…</Message><RequestId>…</RequestId><EC>…</EC></Error>`. */
function sendOssError(res: ServerResponse, meta: ResponseMeta, error: OssError): void {
  const escape = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const ec = error.ec === undefined ? '' : `<EC>${escape(error.ec)}</EC>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escape(error.code)}</Code><Message>${escape(error.message)}</Message><RequestId>${meta.requestId}</RequestId><HostId>emulator</HostId>${ec}</Error>`;
  send(res, meta, error.httpStatus, 'application/xml', xml, { 'x-oss-request-id': meta.requestId });
}

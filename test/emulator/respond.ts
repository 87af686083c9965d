/**
 * Writing answers. Every response carries a `Date` header from the emulator's (possibly offset)
 * clock and an `x-acs-request-id`; API errors use the documented body
 * `{RequestId, HostId, Code, Message, Recommend}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './apiError';
import type { ResponseFormat } from './auth';
import type { EmulatorClock } from './clock';
import { toXml } from './xml';

export const JSON_TYPE = 'application/json;charset=utf-8';
const XML_TYPE = 'text/xml;charset=utf-8';

export interface ResponseMeta {
  requestId: string;
  clock: EmulatorClock;
}

export function baseHeaders(meta: ResponseMeta): Record<string, string> {
  return { Date: meta.clock.httpDate(), 'x-acs-request-id': meta.requestId };
}

export function sendApiResult(res: ServerResponse, meta: ResponseMeta, action: string, body: Record<string, unknown>, format: ResponseFormat): void {
  const full = { RequestId: meta.requestId, ...body };
  if (format === 'XML') send(res, meta, 200, XML_TYPE, toXml(`${action}Response`, full));
  else send(res, meta, 200, JSON_TYPE, JSON.stringify(full));
}

export function sendApiError(req: IncomingMessage, res: ServerResponse, meta: ResponseMeta, error: ApiError, format: ResponseFormat = 'JSON'): void {
  const body = {
    RequestId: meta.requestId,
    HostId: hostIdOf(req),
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=vod&requestId=${meta.requestId}`,
  };
  const text = format === 'XML' ? toXml('Error', body) : JSON.stringify(body);
  send(res, meta, error.httpStatus, format === 'XML' ? XML_TYPE : JSON_TYPE, text, error.headers);
}

export function sendText(res: ServerResponse, meta: ResponseMeta, status: number, text: string): void {
  send(res, meta, status, 'text/plain;charset=utf-8', text);
}

export function sendJson(res: ServerResponse, meta: ResponseMeta, status: number, value: unknown): void {
  send(res, meta, status, JSON_TYPE, JSON.stringify(value));
}

export function send(
  res: ServerResponse,
  meta: ResponseMeta,
  status: number,
  contentType: string,
  body: string | Buffer,
  extraHeaders: Readonly<Record<string, string>> = {},
  headOnly = false,
): void {
  if (res.headersSent || res.destroyed) return;
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...baseHeaders(meta), 'Content-Type': contentType, 'Content-Length': String(bytes.length), ...extraHeaders });
  res.end(headOnly ? undefined : bytes);
}

/** Host header as the gateway would name itself; only safe characters, so it cannot inject anything. */
function hostIdOf(req: IncomingMessage): string {
  const host = (req.headers.host ?? '').replace(/[^A-Za-z0-9.:[\]-]/g, '');
  return host || 'vod.emulator.local';
}

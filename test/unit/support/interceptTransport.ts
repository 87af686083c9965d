/**
 * A real transport with its API requests observed and, where a test says so, answered differently:
 * for failures the emulator's fault counters cannot aim at one particular call (the second batch of
 * a write, say), and for reading what the server handed out (an upload ticket's secret, to prove it
 * never reaches a log).
 */
import type { Transport, TransportRequest, TransportResponse } from '../../../src/vod/transport';

export type Interceptor = (request: TransportRequest, send: () => Promise<TransportResponse>) => Promise<TransportResponse>;

export function interceptTransport(inner: Transport, intercept: Interceptor): Transport {
  return { ...inner, request: (request) => intercept(request, () => inner.request(request)) };
}

/** The action of a V3 (`x-acs-action`) or V1 (`Action=` in the form body) request. */
export function actionOf(request: TransportRequest): string | undefined {
  return request.headers['x-acs-action'] ?? new URLSearchParams(request.body ?? '').get('Action') ?? undefined;
}

export function apiErrorResponse(status: number, code: string, message = 'refused'): TransportResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ RequestId: 'REQ-INTERCEPTED', Code: code, Message: message })) };
}

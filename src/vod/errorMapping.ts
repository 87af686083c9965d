/**
 * Turns whatever went wrong into a `VodError`: API error bodies (mapped by their `Code`, never by
 * HTTP status — the gateway's statuses differ between docs and products), and transport failures
 * (mapped by the Node/undici error code).
 *
 * Safety: messages are our own sentences. Server text is quoted only for codes where it names a
 * parameter (and then cleaned), because some gateway messages echo the string-to-sign, which holds
 * the AccessKey ID and, with STS, the security token. Transport errors name the host, never the URL.
 */
import { VodError, type VodErrorKind } from './errors';
import { msg, type NoParamKey } from './messages';
import { redactText } from './redact';
import { MEDIA_ERROR_RULES } from './media/videoErrors';
import { ApiErrorBodySchema } from './schemas';
import { safeErrorCode, safeRequestId } from './serverFields';
import type { TransportResponse } from './transport';

interface CodeRule {
  readonly kind: VodErrorKind;
  /** Our sentence (a catalog key); `quote` appends the cleaned server message. */
  readonly message: NoParamKey;
  readonly quote?: boolean;
}

/** Exact codes first; families (prefixes) after, see `ruleFor`. */
const EXACT_RULES: Readonly<Record<string, CodeRule>> = {
  'InvalidAccessKeyId.NotFound': { kind: 'auth', message: 'api.unknownKeyId' },
  'InvalidAccessKeyId.Inactive': { kind: 'auth', message: 'api.keyInactive' },
  SignatureDoesNotMatch: { kind: 'auth', message: 'api.badSecret' },
  IncompleteSignature: { kind: 'auth', message: 'api.incompleteSignature' },
  'InvalidSecurityToken.Expired': { kind: 'auth', message: 'api.tokenExpired' },
  'InvalidTimeStamp.Expired': { kind: 'auth', message: 'api.clock' },
  SignatureNonceUsed: { kind: 'auth', message: 'api.replay' },
  'OperationDenied.Suspended': { kind: 'auth', message: 'api.suspended' },
  // The gateway's answer for an action it does not know (HTTP 404, "Specified api is not found"): the
  // endpoint is not VOD 2017-03-21 (another product, a proxy, a typo), never a missing image.
  'InvalidAction.NotFound': { kind: 'configuration', message: 'api.notVod' },
  'InvalidApi.NotFound': { kind: 'configuration', message: 'api.notVod' },
  NoSuchResource: { kind: 'notFound', message: 'api.imageNotFound' },
  'InvalidImage.NotFound': { kind: 'notFound', message: 'api.imageNotFound' },
  'InvalidCateId.NotFound': { kind: 'notFound', message: 'api.categoryNotFound' },
  InternalError: { kind: 'server', message: 'api.internal' },
  ServiceUnAvailable: { kind: 'server', message: 'api.unavailable' },
  ServiceUnavailable: { kind: 'server', message: 'api.unavailable' },
  MissingParameter: { kind: 'invalidInput', message: 'api.missingParam', quote: true },
  ErrorMatchSyntax: { kind: 'invalidInput', message: 'api.badMatch', quote: true },
  SortByExceededMax: { kind: 'invalidInput', message: 'api.tooManySorts', quote: true },
};

const FAMILY_RULES: readonly (readonly [prefix: string, rule: CodeRule])[] = [
  ['Throttling', { kind: 'throttled', message: 'api.throttled' }],
  ['InvalidSecurityToken', { kind: 'auth', message: 'api.badToken' }],
  ['InvalidAccessKeyId', { kind: 'auth', message: 'api.keyRejected' }],
  ['Forbidden', { kind: 'auth', message: 'api.forbidden' }],
  ['OperationDenied', { kind: 'auth', message: 'api.notActivated' }],
  ['InvalidParameter', { kind: 'invalidInput', message: 'api.badParam', quote: true }],
];

function ruleFor(code: string, httpStatus: number): CodeRule {
  const exact = EXACT_RULES[code] ?? MEDIA_ERROR_RULES[code];
  if (exact) return exact;
  // "Contains", as the official SDK does: codes like `Throttling.User` or `Flow.Throttling` exist.
  if (code.includes('Throttling')) return FAMILY_RULES[0]![1];
  for (const [prefix, rule] of FAMILY_RULES) {
    if (code.startsWith(prefix)) return rule;
  }
  if (code.endsWith('.NotFound') || code.endsWith('.NotExist')) {
    return { kind: 'notFound', message: 'api.resourceNotFound', quote: true };
  }
  // Unknown code: the only case where the status decides, and only between "retry later" and "give up".
  return httpStatus >= 500
    ? { kind: 'server', message: 'api.serverError', quote: true }
    : { kind: 'invalidInput', message: 'api.rejected', quote: true };
}

const STRING_TO_SIGN = /\b(server )?string ?to ?sign\b/i;
// C0/C1 controls and bidi overrides: a hostile server must not be able to restyle a terminal.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
const MAX_QUOTE = 240;

/**
 * A server message made fit to show: cut before any echoed string-to-sign, then redacted (known
 * secrets, URL queries, `Signature=`-style values), control characters removed, square brackets
 * turned into parentheses (notifications render Markdown, so `[x](command:…)` would become a link
 * that runs a command), length capped.
 */
export function cleanServerMessage(message: string, secrets: readonly string[] = []): string {
  const cut = message.search(STRING_TO_SIGN);
  const text = redactText(cut >= 0 ? message.slice(0, cut) : message, secrets)
    .replace(UNSAFE_CHARS, ' ')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
}

export function headerValue(headers: TransportResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `x-acs-retry-after` is in milliseconds (official SDK); anything unparsable is ignored. */
function retryAfterFrom(headers: TransportResponse['headers']): number | undefined {
  const raw = headerValue(headers, 'x-acs-retry-after');
  if (raw === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(raw)) return undefined;
  return Number(raw);
}

interface ErrorFields {
  readonly code?: string | undefined;
  readonly message?: string | undefined;
  readonly requestId?: string | undefined;
}

/** The error body as JSON (V3 and `Format=JSON`) or as the XML variant some gateways still send. */
export function parseErrorBody(body: Buffer): ErrorFields {
  const text = body.toString('utf8').trim();
  if (text.startsWith('{')) {
    try {
      const parsed = ApiErrorBodySchema.safeParse(JSON.parse(text));
      if (parsed.success) {
        return { code: parsed.data.Code, message: parsed.data.Message, requestId: parsed.data.RequestId };
      }
    } catch {
      // not JSON after all: no fields
    }
    return {};
  }
  if (text.startsWith('<')) {
    return { code: xmlField(text, 'Code'), message: xmlField(text, 'Message'), requestId: xmlField(text, 'RequestId') };
  }
  return {};
}

function xmlField(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([^<]{0,2000})</${name}>`).exec(xml);
  return match?.[1]?.trim() || undefined;
}

/** Maps a non-2xx answer (or a 2xx one carrying a `Code`) to a typed error. */
export function mapApiError(response: TransportResponse, secrets: readonly string[] = []): VodError {
  const parsed = parseErrorBody(response.body);
  const fields = { code: safeErrorCode(parsed.code), message: parsed.message };
  const requestId = safeRequestId(parsed.requestId) ?? safeRequestId(headerValue(response.headers, 'x-acs-request-id'));
  const details = {
    code: fields.code,
    requestId,
    httpStatus: response.status,
    retryAfterMs: retryAfterFrom(response.headers),
  };
  if (fields.code === undefined) {
    return response.status >= 500
      ? new VodError('server', msg('api.noCodeServer', { status: response.status }), details)
      : new VodError('invalidResponse', msg('api.noCode', { status: response.status }), details);
  }
  const rule = ruleFor(fields.code, response.status);
  const quoted = rule.quote && fields.message ? cleanServerMessage(fields.message, secrets) : '';
  const sentence = msg(rule.message);
  return new VodError(rule.kind, quoted ? msg('api.quoted', { sentence, quote: quoted }) : sentence, details);
}

const NETWORK_SENTENCES: Readonly<Record<string, NoParamKey>> = {
  ECONNRESET: 'net.reset',
  EPIPE: 'net.pipe',
  UND_ERR_SOCKET: 'net.socket',
  UND_ERR_CLOSED: 'net.closed',
  ECONNREFUSED: 'net.refused',
  ENOTFOUND: 'net.notFound',
  EAI_AGAIN: 'net.dnsAgain',
  EHOSTUNREACH: 'net.hostUnreachable',
  ENETUNREACH: 'net.netUnreachable',
  ETIMEDOUT: 'net.timedOut',
};

const TLS_CODES = /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_SSL_)/;

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  // undici wraps system errors (e.g. `TypeError: fetch failed` → cause); walk a few levels.
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Maps an exception from the HTTP layer. `timedOut` tells a total-timeout abort apart from a
 * caller's cancellation, since both surface as an abort.
 */
export function mapTransportError(error: unknown, host: string, timedOut = false): VodError {
  if (error instanceof VodError) return error;
  if (timedOut) {
    return new VodError('timeout', msg('net.timeout', { host }), { code: 'Timeout', cause: error });
  }
  const code = errorCode(error);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new VodError('timeout', msg('net.connectTimeout', { host }), { code: 'ConnectTimeout', cause: error });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new VodError('timeout', msg('net.timeout', { host }), { code: 'Timeout', cause: error });
  }
  if (code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR' || (error as { name?: unknown })?.name === 'AbortError') {
    return new VodError('cancelled', msg('cancel.request'), { code: 'Cancelled', cause: error });
  }
  if (code !== undefined && TLS_CODES.test(code)) {
    return new VodError('network', msg('net.tls', { host, code }), { code, cause: error });
  }
  const sentence = code === undefined ? undefined : NETWORK_SENTENCES[code];
  if (sentence) return new VodError('network', msg('net.unreachableBecause', { host, reason: msg(sentence) }), { code, cause: error });
  return new VodError('network', code ? msg('net.unreachableCode', { host, code }) : msg('net.unreachable', { host }), { code, cause: error });
}

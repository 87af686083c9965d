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
import { redactText } from './redact';
import { ApiErrorBodySchema } from './schemas';
import { safeErrorCode, safeRequestId } from './serverFields';
import type { TransportResponse } from './transport';

interface CodeRule {
  readonly kind: VodErrorKind;
  /** Our sentence; `quote` appends the cleaned server message. */
  readonly message: string;
  readonly quote?: boolean;
}

const AUTH_PERMISSION =
  'This AccessKey is not allowed to do this. Grant its RAM user a policy allowing ' +
  'vod:GetImageInfo, vod:GetImageInfos, vod:SearchMedia and vod:GetCategories.';

const NOT_VOD_ENDPOINT =
  'The endpoint does not serve the ApsaraVideo VOD API (version 2017-03-21). ' +
  'Check the vodImages.endpoint and vodImages.region settings (VOD endpoints look like vod.<region>.aliyuncs.com).';

/** Exact codes first; families (prefixes) after, see `ruleFor`. */
const EXACT_RULES: Readonly<Record<string, CodeRule>> = {
  'InvalidAccessKeyId.NotFound': {
    kind: 'auth',
    message: 'The AccessKey ID is unknown to Alibaba Cloud. Check it, or create a new AccessKey pair in the RAM console.',
  },
  'InvalidAccessKeyId.Inactive': {
    kind: 'auth',
    message: 'The AccessKey is disabled. Enable it in the RAM console or use another one.',
  },
  SignatureDoesNotMatch: {
    kind: 'auth',
    message: 'The AccessKey secret does not match the AccessKey ID. Enter the secret again.',
  },
  IncompleteSignature: {
    kind: 'auth',
    message: 'The request signature was rejected as incomplete. Check the AccessKey ID and secret for stray characters.',
  },
  'InvalidSecurityToken.Expired': {
    kind: 'auth',
    message: 'The STS security token has expired. Get a fresh temporary AccessKey ID, secret and token.',
  },
  'InvalidTimeStamp.Expired': {
    kind: 'auth',
    message: "The request time was rejected: this computer's clock is more than 15 minutes off. Correct the system clock.",
  },
  SignatureNonceUsed: {
    kind: 'auth',
    message: 'The request was rejected as a replay (signature nonce already used). Try again.',
  },
  'OperationDenied.Suspended': {
    kind: 'auth',
    message: 'The VOD service of this account is suspended, usually for an overdue payment. Check the account in the Alibaba Cloud console.',
  },
  // The gateway's answer for an action it does not know (HTTP 404, "Specified api is not found"): the
  // endpoint is not VOD 2017-03-21 (another product, a proxy, a typo), never a missing image.
  'InvalidAction.NotFound': { kind: 'configuration', message: NOT_VOD_ENDPOINT },
  'InvalidApi.NotFound': { kind: 'configuration', message: NOT_VOD_ENDPOINT },
  NoSuchResource: {
    kind: 'notFound',
    message: 'The image does not exist in this region (VOD media are bound to the region they were uploaded to).',
  },
  'InvalidImage.NotFound': {
    kind: 'notFound',
    message: 'The image does not exist in this region (VOD media are bound to the region they were uploaded to).',
  },
  'InvalidCateId.NotFound': {
    kind: 'notFound',
    message: 'The category does not exist (it may have been deleted). Pick the category again.',
  },
  InternalError: { kind: 'server', message: 'VOD failed with an internal error. Try again later.' },
  ServiceUnAvailable: { kind: 'server', message: 'VOD is temporarily unavailable. Try again later.' },
  ServiceUnavailable: { kind: 'server', message: 'VOD is temporarily unavailable. Try again later.' },
  MissingParameter: { kind: 'invalidInput', message: 'VOD reported a missing parameter.', quote: true },
  ErrorMatchSyntax: { kind: 'invalidInput', message: 'The search expression is not valid.', quote: true },
  SortByExceededMax: { kind: 'invalidInput', message: 'Too many sort fields for a search.', quote: true },
};

const FAMILY_RULES: readonly (readonly [prefix: string, rule: CodeRule])[] = [
  ['Throttling', { kind: 'throttled', message: 'Alibaba Cloud is limiting the request rate (VOD allows about 10 calls per second per account). Wait a moment and try again.' }],
  ['InvalidSecurityToken', { kind: 'auth', message: 'The STS security token is not valid for this AccessKey. Use the token issued together with this AccessKey ID and secret.' }],
  ['InvalidAccessKeyId', { kind: 'auth', message: 'The AccessKey ID was rejected. Check it in the RAM console.' }],
  ['Forbidden', { kind: 'auth', message: AUTH_PERMISSION }],
  ['OperationDenied', { kind: 'auth', message: 'ApsaraVideo VOD is not activated for this account. Activate it in the Alibaba Cloud console.' }],
  ['InvalidParameter', { kind: 'invalidInput', message: 'VOD rejected a parameter.', quote: true }],
];

function ruleFor(code: string, httpStatus: number): CodeRule {
  const exact = EXACT_RULES[code];
  if (exact) return exact;
  // "Contains", as the official SDK does: codes like `Throttling.User` or `Flow.Throttling` exist.
  if (code.includes('Throttling')) return FAMILY_RULES[0]![1];
  for (const [prefix, rule] of FAMILY_RULES) {
    if (code.startsWith(prefix)) return rule;
  }
  if (code.endsWith('.NotFound') || code.endsWith('.NotExist')) {
    return { kind: 'notFound', message: 'VOD reports that the requested resource does not exist.', quote: true };
  }
  // Unknown code: the only case where the status decides, and only between "retry later" and "give up".
  return httpStatus >= 500
    ? { kind: 'server', message: 'VOD reported a server error.', quote: true }
    : { kind: 'invalidInput', message: 'VOD rejected the request.', quote: true };
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
      ? new VodError('server', `VOD answered HTTP ${response.status} without an error code. Try again later.`, details)
      : new VodError('invalidResponse', `VOD answered HTTP ${response.status} without a readable error.`, details);
  }
  const rule = ruleFor(fields.code, response.status);
  const quoted = rule.quote && fields.message ? cleanServerMessage(fields.message, secrets) : '';
  const message = quoted ? `${rule.message} ${quoted}` : rule.message;
  return new VodError(rule.kind, message, details);
}

const NETWORK_SENTENCES: Readonly<Record<string, string>> = {
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed while sending',
  UND_ERR_SOCKET: 'the connection was closed by the other side',
  UND_ERR_CLOSED: 'the connection was closed',
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name could not be resolved (check the region, endpoint or DNS)',
  EAI_AGAIN: 'the host name could not be resolved right now (DNS)',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
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
    return new VodError('timeout', `No complete answer from ${host} in time.`, { code: 'Timeout', cause: error });
  }
  const code = errorCode(error);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new VodError('timeout', `Could not connect to ${host} in time.`, { code: 'ConnectTimeout', cause: error });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new VodError('timeout', `No complete answer from ${host} in time.`, { code: 'Timeout', cause: error });
  }
  if (code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR' || (error as { name?: unknown })?.name === 'AbortError') {
    return new VodError('cancelled', 'The request was cancelled.', { code: 'Cancelled', cause: error });
  }
  if (code !== undefined && TLS_CODES.test(code)) {
    return new VodError(
      'network',
      `The TLS certificate of ${host} could not be verified (${code}). A proxy that inspects traffic needs its CA trusted (NODE_EXTRA_CA_CERTS).`,
      { code, cause: error },
    );
  }
  const sentence = code === undefined ? undefined : NETWORK_SENTENCES[code];
  if (sentence) return new VodError('network', `Could not reach ${host}: ${sentence}.`, { code, cause: error });
  return new VodError('network', `Could not reach ${host}${code ? ` (${code})` : ''}.`, { code, cause: error });
}

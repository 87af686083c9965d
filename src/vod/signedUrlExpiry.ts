/**
 * When does a signed image URL stop working? Read from the URL itself, so a hover over a URL pasted
 * in a log or a JSON file can say "expired 3 days ago" without any API call.
 *
 * Recognised schemes (reference §5):
 * - CDN type A (what VOD URL authentication uses): `auth_key=<timestamp>-<rand>-<uid>-<md5hash>`.
 *   The docs disagree on `timestamp`: the older CDN/VOD pages call it the expiry time, the current
 *   CDN pages call it the signing time, to which the domain's configured validity is added (which a
 *   URL does not reveal). We read it as the expiry time: GetImageInfo's `AuthTimeout` yields URLs
 *   whose timestamp is "now + AuthTimeout" under the older reading, and the local emulator follows
 *   that reading too. Under the newer reading the true expiry is later, so a mistake here reports a
 *   URL as expired too early, never too late: the safe direction for someone about to share it.
 * - OSS V1 presigned: `Expires=<unix seconds>`.
 * - OSS V4 presigned: `x-oss-date=<yyyyMMddTHHmmssZ>` plus `x-oss-expires=<validity seconds>`.
 */
import { formatDuration } from './duration';

export type UrlExpiry =
  | { readonly kind: 'authKey'; readonly expiresAt: Date }
  | { readonly kind: 'oss'; readonly expiresAt: Date }
  | { readonly kind: 'none' };

export interface SignedUrlMatch {
  readonly url: string;
  /** Offsets of the URL in the searched text (`end` exclusive). */
  readonly start: number;
  readonly end: number;
  /** Never `none`: only signed URLs are reported. */
  readonly expiry: Exclude<UrlExpiry, { kind: 'none' }>;
}

const NONE: UrlExpiry = Object.freeze({ kind: 'none' });

/** Unix seconds: up to 11 digits keeps us within the years a Date can show sensibly. */
const UNIX_SECONDS = /^\d{1,11}$/;
/** `timestamp-rand-uid-md5hash`; rand and uid never contain `-` (reference §5). */
const AUTH_KEY = /^(\d{1,11})-[^-]+-[^-]+-[^-]+$/;
const OSS_V4_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function fromUnixSeconds(value: string): Date | undefined {
  if (!UNIX_SECONDS.test(value)) return undefined;
  return new Date(Number(value) * 1000);
}

function ossV4Expiry(query: URLSearchParams): Date | undefined {
  const date = OSS_V4_DATE.exec(query.get('x-oss-date') ?? '');
  const validity = query.get('x-oss-expires') ?? '';
  if (!date || !UNIX_SECONDS.test(validity)) return undefined;
  const [y, mo, d, h, mi, s] = date.slice(1).map(Number) as [number, number, number, number, number, number];
  const signedAt = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls "month 13" over into the next year; a date that does not round-trip is malformed.
  const roundTrip = [signedAt.getUTCMonth() + 1, signedAt.getUTCDate(), signedAt.getUTCHours(), signedAt.getUTCMinutes(), signedAt.getUTCSeconds()];
  if (roundTrip.some((v, i) => v !== [mo, d, h, mi, s][i])) return undefined;
  return new Date(signedAt.getTime() + Number(validity) * 1000);
}

/** The expiry a signed URL carries, or `none` for an unsigned or unparsable URL. */
export function parseSignedUrlExpiry(url: string): UrlExpiry {
  let query: URLSearchParams;
  try {
    query = new URL(url).searchParams;
  } catch {
    return NONE;
  }

  const authKey = AUTH_KEY.exec(query.get('auth_key') ?? '');
  if (authKey) {
    const expiresAt = fromUnixSeconds(authKey[1]!);
    if (expiresAt) return { kind: 'authKey', expiresAt };
  }

  const ossV1 = fromUnixSeconds(query.get('Expires') ?? '');
  if (ossV1) return { kind: 'oss', expiresAt: ossV1 };

  const ossV4 = ossV4Expiry(query);
  if (ossV4) return { kind: 'oss', expiresAt: ossV4 };

  return NONE;
}

/**
 * Candidate URLs in free text. Stops at whitespace, quotes, angle brackets and backticks, which
 * cannot appear unescaped in a URL but do surround URLs in JSON, HTML, Markdown and logs.
 */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>`\\]+/gi;
/** Punctuation that ends a sentence or a Markdown link rather than the URL. */
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}']);

/**
 * Longer candidates are skipped. A signed URL is a path plus a few parameters (an OSS V4 URL with an
 * STS token is about 2 KB); a longer "URL" is minified code or an attack, and skipping it keeps the
 * hover's cost bounded whatever the line holds.
 */
export const MAX_SIGNED_URL_LENGTH = 8192;

/**
 * Drops trailing punctuation, but keeps a `)` or `]` that closes one opened inside the URL.
 * One pass each way with running counts: recounting the body for every trailing `)` was quadratic.
 */
function trimUrl(candidate: string): string {
  let bodyEnd = candidate.length;
  while (bodyEnd > 0 && TRAILING_PUNCTUATION.has(candidate[bodyEnd - 1]!)) bodyEnd -= 1;
  if (bodyEnd === candidate.length) return candidate;
  let parens = 0;
  let brackets = 0;
  for (let i = 0; i < bodyEnd; i++) {
    const ch = candidate[i];
    if (ch === '(') parens += 1;
    else if (ch === ')') parens -= 1;
    else if (ch === '[') brackets += 1;
    else if (ch === ']') brackets -= 1;
  }
  let end = bodyEnd;
  for (; end < candidate.length; end++) {
    const ch = candidate[end];
    if (ch === ')' && parens > 0) parens -= 1;
    else if (ch === ']' && brackets > 0) brackets -= 1;
    else break;
  }
  return candidate.slice(0, end);
}

/** Signed URLs (those with a readable expiry) in a text, in order, with their offsets. */
export function findSignedUrls(text: string): SignedUrlMatch[] {
  const found: SignedUrlMatch[] = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    // A URL without a query cannot be signed; skip the parse for the common case.
    if (!match[0].includes('?') || match[0].length > MAX_SIGNED_URL_LENGTH) continue;
    const url = trimUrl(match[0]);
    const expiry = parseSignedUrlExpiry(url);
    if (expiry.kind === 'none') continue;
    const start = match.index;
    found.push({ url, start, end: start + url.length, expiry });
  }
  return found;
}

/**
 * "expires in 2 h 5 min", "expired 3 days ago", to the two largest units (seconds only matter
 * within the last minute). The boundary instant itself counts as expired, as servers treat it.
 */
export function describeExpiry(expiresAt: Date, now: Date): string {
  const remainingMs = expiresAt.getTime() - now.getTime();
  if (Number.isNaN(remainingMs)) return 'expiry unknown';
  const seconds = Math.floor(Math.abs(remainingMs) / 1000);
  if (remainingMs > 0) return seconds === 0 ? 'expires in less than a second' : `expires in ${formatDuration(seconds, 2)}`;
  return seconds === 0 ? 'expired just now' : `expired ${formatDuration(seconds, 2)} ago`;
}

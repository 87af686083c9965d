/**
 * The last line of defence before anything is logged or shown: signed URLs keep their scheme, host
 * and path (enough to debug) but lose their query string, which is where every signature, token and
 * expiry lives (`auth_key`, `Signature`, `OSSAccessKeyId`, `SecurityToken`, `x-oss-*`…). Dropping
 * the whole query is simpler to get right than a list of dangerous parameter names.
 */

export const REDACTED = '<redacted>';

/** Secrets shorter than this are not searched for: replacing "ab" everywhere would wreck the text. */
export const MIN_SECRET_LENGTH = 4;

/**
 * `https://cdn.example.com/a.jpg?auth_key=…` → `https://cdn.example.com/a.jpg?<redacted>`.
 * A user name or password in the authority is redacted too. Works on strings that are not valid
 * URLs (no parsing that could throw or normalise).
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const base = queryAt === -1 ? url : url.slice(0, queryAt);
  const redacted = base.replace(USER_INFO, `$1${REDACTED}@`);
  return queryAt === -1 ? redacted : `${redacted}?${REDACTED}`;
}

/** `scheme://user:password@` at the start of a URL. */
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/i;

/**
 * A query string in free text: a `?` followed by `name=`, up to the end of the token. This catches
 * absolute URLs, request lines (`GET /?Action=…&Signature=…`) and JSON-escaped URLs
 * (`https:\/\/…?auth_key=…`) alike, and each character is scanned a bounded number of times, so
 * a multi-megabyte log line cannot make it slow.
 */
const QUERY_IN_TEXT = /\?(?=[\w.~%-]+=)[^\s"'<>`]*/g;
/** `scheme://user:password@`; the scheme is length-capped to keep the scan linear. */
const USER_INFO_IN_TEXT = /\b([a-z][a-z0-9+.-]{0,30}:\/\/)[^/?#@\s"'<>`]*@/gi;

/**
 * Named secrets in text that is not a URL: a JSON dump of `~/.aliyun/config.json`, an
 * `Authorization` header, a form body. Belt and braces for the query rule above.
 */
const NAMED_SECRET =
  /\b(access_?key_?secret|access_?key_?id|security_?token|sts_?token|auth_key|signature|ossaccesskeyid|x-(?:oss|acs)-[a-z0-9-]*(?:signature|security-token|credential))("?\s*[=:]\s*"?)([^\s"'&,;}]+)/gi;

/**
 * Redacts every occurrence of the given secrets (and their percent-encoded forms), every URL query
 * string and every value of a well-known secret name in free text. Use on anything about to be
 * logged or displayed that may contain a request, a URL or credentials.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of searchableSecrets(secrets)) result = result.split(secret).join(REDACTED);
  return result
    .replace(QUERY_IN_TEXT, `?${REDACTED}`)
    .replace(USER_INFO_IN_TEXT, `$1${REDACTED}@`)
    .replace(NAMED_SECRET, (_match, name: string, separator: string, value: string) =>
      value === REDACTED ? `${name}${separator}${value}` : `${name}${separator}${REDACTED}`,
    );
}

/** Longest first, so a secret that contains another is replaced whole rather than in pieces. */
function searchableSecrets(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    // Secrets with `/`, `+` or `=` (STS tokens are base64) appear encoded in query strings and bodies.
    forms.add(encodeURIComponent(secret));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

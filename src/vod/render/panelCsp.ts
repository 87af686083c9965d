/**
 * The details panel's Content-Security-Policy. Nothing is allowed by default; scripts run only by
 * nonce, styles and fonts only from the extension's own `media/` (the webview's `cspSource`), and
 * images only from `data:` and the one origin the API's image URL points at: never `*` or a scheme
 * wildcard such as `https:`, so injected markup (if any ever got through) could not beacon anywhere.
 */
import { isLoopbackHost } from '../endpoint';

/** A nonce is only worth its name if it cannot be guessed: demand a reasonable length of token characters. */
const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;
/** One or more CSP source expressions; none may smuggle in a `;` (a new directive) or quotes. */
const CSP_SOURCES = /^[^\s;,'"]+(?: [^\s;,'"]+)*$/;

export interface PanelCspInput {
  readonly cspSource: string;
  readonly nonce: string;
  readonly imageOrigin: string | undefined;
}

/** Throws on a malformed nonce or cspSource: both come from the extension itself, so that is a bug. */
export function buildPanelCsp({ cspSource, nonce, imageOrigin }: PanelCspInput): string {
  if (!NONCE.test(nonce)) throw new Error('The webview nonce must be at least 16 token characters.');
  if (!CSP_SOURCES.test(cspSource)) throw new Error('The webview cspSource is not a CSP source list.');
  const origin = imageOrigin !== undefined && isHttpOrigin(imageOrigin) ? `${imageOrigin} ` : '';
  return `default-src 'none'; img-src ${origin}data:; style-src ${cspSource}; script-src 'nonce-${nonce}'; font-src ${cspSource}`;
}


/**
 * A serialised origin whose host is a plain DNS name (IDNs arrive as punycode), an IPv4 or an
 * IPv6 literal. The URL parser alone is not enough: it accepts hosts like `*.example.com`, which a
 * CSP would read as a wildcard.
 */
const PLAIN_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** True for an exact `http(s)://host[:port]` origin as `URL.origin` serialises it. */
export function isHttpOrigin(value: string): boolean {
  const url = parseUrl(value);
  return url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value && PLAIN_ORIGIN.test(value);
}

/**
 * The origin to allow for an image URL, or undefined when the URL is not https (plain http only for
 * loopback, i.e. the local emulator: a signed URL sent in clear text over a real network would leak
 * its signature). A URL with a user name or password is refused too: browsers block such
 * subresources, and the credentials would otherwise sit in the page.
 */
export function imageOriginOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const allowed = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  if (!allowed) return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  return isHttpOrigin(parsed.origin) ? parsed.origin : undefined;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

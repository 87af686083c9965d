/**
 * The hover over a signed image URL: when it expires, or how long ago it did, read from the URL
 * itself (core `findSignedUrls`), without any API call. Pure (no `vscode`): labels and the time
 * formatter are passed in, so the text is unit-tested and still localised in the editor.
 *
 * The URL is never echoed: its query is the credential (anyone holding it can fetch the image), and
 * the hover's range already shows which URL is meant.
 */
import { formatDuration } from '../../vod/duration';
import { escapeMarkdown } from '../../vod/render/escape';
import { findSignedUrls, type SignedUrlMatch } from '../../vod/signedUrlExpiry';

export interface ExpiryHoverLabels {
  /** Heading for a CDN URL signed with type-A `auth_key`. */
  readonly authKeyHeading: string;
  /** Heading for an OSS presigned URL (`Expires=` or V4 `x-oss-expires`). */
  readonly ossHeading: string;
  /** `{0}` the local time, `{1}` the remaining duration. */
  readonly expiresIn: (when: string, duration: string) => string;
  /** `{0}` the local time, `{1}` the elapsed duration. */
  readonly expiredAgo: (when: string, duration: string) => string;
  /** Why a type-A expiry may be later than shown (the docs disagree on the timestamp's meaning). */
  readonly authKeyNote: string;
}

/** Lines longer than this (minified bundles, data blobs) are not scanned on every mouse move. */
export const MAX_HOVER_LINE_LENGTH = 64 * 1024;

/** The signed URL under a character of a line, if any. */
export function signedUrlAt(line: string, character: number): SignedUrlMatch | undefined {
  if (line.length > MAX_HOVER_LINE_LENGTH || !line.includes('://')) return undefined;
  return findSignedUrls(line).find((m) => m.start <= character && character < m.end);
}

export type ExpiryState = { readonly expired: false; readonly seconds: number } | { readonly expired: true; readonly seconds: number };

/**
 * Remaining or elapsed whole seconds. The boundary instant counts as expired, as servers treat it
 * (the same rule as the core's `describeExpiry`).
 */
export function expiryState(expiresAt: Date, now: Date): ExpiryState {
  const remainingMs = expiresAt.getTime() - now.getTime();
  const seconds = Math.floor(Math.abs(remainingMs) / 1000);
  return remainingMs > 0 ? { expired: false, seconds } : { expired: true, seconds };
}

/** Hover Markdown for a signed URL; every piece of text is escaped, none of it comes from the URL. */
export function expiryHoverMarkdown(match: SignedUrlMatch, now: Date, labels: ExpiryHoverLabels, formatTime: (date: Date) => string): string {
  const state = expiryState(match.expiry.expiresAt, now);
  const when = formatTime(match.expiry.expiresAt);
  const duration = formatDuration(state.seconds, 2);
  const sentence = state.expired ? labels.expiredAgo(when, duration) : labels.expiresIn(when, duration);
  const heading = match.expiry.kind === 'authKey' ? labels.authKeyHeading : labels.ossHeading;
  const lines = [`**${escapeMarkdown(heading)}**`, '', escapeMarkdown(sentence)];
  if (match.expiry.kind === 'authKey') lines.push('', `_${escapeMarkdown(labels.authKeyNote)}_`);
  return lines.join('\n');
}

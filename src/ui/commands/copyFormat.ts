/** Small pure formatting helpers for the copy commands' messages. */

/**
 * A date in the user's local time zone, in the editor's display language when the runtime knows it.
 * `vscode.env.language` values such as `zh-cn` are valid BCP 47 tags; anything odd falls back to
 * the runtime default instead of throwing in the middle of a command.
 */
export function formatLocalTime(date: Date, locale: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return date.toLocaleString(locale, options);
  } catch {
    return date.toLocaleString(undefined, options);
  }
}

/** True when a URL's expiry is gone or too close to hand the URL to someone (under a minute). */
export function isStale(expiresAt: Date, now: Date, marginMs = 60_000): boolean {
  return expiresAt.getTime() - now.getTime() < marginMs;
}

/**
 * Keeps fetched temporary credentials until shortly before they expire, like the official package's
 * `SessionCredentialProvider` (`@alicloud/credentials` 2.4.7, providers/session.ts): refresh once less than
 * `marginSeconds` are left (15 minutes; the instance-metadata source prefetches an hour ahead). Concurrent
 * callers share one fetch. A failed refresh keeps handing out the old credentials while they are still
 * valid (asking again after 10 s), and fails once they are not.
 *
 * One departure: with a lifetime at or below the margin (the 900 s minimum with the 15-minute margin) the
 * official package refetches on every call; here such credentials are kept for half their lifetime.
 */
import type { Credentials } from '../credentials';

export interface Expiring {
  readonly credentials: Credentials;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

const RETRY_AFTER_FAILURE_MS = 10_000;

export function refreshCache(fetch: () => Promise<Expiring>, marginSeconds: number, now: () => number): () => Promise<Credentials> {
  let current: (Expiring & { refreshAt: number }) | undefined;
  let inFlight: Promise<Credentials> | undefined;

  const refresh = (): Promise<Credentials> => {
    inFlight ??= fetch()
      .then(
        (fresh) => {
          const fetchedAt = now();
          const margin = Math.min(marginSeconds * 1000, (fresh.expiresAt - fetchedAt) / 2);
          current = { ...fresh, refreshAt: fresh.expiresAt - margin };
          return fresh.credentials;
        },
        (error: unknown) => {
          if (current === undefined || now() >= current.expiresAt) throw error;
          // Try again in a little while, not on every call (the official package backs off with jitter).
          current = { ...current, refreshAt: Math.min(current.expiresAt, now() + RETRY_AFTER_FAILURE_MS) };
          return current.credentials;
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  return () => (current !== undefined && now() < current.refreshAt ? Promise.resolve(current.credentials) : refresh());
}

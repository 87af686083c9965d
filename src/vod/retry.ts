/**
 * When to send: the retry policy (which failures are worth another try, and how long to wait) and
 * the request pacing that keeps us under VOD's documented 10 calls/second per account.
 *
 * Time is injected (`Sleep`, `TimeSource`, `random`) so the exact waits are testable.
 */
import type { TimeSource } from './clock';
import { VodError } from './errors';
import { msg } from './messages';

export interface RetryPolicy {
  /** Extra attempts after the first one. */
  readonly maxRetries: number;
  /** First exponential step; doubled per retry. */
  readonly baseDelayMs: number;
  /** Ceiling of an exponential step. */
  readonly maxDelayMs: number;
  /**
   * The longest `x-acs-retry-after` we are willing to sit through. A server asking for more gets
   * the throttling error passed to the user at once instead of a frozen editor.
   */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 3,
  baseDelayMs: 200,
  maxDelayMs: 4000,
  maxRetryAfterMs: 20_000,
});

/** Local codes (set by the transport) of a connection that broke under an in-flight request. */
const CONNECTION_RESET_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/**
 * Only failures that another identical request can cure: throttling, server-side faults and
 * dropped connections. Never auth, not-found, bad input, timeouts or unreadable answers: repeating
 * those only multiplies the wait (and, for auth, the noise in the account's audit log).
 */
export function isRetryable(error: VodError): boolean {
  switch (error.kind) {
    case 'throttled':
    case 'server':
      return true;
    case 'network':
      return error.code !== undefined && CONNECTION_RESET_CODES.has(error.code);
    default:
      return false;
  }
}

/**
 * The wait before retry number `retryIndex` (0 = the first retry), or `undefined` to give up.
 * A server-sent `x-acs-retry-after` is obeyed as given; otherwise exponential backoff with
 * "equal jitter" (half fixed, half random), so parallel callers spread out but never hammer at 0 ms.
 */
export function retryDelayMs(
  retryIndex: number,
  error: VodError,
  policy: RetryPolicy,
  random: () => number,
): number | undefined {
  if (retryIndex >= policy.maxRetries || !isRetryable(error)) return undefined;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : undefined;
  }
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return step / 2 + random() * (step / 2);
}

/** Waits `ms`, or rejects with a `cancelled` VodError as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(cancelledError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function cancelledError(): VodError {
  return new VodError('cancelled', msg('cancel.request'), { code: 'Cancelled' });
}

export interface RateLimiter {
  /** Resolves when one more request may be sent. */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface RateLimiterOptions {
  /** Sustained requests per second; also the burst size. `Infinity` disables pacing. */
  readonly perSecond: number;
  readonly now?: TimeSource;
  readonly sleep?: Sleep;
}

/**
 * A token bucket. Waiters reserve their token up front (the balance goes negative), so a queue of
 * callers is released one interval apart in arrival order without a timer per token.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { perSecond } = options;
  if (!(perSecond > 0)) throw new RangeError('perSecond must be positive');
  if (perSecond === Infinity) return { acquire: async () => {} };

  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  let tokens = perSecond;
  let last = now();

  return {
    async acquire(signal) {
      if (signal?.aborted) throw cancelledError();
      const t = now();
      tokens = Math.min(perSecond, tokens + ((t - last) * perSecond) / 1000);
      last = t;
      tokens -= 1;
      if (tokens >= 0) return;
      const waitMs = (-tokens * 1000) / perSecond;
      try {
        await sleep(waitMs, signal);
      } catch (error) {
        tokens += 1; // an abandoned reservation goes back to the bucket
        throw error;
      }
    },
  };
}

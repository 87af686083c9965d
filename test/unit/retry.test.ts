import { strict as assert } from 'node:assert';
import { VodError, type VodErrorKind } from '../../src/vod/errors';
import { msg } from '../../src/vod/messages';
import {
  DEFAULT_RETRY_POLICY,
  abortableSleep,
  createRateLimiter,
  isRetryable,
  retryDelayMs,
  type RetryPolicy,
} from '../../src/vod/retry';

const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 300, maxRetryAfterMs: 1000 };

function err(kind: VodErrorKind, code?: string, retryAfterMs?: number): VodError {
  return new VodError(kind, msg('api.serverError'), { code, retryAfterMs });
}

describe('retry: which failures are retried', () => {
  it('retries throttling, server errors and connection resets', () => {
    assert.equal(isRetryable(err('throttled', 'Throttling.User')), true);
    assert.equal(isRetryable(err('server', 'ServiceUnAvailable')), true);
    assert.equal(isRetryable(err('server')), true);
    for (const code of ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']) assert.equal(isRetryable(err('network', code)), true, code);
  });

  it('never retries auth, not-found, input, timeout, unreadable answers, cancellation or other network failures', () => {
    const kinds: VodErrorKind[] = ['auth', 'notFound', 'invalidInput', 'timeout', 'invalidResponse', 'cancelled', 'noCredentials'];
    for (const kind of kinds) assert.equal(isRetryable(err(kind, 'Whatever')), false, kind);
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'CERT_HAS_EXPIRED', undefined]) {
      assert.equal(isRetryable(err('network', code)), false, String(code));
    }
  });

  it('defaults to at most 3 retries', () => {
    assert.equal(DEFAULT_RETRY_POLICY.maxRetries, 3);
  });
});

describe('retry: delays', () => {
  const throttled = err('throttled', 'Throttling');

  it('doubles the step per retry, half fixed and half jitter', () => {
    assert.deepEqual([0, 1, 2].map((i) => retryDelayMs(i, throttled, { ...policy, maxDelayMs: 10_000 }, () => 0)), [50, 100, 200]);
    assert.deepEqual([0, 1, 2].map((i) => retryDelayMs(i, throttled, { ...policy, maxDelayMs: 10_000 }, () => 0.5)), [75, 150, 300]);
  });

  it('caps the step at maxDelayMs', () => {
    assert.equal(retryDelayMs(2, throttled, policy, () => 1), 300); // 100·2² = 400 → capped 300
    assert.equal(retryDelayMs(2, throttled, policy, () => 0), 150);
  });

  it('gives up after maxRetries', () => {
    assert.equal(retryDelayMs(3, throttled, policy, () => 0), undefined);
  });

  it('gives up at once on a non-retryable error', () => {
    assert.equal(retryDelayMs(0, err('auth', 'SignatureDoesNotMatch'), policy, () => 0), undefined);
  });

  it('obeys x-acs-retry-after exactly, and refuses waits longer than the policy allows', () => {
    assert.equal(retryDelayMs(0, err('throttled', 'Throttling.User', 730), policy, () => 0.9), 730);
    assert.equal(retryDelayMs(0, err('throttled', 'Throttling.User', 0), policy, () => 0.9), 0);
    assert.equal(retryDelayMs(0, err('throttled', 'Throttling.User', 1001), policy, () => 0), undefined);
  });
});

describe('retry: abortableSleep', () => {
  it('waits about the given time', async () => {
    const start = performance.now();
    await abortableSleep(30);
    assert.ok(performance.now() - start >= 25);
  });

  it('rejects with a cancelled VodError when aborted, early', async () => {
    const controller = new AbortController();
    const start = performance.now();
    setTimeout(() => controller.abort(), 10);
    await assert.rejects(abortableSleep(5000, controller.signal), (e: unknown) => e instanceof VodError && e.kind === 'cancelled');
    assert.ok(performance.now() - start < 1000);
  });

  it('rejects at once when already aborted', async () => {
    await assert.rejects(abortableSleep(5000, AbortSignal.abort()), (e: unknown) => e instanceof VodError && e.kind === 'cancelled');
  });
});

describe('retry: rate limiter', () => {
  function fakeTime() {
    let now = 0;
    const sleeps: number[] = [];
    return {
      now: () => now,
      advance: (ms: number) => (now += ms),
      sleeps,
      sleep: async (ms: number, signal?: AbortSignal) => {
        if (signal?.aborted) throw new VodError('cancelled', msg('cancel.request'));
        sleeps.push(ms);
      },
    };
  }

  it('lets a burst of perSecond through, then spaces requests 1/perSecond apart', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 10, now: time.now, sleep: time.sleep });
    for (let i = 0; i < 10; i++) await limiter.acquire();
    assert.deepEqual(time.sleeps, []);
    await limiter.acquire();
    await limiter.acquire();
    await limiter.acquire();
    assert.deepEqual(time.sleeps.map((ms) => Math.round(ms)), [100, 200, 300]);
  });

  it('refills over time, up to the burst size', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 10, now: time.now, sleep: time.sleep });
    for (let i = 0; i < 10; i++) await limiter.acquire();
    time.advance(250); // 2.5 tokens back
    await limiter.acquire();
    await limiter.acquire();
    assert.deepEqual(time.sleeps, []);
    await limiter.acquire();
    assert.deepEqual(time.sleeps.map((ms) => Math.round(ms)), [50]);
    time.advance(60_000);
    for (let i = 0; i < 10; i++) await limiter.acquire();
    assert.equal(time.sleeps.length, 1, 'a long pause refills only to the burst size');
    await limiter.acquire();
    assert.equal(time.sleeps.length, 2);
  });

  it('gives an abandoned reservation back', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: 1, now: time.now, sleep: time.sleep });
    await limiter.acquire();
    await assert.rejects(limiter.acquire(AbortSignal.abort()));
    await limiter.acquire();
    assert.deepEqual(time.sleeps, [1000], 'the aborted caller did not push the next one back');
  });

  it('Infinity disables pacing; non-positive rates are refused', async () => {
    const time = fakeTime();
    const limiter = createRateLimiter({ perSecond: Infinity, now: time.now, sleep: time.sleep });
    for (let i = 0; i < 1000; i++) await limiter.acquire();
    assert.deepEqual(time.sleeps, []);
    assert.throws(() => createRateLimiter({ perSecond: 0 }), RangeError);
  });

  it('really waits with the default sleep', async () => {
    const limiter = createRateLimiter({ perSecond: 20 });
    const start = performance.now();
    for (let i = 0; i < 22; i++) await limiter.acquire();
    assert.ok(performance.now() - start >= 90, 'two requests over the burst wait ~100 ms');
  });
});

import assert from 'node:assert/strict';
import {
  checkExpiryBounds,
  formatDuration,
  MAX_CDN_EXPIRY_SECONDS,
  MAX_OSS_EXPIRY_SECONDS,
  parseDuration,
} from '../../src/vod/duration';
import { VodError } from '../../src/vod/errors';

function seconds(input: string): number {
  const result = parseDuration(input);
  if (result instanceof VodError) assert.fail(`${input}: ${result.message}`);
  return result;
}

function failure(input: string): VodError {
  const result = parseDuration(input);
  assert.ok(result instanceof VodError, `${input} should be rejected, got ${String(result)}`);
  assert.equal(result.kind, 'invalidInput');
  return result;
}

describe('duration', () => {
  describe('parseDuration', () => {
    it('reads single units', () => {
      assert.equal(seconds('45s'), 45);
      assert.equal(seconds('90m'), 5400);
      assert.equal(seconds('2h'), 7200);
      assert.equal(seconds('3d'), 259200);
      assert.equal(seconds('1w'), 604800);
    });

    it('reads combinations, spaces, long unit names and any case', () => {
      assert.equal(seconds('1h30m'), 5400);
      assert.equal(seconds('1d2h3m4s'), 86400 + 7200 + 180 + 4);
      assert.equal(seconds(' 1h 30m '), 5400);
      assert.equal(seconds('1 h 30 min'), 5400);
      assert.equal(seconds('2 hours'), 7200);
      assert.equal(seconds('1 day'), 86400);
      assert.equal(seconds('10 minutes'), 600);
      assert.equal(seconds('2H'), 7200);
    });

    it('reads plain seconds', () => {
      assert.equal(seconds('3600'), 3600);
      assert.equal(seconds('1'), 1);
    });

    it('rejects zero, negatives and empty input', () => {
      assert.match(failure('0').message, /longer than zero/);
      assert.match(failure('0m').message, /longer than zero/);
      assert.match(failure('0h0m').message, /longer than zero/);
      failure('-5');
      failure('-1h');
      assert.match(failure('').message, /No duration/);
      failure('   ');
    });

    it('rejects garbage, unknown units, fractions and repeated units', () => {
      assert.match(failure('soon').message, /not a duration/);
      assert.match(failure('5x').message, /Unknown unit "x"/);
      failure('1.5h');
      failure('h');
      failure('1h-30m');
      assert.match(failure('1h2h').message, /same unit twice/);
      failure('1 hour 60 min 1 hr');
    });

    it('rejects amounts beyond safe integers', () => {
      assert.match(failure('99999999999999999999').message, /too long/);
      assert.match(failure('9999999999999999d').message, /too long/);
    });

    it('quotes long input shortened', () => {
      const message = failure(`${'x'.repeat(100)}`).message;
      assert.ok(!message.includes('x'.repeat(41)));
      assert.ok(message.includes('x'.repeat(40)));
    });
  });

  describe('formatDuration', () => {
    it('prints the documented examples', () => {
      assert.equal(formatDuration(900), '15 min');
      assert.equal(formatDuration(3600), '1 h');
      assert.equal(formatDuration(86400), '1 day');
      assert.equal(formatDuration(7 * 86400), '7 days');
      assert.equal(formatDuration(5400), '1 h 30 min');
    });

    it('is exact by default, skipping zero units', () => {
      assert.equal(formatDuration(86400 + 180), '1 day 3 min');
      assert.equal(formatDuration(90061), '1 day 1 h 1 min 1 s');
      assert.equal(formatDuration(45), '45 s');
      assert.equal(formatDuration(0), '0 s');
    });

    it('keeps only the largest contiguous units under a budget, truncating', () => {
      assert.equal(formatDuration(2 * 3600 + 5 * 60 + 59, 2), '2 h 5 min');
      assert.equal(formatDuration(86400 + 180, 2), '1 day');
      assert.equal(formatDuration(3 * 86400 + 7200, 1), '3 days');
    });

    it('round-trips through parseDuration', () => {
      for (const value of [1, 59, 60, 61, 3599, 3600, 5400, 86399, 86400, 90061, 2592000, 315360000]) {
        assert.equal(seconds(formatDuration(value)), value, String(value));
      }
    });
  });

  describe('checkExpiryBounds', () => {
    it('accepts OSS validity from 1 s to 30 days', () => {
      assert.equal(checkExpiryBounds(1, 'oss'), undefined);
      assert.equal(checkExpiryBounds(3600, 'oss'), undefined);
      assert.equal(checkExpiryBounds(2592000, 'oss'), undefined);
      assert.equal(MAX_OSS_EXPIRY_SECONDS, 2592000);
    });

    it('rejects OSS validity over 30 days, saying the limit', () => {
      const error = checkExpiryBounds(2592001, 'oss');
      assert.ok(error instanceof VodError);
      assert.equal(error.kind, 'invalidInput');
      assert.match(error.message, /30 days/);
      assert.match(error.message, /36 h/);
    });

    it('accepts CDN validity up to 10 years and rejects beyond', () => {
      assert.equal(checkExpiryBounds(2592001, 'cdn'), undefined);
      assert.equal(MAX_CDN_EXPIRY_SECONDS, 10 * 365 * 86400);
      assert.equal(checkExpiryBounds(MAX_CDN_EXPIRY_SECONDS, 'cdn'), undefined);
      assert.match(checkExpiryBounds(MAX_CDN_EXPIRY_SECONDS + 1, 'cdn')?.message ?? '', /10 years/);
    });

    it('rejects zero, negative, fractional and non-finite values for both types', () => {
      for (const type of ['cdn', 'oss'] as const) {
        for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
          assert.ok(checkExpiryBounds(bad, type) instanceof VodError, `${type} ${bad}`);
        }
      }
    });
  });
});

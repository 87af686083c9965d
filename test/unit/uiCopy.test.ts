import { strict as assert } from 'node:assert';
import { EXPIRY_PRESETS, defaultExpiry, expiryChoices, parseSignedUrlOptions } from '../../src/ui/commands/copyExpiry';
import { formatLocalTime, isStale } from '../../src/ui/commands/copyFormat';
import { VodError } from '../../src/vod/errors';

describe('ui/commands copyExpiry', () => {
  it('offers 15 min, 1 h, 1 day, 7 days and 30 days', () => {
    assert.deepEqual(EXPIRY_PRESETS, [900, 3600, 86400, 604800, 2592000]);
  });

  it('marks the default among the presets without adding an entry', () => {
    const choices = expiryChoices(86400);
    assert.deepEqual(
      choices.map((c) => c.seconds),
      [...EXPIRY_PRESETS],
    );
    assert.deepEqual(
      choices.filter((c) => c.isDefault).map((c) => c.seconds),
      [86400],
    );
  });

  it('puts a custom default first so Enter accepts it', () => {
    const choices = expiryChoices(5400);
    assert.deepEqual(choices[0], { seconds: 5400, isDefault: true });
    assert.equal(choices.length, EXPIRY_PRESETS.length + 1);
    assert.equal(choices.filter((c) => c.isDefault).length, 1);
  });

  it('uses the remembered expiry only when it is a positive whole number', () => {
    assert.equal(defaultExpiry(7200, 3600), 7200);
    for (const bad of [undefined, null, 0, -5, 1.5, '7200', Number.NaN, Number.POSITIVE_INFINITY, {}]) {
      assert.equal(defaultExpiry(bad, 3600), 3600, String(bad));
    }
  });

  describe('parseSignedUrlOptions', () => {
    it('means "ask" when there are no options', () => {
      assert.equal(parseSignedUrlOptions(undefined), undefined);
      assert.equal(parseSignedUrlOptions(null), undefined);
    });
    it('accepts seconds, duration strings and the output type', () => {
      assert.deepEqual(parseSignedUrlOptions({ expiresIn: 600 }), { expiresIn: 600, outputType: undefined });
      assert.deepEqual(parseSignedUrlOptions({ expiresIn: '90m', outputType: 'oss' }), { expiresIn: 5400, outputType: 'oss' });
      assert.deepEqual(parseSignedUrlOptions({ expiresIn: '1h30m' }), { expiresIn: 5400, outputType: undefined });
      assert.deepEqual(parseSignedUrlOptions({ outputType: 'cdn' }), { expiresIn: undefined, outputType: 'cdn' });
      assert.deepEqual(parseSignedUrlOptions({}), { expiresIn: undefined, outputType: undefined });
    });
    it('rejects bad values with an invalidInput error', () => {
      for (const bad of [{ expiresIn: 0 }, { expiresIn: -1 }, { expiresIn: 1.5 }, { expiresIn: 'soon' }, { outputType: 'ftp' }, { expiresIn: true }, 'x', 5]) {
        const result = parseSignedUrlOptions(bad);
        assert.ok(result instanceof VodError, JSON.stringify(bad));
        assert.equal(result.kind, 'invalidInput');
      }
    });
  });
});

describe('ui/commands copyFormat', () => {
  it('formats a local time that names the year and the minute, in the given language', () => {
    const date = new Date(Date.UTC(2031, 4, 17, 9, 5));
    const en = formatLocalTime(date, 'en');
    assert.match(en, /2031/);
    assert.equal(en, date.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' }));
    assert.equal(formatLocalTime(date, 'zh-cn'), date.toLocaleString('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }));
  });
  it('falls back to the default locale for a malformed language tag', () => {
    const date = new Date(0);
    assert.equal(formatLocalTime(date, 'not a tag!!'), date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
  });
  it('calls a URL stale when it expires within the margin', () => {
    const now = new Date(1_000_000);
    assert.equal(isStale(new Date(1_000_000 + 59_999), now), true);
    assert.equal(isStale(new Date(1_000_000 + 60_000), now), false);
    assert.equal(isStale(new Date(0), now), true);
  });
});

import assert from 'node:assert/strict';
import { categoryName, categoryWithId, formatBytes, formatDate, formatDimensions, parseIsoDate, splitTags } from '../../src/vod/render/format';

describe('render/format', () => {
  describe('formatBytes (binary multiples, VS Code unit names)', () => {
    const cases: [number, string][] = [
      [0, '0 B'],
      [1, '1 B'],
      [1023, '1023 B'],
      [1024, '1 KB'],
      [1536, '1.5 KB'],
      [8932, '8.7 KB'], // 8932 / 1024 = 8.72
      [10 * 1024 - 1, '10 KB'], // 9.999 rounds up
      [512 * 1024, '512 KB'],
      [1024 * 1024 - 1, '1 MB'], // 1023.999 KB must carry into MB, not print "1024 KB"
      [1024 * 1024, '1 MB'],
      [5 * 1024 * 1024 + 300 * 1024, '5.3 MB'],
      [3 * 1024 ** 3, '3 GB'],
      [2 * 1024 ** 4, '2 TB'],
      [2 * 1024 ** 5, '2 PB'],
      [4096 * 1024 ** 5, '4096 PB'], // no unit above PB: the number grows instead
    ];
    for (const [n, expected] of cases) {
      it(`${n} → ${expected}`, () => assert.equal(formatBytes(n), expected));
    }

    it('returns values that are not byte counts unchanged', () => {
      assert.equal(formatBytes(-1), '-1');
      assert.equal(formatBytes(1.5), '1.5');
      assert.equal(formatBytes(Number.NaN), 'NaN');
      assert.equal(formatBytes(Number.POSITIVE_INFINITY), 'Infinity');
    });
  });

  describe('formatDimensions', () => {
    it('joins width and height with a multiplication sign', () => {
      assert.equal(formatDimensions(1920, 1080), '1920×1080');
      assert.equal(formatDimensions(0, 0), '0×0');
    });

    it('is undefined unless both sides are known', () => {
      assert.equal(formatDimensions(undefined, 1080), undefined);
      assert.equal(formatDimensions(1920, undefined), undefined);
      assert.equal(formatDimensions(Number.NaN, 5), undefined);
      assert.equal(formatDimensions(-1, 5), undefined);
    });
  });

  describe('formatDate', () => {
    it('gives the UTC value in a fixed form and the local value in the given zone', () => {
      const { local, utc } = formatDate('2024-06-01T02:30:05Z', 'en-US', 'Asia/Shanghai');
      assert.equal(utc, '2024-06-01 02:30:05 UTC');
      // Shanghai is UTC+8 all year.
      assert.match(local, /Jun 1, 2024/);
      assert.match(local, /10:30:05/);
    });

    it('crosses the date line in the local value', () => {
      const { local } = formatDate('2024-06-01T02:30:05Z', 'en-US', 'America/Los_Angeles');
      assert.match(local, /May 31, 2024/);
      assert.match(local, /7:30:05/);
    });

    it('honours numeric offsets and fractional seconds', () => {
      assert.equal(formatDate('2024-06-01T10:30:05+08:00').utc, '2024-06-01 02:30:05 UTC');
      assert.equal(formatDate('2024-06-01T10:30:05.123-02:00').utc, '2024-06-01 12:30:05 UTC');
      assert.equal(formatDate('2024-06-01T10:30Z').utc, '2024-06-01 10:30:00 UTC');
    });

    it('uses the locale', () => {
      const { local } = formatDate('2024-06-01T02:30:05Z', 'zh-CN', 'UTC');
      assert.match(local, /2024年6月1日/);
    });

    it('returns invalid, zone-less or out-of-range values unchanged', () => {
      for (const raw of [
        'not a date',
        '',
        '2024-06-01',
        '2024-06-01T10:00:00', // no zone: ambiguous
        '2024-13-01T00:00:00Z',
        '2024-02-30T00:00:00Z',
        '2023-02-29T00:00:00Z',
        '2024-06-01T24:00:00Z',
        '1717209005',
      ]) {
        assert.deepEqual(formatDate(raw), { local: raw, utc: raw }, raw);
      }
    });

    it('accepts a leap day', () => {
      assert.equal(parseIsoDate('2024-02-29T00:00:00Z')?.toISOString(), '2024-02-29T00:00:00.000Z');
    });

    it('falls back to the default locale for an unknown locale or zone rather than throwing', () => {
      assert.doesNotThrow(() => formatDate('2024-06-01T02:30:05Z', 'not a locale!', 'Mars/Olympus'));
      assert.equal(formatDate('2024-06-01T02:30:05Z', 'not a locale!', 'Mars/Olympus').utc, '2024-06-01 02:30:05 UTC');
    });
  });

  describe('splitTags', () => {
    it('splits, trims and drops empty tags, keeping order', () => {
      assert.deepEqual(splitTags('a,b,,c '), ['a', 'b', 'c']);
      assert.deepEqual(splitTags(' cat , dog sleeping ,'), ['cat', 'dog sleeping']);
      assert.deepEqual(splitTags('solo'), ['solo']);
    });

    it('gives no tags for nothing', () => {
      assert.deepEqual(splitTags(undefined), []);
      assert.deepEqual(splitTags(''), []);
      assert.deepEqual(splitTags(' , ,'), []);
    });
  });

  describe('categoryName', () => {
    it('is the name, or the ID when the name is missing or blank, or nothing', () => {
      assert.equal(categoryName('Shoes', 12), 'Shoes');
      assert.equal(categoryName(undefined, 12), '12');
      assert.equal(categoryName('  ', 12), '12');
      assert.equal(categoryName('', 0), '0');
      assert.equal(categoryName('  ', undefined), undefined);
      assert.equal(categoryName(undefined, undefined), undefined);
    });

    it('categoryWithId puts the ID beside a name, once', () => {
      assert.equal(categoryWithId('Shoes', 12), 'Shoes (12)');
      assert.equal(categoryWithId('Shoes', undefined), 'Shoes');
      assert.equal(categoryWithId(' ', 12), '12');
      assert.equal(categoryWithId(undefined, undefined), undefined);
    });
  });
});

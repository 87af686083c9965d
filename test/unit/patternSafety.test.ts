import { strict as assert } from 'node:assert';
import { parseSettings } from '../../src/ui/settings';
import { VodError } from '../../src/vod/errors';
import { renderMessage } from '../../src/vod/messages';
import { compileIdPattern, DEFAULT_ID_PATTERN, findImageIds } from '../../src/vod/imageIds';
import { MAX_PATTERN_LENGTH, unsafePatternReason } from '../../src/vod/patternSafety';

/** Classic catastrophic-backtracking shapes (OWASP ReDoS list and friends), plus the other refused features. */
const EVIL = [
  '(a+)+b',
  '(a+)+',
  '([a-zA-Z]+)*',
  '(a|aa)+',
  '(a|a?)+',
  '(.*a){12}',
  '(?:\\w+\\s?)*x',
  '((ab)*)+c',
  '([0-9a-f]+)+',
  '(?<id>[a-f]+)+',
  '(x+x+)+y',
  '(\\d*){20}',
];
const NOT_REGULAR = ['([0-9a-f])\\1{31}', '(?<h>[a-f])\\k<h>', '(?=abc)[a-z]{32}', '(?!x)[0-9]{8}', '(?<=id:)[0-9a-f]{32}', '(?<!x)[0-9]{8}'];
/** Quadratic or polynomial rather than exponential, but minutes on a large file all the same. */
const SLOW = ['[a-z-]+x', '\\d+\\d+\\d+\\d+y', '[0-9a-f]*', '[0-9a-f]{32,}', '[0-9a-f]{1,1000}', '\\d{1,64}\\d{1,64}y', 'a?a?a?a?a?a?a?a?a?b'];
const SAFE = [
  DEFAULT_ID_PATTERN,
  '[0-9a-f]{32}|[0-9A-Z]{20}',
  '(?:img|pic)-[0-9]{8}',
  '\\p{Nd}{5}',
  '[a-z]{1,16}-[0-9]{1,8}',
  '(?:ab){3}',
  '\\{[0-9]{4}\\}',
  '[(+*)]{4}',
  '[0-9a-f]{256}',
  'v?[0-9a-f]{32}',
];

/** The refusal as the English text a user reads ('' when the pattern is accepted). */
function reason(pattern: string): string {
  const found = unsafePatternReason(pattern);
  return found === undefined ? '' : renderMessage(found);
}

describe('ID pattern safety (ReDoS)', () => {
  it('refuses the classic exponential shapes', () => {
    for (const pattern of EVIL) assert.ok(unsafePatternReason(pattern) !== undefined, pattern);
    assert.match(reason('(a{1,3}){4}'), /nested quantifiers/);
    assert.match(reason('(a|aa){8}'), /nested quantifiers/);
  });

  it('refuses unbounded and highly variable quantifiers (quadratic and polynomial scans)', () => {
    for (const pattern of SLOW) assert.match(reason(pattern), /unbounded|at most 256|variable-length/, pattern);
  });

  it('what it accepts stays fast on hostile text: 1 MB, no match', () => {
    const hostile = ['-'.repeat(1_000_000), '1'.repeat(1_000_000), 'ab'.repeat(500_000)];
    for (const pattern of SAFE) {
      for (const text of hostile) {
        const started = performance.now();
        findImageIds(text, pattern);
        assert.ok(performance.now() - started < 1000, `${pattern} took ${Math.round(performance.now() - started)} ms`);
      }
    }
  });

  it('refuses backreferences and lookarounds', () => {
    for (const pattern of NOT_REGULAR) assert.match(reason(pattern), /not allowed/, pattern);
  });

  it('refuses patterns longer than the limit', () => {
    assert.match(reason('a'.repeat(MAX_PATTERN_LENGTH + 1)), /longer than/);
    assert.equal(unsafePatternReason('a'.repeat(MAX_PATTERN_LENGTH)), undefined);
  });

  it('accepts ordinary ID patterns', () => {
    for (const pattern of SAFE) assert.equal(unsafePatternReason(pattern), undefined, pattern);
  });

  it('compileIdPattern refuses an unsafe pattern, so no code path can run it', () => {
    const result = compileIdPattern('(a+)+b');
    assert.ok(result instanceof VodError);
    assert.equal(result.kind, 'invalidInput');
    assert.throws(() => findImageIds('aaaa', '(a+)+b'), VodError);
  });

  it('the setting falls back to the default with one problem per evil pattern, and stays fast', () => {
    for (const pattern of [...EVIL, ...SLOW, ...NOT_REGULAR]) {
      const { settings, problems } = parseSettings((key) => (key === 'idPattern' ? pattern : undefined));
      assert.equal(settings.idPattern, DEFAULT_ID_PATTERN, pattern);
      assert.equal(problems.length, 1, pattern);
      assert.equal(problems[0]?.key, 'vodImages.idPattern');
    }
    // What the evil pattern would have frozen on: 30 "a"s then a non-match (2^30 paths for (a+)+b).
    const started = Date.now();
    findImageIds(`${'a'.repeat(30)}!`, parseSettings((key) => (key === 'idPattern' ? '(a+)+b' : undefined)).settings.idPattern);
    assert.ok(Date.now() - started < 100);
  });
});

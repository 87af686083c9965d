import { strict as assert } from 'node:assert';
import { verboseRequestLine } from '../../src/cli/session';

describe('cli: --verbose request lines', () => {
  it('are terminal-safe even if a field carries escapes or a newline', () => {
    const line = verboseRequestLine({ action: 'GetImageInfo', status: 400, code: 'X\u001b]8;;https://evil\u0007', requestId: 'a\nvodimg: forged', latencyMs: 3, attempt: 1, outcome: 'error' });
    assert.doesNotMatch(line, /[\u0000-\u001f]/);
    assert.match(line, /^vodimg: GetImageInfo /);
  });
});

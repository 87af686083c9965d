import { strict as assert } from 'node:assert';
import { maskKeyId } from '../../src/ui/auth/maskKeyId';

describe('ui/auth maskKeyId', () => {
  it('keeps the first and last four characters of a real-length key ID', () => {
    assert.equal(maskKeyId('LTAI5tAbCdEfGhIjKlMn1234'), 'LTAI…1234');
    assert.equal(maskKeyId('  LTAI5tAbCdEfGhIjKlMn1234\n'), 'LTAI…1234');
  });

  it('never shows more than a third of the characters', () => {
    for (let length = 0; length <= 30; length++) {
      const id = 'abcdefghijklmnopqrstuvwxyz0123'.slice(0, length);
      const visible = maskKeyId(id).replace('…', '');
      assert.ok(visible.length * 3 <= length, `${length}: ${maskKeyId(id)}`);
      const [head, tail] = maskKeyId(id).split('…') as [string, string];
      assert.ok(id.startsWith(head) && id.endsWith(tail), `${length}: ${maskKeyId(id)}`);
    }
    assert.equal(maskKeyId('abcde'), '…');
    assert.equal(maskKeyId('abcdef'), 'a…f');
  });
});

import { strict as assert } from 'node:assert';
import { idsFromEditor, targetFromArg, usablePattern } from '../../src/ui/lookup/imageTarget';
import { listIds, splitLookups } from '../../src/ui/lookup/lookupResult';
import type { Lookup } from '../../src/vod/imageService';

const A = '5aed81b74ba84920be578cdfe004af4b';
const B = '28ba2b26d540446c94cdd2c4c48090e5';
const C = '0123456789abcdef0123456789abcdef';

describe('ui/lookup imageTarget', () => {
  describe('targetFromArg', () => {
    it('takes an ID string, trimmed', () => {
      assert.deepEqual(targetFromArg(`  ${A}\n`), { kind: 'ids', ids: [A] });
    });
    it('takes a tree item with an imageId', () => {
      assert.deepEqual(targetFromArg({ imageId: B, label: 'whatever' }), { kind: 'ids', ids: [B] });
    });
    it('takes an array of IDs, without duplicates', () => {
      assert.deepEqual(targetFromArg([A, B, A]), { kind: 'ids', ids: [A, B] });
    });
    it('ignores what menus pass that is not an image (a URI-like object, nothing, an empty array)', () => {
      assert.deepEqual(targetFromArg({ scheme: 'file', path: '/x' }), { kind: 'none' });
      assert.deepEqual(targetFromArg(undefined), { kind: 'none' });
      assert.deepEqual(targetFromArg([]), { kind: 'none' });
      assert.deepEqual(targetFromArg(42), { kind: 'none' });
    });
    it('rejects strings that cannot be IDs, quoting them shortened', () => {
      for (const bad of ['', 'has space', 'a/b', 'x'.repeat(65), '<script>']) {
        const target = targetFromArg(bad);
        assert.equal(target.kind, 'invalid', bad);
        if (target.kind === 'invalid') assert.equal(target.error.kind, 'invalidInput');
      }
      const long = targetFromArg(`${'y'.repeat(200)} z`);
      assert.ok(long.kind === 'invalid' && long.error.message.length < 140);
    });
    it('rejects a tree item whose imageId is not a valid string, and an array with one bad ID', () => {
      assert.equal(targetFromArg({ imageId: 12 }).kind, 'invalid');
      assert.equal(targetFromArg([A, 'no way']).kind, 'invalid');
    });
  });

  describe('idsFromEditor', () => {
    const none = { selectedTexts: [], cursorLine: '', cursorColumn: 0 };
    it('collects IDs from every selection in first-seen order', () => {
      const ids = idsFromEditor({ ...none, selectedTexts: [`"a": "${A}", "b": "${B}"`, `${C} ${A}`] }, undefined);
      assert.deepEqual(ids, [A, B, C]);
    });
    it('prefers the selection over the cursor', () => {
      const ids = idsFromEditor({ selectedTexts: [B], cursorLine: `x ${A}`, cursorColumn: 4 }, undefined);
      assert.deepEqual(ids, [B]);
    });
    it('takes a selected plausible ID that the pattern does not match as typed', () => {
      assert.deepEqual(idsFromEditor({ ...none, selectedTexts: [' abc123 '] }, undefined), ['abc123']);
    });
    it('falls back to the cursor when the selection holds no ID', () => {
      const line = `image: ${A} # cover`;
      assert.deepEqual(idsFromEditor({ selectedTexts: ['not an id!'], cursorLine: line, cursorColumn: 10 }, undefined), [A]);
    });
    it('finds the ID under the cursor, including just after its last character', () => {
      const line = `image: ${A} # cover`;
      const start = line.indexOf(A);
      assert.deepEqual(idsFromEditor({ ...none, cursorLine: line, cursorColumn: start }, undefined), [A]);
      assert.deepEqual(idsFromEditor({ ...none, cursorLine: line, cursorColumn: start + 32 }, undefined), [A]);
      assert.deepEqual(idsFromEditor({ ...none, cursorLine: line, cursorColumn: start - 2 }, undefined), []);
    });
    it('does not take part of a git SHA for an ID', () => {
      const sha = 'a'.repeat(40);
      assert.deepEqual(idsFromEditor({ ...none, cursorLine: `commit ${sha}`, cursorColumn: 12 }, undefined), []);
    });
    it('uses a configured pattern, and the default when the configured one is unusable', () => {
      const line = 'id IMG-42 and ' + A;
      assert.deepEqual(idsFromEditor({ ...none, selectedTexts: [line] }, 'IMG-\\d{1,8}'), ['IMG-42']);
      assert.deepEqual(idsFromEditor({ ...none, selectedTexts: [line] }, '(unclosed'), [A]);
      assert.deepEqual(idsFromEditor({ ...none, selectedTexts: [line] }, 'x*'), [A]);
    });
  });

  describe('usablePattern', () => {
    it('keeps a valid pattern, replaces empty, invalid or empty-matching ones with the default', () => {
      assert.equal(usablePattern('[a-z]{4}'), '[a-z]{4}');
      assert.equal(usablePattern(''), '[0-9a-f]{32}');
      assert.equal(usablePattern(undefined), '[0-9a-f]{32}');
      assert.equal(usablePattern('[z-a]'), '[0-9a-f]{32}');
      assert.equal(usablePattern('a?'), '[0-9a-f]{32}');
    });
  });
});

describe('ui/lookup lookupResult', () => {
  const found = (id: string): Lookup => ({ state: 'found', info: { ImageId: id, Title: `t-${id}` }, fetchedAt: 1 });
  const missing = (id: string): Lookup => ({ state: 'missing', imageId: id, fetchedAt: 1 });

  it('splits found and missing in the order asked; an ID without an answer counts as missing', () => {
    const lookups = new Map<string, Lookup>([
      [B, found(B)],
      [A, missing(A)],
      [C, found(C)],
    ]);
    const outcome = splitLookups([C, A, B, 'ffff'], lookups);
    assert.deepEqual(
      outcome.found.map((i) => i.id),
      [C, B],
    );
    assert.deepEqual(outcome.missing, [A, 'ffff']);
  });

  it('counts a video or audio ID as found, never as missing', () => {
    const video: Lookup = { state: 'video', info: { VideoId: A, Title: 'clip' }, fetchedAt: 1 };
    const audio: Lookup = { state: 'audio', info: { VideoId: C }, fetchedAt: 1 };
    const outcome = splitLookups([A, B, C], new Map([[A, video], [B, found(B)], [C, audio]]));
    assert.deepEqual(outcome.found.map((f) => `${f.kind}:${f.id}`), [`video:${A}`, `image:${B}`, `audio:${C}`]);
    assert.deepEqual(outcome.missing, []);
  });

  it('lists up to five IDs by name and counts the rest', () => {
    assert.equal(listIds(['a', 'b']), 'a, b');
    assert.equal(listIds(['1', '2', '3', '4', '5', '6', '7']), '1, 2, 3, 4, 5 (+2)');
  });
});

import { strict as assert } from 'node:assert';
import { selectedImageIds } from '../../src/ui/lookup/treeSelection';

const A = '5aed81b74ba84920be578cdfe004af4b';
const B = '0b1a1e0f4c3d4e5f8a9b0c1d2e3f4a5b';
const C = 'ffffffffffffffffffffffffffffffff';
const row = (imageId: string, section = 'recent') => ({ kind: 'image', key: `${section}/${imageId}`, section, imageId });

describe('ui/lookup treeSelection (the multi-select call shape)', () => {
  it('takes every selected image row, in selection order, once', () => {
    const a = row(A);
    const rows = [a, row(B, 'pinned'), row(A, 'library'), row(C)];
    assert.deepEqual(selectedImageIds(a, rows), [A, B, C]);
  });

  it('is not a multi-selection for one row, no array, or automation arguments', () => {
    const a = row(A);
    assert.equal(selectedImageIds(a, [a]), undefined);
    assert.equal(selectedImageIds(a, undefined), undefined);
    assert.equal(selectedImageIds(A, { expiresIn: 900 }), undefined);
    assert.equal(selectedImageIds(A, [A, B]), undefined, 'plain strings are automation, not tree rows');
  });

  it('skips groups, messages and occurrence rows, and IDs that cannot be IDs', () => {
    const a = row(A);
    const rows = [a, { kind: 'section', key: 'recent', section: 'recent' }, { kind: 'occurrence', imageId: B }, { kind: 'image', imageId: 'x; rm -rf /' }, { imageId: C }];
    assert.deepEqual(selectedImageIds(a, rows), [A, C]);
    const group = { kind: 'section', key: 'pinned' };
    assert.equal(selectedImageIds(group, [group, { kind: 'message', key: 'm' }]), undefined);
  });

  it('a clicked row outside the selection stands alone', () => {
    assert.equal(selectedImageIds(row(C), [row(A), row(B)]), undefined);
  });
});

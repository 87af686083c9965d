import { strict as assert } from 'node:assert';
import { categoryRows } from '../../src/ui/explorer/categoryRows';
import { accessibleImageLabel, categoryLabel, imageDescription, imageLabel, occurrenceLabel, type ItemTextLabels } from '../../src/ui/explorer/itemText';
import { pickText } from '../../src/ui/pickText';
import { EMPTY_FILTER, filterFromArg, isFiltering, parseDateRange } from '../../src/ui/explorer/libraryFilter';
import { enabledGlobs, joinedScanGlobs, joinGlobs, scanGlobLists } from '../../src/ui/explorer/scanGlobs';
import { VodError } from '../../src/vod/errors';
import type { ImageInfo } from '../../src/vod/schemas';

const LABELS: ItemTextLabels = { refs: '{0} refs', oneRef: '{0} ref', notFound: 'not found', failed: 'failed', pending: 'pending' };
const ID = '077733093f325fd603f2f05f8e9701db';

function found(info: Partial<ImageInfo>) {
  return { state: 'found' as const, info: { ImageId: ID, ...info } as ImageInfo, fetchedAt: 0 };
}

describe('ui/explorer item text', () => {
  it('names the condition the icon shows in the accessible label (Blocked, Upload failed, Uploading…)', () => {
    const words = { blocked: 'Blocked', uploadFailed: 'Upload failed', uploading: 'Uploading…' };
    assert.equal(accessibleImageLabel('Cover', '600×300', 'blocked', words), 'Cover, Blocked, 600×300');
    assert.equal(accessibleImageLabel('Cover', '', 'uploadFail', words), 'Cover, Upload failed');
    assert.equal(accessibleImageLabel('Cover', '1 ref', 'uploading', words), 'Cover, Uploading…, 1 ref');
    assert.equal(accessibleImageLabel('Cover', '600×300', 'normal', words), 'Cover, 600×300');
    assert.equal(accessibleImageLabel(ID, 'not found', 'missing', words), `${ID}, not found`);
  });

  it('labels a resolved image by its title, an unresolved or untitled one by its ID', () => {
    assert.equal(imageLabel(ID, found({ Title: 'Red sneaker' })), 'Red sneaker');
    assert.equal(imageLabel(ID, found({ Title: '' })), ID);
    assert.equal(imageLabel(ID, undefined), ID);
    assert.equal(imageLabel(ID, { state: 'missing', imageId: ID, fetchedAt: 0 }), ID);
  });

  it('flattens a title with line breaks and shows a right-to-left override as a marker', () => {
    assert.equal(imageLabel(ID, found({ Title: 'a\nb\u202Ec' })), 'a b[U+202E]c');
  });

  it('describes workspace rows as W×H · N refs', () => {
    assert.equal(imageDescription(found({ Mezzanine: { Width: 1920, Height: 1080 } }), 3, LABELS), '1920×1080 · 3 refs');
    assert.equal(imageDescription(found({ Mezzanine: { Width: 10, Height: 20 } }), 1, LABELS), '10×20 · 1 ref');
    assert.equal(imageDescription(found({}), undefined, LABELS), '');
    assert.equal(imageDescription(undefined, 2, LABELS), 'pending · 2 refs');
    assert.equal(imageDescription({ state: 'missing', imageId: ID, fetchedAt: 0 }, 2, LABELS), 'not found · 2 refs');
    assert.equal(imageDescription({ state: 'failed', error: new Error('x') }, undefined, LABELS), 'failed');
  });

  it('cleans a category name in its tree row like a title (one line, controls shown)', () => {
    assert.equal(categoryLabel('Shoes\n\u202Eevil', 'Uncategorized'), 'Shoes [U+202E]evil');
    assert.equal(categoryLabel(undefined, 'Uncategorized'), 'Uncategorized');
    assert.equal(Array.from(categoryLabel('x'.repeat(500), 'U')).length, 80);
  });

  it('category picker rows cannot expand $(icon) syntax or carry bidi controls, and keep the raw name for the filter', () => {
    const rows = categoryRows([{ id: 7, name: '$(zap) Evil\u202E', path: ['Top $(alert)', '$(zap) Evil\u202E'] }]);
    assert.doesNotMatch(rows[0]!.label, /\$\(|\u202E/);
    assert.match(rows[0]!.label, /Top .*alert.* \/ .*zap.* Evil\[U\+202E\]/);
    assert.equal(rows[0]!.name, '$(zap) Evil\u202E');
    assert.equal(rows[0]!.id, 7);
  });

  it('quick pick text is one visible line without icon syntax', () => {
    assert.equal(pickText('a\nb'), 'a b');
    assert.doesNotMatch(pickText('$(x)\u2066y'), /\$\(|\u2066/);
  });

  it('names an occurrence by its one-based line', () => {
    assert.equal(occurrenceLabel('src/a.ts', 0), 'src/a.ts:1');
  });
});

describe('ui/explorer scan globs', () => {
  it('keeps only the exclude entries switched on (not false, not when-conditions)', () => {
    assert.deepEqual(enabledGlobs({ '**/.git': true, '**/node_modules': false, '**/*.js': { when: '$(basename).ts' } }), ['**/.git']);
    assert.deepEqual(enabledGlobs(null), []);
    assert.deepEqual(enabledGlobs(['**/x']), []);
  });

  it('joins several globs into one brace pattern, one as itself, none as undefined', () => {
    assert.equal(joinGlobs(['a/**', 'a/**', ' ']), 'a/**');
    assert.equal(joinGlobs(['a/**', 'b/*.md']), '{a/**,b/*.md}');
    assert.equal(joinGlobs([]), undefined);
  });

  it('folds files.exclude, search.exclude and the scan setting into one exclude; null when none', () => {
    const scanGlobs = (...args: Parameters<typeof scanGlobLists>) => joinedScanGlobs(scanGlobLists(...args));
    assert.deepEqual(scanGlobs(['**/*'], { '**/.git': true }, { '**/node_modules': true }, ['**/dist/**']), {
      include: '**/*',
      exclude: '{**/.git,**/node_modules,**/dist/**}',
    });
    assert.deepEqual(scanGlobs([], {}, undefined, []), { include: '**/*', exclude: null });
  });
});

describe('ui/explorer library filter argument', () => {
  it('applies the given fields over the current filter', () => {
    const first = filterFromArg({ text: 'sneaker', sort: 'oldest' });
    assert.ok(!(first instanceof VodError));
    assert.equal(first.match.text, 'sneaker');
    assert.equal(first.sortBy, 'CreationTime:Asc');
    const second = filterFromArg({ statuses: ['Normal'] }, first);
    assert.ok(!(second instanceof VodError));
    assert.equal(second.match.text, 'sneaker');
    assert.deepEqual(second.match.statuses, ['Normal']);
    assert.equal(second.sortBy, 'CreationTime:Asc');
  });

  it('starts over with clear, and clears a category with null and a date bound with an empty string', () => {
    const current = filterFromArg({ text: 'x', categoryId: 7, createdFrom: '2024-01-01' });
    assert.ok(!(current instanceof VodError));
    const cleared = filterFromArg({ categoryId: null, createdFrom: '' }, current);
    assert.ok(!(cleared instanceof VodError));
    assert.equal(cleared.match.categoryId, undefined);
    assert.equal(cleared.match.createdFrom, undefined);
    assert.equal(cleared.match.text, 'x');
    const fresh = filterFromArg({ clear: true, groupByCategory: true }, current);
    assert.ok(!(fresh instanceof VodError));
    assert.equal(isFiltering(fresh), false);
    assert.equal(fresh.groupByCategory, true);
  });

  it('rejects what is not a filter, and filters buildMatch rejects', () => {
    assert.ok(filterFromArg('sneaker') instanceof VodError);
    assert.ok(filterFromArg({ sort: 'sideways' }) instanceof VodError);
    assert.ok(filterFromArg({ statuses: ["Normal') or ('1"] }) instanceof VodError);
    assert.ok(filterFromArg({ createdFrom: '2024-06-02', createdTo: '2024-06-01' }) instanceof VodError);
  });

  it('knows when a filter narrows the listing', () => {
    assert.equal(isFiltering(EMPTY_FILTER), false);
    const f = filterFromArg({ text: '  ' });
    assert.ok(!(f instanceof VodError));
    assert.equal(isFiltering(f), false);
  });

  it('reads from..to ranges with open ends', () => {
    assert.deepEqual(parseDateRange('2024-01-01..2024-06-30'), { from: '2024-01-01', to: '2024-06-30' });
    assert.deepEqual(parseDateRange('..2024-06-30'), { from: undefined, to: '2024-06-30' });
    assert.equal(parseDateRange('2024-01-01'), undefined);
  });
});

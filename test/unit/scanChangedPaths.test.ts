import { strict as assert } from 'node:assert';
import { fromListing, sortChanges, type ChangeQueries, type PathKind } from '../../src/vod/scan/changedPaths';

/** A fake file system: files (included or not) and the folders they imply; counts every question. */
function fakeTree(included: readonly string[], excluded: readonly string[] = []) {
  const all = [...included, ...excluded];
  const folders = new Set(all.flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  const calls = { kind: 0, includes: 0, includedUnder: 0, includedAll: 0 };
  const queries: ChangeQueries = {
    kind: async (path): Promise<PathKind> => {
      calls.kind++;
      return all.includes(path) ? 'file' : folders.has(path) ? 'folder' : 'gone';
    },
    includes: async (path) => {
      calls.includes++;
      return path.includes('[') ? undefined : included.includes(path);
    },
    includedUnder: async (folder) => {
      calls.includedUnder++;
      return included.filter((f) => f.startsWith(`${folder}/`));
    },
    includedAll: async () => {
      calls.includedAll++;
      return included;
    },
  };
  return { queries, calls };
}

const sorted = (x: { files: readonly string[]; gone: readonly string[] }) => ({ files: [...x.files].sort(), gone: [...x.gone].sort() });

describe('vod/scan what an incremental rescan does with changed paths (sortChanges)', () => {
  const included = ['f:///w/a.md', 'f:///w/new/b.md', 'f:///w/new/deep/c.md', 'f:///w/other/d.md'];
  const excluded = ['f:///w/node_modules/x.js', 'f:///w/new/skip.bin'];

  it('a few paths are asked about one by one: files read, excluded and deleted ones forgotten, a new folder stands for its files', async () => {
    const { queries, calls } = fakeTree(included, excluded);
    const result = await sortChanges(['f:///w/a.md', 'f:///w/node_modules/x.js', 'f:///w/gone.md', 'f:///w/new', 'f:///w/a.md'], queries);
    assert.deepEqual(sorted(result), {
      files: ['f:///w/a.md', 'f:///w/new/b.md', 'f:///w/new/deep/c.md'],
      gone: ['f:///w/gone.md', 'f:///w/node_modules/x.js'],
    });
    assert.equal(calls.includedAll, 0, 'no listing of the whole workspace for four paths');
    assert.equal(calls.kind, 4, 'each path asked about once');
  });

  it('a burst of changes is answered by one listing, with the same answer', async () => {
    const { queries, calls } = fakeTree(included, excluded);
    const burst = [
      ...Array.from({ length: 5000 }, (_, i) => `f:///w/deleted-${i}.md`),
      'f:///w/a.md',
      'f:///w/node_modules/x.js',
      'f:///w/new',
    ];
    const result = await sortChanges(burst, queries);
    assert.equal(calls.includedAll, 1);
    assert.equal(calls.kind + calls.includes + calls.includedUnder, 0, 'no question per path');
    assert.deepEqual(sorted(result).files, ['f:///w/a.md', 'f:///w/new/b.md', 'f:///w/new/deep/c.md']);
    assert.equal(result.gone.length, 5001);
    assert.ok(result.gone.includes('f:///w/node_modules/x.js'));
  });

  it('falls back to one listing when a path cannot be asked about on its own', async () => {
    const { queries, calls } = fakeTree([...included, 'f:///w/[draft].md']);
    const result = await sortChanges(['f:///w/[draft].md', 'f:///w/a.md'], queries);
    assert.equal(calls.includedAll, 1);
    assert.deepEqual(sorted(result), { files: ['f:///w/[draft].md', 'f:///w/a.md'], gone: [] });
  });

  it('the two ways agree on a folder with nothing included in it: forgotten', async () => {
    const { queries } = fakeTree(included, excluded);
    const one = await sortChanges(['f:///w/node_modules'], queries);
    const listed = await sortChanges(['f:///w/node_modules'], queries, 0);
    assert.deepEqual(sorted(one), { files: [], gone: ['f:///w/node_modules'] });
    assert.deepEqual(sorted(listed), sorted(one));
  });

  it('fromListing matches folders by whole path segments', () => {
    const result = fromListing(['f:///w/new'], ['f:///w/new/b.md', 'f:///w/newer/x.md', 'f:///w/new.md']);
    assert.deepEqual(sorted(result), { files: ['f:///w/new/b.md'], gone: [] });
  });
});

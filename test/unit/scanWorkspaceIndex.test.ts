/**
 * WorkspaceIndex: per-file replacement and removal keep both directions (ID → occurrences, file →
 * IDs) consistent with a from-scratch rebuild, and change events name exactly what changed.
 */
import { seededRandom } from './support/randomInputs';
import assert from 'node:assert/strict';
import { MAX_INDEX_IDS, WorkspaceIndex, type IndexChange } from '../../src/vod/scan/workspaceIndex';
import type { TextOccurrence } from '../../src/vod/scan/scanText';

const A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const C = 'cccccccccccccccccccccccccccccccc';

const at = (id: string, line: number, character = 0): TextOccurrence => ({ id, line, character, length: id.length });

function recorder(index: WorkspaceIndex): IndexChange[] {
  const changes: IndexChange[] = [];
  index.onDidChange((change) => changes.push({ ids: [...change.ids].sort(), files: [...change.files].sort() }));
  return changes;
}

describe('scan: WorkspaceIndex', () => {
  it('groups occurrences by ID across files, sorted by file then position', () => {
    const index = new WorkspaceIndex();
    index.replaceFile('src/b.ts', [at(A, 3, 4), at(B, 5)]);
    index.replaceFile('README.md', [at(A, 1), at(A, 9, 2)]);
    assert.deepEqual(index.ids().sort(), [A, B]);
    assert.deepEqual(index.occurrencesOf(A), [
      { file: 'README.md', line: 1, character: 0, length: 32 },
      { file: 'README.md', line: 9, character: 2, length: 32 },
      { file: 'src/b.ts', line: 3, character: 4, length: 32 },
    ]);
    assert.equal(index.refCount(A), 3);
    assert.equal(index.refCount(B), 1);
    assert.equal(index.refCount(C), 0);
    assert.deepEqual(index.occurrencesOf(C), []);
    assert.equal(index.firstOccurrenceOf(C), undefined);
    assert.deepEqual(index.idsInFile('src/b.ts'), [A, B]);
  });

  it('replacing a file drops IDs it no longer holds and keeps other files intact', () => {
    const index = new WorkspaceIndex();
    index.replaceFile('a.ts', [at(A, 0), at(B, 1)]);
    index.replaceFile('b.ts', [at(B, 0)]);
    const changes = recorder(index);
    index.replaceFile('a.ts', [at(C, 2)]);
    assert.deepEqual(index.ids().sort(), [B, C]);
    assert.equal(index.has(A), false);
    assert.deepEqual(index.occurrencesOf(B), [{ file: 'b.ts', line: 0, character: 0, length: 32 }]);
    assert.deepEqual(changes, [{ ids: [A, B, C], files: ['a.ts'] }]);
  });

  it('emits nothing when a rescan finds the same occurrences', () => {
    const index = new WorkspaceIndex();
    index.replaceFile('a.ts', [at(A, 0), at(A, 4)]);
    const changes = recorder(index);
    index.replaceFile('a.ts', [at(A, 0), at(A, 4)]);
    assert.deepEqual(changes, []);
    index.replaceFile('a.ts', [at(A, 0), at(A, 5)]);
    assert.deepEqual(changes, [{ ids: [A], files: ['a.ts'] }]);
  });

  it('removes files, one or by folder prefix', () => {
    const index = new WorkspaceIndex();
    index.replaceFile('pkg/a.ts', [at(A, 0)]);
    index.replaceFile('pkg/sub/b.ts', [at(B, 0)]);
    index.replaceFile('pkg2/c.ts', [at(C, 0)]);
    index.replaceFile('empty.ts', []);
    assert.equal(index.fileCount, 3, 'a file without IDs costs no entry');
    assert.equal(index.hasFile('empty.ts'), false);
    const changes = recorder(index);
    index.removeFilesUnder('pkg/');
    assert.deepEqual(index.ids(), [C]);
    assert.deepEqual(changes, [{ ids: [A, B], files: ['pkg/a.ts', 'pkg/sub/b.ts'] }]);
    index.removeFile('pkg2/c.ts');
    index.removeFile('never-indexed.ts');
    assert.equal(index.idCount, 0);
    index.clear();
    assert.equal(index.fileCount, 0);
  });

  it('folds the updates of a batch into one event', () => {
    const index = new WorkspaceIndex();
    const changes = recorder(index);
    index.batch(() => {
      index.replaceFile('a.ts', [at(A, 0)]);
      index.batch(() => index.replaceFile('b.ts', [at(B, 0)]));
      index.replaceFile('c.ts', [at(A, 1)]);
    });
    assert.deepEqual(changes, [{ ids: [A, B], files: ['a.ts', 'b.ts', 'c.ts'] }]);
  });

  it('agrees with the files\' current occurrences after a random sequence of updates', () => {
    const ids = [A, B, C];
    const files = ['a', 'b', 'c', 'd', 'e'];
    let seed = 42;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const index = new WorkspaceIndex();
    const truth = new Map<string, TextOccurrence[]>();
    for (let step = 0; step < 2000; step++) {
      const file = files[random(files.length)]!;
      if (random(5) === 0) {
        index.removeFile(file);
        truth.delete(file);
      } else {
        const occurrences = Array.from({ length: random(4) }, (_, i) => at(ids[random(3)]!, i, random(3)));
        index.replaceFile(file, occurrences);
        truth.set(file, occurrences);
      }
      // The reference, computed directly from the files' current occurrences.
      const sortedFiles = [...truth.keys()].sort();
      for (const id of ids) {
        const expected = sortedFiles.flatMap((f) =>
          truth.get(f)!.filter((o) => o.id === id).map(({ line, character, length }) => ({ file: f, line, character, length })),
        );
        assert.deepEqual(index.occurrencesOf(id), expected, `step ${step}`);
        assert.deepEqual(index.firstOccurrenceOf(id), expected[0], `step ${step}: the first occurrence without the list`);
        assert.equal(index.refCount(id), expected.length);
      }
      assert.deepEqual(index.ids().sort(), ids.filter((id) => [...truth.values()].some((o) => o.some((x) => x.id === id))));
    }
  });

  it('keeps notifying the other listeners when one throws, and stops after dispose', () => {
    const index = new WorkspaceIndex();
    const seen: number[] = [];
    index.onDidChange(() => {
      throw new Error('disposed view');
    });
    const subscription = index.onDidChange(() => seen.push(1));
    index.replaceFile('a.ts', [at(A, 0)]);
    subscription.dispose();
    index.replaceFile('b.ts', [at(B, 0)]);
    assert.deepEqual(seen, [1]);
  });
});

describe('scan: WorkspaceIndex memory bounds', () => {
  const hexId = (n: number): string => n.toString(16).padStart(32, '0');
  const manyIds = (count: number, from = 0): TextOccurrence[] => Array.from({ length: count }, (_, i) => at(hexId(from + i), i));

  it('keeps at most MAX_INDEX_IDS distinct IDs of a repository full of MD5-like strings, and says it stopped', () => {
    const index = new WorkspaceIndex();
    index.replaceFile('hashes-1.txt', manyIds(60_000));
    index.replaceFile('hashes-2.txt', manyIds(40_000, 60_000));
    assert.equal(index.idCount, MAX_INDEX_IDS);
    assert.equal(index.limitReached, true);
    index.removeFile('hashes-2.txt');
    assert.equal(index.limitReached, true, 'hashes-1.txt still has IDs left out');
    index.clear();
    assert.equal(index.limitReached, false);
    assert.equal(index.idCount, 0);
  });

  it('bounds the occurrences kept, and still updates what it keeps', () => {
    const index = new WorkspaceIndex({ maxIds: 10, maxOccurrences: 50 });
    index.replaceFile('a.txt', manyIds(30));
    assert.equal(index.idCount, 10);
    assert.equal(index.limitReached, true);
    const repeated = Array.from({ length: 60 }, (_, i) => at(A, i));
    index.replaceFile('b.txt', repeated);
    assert.equal(index.has(A), false, 'an ID whose occurrences do not fit is left out');
    index.removeFile('a.txt');
    index.replaceFile('c.txt', [at(B, 1), at(B, 2)]);
    assert.equal(index.refCount(B), 2, 'space freed by a removed file is used again');
  });

  it('at the ID bound, an edit that swaps a file\'s only ID for a new one keeps the new one: the old one frees its place', () => {
    const index = new WorkspaceIndex({ maxIds: 2 });
    index.replaceFile('a.ts', [at(A, 0)]);
    index.replaceFile('b.ts', [at(B, 0)]);
    index.replaceFile('a.ts', [at(C, 0)]);
    assert.deepEqual(index.ids().sort(), [B, C]);
    assert.equal(index.limitReached, false);
    // An ID another file still holds frees nothing.
    index.replaceFile('c.ts', [at(B, 3)]);
    index.replaceFile('c.ts', [at(A, 0)]);
    assert.deepEqual(index.ids().sort(), [B, C]);
    assert.equal(index.limitReached, true);
  });
});

describe('WorkspaceIndex.firstOccurrenceOf (kept up to date, not recomputed)', () => {
  it('always equals the first of occurrencesOf, through random replacements and removals', () => {
    const next = seededRandom(7);
    const random = (n: number): number => Math.floor(next() * n);
    const ids = Array.from({ length: 12 }, (_, i) => i.toString(16).padStart(32, 'a'));
    const files = Array.from({ length: 30 }, (_, i) => `file:///w/${'abc'[i % 3]}/${i % 2 ? 'x/' : ''}${i}.md`);
    const index = new WorkspaceIndex();
    for (let step = 0; step < 3000; step++) {
      const file = files[random(files.length)]!;
      const op = random(10);
      if (op === 0) index.removeFile(file);
      else if (op === 1) index.removeFilesUnder(['file:///w/', 'file:///w/a/', 'file:///w/b/x/', 'file:///w/c/'][random(4)]!);
      else {
        const occurrences: TextOccurrence[] = Array.from({ length: random(4) }, () => ({ id: ids[random(ids.length)]!, line: random(50), character: random(80), length: 32 }));
        index.replaceFile(file, occurrences.sort((a, b) => a.line - b.line || a.character - b.character));
      }
      const id = ids[random(ids.length)]!;
      assert.deepEqual(index.firstOccurrenceOf(id), index.occurrencesOf(id)[0], `step ${step}, ${id}`);
    }
  });
});

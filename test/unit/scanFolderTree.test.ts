import * as assert from 'node:assert/strict';
import { FolderTree } from '../../src/vod/scan/folderTree';
import { WorkspaceIndex } from '../../src/vod/scan/workspaceIndex';
import { seededRandom } from './support/randomInputs';

describe('scan: FolderTree', () => {
  it('finds the files below a folder, and only those (not pkg2/ for pkg)', () => {
    const tree = new FolderTree();
    for (const file of ['file:///w/pkg/a.ts', 'file:///w/pkg/sub/deep/b.ts', 'file:///w/pkg2/c.ts', 'file:///w/d.ts']) tree.add(file);
    assert.deepEqual(tree.filesUnder('file:///w/pkg').sort(), ['file:///w/pkg/a.ts', 'file:///w/pkg/sub/deep/b.ts']);
    assert.deepEqual(tree.filesUnder('file:///w/pkg/a.ts'), [], 'a file is not a folder');
    assert.deepEqual(tree.filesUnder('file:///w/none'), []);
    tree.delete('file:///w/pkg/sub/deep/b.ts');
    assert.deepEqual(tree.filesUnder('file:///w/pkg/sub'), [], 'emptied folders go');
    assert.equal(tree.filesUnder('file:///w').length, 3);
  });

  it('agrees with testing every path, through random adds and deletes', () => {
    const random = seededRandom(11);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const segments = ['a', 'b', 'ab', 'a b', 'x.y'];
    const pathOf = (): string => `file:///w/${Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(segments)).join('/')}`;
    const tree = new FolderTree();
    const truth = new Set<string>();
    for (let step = 0; step < 5000; step++) {
      const path = pathOf();
      if (random() < 0.6) {
        // A path is a file or a folder, not both: like a file system.
        if ([...truth].some((f) => f.startsWith(`${path}/`) || path.startsWith(`${f}/`))) continue;
        tree.add(path);
        truth.add(path);
      } else {
        tree.delete(path);
        truth.delete(path);
      }
      const folder = pathOf();
      const expected = [...truth].filter((f) => f.startsWith(`${folder}/`)).sort();
      assert.deepEqual(tree.filesUnder(folder).sort(), expected, `step ${step}, ${folder}`);
    }
  });
});

describe('scan: WorkspaceIndex keeps only files with IDs', () => {
  const id = (n: number): string => n.toString(16).padStart(32, '0');
  const at = (i: number) => ({ id: id(i), line: 0, character: 0, length: 32 });

  it('forgets a file once it holds no ID, and says the bounds bit until a full scan begins again', () => {
    const index = new WorkspaceIndex({ maxIds: 1 });
    index.replaceFile('file:///w/a.ts', [at(1)]);
    index.replaceFile('file:///w/pkg/b.ts', [at(2)]);
    assert.equal(index.limitReached, true, 'b.ts holds an ID past the bound');
    assert.deepEqual(index.knownFiles(), ['file:///w/a.ts'], 'b.ts holds no indexed ID: no entry');
    index.removeFilesUnder('file:///w/pkg/');
    assert.equal(index.limitReached, true, 'still said until a full scan reads every file again');
    index.rescanning();
    index.replaceFile('file:///w/a.ts', [at(1)]);
    assert.equal(index.limitReached, false, 'the full scan found nothing past the bounds');
    index.replaceFile('file:///w/a.ts', []);
    assert.equal(index.fileCount, 0);
    assert.deepEqual(index.knownFiles(), []);
  });

  it('forgets a folder\'s files but those it is told to keep, and announces only what it dropped', () => {
    const index = new WorkspaceIndex();
    index.replaceFile('file:///w/pkg/a.ts', [at(1)]);
    index.replaceFile('file:///w/pkg/sub/b.ts', [at(2)]);
    index.replaceFile('file:///w/pkg2/c.ts', [at(3)]);
    const announced: string[] = [];
    index.onDidChange((change) => announced.push(...change.ids));
    index.removeFilesUnder('file:///w/pkg/', new Set(['file:///w/pkg/sub/b.ts']));
    assert.deepEqual(index.knownFiles().sort(), ['file:///w/pkg/sub/b.ts', 'file:///w/pkg2/c.ts']);
    assert.deepEqual(announced, [id(1)]);
  });
});

/**
 * The explorer's shortcut for ripgrep's paths must spell every file exactly as `Uri.joinPath(...)
 * .toString()` does: the index is keyed by that string, and the file watcher's events look files up by it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childUriFactory } from '../../src/ui/explorer/childUri';

const RELATIVE = [
  'src/a.ts',
  'pkg0/mod3/file12.json',
  'level0/level1/level2/deep-name_x~y.min.js',
  'a b/c.ts',
  'émoji/😀.md',
  'hash#x/q?y.md',
  'percent%20/a.ts',
  'colon:x/a.ts',
  'x/./y.ts',
  'x/../y.ts',
  '.hidden/.env',
  '..dots/a..b',
  'a//b.ts',
  'trailing/',
  '[brackets]/{braces}/a.ts',
  "quote'/a.ts",
  'UPPER/Case.TS',
];

const FOLDERS = ['file:///home/user/work', 'file:///home/user/my%20project', 'file:///c%3A/Users/x', 'file:///', 'vscode-remote://ssh-remote%2Bbox/home/u/repo'];

describe('explorer: file URIs from ripgrep paths', () => {
  it('spell every path as Uri.joinPath().toString() does', () => {
    for (const folderText of FOLDERS) {
      const folder = vscode.Uri.parse(folderText, true);
      const child = childUriFactory(folder);
      for (const relative of RELATIVE) {
        assert.equal(child(relative), vscode.Uri.joinPath(folder, relative).toString(), `${folderText} + ${relative}`);
      }
    }
  });
});

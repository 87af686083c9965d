/**
 * The core scanner's FileSource over the editor's file system: files listed by
 * `workspace.findFiles` (so remote and virtual workspaces work too), sizes from `workspace.fs.stat`
 * asked for a batch at a time, bytes from `workspace.fs.readFile`. Paths are URI strings.
 */
import * as vscode from 'vscode';
import type { FileSource, ScanFileEntry } from '../../vod/scan/fileScanner';

/** Stats in flight at once while listing. */
const STAT_BATCH = 32;

export function workspaceFileSource(uris: () => Promise<readonly vscode.Uri[]>): FileSource {
  return {
    list: () => listWithSizes(uris),
    read: async (path) => vscode.workspace.fs.readFile(vscode.Uri.parse(path, true)),
  };
}

async function* listWithSizes(uris: () => Promise<readonly vscode.Uri[]>): AsyncGenerator<ScanFileEntry> {
  const all = await uris();
  for (let i = 0; i < all.length; i += STAT_BATCH) {
    const batch = all.slice(i, i + STAT_BATCH);
    const sizes = await Promise.all(batch.map((uri) => sizeOf(uri)));
    for (let k = 0; k < batch.length; k++) {
      const size = sizes[k];
      // Gone since it was listed, or not a plain file: nothing to scan.
      if (size !== undefined) yield { path: batch[k]!.toString(), size };
    }
  }
}

async function sizeOf(uri: vscode.Uri): Promise<number | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return stat.type & vscode.FileType.File ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

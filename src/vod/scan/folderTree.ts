/**
 * The files the workspace index knows, by folder, so that a deleted folder finds its files by walking
 * its own subtree instead of testing every indexed path: a branch switch reports thousands of deleted
 * paths, and each test of 200,000 paths cost the host tens of ms (see WorkspaceIndex.removeFilesUnder).
 *
 * Paths are `/`-separated (URIs, or ripgrep's relative paths); a path's folder is what precedes its
 * last `/`. A folder stays only while it holds a file somewhere below it.
 */
interface Folder {
  readonly files: Set<string>;
  readonly folders: Set<string>;
}

export class FolderTree {
  private readonly folders = new Map<string, Folder>();

  add(file: string): void {
    let child = file;
    let isFile = true;
    for (let parent = parentOf(child); parent !== undefined; parent = parentOf(child)) {
      let folder = this.folders.get(parent);
      const existed = folder !== undefined;
      if (!folder) {
        folder = { files: new Set(), folders: new Set() };
        this.folders.set(parent, folder);
      }
      (isFile ? folder.files : folder.folders).add(child);
      // An existing folder is already linked to its parents.
      if (existed) return;
      child = parent;
      isFile = false;
    }
  }

  delete(file: string): void {
    let child = file;
    let isFile = true;
    for (let parent = parentOf(child); parent !== undefined; parent = parentOf(child)) {
      const folder = this.folders.get(parent);
      if (!folder) return;
      (isFile ? folder.files : folder.folders).delete(child);
      if (folder.files.size > 0 || folder.folders.size > 0) return;
      this.folders.delete(parent);
      child = parent;
      isFile = false;
    }
  }

  /** Every file below `folder` (no trailing `/`), at any depth. */
  filesUnder(folder: string): string[] {
    const files: string[] = [];
    const stack = [folder];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const node = this.folders.get(next);
      if (!node) continue;
      // Loops, not spreads: a folder of 100,000 files would overflow the argument stack.
      for (const file of node.files) files.push(file);
      for (const child of node.folders) stack.push(child);
    }
    return files;
  }
}

function parentOf(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? undefined : path.slice(0, slash);
}

/**
 * A small stand-in for the `vscode` module, enough to drive ScanController in plain Node over a real
 * temporary folder: real files through node:fs, the editor's ripgrep (code-server's, as the test host
 * installs it, else `rg` on PATH) behind a fake `appRoot`, watcher events fired by the test. For races
 * the real editor cannot stage on demand (a settings change mid-scan); what the editor itself does is
 * covered by the integration suites in a real extension host. Import this before anything that imports
 * `vscode`.
 */
import Module from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { globRegExp } from '../../../src/vod/scan/excludedFolder';

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners = new Set<Listener<T>>();
  event = (listener: Listener<T>) => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

const encodePath = (p: string): string => p.replace(/[^A-Za-z0-9\-._~/]/g, (c) => encodeURIComponent(c));

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(fsPath: string): Uri {
    return new Uri('file', fsPath);
  }
  static parse(value: string, _strict?: boolean): Uri {
    const m = /^([a-z-]+):\/\/([^/]*)(\/.*)?$/.exec(value);
    if (!m) throw new Error(`cannot parse ${value}`);
    return new Uri(m[1]!, decodeURIComponent(m[3] ?? '/'));
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, nodePath.posix.join(base.path, ...parts));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${encodePath(this.path)}`;
  }
}

export interface FakeFolder {
  readonly uri: Uri;
  readonly name: string;
  readonly index: number;
}

/** Everything a test controls or observes. */
export const fake = {
  folders: [] as FakeFolder[],
  /** Set for a multi-root workspace (a .code-workspace file), as VS Code does. */
  workspaceFile: undefined as Uri | undefined,
  /** Every warning shown with window.showWarningMessage. */
  warnings: [] as string[],
  config: { files: { exclude: {} as Record<string, unknown> }, search: { exclude: {} as Record<string, unknown> } },
  /** A folder's own settings (its .vscode/settings.json in a multi-root workspace), by folder path. */
  folderConfig: new Map<string, { files?: { exclude?: Record<string, unknown> }; search?: { exclude?: Record<string, unknown> }; vodImages?: Record<string, unknown> }>(),
  appRoot: undefined as string | undefined,
  watchers: [] as { create: EventEmitter<Uri>; change: EventEmitter<Uri>; delete: EventEmitter<Uri> }[],
  configListeners: new EventEmitter<{ affectsConfiguration(k: string): boolean }>(),
  foldersListeners: new EventEmitter<unknown>(),
  /** Awaited by readFile before it reads (a test can hold a read). */
  beforeRead: undefined as ((path: string) => Promise<void>) | undefined,
};

/** An `appRoot` whose node_modules/@vscode/ripgrep/bin/rg is the editor's ripgrep (undefined without one). */
export function appRootWithRipgrep(): string | undefined {
  const shipped = nodePath.join(__dirname, '..', '..', 'host', 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  const onPath = (process.env.PATH ?? '').split(nodePath.delimiter).map((dir) => nodePath.join(dir, 'rg'));
  const rg = [shipped, ...onPath].find((p) => existsSync(p));
  if (!rg) return undefined;
  const root = mkdtempSync(nodePath.join(tmpdir(), 'fake-approot-'));
  mkdirSync(nodePath.join(root, 'node_modules', '@vscode', 'ripgrep', 'bin'), { recursive: true });
  symlinkSync(rg, nodePath.join(root, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
  return root;
}

function folderOf(uri: Uri): FakeFolder | undefined {
  let best: FakeFolder | undefined;
  for (const f of fake.folders) {
    if (uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path}/`)) if (!best || f.uri.path.length > best.uri.path.length) best = f;
  }
  return best;
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = nodePath.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

/** `{a,b}` or one glob, matched against the path relative to the workspace folder (and its folders above). */
function globMatcher(glob: string | null | undefined): (relative: string) => boolean {
  if (!glob) return () => false;
  const parts = glob.startsWith('{') && glob.endsWith('}') ? glob.slice(1, -1).split(',') : [glob];
  const res = parts.map((g) => globRegExp(g)!);
  return (relative) => {
    const segs = relative.split('/');
    for (let d = 1; d <= segs.length; d++) if (res.some((r) => r.test(segs.slice(0, d).join('/')))) return true;
    return false;
  };
}

export class RelativePattern {
  constructor(
    readonly baseUri: FakeFolder,
    readonly pattern: string,
  ) {}
}

const vscode = {
  EventEmitter,
  Uri,
  RelativePattern,
  FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
  CancellationTokenSource: class {
    token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
    cancel(): void {
      this.token.isCancellationRequested = true;
    }
    dispose(): void {}
  },
  // Named values (`{name}`, one object) or positional ones (`{0}`, `{1}`, …), as VS Code's l10n.t takes them.
  l10n: {
    t: (template: string, ...args: unknown[]) => {
      const values = (args.length === 1 && typeof args[0] === 'object' && args[0] !== null ? args[0] : args) as Record<string, unknown>;
      return template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));
    },
  },
  env: {
    get appRoot() {
      return fake.appRoot;
    },
  },
  window: {
    showWarningMessage: async (message: string) => void fake.warnings.push(message),
    withProgress: (_options: unknown, task: (p: unknown, t: unknown) => Promise<unknown>) => task({ report() {} }, {}),
  },
  workspace: {
    isTrusted: true,
    get workspaceFile() {
      return fake.workspaceFile;
    },
    get workspaceFolders() {
      return fake.folders;
    },
    getWorkspaceFolder: (uri: Uri) => folderOf(uri),
    asRelativePath: (uri: Uri) => {
      const f = folderOf(uri);
      return f ? nodePath.posix.relative(f.uri.path, uri.path) : uri.path;
    },
    // Object settings merge across levels, as in VS Code: a folder's values over the workspace's; other
    // values (arrays too) are replaced.
    getConfiguration: (section: 'files' | 'search' | 'vodImages', scope?: Uri) => {
      const folder = scope ? folderOf(scope) : undefined;
      const ownValue = (key: string): unknown => (folder ? (fake.folderConfig.get(folder.uri.path)?.[section] as Record<string, unknown> | undefined)?.[key] : undefined);
      return {
        get: (key: string) => {
          const workspace = ((fake.config as Record<string, unknown>)[section] as Record<string, unknown> | undefined)?.[key];
          const own = ownValue(key);
          if (own === undefined) return workspace;
          const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
          return isObject(own) && isObject(workspace) ? { ...(workspace as object), ...(own as object) } : own;
        },
        inspect: (key: string) => ({ key, workspaceFolderValue: ownValue(key) }),
      };
    },
    onDidGrantWorkspaceTrust: () => ({ dispose() {} }),
    onDidChangeWorkspaceFolders: (l: Listener<unknown>) => fake.foldersListeners.event(l),
    onDidChangeConfiguration: (l: Listener<{ affectsConfiguration(k: string): boolean }>) => fake.configListeners.event(l),
    onDidSaveTextDocument: () => ({ dispose() {} }),
    createFileSystemWatcher: () => {
      const w = { create: new EventEmitter<Uri>(), change: new EventEmitter<Uri>(), delete: new EventEmitter<Uri>() };
      fake.watchers.push(w);
      return { onDidCreate: w.create.event, onDidChange: w.change.event, onDidDelete: w.delete.event, dispose() {} };
    },
    findFiles: async (include: string | RelativePattern, exclude: string | null | undefined, max?: number) => {
      const excluded = globMatcher(exclude);
      const out: Uri[] = [];
      const roots = include instanceof RelativePattern ? [include.baseUri] : fake.folders;
      const included = include instanceof RelativePattern ? globMatcher(include.pattern) : include === '**/*' ? () => true : globMatcher(include);
      for (const folder of roots) {
        const files: string[] = [];
        try {
          walk(folder.uri.fsPath, files);
        } catch {
          continue;
        }
        for (const file of files.sort()) {
          const rel = nodePath.posix.relative(folder.uri.path, file);
          if (included(rel) && !excluded(rel)) out.push(Uri.file(file));
        }
      }
      return out.slice(0, max ?? Infinity);
    },
    fs: {
      stat: async (uri: Uri) => {
        const s = await stat(uri.fsPath);
        return { type: s.isDirectory() ? 2 : s.isFile() ? 1 : 0, size: s.size, ctime: 0, mtime: 0 };
      },
      readFile: async (uri: Uri) => {
        await fake.beforeRead?.(uri.toString());
        return new Uint8Array(await readFile(uri.fsPath));
      },
    },
  },
};

const M = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = M._resolveFilename;
M._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === 'vscode') return 'vscode';
  return original.call(this, request, ...rest);
};
require.cache['vscode'] = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode } as unknown as NodeJS.Module;

export function folder(fsPath: string, index = 0): FakeFolder {
  return { uri: Uri.file(fsPath), name: nodePath.basename(fsPath), index };
}

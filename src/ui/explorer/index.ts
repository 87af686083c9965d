/**
 * Builds the sidebar explorer (view `vodImages.explorer`) and its commands. Activation only creates
 * objects: the workspace scan starts when the view is first shown, and lookups when rows are.
 */
import * as vscode from 'vscode';
import { localizeError } from '../localize';
import { HoverThumbnails } from '../hover/thumbnails';
import type { Services } from '../services';
import { registerCommands } from './commands';
import { ExplorerTree } from './explorerTree';
import { Library } from './library';
import type { ExplorerNode } from './nodes';
import { SavedIds } from './savedIds';
import { ScanController } from './scanController';
import { SelectionTracker } from './selectionTracker';

/** What the integration tests read: the tree as the view sees it, and the scan behind This Workspace. */
export interface ExplorerTestApi {
  readonly tree: ExplorerTree;
  readonly view: vscode.TreeView<ExplorerNode>;
  /** Whether and how far the workspace was scanned, what it indexed, which scanner ran, and its seams for tests. */
  readonly scan: Pick<ScanController, 'state' | 'index' | 'beforeResultsLand' | 'useRipgrep' | 'lastEngine' | 'lastRescanEngine' | 'scan' | 'enqueue'>;
  /** Waits for scans, selection updates and lookups started so far. */
  settled(): Promise<void>;
}

export interface Explorer {
  readonly disposables: vscode.Disposable[];
  readonly testApi: ExplorerTestApi;
}

/**
 * The view itself is created by the activation shell (src/extension.ts), with a stand-in data provider
 * that `bind` points at the tree built here.
 */
export interface ShellView {
  readonly view: vscode.TreeView<unknown>;
  bind(tree: vscode.TreeDataProvider<unknown>): void;
}

/** `onIdsFound`: told when the workspace scan indexed at least one ID (the status bar waits for that). */
export function createExplorer(services: Services, shell: ShellView, onIdsFound?: () => void): Explorer {
  const saved = new SavedIds(services.context.globalState);
  const scan = new ScanController(services);
  const library = new Library(services);
  const thumbnails = new HoverThumbnails(() => services.thumbnails(), {
    notAnImage: vscode.l10n.t('the file is not a PNG, JPEG, GIF or WebP picture'),
    downloadFailed: vscode.l10n.t('the download failed'),
    describeError: localizeError,
  });
  let tree: ExplorerTree | undefined;
  const selection = new SelectionTracker(
    () => services.settings().idPattern,
    () => tree?.fireRootAnd(tree.sections.selection),
  );
  tree = new ExplorerTree({ services, scan, selection, saved, library, thumbnails });
  shell.bind(tree as vscode.TreeDataProvider<unknown>);
  // The shell's provider hands out exactly the nodes this tree produced.
  const view = shell.view as vscode.TreeView<ExplorerNode>;
  selection.setActive(view.visible);
  // The view's title names the active profile, so a window bound to another profile shows it at a glance.
  const describeSession = (): void => {
    const session = services.session();
    view.description = session.label === undefined ? undefined : `${session.boundToWorkspace ? '$(root-folder) ' : ''}${session.label} · ${session.region}`;
  };
  describeSession();
  const explorerTree = tree;
  return {
    disposables: [
      tree,
      scan,
      selection,
      scan.index.onDidChange(() => {
        if (scan.index.idCount > 0) onIdsFound?.();
      }),
      view.onDidChangeVisibility((e) => selection.setActive(e.visible)),
      scan.onDidChangeState((state) => void vscode.commands.executeCommand('setContext', 'vodImages.explorer.scanning', state.kind === 'scanning')),
      services.onDidChangeSession(() => {
        thumbnails.clear();
        describeSession();
      }),
      ...registerCommands({ services, tree, view, scan, saved, library }),
    ],
    testApi: { tree: explorerTree, view, scan, settled: () => explorerTree.settled() },
  };
}

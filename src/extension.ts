/**
 * The activation shell: the only code VS Code parses and runs at activation (issue 15: ≤ 5 ms). It
 * registers what must exist from the start, each a stand-in that loads the features bundle
 * (dist/main.js, src/main.ts) on first use:
 * - every contributed command (src/ui/shell/commandProxies.ts);
 * - the image hover and the signed-URL expiry hover, which load the features only when the pointer is
 *   on an ID or the line holds a signed URL;
 * - the details panel's serializer (a panel to restore after a reload);
 * - the explorer view, whose rows load the features when VS Code first asks for them (the view shown),
 *   with multi-select and a drop target for image files (src/ui/shell/uploadDrop.ts);
 * - the editor context key for the menus and the sign that a workspace uses VOD (`VodPresence`):
 *   small, and they are what notices an ID on screen.
 * A workspace known to use VOD, a stored profile or one bound to the workspace loads the features right after activation, off
 * its path: the status bar and the editor decorations have something to show there. A window that
 * never touches VOD never loads them.
 */
import * as vscode from 'vscode';
import { EditorIdContext } from './ui/editorIdContext';
import type { ExplorerTestApi } from './ui/explorer';
import type { Features } from './main';
import type { TestHooks } from './ui/auth/testHooks';
import { HOVER_SELECTOR } from './ui/hoverSelector';
import type { IntelTestHooks } from './ui/intel';
import { mayHoldBinding, mayHoldProfiles } from './ui/profileStateKey';
import { contributedCommandIds, registerCommandProxies } from './ui/shell/commandProxies';
import { idUnderPointer, lineHasSignedUrl } from './ui/shell/hoverTrigger';
import { LazyTree } from './ui/shell/lazyTree';
import { UploadDrop } from './ui/shell/uploadDrop';
import { EXPLORER_VIEW_ID, PANEL_VIEW_TYPE } from './ui/viewIds';
import { VodPresence } from './ui/vodPresence';

export interface ExtensionApi {
  /** Loads the features if they are not yet, and settles once all of them are registered. */
  readonly ready: Promise<void>;
  /** Present only in test and development hosts (reading it loads the features). */
  readonly testHooks?: TestHooks & { readonly intel?: IntelTestHooks; readonly editorHasImageId: () => boolean };
  /** The sidebar explorer's tree, for the integration tests; present only in test and development hosts, once ready. */
  readonly explorer?: ExplorerTestApi;
  /** Whether the features bundle has been loaded (the activation tests read it). */
  readonly featuresLoaded: boolean;
}

/**
 * `vodImages.idPattern`, read once and again only when it changes: the hover and the editor context key
 * ask on every hover and selection change.
 */
function watchIdPattern(): { readonly current: () => string; readonly watcher: vscode.Disposable } {
  const read = (): string => vscode.workspace.getConfiguration('vodImages').get<string>('idPattern') ?? '';
  let pattern = read();
  const watchers = [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('vodImages.idPattern')) pattern = read();
    }),
    // A restricted setting: granting trust may bring the workspace's value into effect.
    vscode.workspace.onDidGrantWorkspaceTrust(() => (pattern = read())),
  ];
  return { current: () => pattern, watcher: vscode.Disposable.from(...watchers) };
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const presence = new VodPresence(context.workspaceState);
  const idPattern = watchIdPattern();
  const editorIds = new EditorIdContext(idPattern.current, presence);
  let features: Features | undefined;
  const tree = new LazyTree<unknown>(() => void load());
  const view = vscode.window.createTreeView(EXPLORER_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true, dragAndDropController: new UploadDrop() });
  const commands = registerCommandProxies(contributedCommandIds(context.extension.packageJSON), () => load().ready);

  function load(): Features {
    if (features) return features;
    commands.dispose(); // the features register the real handlers under the same IDs
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startFeatures } = require('./main') as typeof import('./main');
    features = startFeatures(context, { presence, editorIds, explorer: { view, bind: (t) => tree.bind(t) } });
    return features;
  }

  context.subscriptions.push(
    idPattern.watcher,
    presence,
    editorIds,
    tree,
    view,
    commands,
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, {
      provideHover: (document, position, token) =>
        idUnderPointer(document.lineAt(position.line).text, position.character, idPattern.current()) ? load().imageHover.provideHover(document, position, token) : undefined,
    }),
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, {
      provideHover: async (document, position, token) => {
        if (!lineHasSignedUrl(document.lineAt(position.line).text)) return undefined;
        const f = load();
        await f.ready;
        return f.expiryHover()?.provideHover(document, position, token);
      },
    }),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => load().panelSerializer.deserializeWebviewPanel(panel, state),
    }),
  );

  if (presence.hasSeenIds || mayHoldProfiles(context.globalState) || mayHoldBinding(context.workspaceState)) setTimeout(load, 0);
  else context.subscriptions.push(presence.onDidSee(() => void load()));

  const testMode = context.extensionMode !== vscode.ExtensionMode.Production;
  return {
    get ready() {
      return load().ready;
    },
    get testHooks() {
      const hooks = testMode ? load().testHooks : undefined;
      return hooks && { ...hooks, editorHasImageId: () => editorIds.current() };
    },
    get explorer() {
      return testMode ? load().explorer() : undefined;
    },
    get featuresLoaded() {
      return features !== undefined;
    },
  };
}

export function deactivate(): void {}

// Loads dist/extension.js (the activation shell) in a plain Node process with a recording stand-in for
// `vscode`, activates it, then runs the scenario named by argv[2] and prints one JSON line of what
// happened. The shell's behaviour (what it registers, when it loads dist/main.js) is observable only
// at the module level, so it runs in a process of its own.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const { anything, disposable } = require('../../bench/noOpProxy.cjs');
const commands = new Map();
const log = [];


class EventEmitter {
  constructor() {
    this.listeners = [];
    this.event = (l) => (this.listeners.push(l), disposable);
  }
  fire(e) {
    for (const l of this.listeners) l(e);
  }
  dispose() {}
}

const hovers = [];
const vscode = {
  EventEmitter,
  Disposable: class { static from() { return disposable; } dispose() {} },
  l10n: { t: (m) => m, bundle: undefined },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  commands: {
    registerCommand(id, handler) {
      if (commands.has(id)) throw new Error(`command '${id}' already exists`);
      commands.set(id, handler);
      return { dispose: () => commands.get(id) === handler && commands.delete(id) };
    },
    async executeCommand(id, ...args) {
      if (id === 'setContext') return undefined;
      const handler = commands.get(id);
      if (!handler) throw new Error(`command '${id}' not found`);
      return handler(...args);
    },
  },
  languages: new Proxy({ registerHoverProvider: (_s, p) => (hovers.push(p), disposable) }, { get: (t, p) => (p in t ? t[p] : anything(`languages.${String(p)}`)) }),
  workspace: new Proxy({ getConfiguration: () => ({ get: () => undefined, inspect: () => undefined, has: () => false }), onDidChangeConfiguration: () => disposable }, { get: (t, p) => (p in t ? t[p] : anything(`workspace.${String(p)}`)) }),
};
for (const ns of ['window', 'env', 'Uri', 'CodeActionKind', 'CodeAction', 'Diagnostic', 'DiagnosticSeverity', 'TreeItemCollapsibleState', 'DecorationRangeBehavior', 'TreeItemCheckboxState', 'FileType', 'RelativePattern', 'MarkdownString', 'Hover', 'Range', 'Position', 'ViewColumn', 'ProgressLocation', 'QuickPickItemKind', 'InputBoxValidationSeverity', 'ThemeIcon', 'ThemeColor', 'TreeItem', 'CancellationTokenSource', 'TextEditorSelectionChangeKind', 'DataTransferItem', 'TreeItemLabel']) {
  vscode[ns] = anything(`vscode.${ns}`);
}
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const memento = (values) => ({ get: (k) => values[k], update: () => Promise.resolve(), keys: () => Object.keys(values), setKeysForSync() {} });
const scenario = process.argv[2];
const context = {
  subscriptions: [],
  extensionMode: 1,
  extensionUri: anything('extensionUri'),
  extensionPath: ROOT,
  extension: { packageJSON: require(path.join(ROOT, 'package.json')) },
  globalState: memento({}),
  workspaceState: memento(scenario === 'presence' ? { 'vodImages.workspaceUsesVod': true } : {}),
  secrets: { get: () => Promise.resolve(undefined), store: () => Promise.resolve(), delete: () => Promise.resolve(), onDidChange: () => disposable },
};

const mainLoaded = () => Object.keys(require.cache).some((f) => f.endsWith(`${path.sep}dist${path.sep}main.js`));
const doc = (line) => ({ lineAt: () => ({ text: line }), uri: anything('uri') });

(async () => {
  const api = require(path.join(ROOT, 'dist', 'extension.js')).activate(context);
  const out = { proxies: [...commands.keys()].sort(), loadedAtActivation: mainLoaded() };
  if (scenario === 'command') {
    // showLog's real handler shows the output channel; through the stand-in it must reach it.
    await commands.get('vodImages.showLog')();
    out.loadedAfterCommand = mainLoaded();
    out.registeredAfter = [...commands.keys()].sort();
  } else if (scenario === 'hover') {
    for (const p of hovers) await p.provideHover(doc('const x = 1; // nothing to see'), { line: 0, character: 8 }, anything('token'));
    out.loadedAfterPlainHover = mainLoaded();
    await hovers[0].provideHover(doc('image: 0123456789abcdef0123456789abcdef'), { line: 0, character: 12 }, anything('token')).catch(() => undefined);
    out.loadedAfterIdHover = mainLoaded();
  } else if (scenario === 'presence') {
    await new Promise((r) => setTimeout(r, 20));
    out.loadedSoonAfter = mainLoaded();
  }
  void api;
  process.stdout.write(JSON.stringify(out) + '\n');
  process.exit(0);
})().catch((e) => {
  process.stdout.write(JSON.stringify({ error: String(e && e.stack) }) + '\n');
  process.exit(0);
});

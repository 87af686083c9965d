// Measures one cold activation in a fresh process: `require(<bundle>)` then `activate(context)`, with
// a stand-in `vscode` module (every API call is a cheap no-op). Prints one JSON line.
//   node test/bench/activationProbe.cjs dist/extension.js
'use strict';
const Module = require('node:module');
const path = require('node:path');

const { anything, disposable } = require('./noOpProxy.cjs');


class EventEmitter {
  constructor() {
    this.event = () => disposable;
  }
  fire() {}
  dispose() {}
}

// esbuild's interop copies own keys, so every namespace the code touches must be a real key here.
const vscode = {
  EventEmitter,
  Disposable: class { static from() { return disposable; } dispose() {} },
  l10n: { t: (message, ...args) => String(message).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])) },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  commands: { registerCommand: () => disposable, executeCommand: () => Promise.resolve(undefined) },
  workspace: {
    onDidChangeConfiguration: () => disposable,
    getConfiguration: () => ({ get: () => undefined, inspect: () => undefined, has: () => false }),
  },
};
for (const ns of ['window', 'languages', 'env', 'Uri', 'CodeActionKind', 'CodeAction', 'Diagnostic', 'DiagnosticSeverity', 'TreeItemCollapsibleState', 'DecorationRangeBehavior', 'TreeItemCheckboxState', 'FileType', 'RelativePattern', 'MarkdownString', 'Hover', 'Range', 'Position', 'ViewColumn', 'ProgressLocation',
  'QuickPickItemKind', 'InputBoxValidationSeverity', 'ThemeIcon', 'ThemeColor', 'TreeItem', 'CancellationTokenSource']) {
  vscode[ns] = anything(`vscode.${ns}`);
}
// Namespaces given a few real members answer anything else with a no-op too.
for (const ns of ['workspace', 'commands']) {
  const real = vscode[ns];
  vscode[ns] = new Proxy(real, { get: (target, prop) => (prop in target ? target[prop] : anything(`vscode.${ns}.${String(prop)}`)) });
}

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const memento = { get: () => undefined, update: () => Promise.resolve(), keys: () => [], setKeysForSync() {} };
const context = {
  subscriptions: [],
  extensionMode: 1,
  extensionUri: anything('extensionUri'),
  extensionPath: path.resolve('.'),
  extension: { packageJSON: require(path.resolve('package.json')) },
  globalState: memento,
  workspaceState: memento,
  secrets: { get: () => Promise.resolve(undefined), store: () => Promise.resolve(), delete: () => Promise.resolve(), onDidChange: () => disposable },
};

// The real extension host has these loaded before any extension (it patches them for proxy support),
// so a bundle that merely imports one of them pays nothing there; preloading keeps the probe honest.
for (const builtin of ['net', 'tls', 'http', 'https', 'crypto', 'stream', 'os', 'fs', 'path']) require(`node:${builtin}`);

/** Modules undici loads when it is evaluated and the extension host does not preload. */
const UNDICI_SIGNS = /^NativeModule (http2|zlib|dns|worker_threads|perf_hooks)$/;
const bundle = path.resolve(process.argv[2] ?? 'dist/extension.js');
const networkingBefore = process.moduleLoadList.filter((m) => UNDICI_SIGNS.test(m)).length;
const t0 = process.hrtime.bigint();
const extension = require(bundle);
const t1 = process.hrtime.bigint();
const api = extension.activate(context);
const t2 = process.hrtime.bigint();
const networkingAfter = process.moduleLoadList.filter((m) => UNDICI_SIGNS.test(m)).length;
const undiciFiles = Object.keys(require.cache).filter((f) => /undici/.test(f));
const subscriptionsAtActivation = context.subscriptions.length;
const featuresLoadedAtActivation = Boolean(api && api.featuresLoaded);
// What the first use costs on top (reading `ready` loads the features bundle, the explorer and the
// editor intelligence): timed on its own, so the table shows both what blocks activation and what a
// window that uses VOD pays later.
const t2b = process.hrtime.bigint();
Promise.resolve(api && api.ready).then(() => {
  const t3 = process.hrtime.bigint();
  process.stdout.write(
    JSON.stringify({
      requireMs: Number(t1 - t0) / 1e6,
      activateMs: Number(t2 - t1) / 1e6,
      deferredMs: Number(t3 - t2b) / 1e6,
      featuresLoadedAtActivation,
      subscriptions: subscriptionsAtActivation,
      subscriptionsAfterReady: context.subscriptions.length,
      // undici evaluated during activation shows up as the builtins it pulls in, or as its own file.
      undiciLoaded: networkingAfter > networkingBefore || undiciFiles.length > 0,
    }) + '\n',
  );
});

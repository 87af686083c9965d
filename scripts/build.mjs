// Bundles the extension host code, the CLI and the webview client with esbuild.
// `--watch` keeps rebuilding; `--dev` skips minification.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const dev = process.argv.includes('--dev');

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: !dev,
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'info',
};

// undici (~470 KB minified) goes to its own file, required on the first request only: parsing it
// with the extension bundle would cost activation ~10 ms for a module activation never runs.
const undiciBeside = {
  name: 'undici-beside',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: './undici.js', external: true }));
  },
};

// undici carries its HTTP/1 parser twice, as a SIMD and a plain WebAssembly module (72 KB of base64
// each), and falls back to the plain one when the SIMD one does not compile (as on ppc64). Shipping only
// the plain one keeps the VSIX inside its 300 KB budget; our requests are small, so the SIMD speed-up is
// not worth the weight. The stand-in makes `new WebAssembly.Module(...)` throw, which undici catches.
//
// The plain parser itself ships as a binary file beside the bundle (dist/llhttp.wasm) instead of undici's
// base64 string: 19 KB instead of 24 KB inside the VSIX, and no 72 KB string for V8 to parse.
const plainHttpParser = {
  name: 'plain-http-parser',
  setup(build) {
    build.onResolve({ filter: /llhttp-wasm\.js$/ }, () => ({ path: 'llhttp-beside', namespace: 'plain-http-parser-file' }));
    build.onLoad({ filter: /.*/, namespace: 'plain-http-parser-file' }, () => ({
      contents: "module.exports = require('node:fs').readFileSync(require('node:path').join(__dirname, 'llhttp.wasm'));",
      loader: 'js',
    }));
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      const { createRequire } = await import('node:module');
      const { writeFile } = await import('node:fs/promises');
      const wasm = createRequire(import.meta.url)('undici/lib/llhttp/llhttp-wasm.js');
      await writeFile('dist/llhttp.wasm', wasm);
    });
    build.onResolve({ filter: /llhttp_simd-wasm\.js$/ }, () => ({ path: 'llhttp-simd-left-out', namespace: 'plain-http-parser' }));
    build.onLoad({ filter: /.*/, namespace: 'plain-http-parser' }, () => ({ contents: 'module.exports = null;', loader: 'js' }));
  },
};

// The temporary-credential sources (STS AssumeRole, instance metadata, credentials URI) go to their own
// file too, required on the first fetch only (src/vod/temporaryCredentials.ts): most sessions never load it.
const credentialSourcesBeside = {
  name: 'credential-sources-beside',
  setup(build) {
    build.onResolve({ filter: /\/credentialSources\/index$/ }, (args) =>
      args.kind === 'require-call' ? { path: './credential-sources.js', external: true } : undefined,
    );
  },
};

// The message catalog (src/vod/messageCatalog.ts, ~20 KB of English sentences) is one file beside the bundles
// that every one of them requires on the first sentence it renders (src/vod/messages.ts): inlined, the
// activation shell, the features, the credential sources and the CLI would each carry and parse a copy.
const catalogBeside = {
  name: 'message-catalog-beside',
  setup(build) {
    build.onResolve({ filter: /\/messageCatalog$/ }, (args) => (args.kind === 'require-call' ? { path: './message-catalog.js', external: true } : undefined));
  },
};

// The details page renders no catalog sentence (the host gives its form the problem templates it shows,
// PanelLabels.formProblems), but VodError's constructor can: there the catalog is empty, and the key shows.
const noCatalogInPage = {
  name: 'no-catalog-in-page',
  setup(build) {
    build.onResolve({ filter: /\/messageCatalog$/ }, (args) => (args.kind === 'require-call' ? { path: 'message-catalog', namespace: 'no-catalog' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'no-catalog' }, () => ({ contents: 'module.exports = { MESSAGES: {} };', loader: 'js' }));
  },
};

// The test hooks (they can read stored secrets) go to their own file, which .vscodeignore leaves out of
// the package: a packaged dist/extension.js holds no code that returns a secret. extension.ts requires
// them only in a test or development host.
const testHooksBeside = {
  name: 'test-hooks-beside',
  setup(build) {
    build.onResolve({ filter: /\/ui\/auth\/testHooks$/ }, (args) => (args.kind === 'require-call' ? { path: './test-hooks.js', external: true } : undefined));
  },
};

// The activation shell (src/extension.ts) requires the features (src/main.ts) on first use: they are a
// bundle of their own so that activation parses only the shell.
const featuresBeside = {
  name: 'features-beside',
  setup(build) {
    build.onResolve({ filter: /^\.\/main$/ }, (args) => (args.kind === 'require-call' ? { path: './main.js', external: true } : undefined));
  },
};

// Every `import * as vscode from 'vscode'` of an external module makes the bundler copy the whole
// API object into a fresh namespace at load, once per importing file (~40 files). Routing them through
// one bundled re-export makes that copy once.
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

const contexts = await Promise.all([
  esbuild.context({ ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [featuresBeside, catalogBeside, vscodeOnce] }),
  esbuild.context({ ...node, entryPoints: ['src/main.ts'], outfile: 'dist/main.js', external: ['vscode'], plugins: [undiciBeside, credentialSourcesBeside, testHooksBeside, catalogBeside, vscodeOnce] }),
  esbuild.context({ ...node, entryPoints: ['src/vod/messageCatalog.ts'], outfile: 'dist/message-catalog.js' }),
  esbuild.context({ ...node, entryPoints: ['src/vod/credentialSources/index.ts'], outfile: 'dist/credential-sources.js', plugins: [catalogBeside] }),
  esbuild.context({ ...node, entryPoints: ['src/ui/auth/testHooks.ts'], outfile: 'dist/test-hooks.js', external: ['vscode'], plugins: [catalogBeside, vscodeOnce] }),
  esbuild.context({
    ...node,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [undiciBeside, credentialSourcesBeside, catalogBeside],
  }),
  esbuild.context({
    ...node,
    // Only what the transport uses (Agent and ProxyAgent with the request API), not undici's whole index:
    // fetch, WebSocket, caches and mocks would triple the file the VSIX ships (its size budget is 300 KB).
    stdin: {
      contents: [
        "const Dispatcher = require('undici/lib/dispatcher/dispatcher');",
        // request (every call, streamed uploads and downloads included) and connect (ProxyAgent's CONNECT
        // tunnel) only: stream, pipeline and upgrade are never used (about 1.5 KB of the VSIX).
        "Dispatcher.prototype.request = require('undici/lib/api/api-request');",
        "Dispatcher.prototype.connect = require('undici/lib/api/api-connect');",
        "module.exports = { Agent: require('undici/lib/dispatcher/agent'), ProxyAgent: require('undici/lib/dispatcher/proxy-agent') };",
      ].join('\n'),
      resolveDir: '.',
      sourcefile: 'undici-entry.js',
    },
    outfile: 'dist/undici.js',
    plugins: [plainHttpParser],
  }),
  // The details panel's webview script: runs in the webview's browser context, loaded by nonce.
  esbuild.context({
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: !dev,
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'info',
    entryPoints: ['media/panel/main.ts'],
    outfile: 'media/dist/panel.js',
    plugins: [noCatalogInPage],
  }),
]);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

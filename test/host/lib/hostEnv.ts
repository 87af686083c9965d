/**
 * The environment every host child (code-server, its extension hosts, Chromium) starts from:
 * the runner's own environment minus anything that could point the test host at a real account or
 * a real editor, plus the boxed HOME/TMPDIR/XDG dirs and the test's variables.
 */
const DROPPED_PREFIXES = [
  'ALIBABA_CLOUD_', // a developer's real credentials must never reach the test host
  'ALICLOUD_',
  'VSCODE_', // VSCODE_IPC_HOOK_CLI makes code-server hand the folder to an already running editor
  'CODE_SERVER_',
  'ELECTRON_',
];
const DROPPED_NAMES = new Set(['PASSWORD', 'HASHED_PASSWORD', 'NODE_OPTIONS']);

export function hostEnv(...layers: ReadonlyArray<Readonly<Record<string, string>>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (DROPPED_NAMES.has(name) || DROPPED_PREFIXES.some((p) => name.startsWith(p))) continue;
    env[name] = value;
  }
  return Object.assign(env, ...layers);
}

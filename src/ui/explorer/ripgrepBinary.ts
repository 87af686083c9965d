/**
 * The ripgrep binary the editor itself ships (desktop VS Code and code-server bundle one for their
 * search), found under `vscode.env.appRoot`. Never one from PATH or from the workspace: the binary
 * the scan runs must come with the editor, whatever folder is open. Undefined when there is none
 * (a web-only host, an unusual build): the built-in scanner runs then.
 */
import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';

const EXE = process.platform === 'win32' ? 'rg.exe' : 'rg';

/** Where VS Code builds have kept it: unpacked beside node_modules.asar (desktop), or plain node_modules (server, code-server). */
const CANDIDATES = [
  ['node_modules.asar.unpacked', '@vscode', 'ripgrep', 'bin'],
  ['node_modules', '@vscode', 'ripgrep', 'bin'],
  ['node_modules.asar.unpacked', 'vscode-ripgrep', 'bin'],
  ['node_modules', 'vscode-ripgrep', 'bin'],
];

export function editorRipgrep(appRoot: string | undefined): string | undefined {
  if (!appRoot) return undefined;
  for (const parts of CANDIDATES) {
    const file = path.join(appRoot, ...parts, EXE);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not this one
    }
  }
  return undefined;
}

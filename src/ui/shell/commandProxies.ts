/**
 * Stand-ins for every command the manifest contributes, registered at activation so that a command
 * runs even though its code is not loaded yet. The first call loads the features bundle: that first
 * disposes these stand-ins, and the features register the real handlers under the same IDs; the call
 * is then passed on to the real handler. Commands are read from the manifest VS Code already parsed,
 * so a command added there can never be left without a handler.
 */
import * as vscode from 'vscode';

/**
 * `load` loads the features (it disposes the proxies first) and resolves once every real handler is
 * registered (the explorer's register a moment after the rest).
 */
export function registerCommandProxies(ids: readonly string[], load: () => Promise<void>): vscode.Disposable {
  let registrations: vscode.Disposable[] | undefined = ids.map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      await load();
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  return {
    dispose() {
      for (const r of registrations ?? []) r.dispose();
      registrations = undefined;
    },
  };
}

/** The command IDs in `contributes.commands` of a parsed package.json. */
export function contributedCommandIds(packageJson: unknown): string[] {
  const commands = (packageJson as { contributes?: { commands?: unknown } } | undefined)?.contributes?.commands;
  if (!Array.isArray(commands)) return [];
  return commands.map((c: unknown) => (c as { command?: unknown }).command).filter((id): id is string => typeof id === 'string');
}

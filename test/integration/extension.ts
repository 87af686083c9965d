import * as vscode from 'vscode';
import manifest from '../../package.json';

/** The extension under test, as the host knows it (publisher.name from package.json). */
export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded in this host`);
  return ext;
}

/** Waits for the extension to activate by itself (its activation events), without forcing it. */
export async function activated(timeoutMs = 15_000): Promise<vscode.Extension<unknown>> {
  const ext = extension();
  const deadline = Date.now() + timeoutMs;
  while (!ext.isActive) {
    if (Date.now() > deadline) throw new Error(`${EXTENSION_ID} did not activate within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return ext;
}

/** Command IDs the manifest contributes: the reference the registered commands are checked against. */
export function contributedCommands(): string[] {
  const contributes = manifest.contributes as { commands?: Array<{ command: string }> };
  return (contributes.commands ?? []).map((c) => c.command);
}

/** The version in this tree's package.json, to tell this tree's build from any other copy. */
export const manifestVersion: string = manifest.version;

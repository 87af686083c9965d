/** Access to the extension's test hooks (exported by activate() outside production) for the auth/settings suites. */
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { TestHooks } from '../../src/ui/auth/testHooks';
import type { SessionState } from '../../src/ui/services';
import { activated } from './extension';

export async function hooks(): Promise<TestHooks> {
  const ext = await activated();
  const api = ext.exports as ExtensionApi | undefined;
  if (!api?.testHooks) throw new Error('the extension exported no test hooks (is the host in production mode?)');
  await api.testHooks.settled();
  return api.testHooks;
}

/** Runs `action` and waits until the session satisfies `accept` (checked after each change event). */
export async function sessionAfter(
  h: TestHooks,
  action: () => Thenable<unknown> | Promise<unknown>,
  accept: (s: SessionState) => boolean,
  timeoutMs = 10_000,
): Promise<SessionState> {
  let sub: vscode.Disposable | undefined;
  const changed = new Promise<SessionState>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`session did not change as expected; now ${JSON.stringify(h.services.session())}`)), timeoutMs);
    sub = h.services.onDidChangeSession((s) => {
      if (accept(s)) {
        clearTimeout(timer);
        resolve(s);
      }
    });
  });
  try {
    await action();
    await h.settled();
    if (accept(h.services.session())) return h.services.session();
    return await changed;
  } finally {
    sub?.dispose();
  }
}

/** Signs out of every stored profile, so each test starts on the environment credentials. */
export async function signOutAll(h: TestHooks): Promise<void> {
  const state = JSON.parse(h.globalStateDump()) as Record<string, { profiles?: { name: string }[] } | undefined>;
  for (const profile of state['vodImages.profiles']?.profiles ?? []) {
    await vscode.commands.executeCommand('vodImages.signOut', { profile: profile.name, confirmed: true });
  }
  await h.settled();
}

/**
 * A SecretStorage wrapper whose operations can be made to fail, so the real extension host can show
 * that a keyring failure falls back to the memory store with a warning. Only reachable through the
 * test hooks the extension exports outside production mode.
 */
import type * as vscode from 'vscode';

export interface FaultySecretStorage {
  readonly storage: vscode.SecretStorage;
  setFailing(failing: boolean): void;
}

export function withInjectableFaults(inner: vscode.SecretStorage): FaultySecretStorage {
  let failing = false;
  const guard = <T>(run: () => Thenable<T>): Thenable<T> =>
    failing ? Promise.reject(new Error('SecretStorage unavailable (injected by a test)')) : run();
  const storage: vscode.SecretStorage = {
    get: (key) => guard(() => inner.get(key)),
    store: (key, value) => guard(() => inner.store(key, value)),
    delete: (key) => guard(() => inner.delete(key)),
    onDidChange: inner.onDidChange,
  };
  return {
    storage,
    setFailing(value) {
      failing = value;
    },
  };
}

/**
 * What the integration tests in the real extension host can observe and steer, returned from
 * `activate()` only outside production mode (a test or development host). Nothing here is reachable
 * from the command palette.
 */
import type * as vscode from 'vscode';
import { secretKeyFor, type StoreMode } from '../credentialStore';
import { PROFILES_STATE_KEY } from '../profiles';
import type { HostWarning, ServiceHost } from '../serviceHost';
import type { Services } from '../services';
import type { StatusBar, StatusBarView } from '../statusBar';
import type { FaultySecretStorage } from './secretStorageFaults';

export interface TestHooks {
  /** The same Services the feature modules get. */
  readonly services: Services;
  /** Waits for the session resolution queued so far. */
  settled(): Promise<void>;
  statusBar(): StatusBarView;
  storeMode(): StoreMode;
  warnings(): readonly HostWarning[];
  /** Makes every SecretStorage call fail (true) or work again (false; also resumes SecretStorage). */
  setSecretStorageFailing(failing: boolean): void;
  /** The raw SecretStorage entry of a profile, bypassing the memory fallback. */
  rawSecret(profile: string): Thenable<string | undefined>;
  /** Deletes a profile's SecretStorage entry behind the extension's back, as another window signing out does. */
  rawDeleteSecret(profile: string): Thenable<void>;
  /** Everything this extension keeps in global state, serialised. */
  globalStateDump(): string;
}

export function createTestHooks(host: ServiceHost, statusBar: StatusBar, faults: FaultySecretStorage, secrets: vscode.SecretStorage): TestHooks {
  return {
    services: host,
    settled: () => host.whenReady(),
    statusBar: () => statusBar.current(),
    storeMode: () => host.storeMode,
    warnings: () => [...host.warnings],
    setSecretStorageFailing(failing) {
      faults.setFailing(failing);
      if (!failing) host.store.resumeSecretStorage();
    },
    rawSecret: (profile) => secrets.get(secretKeyFor(profile)),
    rawDeleteSecret: (profile) => secrets.delete(secretKeyFor(profile)),
    globalStateDump: () => {
      const state = host.context.globalState;
      // keys() lists what was written through this Memento; the profile list is named explicitly in case it is not.
      const keys = new Set([...state.keys(), PROFILES_STATE_KEY]);
      return JSON.stringify(Object.fromEntries([...keys].map((k) => [k, state.get(k)])));
    },
  };
}

/**
 * The composition root: builds the object graph once and registers everything in
 * `context.subscriptions`. No logic lives here. Activation stays cheap: no network, no undici, no
 * SecretStorage wait — the session resolves in the background and heavy modules load on first use.
 *
 * The sidebar explorer and the editor intelligence (decorations, diagnostics) are not needed for the
 * first interaction, so they are set up right after activation returns: they are reached only through
 * `import()`, which the bundler turns into lazily initialised modules, and activation does not pay
 * for their initialisation. `ExtensionApi.ready` settles once they are registered.
 */
import * as vscode from 'vscode';
import { register as registerAuth } from './ui/auth';
import { withInjectableFaults } from './ui/auth/secretStorageFaults';
import type { TestHooks } from './ui/auth/testHooks';
import { register as registerCopy } from './ui/commands/copy';
import type { ExplorerTestApi } from './ui/explorer';
import { register as registerHover } from './ui/hover';
import type { IntelTestHooks } from './ui/intel';
import { register as registerLookup } from './ui/lookup';
import { register as registerPanel } from './ui/panel';
import { ServiceHost } from './ui/serviceHost';
import { EditorIdContext } from './ui/editorIdContext';
import { StatusBar } from './ui/statusBar';
import { VodPresence } from './ui/vodPresence';

export interface ExtensionApi {
  /** Settles once the explorer and the editor intelligence are registered (just after activation). */
  readonly ready: Promise<void>;
  /** Present only in test and development hosts. */
  readonly testHooks?: TestHooks & { readonly intel?: IntelTestHooks; readonly editorHasImageId: () => boolean };
  /** The sidebar explorer's tree, for the integration tests; present only in test and development hosts, once ready. */
  readonly explorer?: ExplorerTestApi;
}

interface DeferredFeatures {
  readonly explorer: ExplorerTestApi;
  readonly intel: IntelTestHooks;
}

async function registerDeferred(host: ServiceHost, context: vscode.ExtensionContext, presence: VodPresence): Promise<DeferredFeatures> {
  const [{ createExplorer }, { register: registerIntel }] = await Promise.all([import('./ui/explorer'), import('./ui/intel')]);
  const explorer = createExplorer(host, () => presence.note());
  const intel = registerIntel(host);
  context.subscriptions.push(...explorer.disposables, ...intel.disposables);
  return { explorer: explorer.testApi, intel: intel.testHooks };
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('VOD Images', { log: true });
  // Outside production, SecretStorage goes through a wrapper the integration tests can make fail.
  const faults = context.extensionMode === vscode.ExtensionMode.Production ? undefined : withInjectableFaults(context.secrets);
  const host = new ServiceHost({ context, log, secrets: faults?.storage ?? context.secrets });
  const presence = new VodPresence(context.workspaceState);
  const statusBar = new StatusBar(host, presence);
  const editorIds = new EditorIdContext(() => host.settings().idPattern, presence);

  context.subscriptions.push(
    log,
    host,
    presence,
    statusBar,
    editorIds,
    host.onDidLookUp(() => presence.note()),
    vscode.commands.registerCommand('vodImages.showLog', () => log.show(true)),
    ...registerAuth(host),
    ...registerLookup(host),
    ...registerHover(host),
    ...registerPanel(host),
    ...registerCopy(host),
  );

  let deferred: DeferredFeatures | undefined;
  const ready = registerDeferred(host, context, presence).then(
    (features) => {
      deferred = features;
    },
    (error: unknown) => host.log.error(`The explorer and editor intelligence could not start: ${error instanceof Error ? error.message : String(error)}`),
  );
  const hooksModule = faults === undefined ? undefined : loadTestHooks();
  if (faults === undefined || hooksModule === undefined) return { ready };
  const testHooks = hooksModule.createTestHooks(host, statusBar, faults, context.secrets);
  return {
    ready,
    get testHooks() {
      return { ...testHooks, intel: deferred?.intel, editorHasImageId: () => editorIds.current() };
    },
    get explorer() {
      return deferred?.explorer;
    },
  };
}

export function deactivate(): void {}

/**
 * The test hooks can read stored secrets, so they are not part of `dist/extension.js`: the build puts
 * them in `dist/test-hooks.js` beside it (see scripts/build.mjs), which the package leaves out. A
 * test or development host loads them; a packaged extension has no such code to load.
 */
function loadTestHooks(): typeof import('./ui/auth/testHooks') | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('./ui/auth/testHooks') as typeof import('./ui/auth/testHooks');
  } catch {
    return undefined;
  }
}

/**
 * The features: everything but the activation shell (src/extension.ts). Built into its own bundle
 * (dist/main.js) that the shell requires on first use: the first command, a hover over an ID, a panel
 * to restore, the explorer shown, or a workspace known to use VOD. Builds the object graph once and
 * registers it in `context.subscriptions`; no logic lives here.
 *
 * The sidebar explorer and the editor intelligence (decorations, diagnostics) are reached only through
 * `import()`, which the bundler turns into lazily initialised modules: `Features.ready` settles once
 * they are registered, a moment after the rest.
 */
import * as vscode from 'vscode';
import { register as registerAuth } from './ui/auth';
import { withInjectableFaults } from './ui/auth/secretStorageFaults';
import type { TestHooks } from './ui/auth/testHooks';
import { register as registerCopy } from './ui/commands/copy';
import type { ExplorerTestApi, ShellView } from './ui/explorer';
import { createImageHover } from './ui/hover';
import type { IntelTestHooks } from './ui/intel';
import { register as registerLookup } from './ui/lookup';
import { register as registerManage } from './ui/manage';
import { register as registerPanel } from './ui/panel';
import { ServiceHost } from './ui/serviceHost';
import type { EditorIdContext } from './ui/editorIdContext';
import { StatusBar } from './ui/statusBar';
import type { VodPresence } from './ui/vodPresence';

/** What the shell hands over: the parts that must exist from activation on. */
export interface ShellParts {
  readonly presence: VodPresence;
  readonly editorIds: EditorIdContext;
  readonly explorer: ShellView;
}

export interface Features {
  /** Settles once the explorer and the editor intelligence are registered. */
  readonly ready: Promise<void>;
  readonly imageHover: vscode.HoverProvider;
  /** Undefined until `ready`. */
  readonly expiryHover: () => vscode.HoverProvider | undefined;
  readonly panelSerializer: vscode.WebviewPanelSerializer;
  /** Present only in test and development hosts. */
  readonly testHooks?: TestHooks & { readonly intel?: IntelTestHooks };
  readonly explorer: () => ExplorerTestApi | undefined;
}

interface DeferredFeatures {
  readonly explorer: ExplorerTestApi;
  readonly intel: IntelTestHooks;
  readonly expiryHover: vscode.HoverProvider;
}

async function registerDeferred(host: ServiceHost, context: vscode.ExtensionContext, shell: ShellParts): Promise<DeferredFeatures> {
  const [{ createExplorer }, { register: registerIntel }] = await Promise.all([import('./ui/explorer'), import('./ui/intel')]);
  const explorer = createExplorer(host, shell.explorer, () => shell.presence.note());
  const intel = registerIntel(host);
  context.subscriptions.push(...explorer.disposables, ...intel.disposables);
  return { explorer: explorer.testApi, intel: intel.testHooks, expiryHover: intel.expiryHover };
}

export function startFeatures(context: vscode.ExtensionContext, shell: ShellParts): Features {
  const log = vscode.window.createOutputChannel('VOD Images', { log: true });
  // Outside production, SecretStorage goes through a wrapper the integration tests can make fail.
  const faults = context.extensionMode === vscode.ExtensionMode.Production ? undefined : withInjectableFaults(context.secrets);
  const host = new ServiceHost({ context, log, secrets: faults?.storage ?? context.secrets });
  const statusBar = new StatusBar(host, shell.presence);
  const hover = createImageHover(host);
  const panels = registerPanel(host);

  context.subscriptions.push(
    log,
    host,
    statusBar,
    host.onDidLookUp(() => shell.presence.note()),
    vscode.commands.registerCommand('vodImages.showLog', () => log.show(true)),
    ...registerAuth(host),
    ...registerLookup(host),
    ...hover.disposables,
    ...panels.disposables,
    ...registerCopy(host),
    ...registerManage(host),
  );

  let deferred: DeferredFeatures | undefined;
  const ready = registerDeferred(host, context, shell).then(
    (features) => {
      deferred = features;
    },
    (error: unknown) => host.log.error(`The explorer and editor intelligence could not start: ${error instanceof Error ? error.message : String(error)}`),
  );
  const hooksModule = faults === undefined ? undefined : loadTestHooks();
  const testHooks = faults === undefined || hooksModule === undefined ? undefined : hooksModule.createTestHooks(host, statusBar, faults, context.secrets);
  return {
    ready,
    imageHover: hover.provider,
    expiryHover: () => deferred?.expiryHover,
    panelSerializer: panels.serializer,
    testHooks: testHooks && {
      ...testHooks,
      get intel() {
        return deferred?.intel;
      },
    },
    explorer: () => deferred?.explorer,
  };
}

/**
 * The test hooks can read stored secrets, so they are not part of the shipped bundles: the build puts
 * them in `dist/test-hooks.js` beside them (see scripts/build.mjs), which the package leaves out. A
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

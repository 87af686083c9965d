/**
 * The composition root: builds the object graph once and registers everything in
 * `context.subscriptions`. No logic lives here. Activation stays cheap: no network, no undici, no
 * SecretStorage wait — the session resolves in the background and heavy modules load on first use.
 */
import * as vscode from 'vscode';
import { register as registerAuth } from './ui/auth';
import { withInjectableFaults } from './ui/auth/secretStorageFaults';
import { createTestHooks, type TestHooks } from './ui/auth/testHooks';
import { register as registerCopy } from './ui/commands/copy';
import { createExplorer, type ExplorerTestApi } from './ui/explorer';
import { register as registerHover } from './ui/hover';
import { register as registerIntel, type IntelTestHooks } from './ui/intel';
import { register as registerLookup } from './ui/lookup';
import { register as registerPanel } from './ui/panel';
import { ServiceHost } from './ui/serviceHost';
import { StatusBar } from './ui/statusBar';

export interface ExtensionApi {
  /** Present only in test and development hosts. */
  readonly testHooks?: TestHooks & { readonly intel?: IntelTestHooks };
  /** The sidebar explorer's tree, for the integration tests; present only in test and development hosts. */
  readonly explorer?: ExplorerTestApi;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('VOD Images', { log: true });
  // Outside production, SecretStorage goes through a wrapper the integration tests can make fail.
  const faults = context.extensionMode === vscode.ExtensionMode.Production ? undefined : withInjectableFaults(context.secrets);
  const host = new ServiceHost({ context, log, secrets: faults?.storage ?? context.secrets });
  const statusBar = new StatusBar(host);
  const explorer = createExplorer(host);
  const intel = registerIntel(host);

  context.subscriptions.push(
    log,
    host,
    statusBar,
    vscode.commands.registerCommand('vodImages.showLog', () => log.show(true)),
    ...registerAuth(host),
    ...registerLookup(host),
    ...registerHover(host),
    ...registerPanel(host),
    ...registerCopy(host),
    ...explorer.disposables,
    ...intel.disposables,
  );
  return faults === undefined ? {} : { testHooks: { ...createTestHooks(host, statusBar, faults, context.secrets), intel: intel.testHooks }, explorer: explorer.testApi };
}

export function deactivate(): void {}

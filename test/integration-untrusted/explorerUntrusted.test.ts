/**
 * The explorer in an untrusted workspace, in the real host: `run-integration.ts --untrusted` turns
 * workspace trust on and opens a copy of the demo workspace untrusted (Restricted Mode). Showing the
 * view must read no file and look up no ID: This Workspace explains why and offers the scan command,
 * which scans when the user runs it. Restricted settings in the workspace's own settings file are
 * ignored meanwhile.
 *
 * The tests run in order on one window: the first one needs the view as it is before any scan.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerTestApi } from '../../src/ui/explorer';
import type { ExplorerNode, ImageNode, MessageNode, SectionNode } from '../../src/ui/explorer/nodes';
import { demoIdCounts } from '../fixtures/demoImageIds';
import { activated } from '../integration/extension';
import { integrationEnv } from '../integration/hostEnv';

const SCAN_COMMAND = 'vodImages.scanWorkspace';

async function api(): Promise<ExtensionApi> {
  const api = (await activated()).exports as ExtensionApi;
  await api.ready;
  await api.testHooks?.settled();
  return api;
}

async function explorer(): Promise<ExplorerTestApi> {
  const x = (await api()).explorer;
  assert.ok(x, 'the extension exported no explorer test API');
  return x;
}

async function children(x: ExplorerTestApi, node?: ExplorerNode): Promise<ExplorerNode[]> {
  return (await x.tree.getChildren(node)) ?? [];
}

/** What This Workspace lists (nothing when the root does not show the group). */
async function workspaceChildren(x: ExplorerTestApi): Promise<ExplorerNode[]> {
  const section = (await children(x)).find((n): n is SectionNode => n.kind === 'section' && n.section === 'workspace');
  return section ? children(x, section) : [];
}

/** API calls the emulator has answered since it started, by action. */
async function callsByAction(): Promise<Record<string, number>> {
  const response = await fetch(`${integrationEnv().control}/__emulator/stats`);
  return ((await response.json()) as { byAction: Record<string, number> }).byAction;
}

function lookups(byAction: Record<string, number>): number {
  return (byAction.GetImageInfos ?? 0) + (byAction.GetImageInfo ?? 0);
}

async function poll(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the host opened no workspace folder');
  return folder.uri;
}

/** The image IDs in the demo workspace's files, found independently of the extension. */
function demoIds(): string[] {
  return [...demoIdCounts(workspaceRoot().fsPath).keys()].sort();
}

async function listedIds(x: ExplorerTestApi): Promise<string[]> {
  return (await workspaceChildren(x))
    .filter((n): n is ImageNode => n.kind === 'image')
    .map((n) => n.imageId)
    .sort();
}

describe('explorer in an untrusted workspace', function () {
  this.timeout(60_000);

  before(async function () {
    // Everything below is about Restricted Mode: in a trusted window it would prove nothing.
    assert.equal(vscode.workspace.isTrusted, false, 'the host opened the workspace trusted: run it with `run-integration.ts --untrusted`');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('showing the view reads no file: This Workspace says why and offers the scan command', async () => {
    await vscode.commands.executeCommand('vodImages.explorer.focus');
    const x = await explorer();
    // The view asks for its rows on its own schedule; that request is what would start a scan.
    await poll('the view asked for its rows', () => x.scan.state.kind !== 'notStarted');
    await x.settled();
    assert.ok(x.view.visible, 'the explorer view is shown');
    assert.equal(x.scan.state.kind, 'untrusted');

    const rows = await workspaceChildren(x);
    assert.deepEqual(
      rows.map((n) => [n.kind, n.key]),
      [['message', 'workspace/message/untrusted']],
      'This Workspace holds the explanation and no image row',
    );
    const message = rows[0] as MessageNode;
    assert.match(message.text, /not trusted/);
    const item = x.tree.getTreeItem(message) as vscode.TreeItem;
    assert.equal(item.command?.command, SCAN_COMMAND, 'clicking the message runs the scan');

    // Still nothing read a moment later: no late scan, no file indexed, no ID looked up.
    await new Promise((r) => setTimeout(r, 1000));
    await x.settled();
    assert.equal(x.scan.state.kind, 'untrusted');
    assert.equal(x.scan.index.fileCount, 0, 'no file was indexed');
    assert.equal(x.scan.index.idCount, 0);
    assert.equal(lookups(await callsByAction()), 0, 'no image was looked up');
  });

  it('the scan command scans anyway, and This Workspace then lists the demo workspace IDs', async () => {
    const x = await explorer();
    const summary = await vscode.commands.executeCommand<{ files: number } | undefined>(SCAN_COMMAND);
    assert.ok(summary && summary.files > 0, `the scan read no file (${JSON.stringify(summary)})`);
    await x.settled();
    assert.equal(x.scan.state.kind, 'done');
    assert.equal(vscode.workspace.isTrusted, false, 'scanning does not trust the workspace');
    assert.deepEqual(await listedIds(x), demoIds());
    assert.equal(
      (await workspaceChildren(x)).filter((n) => n.kind === 'message').length,
      0,
      'the explanation is gone once scanned',
    );
    // The listed IDs are looked up: the emulator does count lookups, so the zero above meant none.
    await x.settled();
    assert.ok(lookups(await callsByAction()) > 0, 'the listed IDs were looked up');
  });

  describe('restricted settings from the workspace', () => {
    const settingsDir = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), '.vscode');

    after(async () => {
      await vscode.workspace.fs.delete(settingsDir(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    });

    it('are ignored (idPattern, endpoint, urlExpiry, outputType, scan.maxFileSize), while an unrestricted one applies', async () => {
      const settings = {
        'vodImages.idPattern': '[0-9a-f]{8}',
        'vodImages.endpoint': 'http://127.0.0.1:9',
        // A ten-year signed URL as the pre-selected default, and a scan that reads huge files.
        'vodImages.urlExpiry': 315360000,
        'vodImages.outputType': 'oss',
        'vodImages.scan.maxFileSize': 16,
        // The control: not restricted, so its arrival shows the file has been read.
        'vodImages.requestTimeout': 29,
      };
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(settingsDir(), 'settings.json'), new TextEncoder().encode(JSON.stringify(settings)));
      const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('vodImages');
      await poll('the workspace settings file is read', () => config().inspect('requestTimeout')?.workspaceValue === 29);

      const hooks = (await api()).testHooks;
      assert.ok(hooks, 'the extension exported no test hooks');
      const s = hooks.services.settings();
      assert.equal(s.requestTimeoutSeconds, 29, 'the extension reads workspace settings in general');
      assert.equal(config().inspect('idPattern')?.workspaceValue, undefined);
      assert.equal(s.idPattern, '[0-9a-f]{32}', 'the ID pattern is the default');
      assert.equal(s.endpoint, integrationEnv().endpoint, 'the endpoint is still the user one');
      assert.equal(s.urlExpirySeconds, 3600, 'the URL validity is the default');
      assert.equal(s.outputType, 'cdn', 'the output type is the default');
      assert.equal(s.scanMaxFileSize, 1024 * 1024, 'the scan size limit is the default');

      // A full scan with the workspace's pattern would list 8-hex runs; it still finds the same IDs.
      const x = await explorer();
      const summary = await vscode.commands.executeCommand<{ files: number } | undefined>(SCAN_COMMAND);
      assert.ok(summary && summary.files > 0, 'the rescan completed');
      await x.settled();
      assert.deepEqual(await listedIds(x), demoIds());
    });
  });
});

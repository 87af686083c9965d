import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, contributedCommands, extension, manifestVersion } from './extension';
import { integrationEnv } from './hostEnv';

describe('extension in a real host', () => {
  it('is installed from this repository and activates on its own', async () => {
    const ext = await activated();
    assert.equal(ext.isActive, true);
    assert.equal(ext.packageJSON.version, manifestVersion);
  });

  it('registers every command its manifest contributes', async () => {
    await activated();
    const contributed = contributedCommands();
    assert.ok(contributed.length > 0, 'the manifest contributes no command');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  it('runs "Show Log" without error', async () => {
    await activated();
    await vscode.commands.executeCommand('vodImages.showLog');
  });

  it('runs against the host settings the runner wrote', () => {
    const endpoint = vscode.workspace.getConfiguration('vodImages').get<string>('endpoint');
    assert.equal(endpoint, integrationEnv().endpoint);
    assert.equal(extension().extensionKind, vscode.ExtensionKind.Workspace);
  });
});

/**
 * Copy ID / Copy URL confirm in the status bar (transient), not with a notification; the signed URL
 * keeps its notification because it says when the link expires. The test shares the extension's
 * `vscode` API object (it lives in the extension's folder), so recording `window` calls here sees the
 * extension's calls.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated } from './extension';
import { imageId } from './hostEnv';

interface Recorded {
  statusBar: string[];
  notifications: string[];
}

type WindowCalls = Pick<typeof vscode.window, 'setStatusBarMessage' | 'showInformationMessage'>;

function record(): { calls: Recorded; restore(): void } {
  const target = vscode.window as unknown as WindowCalls;
  const original: WindowCalls = { setStatusBarMessage: target.setStatusBarMessage, showInformationMessage: target.showInformationMessage };
  const calls: Recorded = { statusBar: [], notifications: [] };
  target.setStatusBarMessage = ((text: string, arg?: number | Thenable<unknown>) => {
    calls.statusBar.push(text);
    return (original.setStatusBarMessage as (t: string, a?: number | Thenable<unknown>) => vscode.Disposable)(text, arg);
  }) as WindowCalls['setStatusBarMessage'];
  target.showInformationMessage = ((message: string) => {
    calls.notifications.push(message);
    return Promise.resolve(undefined);
  }) as WindowCalls['showInformationMessage'];
  return {
    calls,
    restore() {
      Object.assign(target, original);
    },
  };
}

describe('copy confirmations', () => {
  const id = imageId('png');
  let recorder: ReturnType<typeof record>;

  before(async () => {
    await activated();
  });
  beforeEach(() => {
    recorder = record();
  });
  afterEach(() => recorder.restore());

  it('copyId confirms in the status bar, with no notification', async () => {
    await vscode.commands.executeCommand('vodImages.copyId', id);
    assert.deepEqual(recorder.calls.notifications, []);
    assert.equal(recorder.calls.statusBar.length, 1);
    assert.ok(recorder.calls.statusBar[0]?.includes(id), recorder.calls.statusBar[0]);
  });

  it('copyUrl confirms in the status bar (with the expiry), with no notification', async () => {
    await vscode.commands.executeCommand('vodImages.copyUrl', id);
    assert.deepEqual(recorder.calls.notifications, []);
    assert.equal(recorder.calls.statusBar.length, 1);
    assert.match(recorder.calls.statusBar[0] ?? '', /Image URL copied/);
  });

  it('copySignedUrl keeps a notification that says when the link expires', async () => {
    await vscode.commands.executeCommand('vodImages.copySignedUrl', id, { expiresIn: 900, outputType: 'cdn' });
    assert.equal(recorder.calls.notifications.length, 1);
    assert.match(recorder.calls.notifications[0] ?? '', /expires/);
  });
});

/**
 * Sign out deletes stored secrets, so it asks first with a modal warning. The test shares the
 * extension's `vscode` API object, so it answers the modal by standing in for showWarningMessage.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hooks, signOutAll } from './authHooks';

type Warn = (message: string, options: vscode.MessageOptions, ...items: string[]) => Thenable<string | undefined>;

function answerWarnings(answer: (items: string[]) => string | undefined): { asked: Array<{ message: string; modal: boolean }>; restore(): void } {
  const target = vscode.window as unknown as { showWarningMessage: Warn };
  const original = target.showWarningMessage;
  const asked: Array<{ message: string; modal: boolean }> = [];
  target.showWarningMessage = (message, options, ...items) => {
    asked.push({ message, modal: options?.modal === true });
    return Promise.resolve(answer(items));
  };
  return { asked, restore: () => (target.showWarningMessage = original) };
}

async function signInProfile(name: string): Promise<void> {
  const { ALIBABA_CLOUD_ACCESS_KEY_ID: accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: accessKeySecret } = process.env;
  const outcome = await vscode.commands.executeCommand<{ ok: boolean }>('vodImages.signIn', { profile: name, accessKeyId, accessKeySecret });
  assert.equal(outcome?.ok, true);
}

describe('sign out asks first', () => {
  afterEach(async () => signOutAll(await hooks()));

  it('a cancelled confirmation keeps the profile and its secret', async () => {
    const h = await hooks();
    await signInProfile('it-confirm');
    const modal = answerWarnings(() => undefined);
    try {
      const outcome = await vscode.commands.executeCommand<{ ok: boolean }>('vodImages.signOut', 'it-confirm');
      assert.equal(outcome?.ok, false);
    } finally {
      modal.restore();
    }
    assert.deepEqual(modal.asked.map((a) => a.modal), [true]);
    assert.match(modal.asked[0]?.message ?? '', /it-confirm/);
    assert.ok(await h.rawSecret('it-confirm'), 'the secret is still stored');
  });

  it('a confirmed sign-out deletes the secret', async () => {
    const h = await hooks();
    await signInProfile('it-confirm');
    const modal = answerWarnings((items) => items[0]);
    try {
      const outcome = await vscode.commands.executeCommand<{ ok: boolean }>('vodImages.signOut', 'it-confirm');
      assert.equal(outcome?.ok, true);
    } finally {
      modal.restore();
    }
    assert.equal(modal.asked.length, 1);
    assert.equal(await h.rawSecret('it-confirm'), undefined);
  });
});

/**
 * The copy commands in the real host against the emulator: clipboard contents and the expiry a
 * signed URL carries (its auth_key timestamp / OSS Expires), every command called with arguments.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { imageIdFor } from '../emulator/fixtures';
import { activated } from './extension';
import { imageId, integrationEnv } from './hostEnv';

interface SignedUrlCopied {
  imageId: string;
  outputType: 'cdn' | 'oss';
  expiresInSeconds: number;
  expiresAt: string;
}

const SENTINEL = 'clipboard sentinel: nothing was copied';

async function resetClipboard(): Promise<void> {
  await vscode.env.clipboard.writeText(SENTINEL);
}

/** The unix-seconds timestamp of a type-A `auth_key` (reference §5: `<timestamp>-<rand>-<uid>-<md5>`). */
function authKeyTimestamp(url: string): number {
  const authKey = new URL(url).searchParams.get('auth_key');
  assert.ok(authKey, `no auth_key in the copied URL's query`);
  const match = /^(\d+)-[^-]+-[^-]+-[0-9a-f]{32}$/.exec(authKey);
  assert.ok(match, 'auth_key is not timestamp-rand-uid-md5');
  return Number(match[1]);
}

function assertNear(actual: number, expected: number, toleranceSeconds: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= toleranceSeconds, `${what}: ${actual} is not within ${toleranceSeconds} s of ${expected}`);
}

describe('copy commands', () => {
  const id = imageId('png');
  const endpoint = integrationEnv().endpoint;

  before(async () => {
    await activated();
  });

  beforeEach(resetClipboard);

  it('copyId copies the ID given as a string', async () => {
    const result = await vscode.commands.executeCommand('vodImages.copyId', id);
    assert.deepEqual(result, { imageId: id });
    assert.equal(await vscode.env.clipboard.readText(), id);
  });

  it('copyId accepts a tree item (an object with imageId)', async () => {
    const other = imageId('jpeg');
    await vscode.commands.executeCommand('vodImages.copyId', { imageId: other, label: 'ignored' });
    assert.equal(await vscode.env.clipboard.readText(), other);
  });

  it('copyId refuses an argument that cannot be an ID and copies nothing', async () => {
    const result = await vscode.commands.executeCommand('vodImages.copyId', 'not an id; rm -rf /');
    assert.equal(result, undefined);
    assert.equal(await vscode.env.clipboard.readText(), SENTINEL);
  });

  it('copyUrl copies the image URL as returned, signed by the emulator, and says when it expires', async () => {
    const result = await vscode.commands.executeCommand<{ imageId: string; expiresAt: string | undefined }>('vodImages.copyUrl', id);
    const url = await vscode.env.clipboard.readText();
    assert.ok(url.startsWith(`${endpoint}/image/`), 'the URL points at the emulator image path');
    assert.ok(url.includes(id), 'the URL names the image');
    const timestamp = authKeyTimestamp(url);
    assert.equal(result?.imageId, id);
    assert.equal(result?.expiresAt, new Date(timestamp * 1000).toISOString());
    assert.ok(timestamp * 1000 > Date.now(), 'a freshly copied URL has not expired');
  });

  it('copyUrl of a missing image copies nothing', async () => {
    const result = await vscode.commands.executeCommand('vodImages.copyUrl', imageId('missing'));
    assert.equal(result, undefined);
    assert.equal(await vscode.env.clipboard.readText(), SENTINEL);
  });

  it('copySignedUrl with {expiresIn: 900} copies a CDN URL whose auth_key expires in 15 minutes', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await vscode.commands.executeCommand<SignedUrlCopied>('vodImages.copySignedUrl', id, { expiresIn: 900, outputType: 'cdn' });
    const url = await vscode.env.clipboard.readText();
    assert.ok(url.startsWith(`${endpoint}/image/`));
    const timestamp = authKeyTimestamp(url);
    assertNear(timestamp, before + 900, 30, 'auth_key timestamp');
    assert.equal(result?.expiresInSeconds, 900);
    assert.equal(result?.outputType, 'cdn');
    assert.equal(result?.expiresAt, new Date(timestamp * 1000).toISOString());
    // The command's result is for automation: it must not carry the URL itself.
    assert.ok(!JSON.stringify(result).includes('auth_key'));
  });

  it('copySignedUrl accepts a duration string and OSS: the URL carries Expires ≈ now + 2 h', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await vscode.commands.executeCommand<SignedUrlCopied>('vodImages.copySignedUrl', { imageId: id }, { expiresIn: '2h', outputType: 'oss' });
    const url = new URL(await vscode.env.clipboard.readText());
    assert.ok(url.pathname.startsWith('/oss/'), `an OSS URL, got path ${url.pathname}`);
    const expires = Number(url.searchParams.get('Expires'));
    assertNear(expires, before + 7200, 30, 'OSS Expires');
    assert.ok(url.searchParams.get('Signature'), 'the OSS URL is signed');
    assert.equal(result?.expiresInSeconds, 7200);
    assert.equal(result?.outputType, 'oss');
  });

  it('copySignedUrl refuses an OSS validity over 30 days before any request', async () => {
    const result = await vscode.commands.executeCommand('vodImages.copySignedUrl', id, { expiresIn: '31d', outputType: 'oss' });
    assert.equal(result, undefined);
    assert.equal(await vscode.env.clipboard.readText(), SENTINEL);
  });

  it('copySignedUrl refuses malformed options', async () => {
    for (const options of [{ expiresIn: 'soon' }, { expiresIn: -5 }, { outputType: 'ftp' }]) {
      const result = await vscode.commands.executeCommand('vodImages.copySignedUrl', id, options);
      assert.equal(result, undefined, JSON.stringify(options));
    }
    assert.equal(await vscode.env.clipboard.readText(), SENTINEL);
  });

  it('copySignedUrl of a missing image copies nothing', async () => {
    const result = await vscode.commands.executeCommand('vodImages.copySignedUrl', imageId('missing'), { expiresIn: 60 });
    assert.equal(result, undefined);
    assert.equal(await vscode.env.clipboard.readText(), SENTINEL);
  });

  describe('copySignedUrl with prompts', () => {
    const cover = imageIdFor('cover');
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    /** Quick picks open asynchronously and the API cannot observe them: give each one time to show. */
    async function inQuickPick(command: string): Promise<void> {
      await sleep(600);
      await vscode.commands.executeCommand(command);
    }

    it('closing the expiry quick pick cancels without copying', async () => {
      const pending = vscode.commands.executeCommand('vodImages.copySignedUrl', cover);
      await inQuickPick('workbench.action.closeQuickOpen');
      assert.equal(await pending, undefined);
      assert.equal(await vscode.env.clipboard.readText(), SENTINEL);
    });

    it('offers the setting (1 h) first, then remembers the last choice as the new default', async () => {
      // Run 1: Enter on the pre-selected expiry (1 hour, the setting's default) and on the pre-selected CDN.
      let before = Math.floor(Date.now() / 1000);
      let pending = vscode.commands.executeCommand<SignedUrlCopied>('vodImages.copySignedUrl', cover);
      await inQuickPick('workbench.action.acceptSelectedQuickOpenItem');
      await inQuickPick('workbench.action.acceptSelectedQuickOpenItem');
      let result = await pending;
      assert.equal(result?.expiresInSeconds, 3600);
      assert.equal(result?.outputType, 'cdn');
      assertNear(authKeyTimestamp(await vscode.env.clipboard.readText()), before + 3600, 30, 'default expiry');

      // Run 2: one step down (1 day), then CDN.
      await resetClipboard();
      before = Math.floor(Date.now() / 1000);
      pending = vscode.commands.executeCommand<SignedUrlCopied>('vodImages.copySignedUrl', cover);
      await inQuickPick('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await inQuickPick('workbench.action.acceptSelectedQuickOpenItem');
      result = await pending;
      assert.equal(result?.expiresInSeconds, 86400);
      assertNear(authKeyTimestamp(await vscode.env.clipboard.readText()), before + 86400, 30, 'chosen expiry');

      // Run 3: Enter, Enter: the remembered 1 day is now the default.
      await resetClipboard();
      pending = vscode.commands.executeCommand<SignedUrlCopied>('vodImages.copySignedUrl', cover);
      await inQuickPick('workbench.action.acceptSelectedQuickOpenItem');
      await inQuickPick('workbench.action.acceptSelectedQuickOpenItem');
      result = await pending;
      assert.equal(result?.expiresInSeconds, 86400);
    });
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hooks, sessionAfter } from './authHooks';
import { imageId, integrationEnv } from './hostEnv';

const G = vscode.ConfigurationTarget.Global;

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('vodImages');
}

describe('settings (real host)', () => {
  const touched = ['requestTimeout', 'urlExpiry', 'outputType', 'signatureVersion', 'region', 'hover.enabled'];
  afterEach(async () => {
    for (const key of touched) await config().update(key, undefined, G);
    await config().update('endpoint', integrationEnv().endpoint, G);
    await (await hooks()).settled();
  });

  it('reads typed values and follows changes', async () => {
    const h = await hooks();
    await config().update('requestTimeout', 7, G);
    await config().update('hover.enabled', false, G);
    await config().update('outputType', 'oss', G);
    const s = h.services.settings();
    assert.equal(s.requestTimeoutSeconds, 7);
    assert.equal(s.hoverEnabled, false);
    assert.equal(s.outputType, 'oss');
    assert.equal(s.endpoint, integrationEnv().endpoint);
  });

  it('replaces an invalid value by its default, with a warning naming the setting', async () => {
    const h = await hooks();
    await config().update('urlExpiry', -5, G);
    assert.equal(h.services.settings().urlExpirySeconds, 3600);
    assert.ok(h.warnings().some((w) => w.kind === 'settings' && w.message.includes('vodImages.urlExpiry')));
  });

  it('rebuilds the client when the signature version changes (V1 works against the emulator)', async () => {
    const h = await hooks();
    const before = await h.services.api();
    await sessionAfter(h, () => config().update('signatureVersion', 'v1', G), () => h.services.settings().signatureVersion === 'v1');
    const after = await h.services.api();
    assert.notEqual(after, before, 'a new client was built');
    assert.equal((await after.getImageInfo(imageId('any'))).ImageId, imageId('any'));
  });

  it('refuses a plain-http remote endpoint instead of sending signed requests to it', async () => {
    const h = await hooks();
    await sessionAfter(h, () => config().update('endpoint', 'http://vod.example.com', G), () => h.services.settings().endpoint === 'http://vod.example.com');
    await assert.rejects(h.services.api(), (e: { kind?: string; message?: string }) => e.kind === 'invalidInput' && /https/.test(e.message ?? ''));
    assert.ok(h.warnings().some((w) => w.message.includes('vodImages.endpoint')));
  });

  it('uses the region setting for environment credentials', async () => {
    const h = await hooks();
    const session = await sessionAfter(h, () => config().update('region', 'cn-beijing', G), (s) => s.region === 'cn-beijing');
    assert.equal(session.label, 'env');
    assert.match(h.statusBar().text, /env · cn-beijing$/);
  });
});

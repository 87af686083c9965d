import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FORBIDDEN_CREDENTIALS, STS_CREDENTIALS } from '../emulator/credentials';
import { hooks, sessionAfter, signOutAll } from './authHooks';
import { imageId } from './hostEnv';

/** The demo key the host runner passes in the environment (the emulator's main key). */
function demoKey(): { accessKeyId: string; accessKeySecret: string } {
  const accessKeyId = process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  const accessKeySecret = process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  if (!accessKeyId || !accessKeySecret) throw new Error('the host runner passed no demo credentials');
  return { accessKeyId, accessKeySecret };
}

interface SignInOutcome {
  ok: boolean;
  reason?: string;
  problem?: string;
  message?: string;
  storage?: string;
  warning?: string;
  imageCount?: number;
}

function signIn(args: Record<string, unknown>): Thenable<SignInOutcome> {
  return vscode.commands.executeCommand<SignInOutcome>('vodImages.signIn', args);
}

/** Every configured value of every section this extension reads, as text. */
function settingsDump(): string {
  const sections = ['vodImages', 'http'];
  return JSON.stringify(sections.map((s) => vscode.workspace.getConfiguration(s)));
}

describe('credentials: sign in, switch, sign out (real host, emulator)', () => {
  afterEach(async () => {
    const h = await hooks();
    h.setSecretStorageFailing(false);
    await signOutAll(h);
  });

  it('with no stored profile, uses the environment credentials (label "env") and can call VOD', async () => {
    const h = await hooks();
    const session = h.services.session();
    assert.equal(session.signedIn, true);
    assert.equal(session.label, 'env');
    assert.equal(session.source, 'environment');
    assert.match(h.statusBar().text, / env · cn-shanghai$/);
    const info = await (await h.services.api()).getImageInfo(imageId('any'));
    assert.equal(info.ImageId, imageId('any'));
  });

  it('signs in from arguments: status bar shows the profile, the secret is in SecretStorage only', async () => {
    const h = await hooks();
    const key = demoKey();
    let outcome: SignInOutcome | undefined;
    const session = await sessionAfter(
      h,
      async () => (outcome = await signIn({ profile: 'it-main', ...key, region: 'cn-beijing' })),
      (s) => s.label === 'it-main',
    );
    assert.equal(outcome?.ok, true, JSON.stringify(outcome));
    assert.equal(outcome?.storage, 'secretStorage');
    assert.ok((outcome?.imageCount ?? 0) > 0, 'the check call found the fixture images');
    assert.deepEqual({ label: session.label, region: session.region, source: session.source }, { label: 'it-main', region: 'cn-beijing', source: 'profile' });
    assert.equal(h.statusBar().text, '$(file-media) it-main · cn-beijing');
    assert.equal(h.statusBar().command, 'vodImages.switchProfile');

    const raw = await h.rawSecret('it-main');
    assert.ok(raw?.includes(key.accessKeySecret), 'the secret is in SecretStorage');
    const state = h.globalStateDump();
    assert.ok(state.includes('it-main'), 'the profile name is in global state');
    assert.ok(!state.includes(key.accessKeySecret), 'no secret in global state');
    assert.ok(!state.includes(key.accessKeyId), 'only a masked key ID in global state');
    assert.ok(!settingsDump().includes(key.accessKeySecret), 'no secret in settings');

    // The new session works end to end.
    const info = await (await h.services.api()).getImageInfo(imageId('any'));
    assert.equal(info.ImageId, imageId('any'));
  });

  it('switches between profiles and back to the environment chain', async () => {
    const h = await hooks();
    await signIn({ profile: 'it-main', ...demoKey() });
    const sts = await signIn({ profile: 'it-sts', ...STS_CREDENTIALS });
    assert.equal(sts.ok, true, JSON.stringify(sts));
    assert.equal(h.services.session().label, 'it-sts');
    assert.ok((await (await h.services.api()).getImageInfo(imageId('any'))).ImageId);

    await sessionAfter(h, () => vscode.commands.executeCommand('vodImages.switchProfile', 'it-main'), (s) => s.label === 'it-main');
    assert.match(h.statusBar().text, /it-main · cn-shanghai$/);
    await sessionAfter(h, () => vscode.commands.executeCommand('vodImages.switchProfile', { profile: null }), (s) => s.label === 'env');
    await sessionAfter(h, () => vscode.commands.executeCommand('vodImages.switchProfile', { profile: 'it-sts' }), (s) => s.label === 'it-sts');
  });

  it('refuses a wrong secret with a clear message that does not contain it, and stores nothing', async () => {
    const h = await hooks();
    const wrong = 'WrongSecretForTheDemoKey00001';
    const outcome = await signIn({ profile: 'it-bad', accessKeyId: demoKey().accessKeyId, accessKeySecret: wrong });
    assert.equal(outcome.ok, false);
    assert.equal(outcome.reason, 'rejected');
    assert.equal(outcome.problem, 'badSecret');
    assert.match(outcome.message ?? '', /secret/i);
    assert.match(outcome.message ?? '', /SignatureDoesNotMatch/);
    assert.ok(!JSON.stringify(outcome).includes(wrong));
    assert.equal(await h.rawSecret('it-bad'), undefined);
    assert.ok(!h.globalStateDump().includes('it-bad'));
    assert.equal(h.services.session().label, 'env', 'the session did not change');
  });

  it('refuses an unknown key ID, and rejects malformed arguments before any call', async () => {
    const unknown = await signIn({ profile: 'it-bad', accessKeyId: 'LTAI5tNoSuchKeyAtAll0001', accessKeySecret: 'x1234567' });
    assert.equal(unknown.problem, 'unknownKey');
    const malformed = await signIn({ profile: 'it bad', accessKeyId: 'LTAI', accessKeySecret: 'SecretThatMustNotEcho99' });
    assert.equal(malformed.reason, 'invalidArguments');
    assert.ok(!JSON.stringify(malformed).includes('SecretThatMustNotEcho99'));
  });

  it('saves a key without RAM permission but warns how to fix it', async () => {
    const outcome = await signIn({ profile: 'it-noperm', ...FORBIDDEN_CREDENTIALS });
    assert.equal(outcome.ok, true);
    assert.match(outcome.warning ?? '', /permission/i);
    assert.match(outcome.warning ?? '', /Forbidden/);
  });

  it('signs out: the secret and the profile are gone and the environment applies again', async () => {
    const h = await hooks();
    await signIn({ profile: 'it-main', ...demoKey() });
    assert.ok(await h.rawSecret('it-main'));
    const session = await sessionAfter(h, () => vscode.commands.executeCommand('vodImages.signOut', { profile: 'it-main', confirmed: true }), (s) => s.label === 'env');
    assert.equal(session.source, 'environment');
    assert.equal(await h.rawSecret('it-main'), undefined);
    assert.ok(!h.globalStateDump().includes('it-main'));
  });

  it('follows a sign-out made elsewhere (secrets.onDidChange)', async () => {
    const h = await hooks();
    await signIn({ profile: 'it-main', ...demoKey() });
    const session = await sessionAfter(h, () => h.rawDeleteSecret('it-main'), (s) => !s.signedIn);
    assert.equal(session.label, undefined);
    assert.match(h.statusBar().text, /Sign in/);
    await assert.rejects(h.services.api(), (e: { kind?: string }) => e.kind === 'noCredentials');
  });

  it('falls back to a session-only memory store, visibly, when SecretStorage fails', async () => {
    const h = await hooks();
    h.setSecretStorageFailing(true);
    const key = demoKey();
    const outcome = await signIn({ profile: 'it-memory', ...key });
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.equal(outcome.storage, 'memory');
    assert.equal(h.storeMode(), 'memory');
    assert.ok(h.warnings().some((w) => w.kind === 'secretStorage' && /session/i.test(w.message)));
    assert.equal(h.services.session().label, 'it-memory');
    assert.equal(h.services.session().sessionOnly, true);
    assert.match(h.statusBar().text, /^\$\(warning\) it-memory/);
    assert.match(h.statusBar().tooltip, /session only/i);
    assert.ok((await (await h.services.api()).getImageInfo(imageId('any'))).ImageId, 'memory credentials work');
    h.setSecretStorageFailing(false);
    assert.equal(await h.rawSecret('it-memory'), undefined, 'nothing reached SecretStorage');
    assert.ok(!h.globalStateDump().includes(key.accessKeySecret));
  });
});

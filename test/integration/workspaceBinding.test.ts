/**
 * A profile (and region) bound to this workspace only (issue 14): `vodImages.switchProfile` with
 * `{workspace: true, profile, region}` binds, `{workspace: null}` unbinds.
 *
 * "Another window" cannot be opened from here: the test host runs one workbench with one extension
 * host. What another window reads is shared with this one (global state: the profile list and which
 * one is active; SecretStorage: the keys), while its workspace state is its own. So the suite checks
 * that binding leaves global state as it was, and resolves a session from the shared stores with no
 * binding, exactly as another window's ServiceHost does, to see which key that window would sign with.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STS_CREDENTIALS } from '../emulator/credentials';
import { resolveSession } from '../../src/ui/auth/session';
import type { CredentialStore } from '../../src/ui/credentialStore';
import { ProfileRegistry, PROFILES_STATE_KEY } from '../../src/ui/profiles';
import { WORKSPACE_BINDING_KEY } from '../../src/ui/profileStateKey';
import type { TestHooks } from '../../src/ui/auth/testHooks';
import { hooks, sessionAfter, signOutAll } from './authHooks';
import { explorer } from './explorerApi';
import { imageId, integrationEnv } from './hostEnv';

/** Signs in globally; this window's choice follows it while nothing is bound. */
const WINDOW_PROFILE = 'it-window';
/** Bound to this workspace with a region of its own. */
const PROJECT_PROFILE = 'it-project';
const PROJECT_REGION = 'ap-southeast-1';

function demoKey(): { accessKeyId: string; accessKeySecret: string } {
  const accessKeyId = process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  const accessKeySecret = process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  if (!accessKeyId || !accessKeySecret) throw new Error('the host runner passed no demo credentials');
  return { accessKeyId, accessKeySecret };
}

type Outcome = { ok: boolean; profile?: string; message?: string };

function switchProfile(arg: unknown): Thenable<Outcome> {
  return vscode.commands.executeCommand<Outcome>('vodImages.switchProfile', arg);
}

async function signIn(profile: string, key: { accessKeyId: string; accessKeySecret: string; securityToken?: string }, region: string): Promise<void> {
  const outcome = await vscode.commands.executeCommand<Outcome>('vodImages.signIn', { profile, ...key, region });
  assert.equal(outcome.ok, true, JSON.stringify(outcome));
}

/** Authenticated calls the emulator answered so far, by the AccessKey ID that signed them. */
async function callsByKey(): Promise<Record<string, number>> {
  const response = await fetch(`${integrationEnv().control}/__emulator/stats`);
  return ((await response.json()) as { byAccessKey: Record<string, number> }).byAccessKey;
}

/**
 * One GetImageInfo through the client every feature uses; returns the keys that signed the calls this
 * window made meanwhile. Keys, not counts: a background lookup (the explorer refreshing after the
 * session changed) may land in the same moment, and it must be signed by the same key too.
 */
async function keysOfOneLookup(h: TestHooks): Promise<string[]> {
  await h.settled();
  const before = await callsByKey();
  const info = await (await h.services.api()).getImageInfo(imageId('any'));
  assert.equal(info.ImageId, imageId('any'));
  const after = await callsByKey();
  return Object.keys(after)
    .filter((key) => (after[key] ?? 0) > (before[key] ?? 0))
    .sort();
}

/** The globally active profile: what every window without a binding of its own uses. */
function globalActive(h: TestHooks): string | undefined {
  const state = JSON.parse(h.globalStateDump()) as Record<string, { active?: string } | undefined>;
  return state[PROFILES_STATE_KEY]?.active;
}

/** The session another window (same global state and SecretStorage, no binding) resolves, and its key ID. */
async function otherWindowKeyId(h: TestHooks): Promise<{ label: string | undefined; accessKeyId: string | undefined }> {
  const store = (h.services as unknown as { store: Pick<CredentialStore, 'get'> }).store;
  const session = await resolveSession({
    profiles: new ProfileRegistry(h.services.context.globalState),
    store,
    chain: () => Promise.resolve(undefined),
    binding: undefined,
    settingRegion: 'cn-shanghai',
    settingRegionExplicit: false,
  });
  return session.kind === 'profile' ? { label: session.profile.name, accessKeyId: session.credentials.accessKeyId } : { label: undefined, accessKeyId: undefined };
}

async function explorerDescription(): Promise<string | undefined> {
  return (await explorer()).view.description;
}

describe('profile bound to this workspace (real host, emulator)', () => {
  let h: TestHooks;

  before(async () => {
    h = await hooks();
    await switchProfile({ workspace: null });
    await signOutAll(h);
    // The second sign-in makes its profile the global one: the project profile first, the window's last.
    await signIn(PROJECT_PROFILE, STS_CREDENTIALS, 'cn-beijing');
    await signIn(WINDOW_PROFILE, demoKey(), 'cn-shanghai');
    await h.settled();
  });

  after(async () => {
    // Later suites expect an unbound workspace on the environment credentials.
    await switchProfile({ workspace: null });
    await signOutAll(h);
    assert.equal(h.services.context.workspaceState.get(WORKSPACE_BINDING_KEY), undefined);
    assert.equal(h.services.session().label, 'env');
  });

  it('before binding, this window and the others use the global profile', async () => {
    const session = h.services.session();
    assert.deepEqual({ label: session.label, region: session.region, bound: session.boundToWorkspace }, { label: WINDOW_PROFILE, region: 'cn-shanghai', bound: false });
    assert.equal(globalActive(h), WINDOW_PROFILE);
    assert.deepEqual(await keysOfOneLookup(h), [demoKey().accessKeyId]);
  });

  it('binds the second profile with a region: requests, the explorer title and the status bar follow; other windows do not', async () => {
    let outcome: Outcome | undefined;
    const session = await sessionAfter(
      h,
      async () => (outcome = await switchProfile({ workspace: true, profile: PROJECT_PROFILE, region: PROJECT_REGION })),
      (s) => s.label === PROJECT_PROFILE && s.boundToWorkspace === true,
    );
    assert.deepEqual(outcome, { ok: true, profile: PROJECT_PROFILE });
    assert.deepEqual({ region: session.region, source: session.source }, { region: PROJECT_REGION, source: 'profile' });

    // (a) The client every feature uses now signs with the bound profile's key, and only with it.
    assert.deepEqual(await keysOfOneLookup(h), [STS_CREDENTIALS.accessKeyId]);

    // (b) The explorer's title and the status bar name the bound profile and its region.
    assert.equal(await explorerDescription(), `$(root-folder) ${PROJECT_PROFILE} · ${PROJECT_REGION}`);
    const bar = h.statusBar();
    assert.equal(bar.text, `$(root-folder) ${PROJECT_PROFILE} · ${PROJECT_REGION}`);
    assert.equal(bar.command, 'vodImages.switchProfile');
    assert.match(bar.tooltip, new RegExp(`^VOD Images: ${PROJECT_PROFILE} in ${PROJECT_REGION}\\. `));
    assert.match(bar.tooltip, /Chosen for this workspace only\./);

    // (c) The binding is in this workspace's state only; the global choice other windows read is unchanged.
    assert.deepEqual(h.services.context.workspaceState.get(WORKSPACE_BINDING_KEY), { profile: PROJECT_PROFILE, region: PROJECT_REGION });
    assert.equal(globalActive(h), WINDOW_PROFILE);
    assert.ok(!JSON.stringify(h.services.context.globalState.get(WORKSPACE_BINDING_KEY) ?? null).includes(PROJECT_PROFILE), 'no binding in global state');
    assert.deepEqual(await otherWindowKeyId(h), { label: WINDOW_PROFILE, accessKeyId: demoKey().accessKeyId });
  });

  it('refuses to bind a profile that is not stored, and keeps the binding it has', async () => {
    const outcome = await switchProfile({ workspace: true, profile: 'it-nowhere', region: 'cn-hangzhou' });
    assert.equal(outcome.ok, false);
    assert.match(outcome.message ?? '', /it-nowhere/);
    assert.deepEqual(h.services.context.workspaceState.get(WORKSPACE_BINDING_KEY), { profile: PROJECT_PROFILE, region: PROJECT_REGION });
    assert.equal(h.services.session().label, PROJECT_PROFILE);
  });

  it('while bound, choosing other credentials in this window changes the binding, not the other windows', async () => {
    // `{profile: null}` is the menu's "Environment / Alibaba Cloud CLI credentials".
    const env = await sessionAfter(h, () => switchProfile({ profile: null }), (s) => s.label === 'env');
    assert.deepEqual({ source: env.source, bound: env.boundToWorkspace }, { source: 'environment', bound: true });
    assert.equal(h.statusBar().text, `$(root-folder) env · ${env.region}`);
    assert.equal(globalActive(h), WINDOW_PROFILE, 'the other windows keep the global profile');
    assert.deepEqual(await otherWindowKeyId(h), { label: WINDOW_PROFILE, accessKeyId: demoKey().accessKeyId });

    // A stored profile chosen by name: bound with its own region, global state untouched again.
    const named = await sessionAfter(h, () => switchProfile(PROJECT_PROFILE), (s) => s.label === PROJECT_PROFILE);
    assert.deepEqual({ region: named.region, bound: named.boundToWorkspace }, { region: 'cn-beijing', bound: true });
    assert.deepEqual(await keysOfOneLookup(h), [STS_CREDENTIALS.accessKeyId]);
    assert.equal(globalActive(h), WINDOW_PROFILE);
  });

  it('while bound, the menu\'s region item changes this window\'s region only, not the stored profile\'s', async () => {
    const storedRegions = (): Record<string, string> => {
      const state = JSON.parse(h.globalStateDump()) as Record<string, { profiles?: { name: string; region: string }[] } | undefined>;
      return Object.fromEntries((state[PROFILES_STATE_KEY]?.profiles ?? []).map((p) => [p.name, p.region]));
    };
    const storedBefore = storedRegions();
    const regionBefore = h.services.session().region;
    // Quick picks open asynchronously and the API cannot observe them: give each one time to show.
    const inQuickPick = async (command: string): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await vscode.commands.executeCommand(command);
    };
    const pending = vscode.commands.executeCommand<Outcome>('vodImages.switchProfile');
    // The menu: the two stored profiles, (a separator), the environment item, then the region item.
    await inQuickPick('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    // The region list opens on the current region: the next one is another.
    await inQuickPick('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const outcome = await pending;
    assert.deepEqual(outcome, { ok: true, profile: PROJECT_PROFILE });
    const session = await sessionAfter(h, () => Promise.resolve(), (s) => s.region !== regionBefore);
    assert.deepEqual({ label: session.label, bound: session.boundToWorkspace }, { label: PROJECT_PROFILE, bound: true });
    assert.deepEqual(h.services.context.workspaceState.get(WORKSPACE_BINDING_KEY), { profile: PROJECT_PROFILE, region: session.region });
    assert.deepEqual(storedRegions(), storedBefore, 'the stored profiles (what other windows use) keep their regions');
    assert.equal(globalActive(h), WINDOW_PROFILE);
  });

  it('{workspace: null} unbinds: everything returns to the global profile', async () => {
    let outcome: Outcome | undefined;
    const session = await sessionAfter(
      h,
      async () => (outcome = await switchProfile({ workspace: null })),
      (s) => s.label === WINDOW_PROFILE && s.boundToWorkspace === false,
    );
    assert.equal(outcome?.ok, true);
    assert.deepEqual({ region: session.region, source: session.source }, { region: 'cn-shanghai', source: 'profile' });
    assert.equal(h.services.context.workspaceState.get(WORKSPACE_BINDING_KEY), undefined);

    assert.deepEqual(await keysOfOneLookup(h), [demoKey().accessKeyId]);
    assert.equal(await explorerDescription(), `${WINDOW_PROFILE} · cn-shanghai`);
    assert.equal(h.statusBar().text, `$(file-media) ${WINDOW_PROFILE} · cn-shanghai`);
    assert.doesNotMatch(h.statusBar().tooltip, /this workspace only/);
    assert.equal(globalActive(h), WINDOW_PROFILE);
  });
});

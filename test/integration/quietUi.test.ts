/**
 * Quiet in windows that do not use VOD: the status bar entry waits for a stored profile or an image
 * ID in the workspace, and the editor context menu's VOD submenu waits for an ID under the cursor or
 * in the selection (context key `vodImages.editorHasImageId`).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { StatusBar, type StatusBarSource } from '../../src/ui/statusBar';
import { VodPresence, PRESENCE_STATE_KEY } from '../../src/ui/vodPresence';
import type { SessionState } from '../../src/ui/services';
import { hooks } from './authHooks';
import { activated } from './extension';
import { imageId } from './hostEnv';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return (this.values.has(key) ? this.values.get(key) : fallback) as T | undefined;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(50);
  }
}

describe('status bar: only in windows that use VOD', () => {
  /** The extension's ServiceHost, with its profile list replaced by a stub we control. */
  function source(profiles: unknown[], sessions: vscode.EventEmitter<SessionState>, real: StatusBarSource): StatusBarSource {
    return {
      onDidChangeSession: sessions.event,
      currentSession: () => real.currentSession(),
      storeMode: real.storeMode,
      settings: () => real.settings(),
      profiles: { list: () => profiles },
    };
  }

  it('a fresh window with environment credentials only shows nothing; an ID seen or a stored profile shows it', async () => {
    const h = await hooks();
    const real = h.services as unknown as StatusBarSource;
    const sessions = new vscode.EventEmitter<SessionState>();
    const profiles: unknown[] = [];
    const state = new MemoryMemento();
    const presence = new VodPresence(state);
    const bar = new StatusBar(source(profiles, sessions, real), presence);
    try {
      assert.equal(bar.current().visible, false, 'hidden before anything happened');
      sessions.fire(h.services.session());
      assert.equal(bar.current().visible, false, 'environment credentials alone do not show it');
      assert.match(bar.current().text, /env · /);

      profiles.push({ name: 'stored' });
      sessions.fire(h.services.session());
      assert.equal(bar.current().visible, true, 'a stored profile shows it');

      profiles.length = 0;
      sessions.fire(h.services.session());
      assert.equal(bar.current().visible, false, 'signing out of the last profile hides it again');

      presence.note();
      assert.equal(bar.current().visible, true, 'an image ID in the workspace shows it');
      assert.equal(state.get(PRESENCE_STATE_KEY), true, 'remembered for the next start of this workspace');
      const next = new StatusBar(source([], sessions, real), new VodPresence(state));
      assert.equal(next.current().visible, true, 'the next start shows it at once');
      next.dispose();
    } finally {
      bar.dispose();
      presence.dispose();
      sessions.dispose();
    }
  });

  it('the extension notes an ID on screen, so its entry is shown in this (test) workspace', async () => {
    const h = await hooks();
    const doc = await vscode.workspace.openTextDocument({ content: `cover: ${imageId('png')}\n`, language: 'yaml' });
    await vscode.window.showTextDocument(doc);
    await until('the status bar entry to show', () => h.statusBar().visible);
    assert.equal(h.services.context.workspaceState.get(PRESENCE_STATE_KEY), true);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

describe('editor context key vodImages.editorHasImageId', () => {
  let api: ExtensionApi;
  before(async () => {
    api = (await activated()).exports as ExtensionApi;
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeActiveEditor'));

  const hasId = () => api.testHooks?.editorHasImageId() === true;

  it('flips with the cursor and the selection', async () => {
    const id = imageId('jpeg');
    const doc = await vscode.workspace.openTextDocument({ content: `no id here\nimage: ${id}\nstill none\n`, language: 'yaml' });
    const editor = await vscode.window.showTextDocument(doc);

    editor.selection = new vscode.Selection(0, 3, 0, 3);
    await sleep(300);
    assert.equal(hasId(), false, 'cursor on a line without an ID');

    editor.selection = new vscode.Selection(1, 12, 1, 12);
    await until('key true with the cursor on the ID', hasId);

    editor.selection = new vscode.Selection(2, 0, 2, 5);
    await until('key false with a selection without an ID', () => !hasId());

    editor.selection = new vscode.Selection(0, 0, 2, 3);
    await until('key true with a selection holding the ID', hasId);

    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await until('key false with no editor', () => !hasId());
  });
});

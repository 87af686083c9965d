import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { readBinding, writeBinding, WORKSPACE_BINDING_KEY } from '../../src/ui/workspaceBinding';

class MemoryMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return (this.values.has(key) ? this.values.get(key) : fallback) as T | undefined;
  }
  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    return Promise.resolve();
  }
}

describe('ui workspace binding (workspace state)', () => {
  it('round-trips a stored profile, a CLI profile and the credential chain, each with or without a region', async () => {
    const state = new MemoryMemento();
    for (const binding of [{ profile: 'work', region: 'ap-southeast-1' }, { cliProfile: 'role' }, { chain: true as const }, { chain: true as const, region: 'cn-hangzhou' }]) {
      await writeBinding(state, binding);
      assert.deepEqual(readBinding(state), binding);
    }
    await writeBinding(state, undefined);
    assert.equal(readBinding(state), undefined);
  });

  it('ignores a hand-edited value it cannot trust', () => {
    const state = new MemoryMemento();
    for (const bad of [{ chain: false }, { chain: 'yes' }, { profile: '' }, { cliProfile: 'x'.repeat(129) }, 'work', 42, null]) {
      state.values.set(WORKSPACE_BINDING_KEY, bad);
      assert.equal(readBinding(state), undefined, JSON.stringify(bad));
    }
  });
});

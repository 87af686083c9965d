/** The explorer's test API and the emulator's call counts, shared by the explorer suites. */
import * as assert from 'node:assert/strict';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerTestApi } from '../../src/ui/explorer';
import type { ExplorerNode } from '../../src/ui/explorer/nodes';
import { activated } from './extension';
import { integrationEnv } from './hostEnv';

/** The explorer once the extension and its deferred features are up and the session is settled. */
export async function explorer(): Promise<ExplorerTestApi> {
  const api = (await activated()).exports as ExtensionApi;
  await api.ready;
  assert.ok(api.explorer, 'the extension exported no explorer test API');
  await api.testHooks?.settled();
  return api.explorer;
}

export async function children(x: ExplorerTestApi, node?: ExplorerNode): Promise<ExplorerNode[]> {
  return (await x.tree.getChildren(node)) ?? [];
}

/** API calls the emulator has answered since it started, by action. */
export async function emulatorStats(): Promise<{ byAction: Record<string, number> }> {
  const response = await fetch(`${integrationEnv().control}/__emulator/stats`);
  return (await response.json()) as { byAction: Record<string, number> };
}

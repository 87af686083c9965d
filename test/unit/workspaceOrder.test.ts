/**
 * This Workspace's order kept through index changes (only the changed IDs move) must equal a full sort
 * by first occurrence after every change.
 */
import { seededRandom } from './support/randomInputs';
import assert from 'node:assert/strict';
import { WorkspaceOrder } from '../../src/vod/explorer/workspaceOrder';
import type { TextOccurrence } from '../../src/vod/scan/scanText';
import { WorkspaceIndex } from '../../src/vod/scan/workspaceIndex';

describe('explorer: This Workspace order kept through index changes', () => {
  it('equals a full sort by first occurrence after every change, small or large', () => {
    const next = seededRandom(11);
    const random = (n: number): number => Math.floor(next() * n);
    const ids = Array.from({ length: 120 }, (_, i) => (i * 7919).toString(16).padStart(32, '0'));
    const files = Array.from({ length: 200 }, (_, i) => `file:///w/${'deep/'.repeat(i % 5)}${String.fromCharCode(97 + (i % 26))}${i}.ts`);
    const index = new WorkspaceIndex();
    const kept = new WorkspaceOrder(index);
    index.onDidChange((change) => kept.changed(change.ids));
    const occurrences = (): TextOccurrence[] =>
      Array.from({ length: random(4) }, (_, k) => ({ id: ids[random(ids.length)]!, line: k * 3 + random(3), character: random(60), length: 32 })).filter(
        (o, i, all) => all.findIndex((p) => p.line === o.line && p.character === o.character) === i,
      );
    let checked = 0;
    for (let step = 0; step < 1500; step++) {
      const op = random(20);
      if (op === 0) {
        // A burst, as a scan folds in: one change event for many files (sometimes most of the IDs).
        index.batch(() => {
          for (let k = random(120); k > 0; k--) index.replaceFile(files[random(files.length)]!, occurrences());
        });
      } else if (op === 1) index.removeFile(files[random(files.length)]!);
      else index.replaceFile(files[random(files.length)]!, occurrences());
      if (step % 3 === 0) {
        assert.deepEqual(kept.ids(), new WorkspaceOrder(index).ids(), `step ${step}`);
        checked += 1;
      }
    }
    assert.ok(checked > 400);
  });
});

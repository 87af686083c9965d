/** eachWithLimit: the bounded pool the scan's file-system questions go through. */
import assert from 'node:assert/strict';
import { eachWithLimit } from '../../src/vod/concurrency';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('eachWithLimit', () => {
  it('runs every item once, starting them in order, never more than the limit at a time', async () => {
    const items = Array.from({ length: 37 }, (_, i) => i);
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    await eachWithLimit(items, 5, async (item, index) => {
      assert.equal(item, index);
      started.push(item);
      inFlight += 1;
      most = Math.max(most, inFlight);
      for (let i = 0; i < (item % 4) + 1; i++) await tick();
      inFlight -= 1;
    });
    assert.deepEqual(started, items);
    assert.equal(most, 5);
  });

  it('starts nothing more once stop() says so, and lets the running ones finish', async () => {
    let stopped = false;
    const finished: number[] = [];
    await eachWithLimit(Array.from({ length: 50 }, (_, i) => i), 3, async (item) => {
      await tick();
      if (item === 4) stopped = true;
      finished.push(item);
    }, () => stopped);
    assert.ok(finished.includes(4));
    assert.ok(finished.length < 10, `${finished.length} tasks ran after the stop`);
  });

  it('rejects with a task\'s error, and treats a limit below one as one', async () => {
    await assert.rejects(eachWithLimit([1, 2, 3], 2, async (item) => {
      if (item === 2) throw new Error('no such path');
    }), /no such path/);
    const seen: number[] = [];
    await eachWithLimit([1, 2], 0, async (item) => void seen.push(item));
    assert.deepEqual(seen, [1, 2]);
    await eachWithLimit([], 4, async () => assert.fail('no item, no task'));
  });
});

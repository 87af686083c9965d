/**
 * Recent (MRU of 50) and Pinned, including reading back whatever a state file may hold.
 */
import assert from 'node:assert/strict';
import { PINNED_LIMIT, PinnedSet } from '../../src/vod/explorer/pinnedSet';
import { RECENT_LIMIT, RecentList } from '../../src/vod/explorer/recentList';

const id = (n: number): string => `a${n.toString(16).padStart(31, '0')}`;

describe('explorer: RecentList', () => {
  it('lists the most recent first and moves a repeated lookup to the front', () => {
    const recent = new RecentList();
    assert.equal(recent.add(id(1)), true);
    assert.equal(recent.add(id(2)), true);
    assert.equal(recent.add(id(3)), true);
    assert.equal(recent.add(id(1)), true);
    assert.deepEqual(recent.ids(), [id(1), id(3), id(2)]);
    assert.equal(recent.add(id(1)), false, 'already first: unchanged');
    assert.equal(recent.size, 3);
  });

  it('keeps the last 50 and forgets the oldest', () => {
    const recent = new RecentList();
    for (let n = 0; n < 60; n++) recent.add(id(n));
    assert.equal(RECENT_LIMIT, 50);
    assert.equal(recent.size, 50);
    assert.equal(recent.ids()[0], id(59));
    assert.equal(recent.ids()[49], id(10));
    assert.equal(recent.has(id(9)), false);
  });

  it('ignores things that are not IDs', () => {
    const recent = new RecentList();
    assert.equal(recent.add(''), false);
    assert.equal(recent.add('not an id!'), false);
    assert.equal(recent.size, 0);
  });

  it('removes and clears', () => {
    const recent = new RecentList([id(1), id(2)]);
    assert.equal(recent.remove(id(1)), true);
    assert.equal(recent.remove(id(1)), false);
    assert.equal(recent.clear(), true);
    assert.equal(recent.clear(), false);
  });

  it('round-trips through its JSON form and restores defensively', () => {
    const recent = new RecentList();
    for (const n of [5, 6, 7, 5]) recent.add(id(n));
    const stored = JSON.parse(JSON.stringify(recent)) as unknown;
    assert.deepEqual(stored, [id(5), id(7), id(6)]);
    assert.deepEqual(RecentList.restore(stored).ids(), recent.ids());

    assert.deepEqual(RecentList.restore(undefined).ids(), []);
    assert.deepEqual(RecentList.restore({ 0: id(1) }).ids(), []);
    assert.deepEqual(RecentList.restore([id(1), 42, null, 'bad id', id(1), id(2)]).ids(), [id(1), id(2)]);
    const many = Array.from({ length: 80 }, (_, n) => id(n));
    assert.deepEqual(RecentList.restore(many).ids(), many.slice(0, 50), 'the 50 most recent are kept');
  });
});

describe('explorer: PinnedSet', () => {
  it('pins in order, refuses duplicates and non-IDs, unpins', () => {
    const pinned = new PinnedSet();
    assert.equal(pinned.pin(id(2)), 'pinned');
    assert.equal(pinned.pin(id(1)), 'pinned');
    assert.equal(pinned.pin(id(2)), 'alreadyPinned');
    assert.equal(pinned.pin('x y'), 'invalid');
    assert.deepEqual(pinned.ids(), [id(2), id(1)]);
    assert.equal(pinned.unpin(id(2)), true);
    assert.equal(pinned.unpin(id(2)), false);
    assert.deepEqual(pinned.toJSON(), [id(1)]);
  });

  it('is bounded', () => {
    const pinned = new PinnedSet([], 3);
    for (let n = 0; n < 3; n++) assert.equal(pinned.pin(id(n)), 'pinned');
    assert.equal(pinned.pin(id(9)), 'full');
    assert.equal(pinned.size, 3);
    assert.ok(PINNED_LIMIT >= 100);
  });

  it('restores from stored state, dropping junk', () => {
    assert.deepEqual(PinnedSet.restore([id(3), id(3), 7, id(4)]).ids(), [id(3), id(4)]);
    assert.deepEqual(PinnedSet.restore('nope').ids(), []);
  });
});

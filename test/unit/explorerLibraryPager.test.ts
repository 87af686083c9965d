/**
 * The Library pager over a scripted search function and over the emulator, whose SearchMedia
 * reaches only the first 5,000 matches (the bulk fixtures make that real).
 */
import assert from 'node:assert/strict';
import type { SearchImagesQuery, SearchImagesResult } from '../../src/vod/api';
import type { VodClient } from '../../src/vod/client';
import { VodError } from '../../src/vod/errors';
import { msg } from '../../src/vod/messages';
import { LIBRARY_PAGE_SIZE, LibraryPager, SEARCH_WINDOW, searchWindowNotice } from '../../src/vod/explorer/libraryPager';
import type { ImageInfo } from '../../src/vod/schemas';
import { emulatorSuite } from './support/emulatorSuite';

const info = (n: number): ImageInfo => ({ ImageId: `img${n}` });

/** Serves `count` images in pages, like SearchMedia (nothing past the window); records every query. */
function fakeSearch(count: number, reportedTotal = count) {
  const queries: SearchImagesQuery[] = [];
  const search = async (query: SearchImagesQuery): Promise<SearchImagesResult> => {
    queries.push(query);
    const pageNo = query.pageNo ?? 1;
    const size = query.pageSize ?? 10;
    const reachable = pageNo * size <= SEARCH_WINDOW;
    const images = reachable ? Array.from({ length: Math.max(0, Math.min(size, count - (pageNo - 1) * size)) }, (_, i) => info((pageNo - 1) * size + i)) : [];
    return { total: reportedTotal, images, mediaList: images.map((image) => ({ MediaId: image.ImageId, Image: image })), requestId: undefined };
  };
  return { search, queries };
}

describe('explorer: LibraryPager', () => {
  it('loads pages of 50 with the query and sort, and stops at the total', async () => {
    const { search, queries } = fakeSearch(120);
    const pager = new LibraryPager(search, { match: "Title = 'x'", sortBy: 'CreationTime:Asc' });
    assert.equal(pager.hasMore, true);
    assert.equal(pager.total, undefined);
    const first = await pager.loadMore();
    assert.equal(first.added.length, 50);
    assert.equal(first.total, 120);
    assert.equal(first.hasMore, true);
    await pager.loadMore();
    const last = await pager.loadMore();
    assert.equal(last.added.length, 20);
    assert.equal(last.hasMore, false);
    assert.equal(pager.images.length, 120);
    assert.deepEqual(
      queries.map((q) => [q.pageNo, q.pageSize, q.match, q.sortBy]),
      [1, 2, 3].map((n) => [n, LIBRARY_PAGE_SIZE, "Title = 'x'", 'CreationTime:Asc']),
    );
    assert.deepEqual(await pager.loadMore(), { added: [], addedAssets: [], total: 120, hasMore: false });
    assert.equal(queries.length, 3, 'no call once everything is loaded');
    assert.equal(pager.windowLimited, false);
  });

  it('joins a concurrent loadMore instead of skipping a page', async () => {
    const { search, queries } = fakeSearch(200);
    const pager = new LibraryPager(search);
    const [a, b] = await Promise.all([pager.loadMore(), pager.loadMore()]);
    assert.equal(a, b);
    assert.deepEqual(queries.map((q) => q.pageNo), [1]);
  });

  it('drops images already listed when pages shift, and ends on a short page', async () => {
    let call = 0;
    const pager = new LibraryPager(async () => {
      call += 1;
      // Page 2 repeats the last image of page 1 (a new upload pushed everything down), then runs short.
      const images = call === 1 ? Array.from({ length: 50 }, (_, i) => info(i)) : [info(49), info(50), info(51)];
      return { total: 1000, images, mediaList: images.map((image) => ({ Image: image })), requestId: undefined };
    });
    await pager.loadMore();
    const second = await pager.loadMore();
    assert.deepEqual(second.added.map((i) => i.ImageId), ['img50', 'img51']);
    assert.equal(pager.images.length, 52);
    assert.equal(pager.hasMore, false);
  });

  it('keeps its place after a failed page', async () => {
    let fail = true;
    const { search, queries } = fakeSearch(100);
    const pager = new LibraryPager(async (query) => {
      if (fail) {
        fail = false;
        queries.push(query);
        throw new VodError('network', msg('net.unreachable', { host: 'vod.cn-shanghai.aliyuncs.com' }));
      }
      return search(query);
    });
    await assert.rejects(pager.loadMore(), /Could not reach/);
    assert.equal(pager.loading, false);
    await pager.loadMore();
    assert.deepEqual(queries.map((q) => q.pageNo), [1, 1]);
  });

  it('flags a query beyond the 5,000-match window and says so once the window is used up', async () => {
    const { search, queries } = fakeSearch(12_345);
    const pager = new LibraryPager(search);
    await pager.loadMore();
    assert.equal(pager.windowLimited, true);
    assert.equal(pager.windowReached, false);
    while (pager.hasMore) await pager.loadMore();
    assert.equal(queries.length, 100);
    assert.equal(pager.images.length, 5000);
    assert.equal(pager.windowReached, true);
    assert.equal(
      searchWindowNotice(pager.total!, undefined, 'en-US'),
      'Showing the first 5,000 of 12,345 matching images: VOD lists no further. Narrow the filter (for example a creation-time range) to see the rest.',
    );
    assert.equal(searchWindowNotice(12345, '{1}/{0}', 'de-DE'), '5.000/12.345');
  });

  it('refuses a page size that does not divide the window', () => {
    assert.throws(() => new LibraryPager(fakeSearch(1).search, {}, 30), RangeError);
    assert.throws(() => new LibraryPager(fakeSearch(1).search, {}, 200), RangeError);
  });

  describe('against the emulator', function () {
    this.timeout(60_000);
    const env = emulatorSuite();
    const client = (): VodClient => env.client({ requestsPerSecond: Infinity });

    it('pages the whole library newest first up to the window, without duplicates', async () => {
      const pager = new LibraryPager((query) => client().searchImages(query));
      await pager.loadMore();
      assert.equal(pager.total, env.emulator.images.length);
      assert.equal(pager.windowLimited, true);
      while (pager.hasMore) await pager.loadMore();
      assert.equal(pager.images.length, SEARCH_WINDOW);
      assert.equal(new Set(pager.images.map((i) => i.ImageId)).size, SEARCH_WINDOW);
      // (The 'sparse' fixture has no CreationTime in its record.)
      const times = pager.images.flatMap((i) => i.CreationTime ?? []);
      assert.deepEqual(times, [...times].sort().reverse());
      assert.equal(pager.windowReached, true);
    });

    it('lists a narrow query completely', async () => {
      const pager = new LibraryPager((query) => client().searchImages(query), { match: "Status in ('Uploading','UploadFail')" });
      await pager.loadMore();
      const expected = env.emulator.images.filter((i) => i.status !== 'Normal').map((i) => i.imageId).sort();
      assert.deepEqual(pager.images.map((i) => i.ImageId).sort(), expected);
      assert.equal(pager.hasMore, false);
      assert.equal(pager.windowLimited, false);
    });
  });
});

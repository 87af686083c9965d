/**
 * The category tree walk against the emulator's GetCategories (11 fixture categories, three
 * levels), with the calls it makes counted, and grouping of listed images by category.
 */
import assert from 'node:assert/strict';
import type { CategoriesQuery } from '../../src/vod/api';
import { VodClient } from '../../src/vod/client';
import { groupByCategory, loadCategoryTree } from '../../src/vod/explorer/categories';
import type { ImageInfo } from '../../src/vod/schemas';
import { createUndiciTransport } from '../../src/vod/transport';
import { startEmulator } from '../emulator';
import { CATEGORIES } from '../emulator/fixtures';

describe('explorer: categories', () => {
  it('walks the whole tree depth first, asking only for categories that have children', async function () {
    this.timeout(30_000);
    const emulator = await startEmulator({ port: 0 });
    const transport = createUndiciTransport({ env: {} });
    try {
      const client = new VodClient({ endpoint: new URL(emulator.endpoint), credentials: async () => emulator.credentials, transport, requestsPerSecond: Infinity });
      const asked: (number | undefined)[] = [];
      const tree = await loadCategoryTree((query: CategoriesQuery) => {
        asked.push(query.cateId);
        return client.getCategories(query);
      });
      assert.equal(tree.length, CATEGORIES.length);
      const byId = new Map(CATEGORIES.map((c) => [c.cateId, c]));
      const pathOf = (id: number): string[] => {
        const category = byId.get(id)!;
        return category.parentId === -1 ? [category.cateName] : [...pathOf(category.parentId), category.cateName];
      };
      for (const entry of tree) assert.deepEqual(entry.path, pathOf(entry.id));
      // A parent precedes its children.
      tree.forEach((entry, i) => {
        const parent = byId.get(entry.id)!.parentId;
        if (parent !== -1) assert.ok(tree.findIndex((e) => e.id === parent) < i);
      });
      const parents = new Set(CATEGORIES.map((c) => c.parentId));
      assert.deepEqual(asked.sort(), [...parents].sort(), 'one call per category with children');
      assert.deepEqual(
        tree.map((e) => e.path.join(' › ')).filter((p) => p.startsWith('Products')),
        ['Products', 'Products › Shoes', 'Products › Bags', 'Products › Bags › Leather 皮革'],
      );
    } finally {
      await transport.close();
      await emulator.close();
    }
  });

  it('pages through a level with more than 100 children and stops at the limit', async () => {
    const calls: CategoriesQuery[] = [];
    const tree = await loadCategoryTree(async (query) => {
      calls.push(query);
      const start = ((query.pageNo ?? 1) - 1) * 100;
      const count = query.cateId === -1 ? Math.max(0, Math.min(100, 250 - start)) : 0;
      return { category: undefined, total: query.cateId === -1 ? 250 : 0, subCategories: Array.from({ length: count }, (_, i) => ({ CateId: start + i + 1, CateName: `c${start + i + 1}`, SubTotal: 0 })) };
    });
    assert.equal(tree.length, 250);
    assert.deepEqual(calls.map((c) => c.pageNo), [1, 2, 3]);
    const limited = await loadCategoryTree(async () => ({ category: undefined, total: 3, subCategories: [1, 2, 3].map((n) => ({ CateId: n, SubTotal: 0 })) }), undefined, 2);
    assert.deepEqual(limited.map((e) => [e.id, e.name]), [[1, '1'], [2, '2']]);
  });

  it('stops paging at the limit when the server inflates the total (full pages forever)', async () => {
    let calls = 0;
    const endless = async (query: CategoriesQuery) => {
      // The bound that keeps this test from hanging on the old code: no real tree needs this many pages.
      if (++calls > 200) throw new Error('still paging after 200 calls');
      const start = ((query.pageNo ?? 1) - 1) * 100;
      return { category: undefined, total: 1e9, subCategories: Array.from({ length: 100 }, (_, i) => ({ CateId: start + i + 1, SubTotal: 0 })) };
    };
    const tree = await loadCategoryTree(endless, undefined, 250);
    assert.equal(tree.length, 250);
    assert.equal(calls, 3);
    calls = 0;
    assert.equal((await loadCategoryTree(endless)).length, 1000);
    assert.equal(calls, 10);
  });

  it('groups listed images by category name, uncategorised last, keeping listing order', () => {
    const images: ImageInfo[] = [
      { ImageId: 'a', CateId: 2, CateName: 'Shoes' },
      { ImageId: 'b' },
      { ImageId: 'c', CateId: 1, CateName: 'Bags' },
      { ImageId: 'd', CateId: 2, CateName: 'Shoes' },
      { ImageId: 'e', CateId: 9 },
    ];
    const groups = groupByCategory(images, 'en');
    assert.deepEqual(
      groups.map((g) => [g.id, g.name, g.images.map((i) => i.ImageId)]),
      [
        [9, '9', ['e']],
        [1, 'Bags', ['c']],
        [2, 'Shoes', ['a', 'd']],
        [undefined, undefined, ['b']],
      ],
    );
  });
});

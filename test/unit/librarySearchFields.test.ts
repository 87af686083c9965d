/**
 * The Library's data path against an emulator that returns only what SearchMedia returns for the
 * `Fields` sent (nothing but the ID without them): one listing page, grouped by category, exported
 * as JSON and Markdown, with untitled records labelled by their ID.
 */
import assert from 'node:assert/strict';
import { imageLabel } from '../../src/ui/explorer/itemText';
import type { VodClient } from '../../src/vod/client';
import { groupByCategory } from '../../src/vod/explorer/categories';
import { toJson, toMarkdownTable } from '../../src/vod/explorer/groupExport';
import { LibraryPager } from '../../src/vod/explorer/libraryPager';
import { emulatorSuite } from './support/emulatorSuite';
import { CATEGORIES, getLibrary } from '../emulator/fixtures';

describe('Library against SearchMedia as documented (Fields)', function () {
  this.timeout(30_000);
  const env = emulatorSuite();
  const client = (): VodClient => env.client({ requestsPerSecond: Infinity });

  it('lists titles, categories, status and URLs, so grouping and exports have them', async () => {
    const pager = new LibraryPager((query) => client().searchImages(query));
    await pager.loadMore();
    assert.ok(pager.images.length > 0);
    const library = getLibrary();
    for (const image of pager.images) {
      const record = library.byId.get(image.ImageId);
      assert.ok(record, `listed ID ${image.ImageId} is a fixture`);
      if (record.shape === 'sparse') continue;
      assert.equal(image.Title, record.title);
      assert.equal(image.CateId, record.cateId);
      assert.equal(image.Status, record.status);
      if (record.status !== 'UploadFail') assert.match(image.URL ?? '', /auth_key=/);
    }
    const groups = groupByCategory(pager.images, 'en');
    const names = new Set(CATEGORIES.map((c) => c.cateName));
    const named = groups.filter((g) => g.id !== undefined);
    assert.ok(named.length > 1, 'more than one category');
    for (const group of named) assert.ok(names.has(group.name ?? ''), `group named ${group.name}`);

    const json = JSON.parse(toJson(pager.images)) as { title: string | null }[];
    assert.ok(json.some((row) => typeof row.title === 'string' && row.title.length > 0));
    assert.match(toMarkdownTable(pager.images), /\| [^|\n]*[A-Za-z]{3}/);
  });

  it('labels a record without a title by its ID', async () => {
    const sparse = getLibrary().images.find((r) => r.shape === 'sparse');
    assert.ok(sparse);
    const { images } = await client().searchImages({ match: `ImageId = '${sparse.imageId}'` });
    assert.equal(images.length, 1);
    assert.equal(images[0]?.Title, undefined);
    assert.equal(imageLabel(sparse.imageId, { state: 'found', info: images[0]!, fetchedAt: 0 }), sparse.imageId);
  });
});

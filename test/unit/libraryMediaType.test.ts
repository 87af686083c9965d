/** The Library's type choice: SearchMedia SearchType video|audio through the client and the pager, and the filter argument. */
import assert from 'node:assert/strict';
import { filterFromArg, isFiltering, EMPTY_FILTER, type LibraryFilter } from '../../src/ui/explorer/libraryFilter';
import type { VodClient } from '../../src/vod/client';
import { VodError } from '../../src/vod/errors';
import { LibraryPager } from '../../src/vod/explorer/libraryPager';
import { assetsOf } from '../../src/vod/media/asset';
import type { Transport } from '../../src/vod/transport';
import { emulatorSuite } from './support/emulatorSuite';

describe('library type choice (SearchType)', function () {
  this.timeout(30_000);
  const env = emulatorSuite();
  const client = (): VodClient =>
    env.client({ requestsPerSecond: Infinity });

  it('lists videos and audio as assets with their kind (SearchMedia names it), numbers coerced', async () => {
    const videos = await client().searchImages({ searchType: 'video', pageSize: 20 });
    assert.equal(videos.images.length, 0);
    assert.ok(videos.assets?.length === 20 && videos.assets.every((a) => a.kind === 'video' && a.info.MediaType === 'video'));
    const audio = await client().searchImages({ searchType: 'audio' });
    assert.ok(audio.assets!.length >= 5);
    assert.ok(audio.assets!.every((a) => a.kind === 'audio' && /^[0-9a-f]{32}$/.test(a.id)));
    const images = await client().searchImages({ pageSize: 5 });
    assert.ok(images.assets!.every((a) => a.kind === 'image'));
  });

  it('asks SearchMedia for the fields of the type searched (without Fields the API returns almost nothing)', async () => {
    const sent: Record<string, string>[] = [];
    const recording: Transport = {
      ...env.transport,
      request: async (req) => {
        sent.push(Object.fromEntries(new URLSearchParams(req.body ?? new URL(req.url).search.slice(1))));
        return env.transport.request(req);
      },
      close: async () => undefined,
    };
    const recorded = env.client({ transport: recording, requestsPerSecond: Infinity });
    await recorded.searchImages({ pageSize: 1 });
    await recorded.searchImages({ searchType: 'video', pageSize: 1 });
    await recorded.searchImages({ searchType: 'audio', pageSize: 1 });
    const fields = sent.map((p) => (p['Fields'] ?? '').split(','));
    assert.ok(fields[0]!.includes('ImageId') && fields[0]!.includes('Title') && fields[0]!.includes('URL'));
    assert.ok(fields[1]!.includes('VideoId') && fields[1]!.includes('CoverURL') && fields[1]!.includes('Duration'));
    assert.ok(fields[2]!.includes('AudioId') && !fields[2]!.includes('VideoId'));
  });

  it('the pager passes SearchType and lists the assets; its images are the image assets only', async () => {
    const api = client();
    const pager = new LibraryPager((query) => api.searchImages(query), { searchType: 'audio' });
    const page = await pager.loadMore();
    assert.equal(page.added.length, 0);
    assert.equal(page.addedAssets.length, pager.assets.length);
    assert.ok(pager.assets.length >= 5 && pager.assets.every((a) => a.kind === 'audio'));
    assert.equal(pager.images.length, 0);
  });

  it('drops a Video record of the wrong shape instead of failing the page', () => {
    const assets = assetsOf([{ MediaId: 'a', MediaType: 'video', Video: { VideoId: 42n as unknown as string } }, { MediaId: 'b', MediaType: 'audio', Audio: { AudioId: 'b', Title: 'x' } }]);
    assert.deepEqual(assets.map((a) => `${a.kind}:${a.id}`), ['audio:b']);
  });

  it('the filter argument takes mediaType, which narrows the listing; clear goes back to images', () => {
    const video = filterFromArg({ mediaType: 'video' }) as LibraryFilter;
    assert.equal(video.mediaType, 'video');
    assert.equal(isFiltering(video), true);
    assert.equal(isFiltering(EMPTY_FILTER), false);
    assert.equal((filterFromArg({ clear: true }, video) as LibraryFilter).mediaType, undefined);
    assert.ok(filterFromArg({ mediaType: 'pictures' }) instanceof VodError);
  });
});

import { strict as assert } from 'node:assert';
import { hoverParts, type HoverPartsDeps } from '../../src/ui/hover/hoverParts';
import { HoverThumbnails, MAX_THUMBNAIL_BYTES } from '../../src/ui/hover/thumbnails';
import type { ThumbnailFetcher } from '../../src/ui/services';
import type { ImageInfosResult, ImageUrlOptions } from '../../src/vod/api';
import { VodError } from '../../src/vod/errors';
import { msg } from '../../src/vod/messages';
import { ImageService } from '../../src/vod/imageService';
import type { ImageInfo } from '../../src/vod/schemas';
import { getLibrary } from '../emulator/fixtures';
import { imageBytesFor } from '../emulator/imageBytes';

const FOUND = '5aed81b74ba84920be578cdfe004af4b';
const MISSING = '28ba2b26d540446c94cdd2c4c48090e5';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** A fake GetImageInfos that knows one image, counts calls and honours the abort signal. */
function fakeApi(info: Partial<ImageInfo> = {}) {
  const calls: string[][] = [];
  const aborted: string[][] = [];
  return {
    calls,
    aborted,
    getImageInfos(ids: readonly string[], options?: ImageUrlOptions): Promise<ImageInfosResult> {
      calls.push([...ids]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const images = ids.filter((id) => id === FOUND).map((id) => ({ ImageId: id, Title: 'Cat', URL: `https://cdn.example/${id}.png?auth_key=1-0-0-x`, ...info }));
          resolve({ images, missing: ids.filter((id) => id !== FOUND), requestIds: ['r'] });
        }, 5);
        options?.signal?.addEventListener('abort', () => {
          aborted.push([...ids]);
          clearTimeout(timer);
          reject(new VodError('cancelled', msg('cancel.request')));
        });
      });
    },
  };
}

function fakeFetcher(answer: (url: string) => Promise<{ contentType: string; bytes: Uint8Array }>) {
  const urls: { url: string; maxBytes: number }[] = [];
  const fetcher: ThumbnailFetcher = {
    fetchBytes: (url, options) => {
      urls.push({ url, maxBytes: options.maxBytes });
      return answer(url);
    },
  };
  return { fetcher, urls };
}

function deps(images: ImageService | (() => Promise<never>), fetcher: ThumbnailFetcher): HoverPartsDeps & { logged: string[] } {
  const logged: string[] = [];
  return {
    logged,
    images: typeof images === 'function' ? images : () => Promise.resolve(images),
    thumbnails: new HoverThumbnails(() => Promise.resolve(fetcher), { notAnImage: 'not a picture', downloadFailed: 'download failed' }),
    logError: (line) => logged.push(line),
    unexpectedErrorLabel: 'unexpected',
  };
}

const request = (imageId: string, signal = new AbortController().signal) => ({ imageId, signal, timeoutMs: 1000 });

describe('ui/hover hoverParts', () => {
  it('looks the image up once, embeds its thumbnail, and answers the next hover from the caches', async () => {
    const api = fakeApi();
    const { fetcher, urls } = fakeFetcher(async () => ({ contentType: 'application/octet-stream', bytes: PNG }));
    const d = deps(new ImageService({ api, batchDelayMs: 0 }), fetcher);

    const first = await hoverParts(d, request(FOUND));
    assert.equal(first?.lookup.state, 'found');
    assert.deepEqual(first?.thumbnail, { dataUri: `data:image/png;base64,${PNG.toString('base64')}` });
    // Size unknown: the CDN is asked for a resized picture first (the type-A signature covers the path only).
    assert.deepEqual(urls, [{ url: `https://cdn.example/${FOUND}.png?auth_key=1-0-0-x&image_process=resize,l_256`, maxBytes: MAX_THUMBNAIL_BYTES }]);

    const second = await hoverParts(d, request(FOUND));
    assert.deepEqual(second, first);
    assert.equal(api.calls.length, 1);
    assert.equal(urls.length, 1);
  });

  it('shows a missing ID without a thumbnail and caches the answer', async () => {
    const api = fakeApi();
    const { fetcher, urls } = fakeFetcher(async () => ({ contentType: 'image/png', bytes: PNG }));
    const d = deps(new ImageService({ api, batchDelayMs: 0 }), fetcher);
    const parts = await hoverParts(d, request(MISSING));
    assert.deepEqual(parts?.lookup, { state: 'missing', imageId: MISSING, fetchedAt: (parts?.lookup as { fetchedAt: number }).fetchedAt });
    assert.equal(parts?.thumbnail, undefined);
    await hoverParts(d, request(MISSING));
    assert.equal(api.calls.length, 1);
    assert.equal(urls.length, 0);
  });

  it('remembers "too large" instead of downloading again', async () => {
    const { fetcher, urls } = fakeFetcher(async () => {
      throw new VodError('invalidResponse', msg('net.tooLarge', { host: 'cdn.example', mib: 1 }), { code: 'TooLarge' });
    });
    const d = deps(new ImageService({ api: fakeApi(), batchDelayMs: 0 }), fetcher);
    assert.deepEqual((await hoverParts(d, request(FOUND)))?.thumbnail, { tooLarge: true, bytes: undefined });
    assert.deepEqual((await hoverParts(d, request(FOUND)))?.thumbnail, { tooLarge: true, bytes: undefined });
    // The resized URL, then the original (over the 32 MiB download cap here); then nothing more.
    assert.equal(urls.length, 2);
    assert.match(urls[0]!.url, /image_process=resize,l_256$/);
    assert.doesNotMatch(urls[1]!.url, /image_process/);
  });

  it('shows other download failures without caching them, never quoting a non-VodError message', async () => {
    let attempt = 0;
    const { fetcher, urls } = fakeFetcher(async (url) => {
      attempt += 1;
      if (attempt === 1) throw new VodError('network', msg('net.unreachable', { host: 'cdn.example' }));
      if (attempt === 2) throw new Error(`socket hang up ${url}`);
      return { contentType: 'text/html', bytes: Buffer.from('<svg onload=alert(1)>') };
    });
    const d = deps(new ImageService({ api: fakeApi(), batchDelayMs: 0 }), fetcher);
    assert.deepEqual((await hoverParts(d, request(FOUND)))?.thumbnail, { unavailable: 'Could not reach cdn.example.' });
    assert.deepEqual((await hoverParts(d, request(FOUND)))?.thumbnail, { unavailable: 'download failed' });
    assert.deepEqual((await hoverParts(d, request(FOUND)))?.thumbnail, { unavailable: 'not a picture' });
    // The third hover: the resized answer is no picture, so the original is tried too (also none).
    assert.equal(urls.length, 4);
  });

  it('shows a download failure in the words the editor gives it (its localiser)', async () => {
    const { fetcher } = fakeFetcher(async () => {
      throw new VodError('auth', msg('download.refused', { host: 'cdn.example', status: 403 }), { code: 'HTTP403' });
    });
    const labels = { notAnImage: 'n', downloadFailed: 'd', describeError: (e: VodError) => `[zh] ${e.messageKey} ${String(e.params['host'])}` };
    const d = { ...deps(new ImageService({ api: fakeApi(), batchDelayMs: 0 }), fetcher), thumbnails: new HoverThumbnails(() => Promise.resolve(fetcher), labels) };
    assert.deepEqual((await hoverParts(d, request(FOUND)))?.thumbnail, { unavailable: '[zh] download.refused cdn.example' });
  });

  it('takes a small image (known size) as it is, and shrinks a large JPEG the CDN would not resize', async () => {
    const small = fakeFetcher(async () => ({ contentType: 'image/png', bytes: PNG }));
    const d = deps(new ImageService({ api: fakeApi({ Mezzanine: { FileSize: PNG.length, Width: 1, Height: 1 } }), batchDelayMs: 0 }), small.fetcher);
    assert.ok((await hoverParts(d, request(FOUND)))?.thumbnail);
    assert.deepEqual(small.urls, [{ url: `https://cdn.example/${FOUND}.png?auth_key=1-0-0-x`, maxBytes: MAX_THUMBNAIL_BYTES }]);

    // Over VOD's 10 MB processing limit: straight to the original, shrunk here.
    const photo = getLibrary().images.find((r) => r.traits.includes('photo12mb'))!;
    const jpeg = imageBytesFor(photo).bytes;
    const large = fakeFetcher(async () => ({ contentType: 'image/jpeg', bytes: jpeg }));
    const api = fakeApi({ Mezzanine: { FileSize: jpeg.length, Width: 5000, Height: 3750 } });
    const thumbnail = (await hoverParts(deps(new ImageService({ api, batchDelayMs: 0 }), large.fetcher), request(FOUND)))?.thumbnail;
    assert.ok(thumbnail && 'dataUri' in thumbnail && thumbnail.dataUri.startsWith('data:image/png;base64,'));
    assert.equal(large.urls.length, 1);
    assert.doesNotMatch(large.urls[0]!.url, /image_process/);
  });

  it('fetches nothing for records without an http(s) URL', async () => {
    const { fetcher, urls } = fakeFetcher(async () => ({ contentType: 'image/png', bytes: PNG }));
    for (const URL of [undefined, 'file:///etc/passwd', 'data:image/png;base64,AAAA']) {
      const d = deps(new ImageService({ api: fakeApi({ URL }), batchDelayMs: 0 }), fetcher);
      const parts = await hoverParts(d, request(FOUND));
      assert.equal(parts?.lookup.state, 'found');
      assert.equal(parts?.thumbnail, undefined);
    }
    assert.equal(urls.length, 0);
  });

  it('shows nothing when the hover is cancelled during the lookup, and passes the abort on', async () => {
    const api = fakeApi();
    const { fetcher } = fakeFetcher(async () => ({ contentType: 'image/png', bytes: PNG }));
    const d = deps(new ImageService({ api, batchDelayMs: 0 }), fetcher);
    const controller = new AbortController();
    const pending = hoverParts(d, request(FOUND, controller.signal));
    while (api.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    controller.abort();
    assert.equal(await pending, undefined);
    // The only waiter left, so the shared API request itself was aborted.
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(api.aborted, [[FOUND]]);
  });

  it('shows nothing when the hover is cancelled during the download', async () => {
    const controller = new AbortController();
    const { fetcher } = fakeFetcher(
      () =>
        new Promise((_, reject) => {
          controller.abort();
          reject(new VodError('cancelled', msg('cancel.request')));
        }),
    );
    const d = deps(new ImageService({ api: fakeApi(), batchDelayMs: 0 }), fetcher);
    assert.equal(await hoverParts(d, request(FOUND, controller.signal)), undefined);
  });

  it('turns "no credentials" into the sign-in hover and other errors into one line', async () => {
    const { fetcher } = fakeFetcher(async () => ({ contentType: 'image/png', bytes: PNG }));
    const signedOut = deps(() => Promise.reject(new VodError('noCredentials', msg('session.notSignedIn'))), fetcher);
    assert.deepEqual(await hoverParts(signedOut, request(FOUND)), { lookup: { state: 'signedOut' } });

    const throttled = deps(() => Promise.reject(new VodError('throttled', msg('api.throttled'), { code: 'Throttling.User', requestId: 'R1' })), fetcher);
    assert.deepEqual(await hoverParts(throttled, request(FOUND)), {
      lookup: { state: 'error', message: 'Alibaba Cloud is limiting the request rate (VOD allows about 10 calls per second per account). Wait a moment and try again. · Code: Throttling.User · RequestId: R1' },
    });

    // The editor passes its localiser; the hover shows what it returns, with the VodError it was given.
    const seen: VodError[] = [];
    const localised = { ...throttled, describeError: (error: VodError) => (seen.push(error), `localised ${error.messageKey}`) };
    assert.deepEqual(await hoverParts(localised, request(FOUND)), { lookup: { state: 'error', message: 'localised api.throttled' } });
    assert.equal(seen[0]?.code, 'Throttling.User');

    const broken = deps(() => Promise.reject(new TypeError('secret-looking detail')), fetcher);
    assert.deepEqual(await hoverParts(broken, request(FOUND)), { lookup: { state: 'error', message: 'unexpected' } });
    assert.deepEqual(broken.logged, ['hover: secret-looking detail']);
  });
});

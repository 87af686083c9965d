/**
 * The VOD emulator's actions, answers and image URLs, driven over HTTP with requests signed by the
 * official SDK functions (test/emulator/rawClient.ts). Auth, faults, Match parsing and fixtures have
 * their own emulator-*.test.ts files.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { inflateSync } from 'node:zlib';
import { type RunningEmulator, startEmulator } from '../emulator';
import { gifSize, jpegSize } from '../emulator/assets';
import { callApi, getUrl, type RawResponse, type SignedCallOptions } from '../emulator/rawClient';

let emulator: RunningEmulator;

function call(action: string, params: Record<string, string> = {}, options: Partial<SignedCallOptions> = {}): Promise<RawResponse> {
  return callApi(emulator.endpoint, action, params, { credentials: emulator.credentials, ...options });
}

function idWith(...traits: string[]): string {
  const image = emulator.images.find((i) => traits.every((t) => i.traits.includes(t)) && !i.traits.includes('bulk'));
  assert.ok(image, `no fixture with traits ${traits.join(',')}`);
  return image.imageId;
}

type Json = Record<string, any>;

function assertApiError(response: RawResponse, status: number, code: string): Json {
  assert.equal(response.status, status, response.text());
  assert.match(String(response.headers['content-type']), /^application\/json/);
  const body = response.json();
  assert.deepEqual(Object.keys(body).sort(), ['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
  assert.equal(body['Code'], code);
  assert.equal(body['RequestId'], response.headers['x-acs-request-id']);
  return body;
}

/** Width and height from a PNG's IHDR chunk (bytes 16..23). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

before(async () => {
  emulator = await startEmulator({ port: 0 });
});
after(() => emulator.close());
afterEach(() => emulator.faults.reset());

describe('emulator: GetImageInfo', () => {
  it('answers a complete record whose Mezzanine matches the bytes its URLs serve', async () => {
    const imageId = idWith('plain', 'png', 'sizeAsString');
    const response = await call('GetImageInfo', { ImageId: imageId });
    assert.equal(response.status, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    assert.ok(response.headers['date'] && response.headers['x-acs-request-id']);
    const body = response.json() as Json;
    assert.equal(body['RequestId'], response.headers['x-acs-request-id']);
    const info = body['ImageInfo'];
    assert.equal(info.ImageId, imageId);
    assert.equal(info.Status, 'Normal');
    assert.equal(info.ImageType, 'default');
    assert.match(info.CreationTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(typeof info.CateId, 'number');
    assert.equal(typeof info.Mezzanine.FileSize, 'string');
    assert.match(info.URL, new RegExp(`^${emulator.endpoint}/image/default/${imageId}\\.png\\?auth_key=\\d{10}-[0-9a-f]+-0-[0-9a-f]{32}$`));
    assert.match(info.Mezzanine.FileURL, /\/oss\/image\/default\/[0-9a-f]{32}\.png\?Expires=\d+&OSSAccessKeyId=[^&]+&Signature=[^&]+$/);

    for (const url of [info.URL, info.Mezzanine.FileURL]) {
      const image = await getUrl(url);
      assert.equal(image.status, 200);
      assert.equal(image.headers['content-type'], 'image/png');
      assert.equal(image.body.length, Number(info.Mezzanine.FileSize));
      assert.deepEqual(pngSize(image.body), { width: info.Mezzanine.Width, height: info.Mezzanine.Height });
    }
  });

  it('answers NoSuchResource (404) for an unknown image', async () => {
    const body = assertApiError(await call('GetImageInfo', { ImageId: emulator.missingImageId }), 404, 'NoSuchResource');
    assert.equal(body['Message'], 'The specified resource does not exist.');
    assert.match(emulator.missingImageId, /^[0-9a-f]{32}$/);
  });

  it('requires ImageId', async () => {
    assertApiError(await call('GetImageInfo'), 400, 'MissingParameter');
  });

  it('answers sparse records with only ImageId and URL', async () => {
    const info = (await call('GetImageInfo', { ImageId: idWith('sparse') })).json()['ImageInfo'] as Json;
    assert.deepEqual(Object.keys(info).sort(), ['ImageId', 'URL']);
  });

  it('gives AuditStatus where the fixture has it and leaves it out elsewhere', async () => {
    const blocked = (await call('GetImageInfo', { ImageId: idWith('blocked') })).json()['ImageInfo'] as Json;
    assert.equal(blocked.AuditStatus, 'Blocked');
    const none = (await call('GetImageInfo', { ImageId: idWith('noAudit', 'plain') })).json()['ImageInfo'] as Json;
    assert.equal('AuditStatus' in none, false);
  });

  it('sends numbers as strings or numbers, per fixture', async () => {
    const asNumber = (await call('GetImageInfo', { ImageId: idWith('sizeAsNumber') })).json()['ImageInfo'] as Json;
    assert.equal(typeof asNumber.Mezzanine.FileSize, 'number');
    const strings = (await call('GetImageInfo', { ImageId: idWith('numbersAsStrings') })).json()['ImageInfo'] as Json;
    assert.equal(typeof strings.CateId, 'string');
    assert.equal(typeof strings.Mezzanine.Width, 'string');
    assert.equal(typeof strings.Mezzanine.FileSize, 'string');
  });

  it('returns hostile text byte for byte', async () => {
    const info = (await call('GetImageInfo', { ImageId: idWith('bidi') })).json()['ImageInfo'] as Json;
    assert.ok(info.Title.includes('\u202E'));
    const xss = emulator.images.find((i) => i.title === '<img src=x onerror=alert(1)>');
    assert.ok(xss);
    const answered = (await call('GetImageInfo', { ImageId: xss.imageId })).json()['ImageInfo'] as Json;
    assert.equal(answered.Title, '<img src=x onerror=alert(1)>');
  });

  it('has no URL for a failed upload and a URL that 404s for one still uploading', async () => {
    const failed = (await call('GetImageInfo', { ImageId: idWith('uploadFail') })).json()['ImageInfo'] as Json;
    assert.equal(failed.Status, 'UploadFail');
    assert.equal(failed.URL, undefined);
    const uploading = (await call('GetImageInfo', { ImageId: idWith('uploading') })).json()['ImageInfo'] as Json;
    assert.equal(uploading.Status, 'Uploading');
    assert.equal(uploading.Mezzanine, undefined);
    assert.equal((await getUrl(uploading.URL)).status, 404);
  });

  it('signs OSS URLs with Expires = now + AuthTimeout, limited to 1..2592000', async () => {
    const before = Math.floor(Date.now() / 1000);
    const info = (await call('GetImageInfo', { ImageId: idWith('plain'), OutputType: 'oss', AuthTimeout: '600' })).json()['ImageInfo'] as Json;
    const expires = Number(new URL(info.URL).searchParams.get('Expires'));
    assert.ok(expires >= before + 600 && expires <= before + 602, String(expires - before));
    assert.equal((await getUrl(info.URL)).status, 200);
    for (const bad of ['0', '2592001', 'abc', '-5']) {
      assertApiError(await call('GetImageInfo', { ImageId: idWith('plain'), OutputType: 'oss', AuthTimeout: bad }), 400, 'InvalidParameter');
    }
    assertApiError(await call('GetImageInfo', { ImageId: idWith('plain'), OutputType: 'ftp' }), 400, 'InvalidParameter');
  });

  it('uses the CDN auth_key timestamp as the expiry time (now + AuthTimeout)', async () => {
    const before = Math.floor(Date.now() / 1000);
    const info = (await call('GetImageInfo', { ImageId: idWith('plain'), AuthTimeout: '90000' })).json()['ImageInfo'] as Json;
    const timestamp = Number(new URL(info.URL).searchParams.get('auth_key')?.split('-')[0]);
    assert.ok(timestamp >= before + 90000 && timestamp <= before + 90002);
  });
});

describe('emulator: image URLs', () => {
  async function urlOf(imageId: string, params: Record<string, string> = {}): Promise<string> {
    return ((await call('GetImageInfo', { ImageId: imageId, ...params })).json()['ImageInfo'] as Json).URL;
  }

  it('serves PNG, JPEG and GIF bytes with the right Content-Type', async () => {
    const cases: [string, string, number[]][] = [
      ['png', 'image/png', [0x89, 0x50, 0x4e, 0x47]],
      ['jpeg', 'image/jpeg', [0xff, 0xd8, 0xff]],
      ['gif', 'image/gif', [0x47, 0x49, 0x46, 0x38]],
    ];
    for (const [trait, type, magic] of cases) {
      const image = await getUrl(await urlOf(idWith(trait)));
      assert.equal(image.status, 200, trait);
      assert.equal(image.headers['content-type'], type);
      assert.deepEqual([...image.body.subarray(0, magic.length)], magic);
    }
  });

  it('serves a PNG that decodes to exactly Width × Height', async () => {
    const info = (await call('GetImageInfo', { ImageId: idWith('wide') })).json()['ImageInfo'] as Json;
    const bytes = (await getUrl(info.URL)).body;
    const idat = bytes.indexOf('IDAT');
    const length = bytes.readUInt32BE(idat - 4);
    const raw = inflateSync(bytes.subarray(idat + 4, idat + 4 + length));
    assert.equal(raw.length, (info.Mezzanine.Width * 3 + 1) * info.Mezzanine.Height);
  });

  it('serves, for every curated image with a Mezzanine, bytes of exactly its FileSize, Width and Height', async () => {
    const curated = emulator.images.filter((i) => !i.traits.includes('bulk')).map((i) => i.imageId);
    let checked = 0;
    for (let start = 0; start < curated.length; start += 20) {
      const body = (await call('GetImageInfos', { ImageIds: curated.slice(start, start + 20).join(',') })).json() as Json;
      for (const info of body['ImageInfo'] as Json[]) {
        if (!info.Mezzanine) continue;
        const image = await getUrl(info.URL);
        assert.equal(image.status, 200, info.ImageId);
        assert.equal(image.body.length, Number(info.Mezzanine.FileSize));
        const size = image.headers['content-type'] === 'image/png' ? pngSize(image.body)
          : image.headers['content-type'] === 'image/gif' ? gifSize(image.body) : jpegSize(image.body);
        assert.deepEqual(size, { width: Number(info.Mezzanine.Width), height: Number(info.Mezzanine.Height) });
        checked += 1;
      }
    }
    assert.ok(checked >= 45, String(checked));
  });

  it('has a large fixture over 1.5 MiB', async () => {
    const info = (await call('GetImageInfo', { ImageId: idWith('large') })).json()['ImageInfo'] as Json;
    assert.ok(Number(info.Mezzanine.FileSize) > 1.5 * 1024 * 1024);
    assert.equal((await getUrl(info.URL)).body.length, Number(info.Mezzanine.FileSize));
  });

  it('has real-size fixtures of the sizes real libraries hold, their Mezzanine matching the bytes', async () => {
    const expected: [string, string, number, number, number][] = [
      ['photo8mb', 'image/jpeg', 4000, 3000, 8e6],
      ['png3mb', 'image/png', 1000, 1000, 3e6],
      ['anim6mb', 'image/gif', 800, 600, 6e6],
      ['photo12mb', 'image/jpeg', 5000, 3750, 12e6],
      ['photo20mb', 'image/jpeg', 6000, 4500, 20e6],
    ];
    for (const [trait, type, width, height, bytes] of expected) {
      const info = (await call('GetImageInfo', { ImageId: idWith('realSize', trait) })).json()['ImageInfo'] as Json;
      assert.deepEqual([Number(info.Mezzanine.Width), Number(info.Mezzanine.Height)], [width, height], trait);
      const size = Number(info.Mezzanine.FileSize);
      assert.ok(Math.abs(size - bytes) / bytes < 0.1, `${trait}: ${size} bytes, expected about ${bytes}`);
      const image = await getUrl(info.URL);
      assert.equal(image.headers['content-type'], type);
      assert.equal(image.body.length, size);
    }
    // An animated GIF: more than one image descriptor after the colour table.
    const gif = (await getUrl(await urlOf(idWith('anim6mb')))).body;
    let frames = 0;
    for (let at = gif.indexOf(Buffer.from([0x21, 0xf9, 0x04])); at >= 0; at = gif.indexOf(Buffer.from([0x21, 0xf9, 0x04]), at + 1)) frames++;
    assert.ok(frames >= 10, `${frames} frames`);
  });

  it('resizes on the CDN URL (image_process=resize,l_N) within the processing limits, and answers the original beyond them', async () => {
    const resized = async (trait: string, spec: string) => {
      const url = new URL(await urlOf(idWith('realSize', trait)));
      url.searchParams.set('image_process', spec);
      return getUrl(url.href);
    };
    for (const trait of ['photo8mb', 'png3mb', 'anim6mb']) {
      const small = await resized(trait, 'resize,l_256');
      assert.equal(small.status, 200, trait);
      const { width, height } = pngSize(small.body);
      assert.equal(Math.max(width, height), 256, trait);
      assert.ok(small.body.length < 256 * 1024, `${trait}: ${small.body.length} bytes`);
    }
    const big = await resized('photo12mb', 'resize,l_256');
    assert.equal(big.status, 200);
    assert.ok(big.body.length > 10 * 1024 * 1024, 'over 10 MB: the original, unprocessed');
    assert.equal((await resized('photo8mb', 'resize,x_1')).status, 400);
    // The type-A signature covers the path only, so it still has to be valid.
    const tampered = new URL(await urlOf(idWith('realSize', 'photo8mb')));
    tampered.searchParams.set('auth_key', `${tampered.searchParams.get('auth_key')}0`);
    tampered.searchParams.set('image_process', 'resize,l_256');
    assert.equal((await getUrl(tampered.href)).status, 403);
  });

  it('refuses (403, plain text) expired, tampered and unsigned URLs', async () => {
    const url = new URL(await urlOf(idWith('plain'), { AuthTimeout: '60' }));
    emulator.faults.set({ clockOffsetMs: 120_000 });
    const expired = await getUrl(url.href);
    assert.equal(expired.status, 403);
    assert.match(String(expired.headers['content-type']), /^text\/plain/);
    assert.match(expired.text(), /expired/);
    emulator.faults.reset();
    assert.equal((await getUrl(url.href)).status, 200);

    const authKey = url.searchParams.get('auth_key') ?? '';
    const flipped = authKey.slice(0, -1) + (authKey.endsWith('0') ? '1' : '0');
    assert.equal((await getUrl(`${url.origin}${url.pathname}?auth_key=${flipped}`)).status, 403);
    const later = authKey.replace(/^\d+/, (t) => String(Number(t) + 1000));
    assert.equal((await getUrl(`${url.origin}${url.pathname}?auth_key=${later}`)).status, 403);
    assert.equal((await getUrl(`${url.origin}${url.pathname}`)).status, 403);
    // A valid signature for one object does not open another.
    const other = await urlOf(idWith('jpeg'));
    assert.equal((await getUrl(`${new URL(other).origin}${new URL(other).pathname}?auth_key=${authKey}`)).status, 403);
  });

  it('refuses tampered and expired OSS URLs', async () => {
    const url = new URL(await urlOf(idWith('plain'), { OutputType: 'oss', AuthTimeout: '60' }));
    const signature = url.searchParams.get('Signature') ?? '';
    url.searchParams.set('Signature', (signature.startsWith('A') ? 'B' : 'A') + signature.slice(1));
    assert.equal((await getUrl(url.href)).status, 403);
    const good = await urlOf(idWith('plain'), { OutputType: 'oss', AuthTimeout: '60' });
    emulator.faults.set({ clockOffsetMs: 120_000 });
    assert.equal((await getUrl(good)).status, 403);
  });

  it('counts image requests separately from API requests', async () => {
    const url = await urlOf(idWith('plain'));
    emulator.stats.reset();
    await getUrl(url);
    assert.equal(emulator.stats.imageRequests, 1);
    assert.equal(emulator.stats.apiRequests, 0);
  });
});

describe('emulator: GetImageInfos', () => {
  it('answers plain arrays: found images in request order, unknown IDs in NonExistImageIds', async () => {
    const ids = [idWith('jpeg'), emulator.missingImageId, idWith('gif'), idWith('plain')];
    const response = await call('GetImageInfos', { ImageIds: ids.join(',') });
    assert.equal(response.status, 200);
    const body = response.json() as Json;
    assert.ok(Array.isArray(body['ImageInfo']) && Array.isArray(body['NonExistImageIds']));
    assert.deepEqual(body['ImageInfo'].map((i: Json) => i.ImageId), [ids[0], ids[2], ids[3]]);
    assert.deepEqual(body['NonExistImageIds'], [emulator.missingImageId]);
  });

  it('carries AuditStatus (and RegionId) on batch items for some fixtures only, as the SDK models disagree', async () => {
    const withAudit = emulator.images.filter((i) => i.auditStatus !== undefined && !i.traits.includes('bulk')).slice(0, 20);
    const body = (await call('GetImageInfos', { ImageIds: withAudit.map((i) => i.imageId).join(',') })).json() as Json;
    const items = body['ImageInfo'] as Json[];
    const batched = items.filter((item) => 'AuditStatus' in item);
    assert.ok(batched.length > 0 && batched.length < items.length, `${batched.length} of ${items.length} carry it`);
    for (const item of items) {
      const fixture = withAudit.find((i) => i.imageId === item['ImageId'])!;
      assert.equal('AuditStatus' in item, fixture.traits.includes('batchAudit'));
      if ('AuditStatus' in item) assert.equal(item['AuditStatus'], fixture.auditStatus);
    }
  });

  it('accepts 20 IDs and refuses 21 with InvalidParameter', async () => {
    const ids = emulator.images.slice(0, 21).map((i) => i.imageId);
    const twenty = await call('GetImageInfos', { ImageIds: ids.slice(0, 20).join(',') });
    assert.equal((twenty.json()['ImageInfo'] as unknown[]).length, 20);
    assertApiError(await call('GetImageInfos', { ImageIds: ids.join(',') }), 400, 'InvalidParameter');
    assertApiError(await call('GetImageInfos', { ImageIds: ' , ' }), 400, 'MissingParameter');
  });
});

describe('emulator: SearchMedia', () => {
  function search(params: Record<string, string>) {
    return call('SearchMedia', { SearchType: 'image', ...params });
  }

  it('answers {Total, MediaList} of images without Mezzanine, newest first by default', async () => {
    const body = (await search({ PageSize: '5' })).json() as Json;
    assert.equal(body['Total'], emulator.images.length);
    assert.equal(body['MediaList'].length, 5);
    for (const media of body['MediaList']) {
      assert.deepEqual(Object.keys(media).sort(), ['CreationTime', 'Image', 'MediaId', 'MediaType']);
      assert.equal(media.MediaType, 'image');
      // Without Fields only the ID, creation time and type (protocol appendix, "Return field").
      assert.deepEqual(media.Image, { ImageId: media.MediaId });
    }
    const times = body['MediaList'].map((m: Json) => m.CreationTime);
    assert.deepEqual(times, [...times].sort().reverse());
    const asc = (await search({ PageSize: '5', SortBy: 'CreationTime:Asc' })).json() as Json;
    const ascTimes = asc['MediaList'].map((m: Json) => m.CreationTime);
    assert.deepEqual(ascTimes, [...ascTimes].sort());
    assert.ok(ascTimes[0] < times[4]);
  });

  it('returns exactly the image fields named in Fields, and refuses names outside the image list', async () => {
    const fields = 'ImageId,Title,CateId,CateName,URL,Status,ModificationTime';
    const body = (await search({ PageSize: '20', Fields: fields })).json() as Json;
    for (const media of body['MediaList']) {
      const extra = Object.keys(media.Image).filter((name) => !fields.split(',').includes(name));
      assert.deepEqual(extra, [], `unasked fields ${extra.join(',')}`);
      assert.equal(media.Image.Mezzanine, undefined);
    }
    const full = body['MediaList'].find((m: Json) => m.Image.Title && m.Image.CateName);
    assert.ok(full, 'some record has a title and a category');
    assert.match(full.Image.URL ?? '', /auth_key=/);
    const onlyTitle = (await search({ PageSize: '5', Fields: 'Title' })).json() as Json;
    assert.ok(onlyTitle['MediaList'].every((m: Json) => m.Image.ImageId === undefined && typeof m.MediaId === 'string'));
    assertApiError(await search({ Fields: 'Title,Mezzanine' }), 400, 'InvalidParameter');
  });

  it('checks PageNo, PageSize and SortBy', async () => {
    const bad: Record<string, string>[] = [{ PageNo: '0' }, { PageSize: '0' }, { PageSize: '101' }, { PageNo: 'x' }, { SortBy: 'Title:Asc' }];
    for (const params of bad) {
      assertApiError(await search(params), 400, 'InvalidParameter');
    }
    assert.equal((await search({ PageSize: '100' })).status, 200);
    assertApiError(await search({ SortBy: 'CreationTime:Asc,CreationTime:Desc,CreationTime:Asc,CreationTime:Asc' }), 400, 'SortByExceededMax');
  });

  it('pages without overlap and reaches only the first 5,000 matches', async () => {
    const bulk = 'CateId = 1000008';
    const first = (await search({ Match: bulk, PageNo: '1', PageSize: '100' })).json() as Json;
    const second = (await search({ Match: bulk, PageNo: '2', PageSize: '100' })).json() as Json;
    assert.equal(first['Total'], 5200);
    const ids = new Set([...first['MediaList'], ...second['MediaList']].map((m: Json) => m.MediaId));
    assert.equal(ids.size, 200);
    const last = (await search({ Match: bulk, PageNo: '50', PageSize: '100' })).json() as Json;
    assert.equal(last['MediaList'].length, 100);
    const beyond = (await search({ Match: bulk, PageNo: '51', PageSize: '100' })).json() as Json;
    assert.equal(beyond['MediaList'].length, 0);
    assert.equal(beyond['Total'], 5200);
  });

  it('filters with Match: fuzzy title, exact status list, time ranges, and/or', async () => {
    const cjk = (await search({ Match: "Title = '春节'" })).json() as Json;
    assert.equal(cjk['Total'], 1);
    const banner = (await search({ Match: "Title = 'BANNER'", PageSize: '100', Fields: 'Title' })).json() as Json;
    assert.ok(banner['Total'] > 1);
    assert.ok(banner['MediaList'].every((m: Json) => /banner/i.test(m.Image.Title)));

    const statuses = (await search({ Match: "Status in ('Uploading','UploadFail')", Fields: 'Status' })).json() as Json;
    assert.deepEqual(statuses['MediaList'].map((m: Json) => m.Image.Status).sort(), ['UploadFail', 'Uploading']);

    const range = (await search({ Match: "CreationTime = ('2024-01-01T00:00:00Z','2024-04-01T00:00:00Z')", PageSize: '100' })).json() as Json;
    assert.ok(range['Total'] > 0);
    for (const m of range['MediaList']) assert.ok(m.CreationTime > '2024-01-01T00:00:00Z' && m.CreationTime < '2024-04-01T00:00:00Z');

    const openEnd = (await search({ Match: "CreationTime = ('2024-06-01T00:00:00Z',)", PageSize: '100' })).json() as Json;
    for (const m of openEnd['MediaList']) assert.ok(m.CreationTime > '2024-06-01T00:00:00Z');

    const or = (await search({ Match: "(Title = '春节' or Title = 'red sneaker') and Status = 'Normal'" })).json() as Json;
    assert.equal(or['Total'], 2);
  });

  it('treats both ends of [ ] as inclusive and of ( ) as exclusive', async () => {
    const one = (await search({ Match: "Title = 'red sneaker'" })).json() as Json;
    const t = one['MediaList'][0].CreationTime as string;
    const closed = (await search({ Match: `Title = 'red sneaker' and CreationTime = ['${t}','${t}']` })).json() as Json;
    assert.equal(closed['Total'], 1);
    const open = (await search({ Match: `Title = 'red sneaker' and CreationTime = ('${t}',)` })).json() as Json;
    assert.equal(open['Total'], 0);
  });

  it('answers ErrorMatchSyntax (400) for bad Match syntax', async () => {
    for (const match of ["Title = 'a' or Title = 'b'", "Title = 'open", 'Title = banner', "Nope = 'x'", "Title = ('a','b')", "ImageId in ('a','b')"]) {
      assertApiError(await search({ Match: match }), 400, 'ErrorMatchSyntax');
    }
  });

  it('answers an empty list for other media types and InvalidParameter for unknown ones', async () => {
    const video = (await call('SearchMedia', { PageSize: '5' })).json() as Json;
    assert.equal(video['Total'], 0);
    assert.deepEqual(video['MediaList'], []);
    assertApiError(await call('SearchMedia', { SearchType: 'pictures' }), 400, 'InvalidParameter');
  });
});

describe('emulator: GetCategories', () => {
  it('answers the root and its level-1 children in the wrapped form', async () => {
    const body = (await call('GetCategories', { PageSize: '100' })).json() as Json;
    // Numbers as strings, as in the reference's sample.
    assert.equal(body['Category'].CateId, '-1');
    assert.ok(Number(body['SubTotal']) >= 4);
    const children = body['SubCategories'].Category as Json[];
    assert.equal(String(children.length), body['SubTotal']);
    for (const c of children) {
      assert.equal(c.Level, '0');
      assert.equal(c.ParentId, '-1');
      assert.match(c.SubTotal, /^\d+$/);
    }
    // Default order CreationTime:Desc (category IDs grow with creation).
    const ids = children.map((c) => Number(c.CateId));
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    const asc = (await call('GetCategories', { PageSize: '100', SortBy: 'CreationTime:Asc' })).json() as Json;
    assert.deepEqual(asc['SubCategories'].Category.map((c: Json) => Number(c.CateId)), [...ids].reverse());
  });

  it('pages children and descends into a category', async () => {
    const page = (await call('GetCategories', { PageNo: '2', PageSize: '3' })).json() as Json;
    assert.equal(page['SubCategories'].Category.length, 3);
    const products = (await call('GetCategories', { CateId: '1000001', SortBy: 'CreationTime:Asc' })).json() as Json;
    assert.equal(products['Category'].CateName, 'Products');
    assert.deepEqual(products['SubCategories'].Category.map((c: Json) => c.CateName), ['Shoes', 'Bags']);
    assertApiError(await call('GetCategories', { PageSize: '101' }), 400, 'InvalidParameter');
    assertApiError(await call('GetCategories', { CateId: '42' }), 404, 'InvalidCateId.NotFound');
  });
});

describe('emulator: requests it does not serve', () => {
  it('answers InvalidAction.NotFound (404) for an unknown action, even one named like an Object method', async () => {
    assertApiError(await call('DeleteMezzanines', { VideoIds: 'x' }), 404, 'InvalidAction.NotFound');
    assertApiError(await call('constructor'), 404, 'InvalidAction.NotFound');
  });

  it('answers UnsupportedHTTPMethod for PUT', async () => {
    assertApiError(await getUrl(`${emulator.endpoint}/?Action=GetImageInfo`, { method: 'PUT' }), 403, 'UnsupportedHTTPMethod');
  });

  it('answers V1 requests in XML unless they ask for JSON', async () => {
    const xml = await call('GetImageInfo', { ImageId: emulator.missingImageId }, { scheme: 'v1', format: null });
    assert.equal(xml.status, 404);
    assert.match(String(xml.headers['content-type']), /^text\/xml/);
    assert.match(xml.text(), /<Error><RequestId>[^<]+<\/RequestId><HostId>[^<]+<\/HostId><Code>NoSuchResource<\/Code>/);
  });

  it('survives garbage: bad request lines, odd queries, huge bodies', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(emulator.port, '127.0.0.1', () => socket.write('\u0000GARBAGE \r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString('latin1')));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    assert.match(reply, /^HTTP\/1\.1 400/);
    assertApiError(await getUrl(`${emulator.endpoint}/?%zz=%&__proto__=1&Action=GetImageInfo`), 400, 'IncompleteSignature');
    assertApiError(await getUrl(`${emulator.endpoint}/`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) }), 413, 'RequestEntityTooLarge');
    assertApiError(await getUrl(`${emulator.endpoint}/nowhere`), 404, 'InvalidURI');
    assert.equal((await call('GetImageInfo', { ImageId: idWith('plain') })).status, 200);
  });
});

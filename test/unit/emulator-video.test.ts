/**
 * The emulator's audio/video actions (GetVideoInfos, GetPlayInfo, SearchMedia SearchType=video|audio)
 * and its image-only key, over HTTP with SDK-signed requests.
 */
import assert from 'node:assert/strict';
import { type RunningEmulator, startEmulator } from '../emulator';
import { callApi, getUrl, type RawResponse } from '../emulator/rawClient';

let emulator: RunningEmulator;
type Json = Record<string, any>;

function call(action: string, params: Record<string, string> = {}, credentials = emulator.credentials): Promise<RawResponse> {
  return callApi(emulator.endpoint, action, params, { credentials });
}

function videoWith(...traits: string[]): string {
  const video = emulator.videos.find((v) => traits.every((t) => v.traits.includes(t)));
  assert.ok(video, `no media fixture with traits ${traits.join(',')}`);
  return video.videoId;
}

function errorCode(response: RawResponse, status: number): string {
  assert.equal(response.status, status, response.text());
  return String(response.json()['Code']);
}

before(async () => {
  emulator = await startEmulator({ port: 0 });
});
after(() => emulator.close());

describe('emulator: video fixtures', () => {
  it('has ≥ 20 videos, ≥ 5 audio files, every failure status and hostile strings', () => {
    const videos = emulator.videos.filter((v) => v.mediaType === 'video');
    const audio = emulator.videos.filter((v) => v.mediaType === 'audio');
    assert.ok(videos.length >= 20, String(videos.length));
    assert.ok(audio.length >= 5, String(audio.length));
    const statuses = new Set(emulator.videos.map((v) => v.status));
    for (const status of ['Normal', 'Uploading', 'UploadFail', 'UploadSucc', 'Transcoding', 'TranscodeFail', 'ProduceFail', 'Checking', 'Blocked']) {
      assert.ok(statuses.has(status as never), status);
    }
    assert.ok(emulator.videos.some((v) => v.traits.includes('hostile') && /<|\]\(/.test(v.title)));
    const imageIds = new Set(emulator.images.map((i) => i.imageId));
    assert.ok(emulator.videos.every((v) => /^[0-9a-f]{32}$/.test(v.videoId) && !imageIds.has(v.videoId)));
  });
});

describe('emulator: GetVideoInfos', () => {
  it('answers VideoList in the SDK model shape and NonExistVideoIds for images and unknown IDs', async () => {
    const video = videoWith('video', 'plain');
    const audio = videoWith('audio', 'plain');
    const image = emulator.images[0]!.imageId;
    const response = await call('GetVideoInfos', { VideoIds: [video, audio, image, emulator.missingImageId, video].join(',') });
    assert.equal(response.status, 200, response.text());
    const body = response.json() as Json;
    assert.deepEqual(body['VideoList'].map((v: Json) => v.VideoId), [video, audio]);
    assert.deepEqual(body['NonExistVideoIds'], [image, emulator.missingImageId]);
    const first = body['VideoList'][0];
    for (const key of ['Title', 'Status', 'Duration', 'Size', 'CreationTime', 'CateName', 'StorageLocation']) assert.ok(key in first, key);
    // The reference lists no MediaType for GetVideoInfos; the emulator sends none.
    assert.ok(!('MediaType' in first));
    assert.equal(typeof first.Duration, 'number');
  });

  it('serves the cover like an image URL (signed, fetchable)', async () => {
    const body = (await call('GetVideoInfos', { VideoIds: videoWith('video', 'plain') })).json() as Json;
    const cover = body['VideoList'][0].CoverURL as string;
    assert.match(cover, /^http:\/\/127\.0\.0\.1:\d+\/image\/default\/[0-9a-f]{32}\.(png|jpg|gif)\?auth_key=/);
    const bytes = await getUrl(cover);
    assert.equal(bytes.status, 200);
    assert.match(String(bytes.headers['content-type']), /^image\//);
    assert.equal((await getUrl(cover.replace(/auth_key=[^&]+/, 'auth_key=0-0-0-00000000000000000000000000000000'))).status, 403);
  });

  it('sends numbers as strings for the fixture that does', async () => {
    const body = (await call('GetVideoInfos', { VideoIds: videoWith('numbersAsStrings') })).json() as Json;
    assert.equal(typeof body['VideoList'][0].Duration, 'string');
    assert.equal(typeof body['VideoList'][0].Size, 'string');
  });

  it('refuses more than 20 IDs and a missing VideoIds', async () => {
    const ids = emulator.videos.slice(0, 21).map((v) => v.videoId).join(',');
    assert.equal(errorCode(await call('GetVideoInfos', { VideoIds: ids }), 400), 'InvalidParameter');
    assert.equal(errorCode(await call('GetVideoInfos', {}), 400), 'MissingParameter');
  });
});

describe('emulator: GetPlayInfo', () => {
  it('answers PlayInfoList.PlayInfo[] and VideoBase with MediaType', async () => {
    const video = videoWith('video', 'plain');
    const body = (await call('GetPlayInfo', { VideoId: video })).json() as Json;
    assert.equal(body['VideoBase'].VideoId, video);
    assert.equal(body['VideoBase'].MediaType, 'video');
    const streams = body['PlayInfoList'].PlayInfo as Json[];
    assert.ok(streams.length >= 2);
    for (const s of streams) {
      assert.match(s.PlayURL, /\?auth_key=\d+-/);
      assert.ok(s.Definition && s.Format && s.Width > 0 && s.Height > 0 && s.Bitrate);
    }
    const audio = (await call('GetPlayInfo', { VideoId: videoWith('audio', 'plain') })).json() as Json;
    assert.equal(audio['VideoBase'].MediaType, 'audio');
  });

  it('filters by Formats and Definition, and sets the expiry from AuthTimeout', async () => {
    const video = videoWith('video', 'plain');
    const body = (await call('GetPlayInfo', { VideoId: video, Formats: 'mp4', Definition: 'SD', AuthTimeout: '600' })).json() as Json;
    const streams = body['PlayInfoList'].PlayInfo as Json[];
    assert.deepEqual(streams.map((s) => `${s.Definition}/${s.Format}`), ['SD/mp4']);
    const expiry = Number(/auth_key=(\d+)-/.exec(streams[0]!.PlayURL)![1]);
    assert.ok(Math.abs(expiry - (Math.floor(Date.now() / 1000) + 600)) < 30);
    const oss = (await call('GetPlayInfo', { VideoId: video, OutputType: 'oss' })).json() as Json;
    assert.match(oss['PlayInfoList'].PlayInfo[0].PlayURL, /Expires=\d+&OSSAccessKeyId=/);
  });

  it('maps unknown, unplayable and streamless requests to the documented codes', async () => {
    assert.equal(errorCode(await call('GetPlayInfo', { VideoId: emulator.missingImageId }), 404), 'InvalidVideo.NotFound');
    assert.equal(errorCode(await call('GetPlayInfo', { VideoId: videoWith('transcodeFail') }), 400), 'Forbidden.IllegalStatus');
    assert.equal(errorCode(await call('GetPlayInfo', { VideoId: videoWith('video', 'plain'), Formats: 'mp3' }), 404), 'InvalidVideo.NoneStream');
    assert.equal(errorCode(await call('GetPlayInfo', { VideoId: videoWith('video', 'plain'), Formats: 'avi' }), 400), 'InvalidParameter');
    assert.equal(errorCode(await call('GetPlayInfo', {}), 400), 'MissingParameter');
  });
});

describe('emulator: SearchMedia SearchType=video|audio', () => {
  it('lists videos with a Video record and audio with an Audio record', async () => {
    const videos = (await call('SearchMedia', { SearchType: 'video', PageSize: '100' })).json() as Json;
    assert.ok(videos['Total'] >= 2000);
    assert.ok(videos['MediaList'].every((m: Json) => m.MediaType === 'video' && m.Video?.VideoId === m.MediaId));
    const audio = (await call('SearchMedia', { SearchType: 'audio' })).json() as Json;
    assert.ok(audio['Total'] >= 5);
    assert.ok(audio['MediaList'].every((m: Json) => m.MediaType === 'audio' && m.Audio?.AudioId === m.MediaId));
    const matched = (await call('SearchMedia', { SearchType: 'video', Match: "Status in ('TranscodeFail')" })).json() as Json;
    assert.equal(matched['Total'], 1);
  });
});

describe('emulator: SearchMedia Fields for video and audio (protocol appendix, "Return field")', () => {
  it('without Fields answers only the ID, creation time and type', async () => {
    for (const [searchType, wrapper, idField] of [['video', 'Video', 'VideoId'], ['audio', 'Audio', 'AudioId']] as const) {
      const body = (await call('SearchMedia', { SearchType: searchType, PageSize: '20' })).json() as Json;
      assert.ok(body['MediaList'].length > 0);
      for (const item of body['MediaList'] as Json[]) {
        assert.deepEqual(Object.keys(item).sort(), ['CreationTime', 'MediaId', 'MediaType', wrapper].sort());
        assert.deepEqual(item[wrapper], { [idField]: item['MediaId'] }, `${searchType}: nothing but the ID`);
      }
    }
  });

  it('with Fields answers exactly the fields named (those the record has)', async () => {
    const video = (await call('SearchMedia', { SearchType: 'video', PageSize: '50', Fields: 'VideoId,Title,Duration,Status' })).json() as Json;
    for (const item of video['MediaList'] as Json[]) {
      assert.deepEqual(Object.keys(item['Video']).sort(), ['Duration', 'Status', 'Title', 'VideoId']);
    }
    const audio = (await call('SearchMedia', { SearchType: 'audio', Fields: 'AudioId,CoverURL,Size' })).json() as Json;
    for (const item of audio['MediaList'] as Json[]) {
      assert.ok(Object.keys(item['Audio']).every((key) => ['AudioId', 'CoverURL', 'Size'].includes(key)));
      assert.equal(item['Audio']['AudioId'], item['MediaId']);
      assert.ok('Size' in item['Audio']);
    }
  });

  it("refuses a field that is not in the type's list (an image field, or the other type's ID)", async () => {
    assert.equal(errorCode(await call('SearchMedia', { SearchType: 'video', Fields: 'VideoId,URL' }), 400), 'InvalidParameter');
    assert.equal(errorCode(await call('SearchMedia', { SearchType: 'audio', Fields: 'VideoId' }), 400), 'InvalidParameter');
    assert.equal(errorCode(await call('SearchMedia', { SearchType: 'image', Fields: 'AudioId' }), 400), 'InvalidParameter');
  });
});

describe('emulator: a key allowed images but not videos', () => {
  it('reads images and is refused GetVideoInfos / GetPlayInfo with Forbidden.RAM', async () => {
    const creds = emulator.imagesOnlyCredentials;
    assert.equal((await call('GetImageInfos', { ImageIds: emulator.images[0]!.imageId }, creds)).status, 200);
    assert.equal(errorCode(await call('GetVideoInfos', { VideoIds: videoWith('video', 'plain') }, creds), 403), 'Forbidden.RAM');
    assert.equal(errorCode(await call('GetPlayInfo', { VideoId: videoWith('video', 'plain') }, creds), 403), 'Forbidden.RAM');
  });
});

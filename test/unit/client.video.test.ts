/** VodClient.getVideoInfos / getPlayInfo against the in-process emulator (V3 and V1). */
import { strict as assert } from 'node:assert';
import type { VodClient } from '../../src/vod/client';
import { isVodError } from '../../src/vod/errors';
import type { RequestLogEntry } from '../../src/vod/log';
import { audioIdMatch } from '../../src/vod/media/audioLookup';
import { emulatorSuite } from './support/emulatorSuite';
import { rejection } from './support/rejection';

describe('client: audio/video against the emulator', function () {
  this.timeout(30_000);
  const env = emulatorSuite();

  function client(creds = env.emulator.credentials, signatureVersion: 'v3' | 'v1' = 'v3', log?: (e: RequestLogEntry) => void): VodClient {
    return env.client({ credentials: async () => creds, signatureVersion, retry: { baseDelayMs: 10 }, log });
  }

  function videoWith(...traits: string[]): string {
    const found = env.emulator.videos.find((v) => traits.every((t) => v.traits.includes(t)));
    assert.ok(found, traits.join(','));
    return found.videoId;
  }

  for (const version of ['v3', 'v1'] as const) {
    it(`getVideoInfos (${version}): found in order, images and unknown IDs missing, numbers coerced, raw kept`, async () => {
      const ids = [videoWith('numbersAsStrings'), videoWith('audio', 'plain'), env.emulator.images[0]!.imageId, env.emulator.missingImageId];
      const result = await client(undefined, version).getVideoInfos(ids);
      assert.deepEqual(result.videos.map((v) => v.VideoId), ids.slice(0, 2));
      assert.deepEqual(result.missing, ids.slice(2));
      assert.equal(typeof result.videos[0]!.Duration, 'number');
      assert.equal(typeof (result.raw[0] as { Duration: unknown }).Duration, 'string');
      assert.ok('StorageClass' in result.videos[0]!, 'unknown fields are kept');
    });
  }

  for (const version of ['v3', 'v1'] as const) {
    it(`audioIdsAmong (${version}): names the audio among found assets, one SearchMedia per 20 IDs`, async () => {
      const audio = env.emulator.videos.filter((v) => v.mediaType === 'audio').map((v) => v.videoId);
      const videos = env.emulator.videos.filter((v) => v.mediaType === 'video').map((v) => v.videoId);
      const entries: RequestLogEntry[] = [];
      const asked = [...videos.slice(0, 18), ...audio];
      const found = await client(undefined, version, (e) => entries.push(e)).audioIdsAmong(asked);
      assert.deepEqual([...found].sort(), [...audio].sort());
      assert.equal(entries.filter((e) => e.action === 'SearchMedia').length, Math.ceil(asked.length / 20));
    });
  }

  it('audioIdsAmong: the Match joins exact AudioId conditions with or, in parentheses; one ID needs none', () => {
    assert.equal(audioIdMatch(['a1']), "AudioId = 'a1'");
    assert.equal(audioIdMatch(['a1', 'b2', 'c3']), "(AudioId = 'a1' or AudioId = 'b2' or AudioId = 'c3')");
  });

  it('audioIdsAmong: a refused key gets a message naming vod:SearchMedia; a non-ID is refused before any call', async () => {
    const error = await rejection(client(env.emulator.forbiddenCredentials).audioIdsAmong([videoWith('audio', 'plain')]));
    assert.ok(isVodError(error) && error.kind === 'auth' && /vod:SearchMedia/.test(error.message), String(error));
    const bad = await rejection(client().audioIdsAmong(["x' or AudioId = 'y"]));
    assert.ok(isVodError(bad) && bad.kind === 'invalidInput');
  });

  it('getVideoInfos: 45 IDs → 3 calls of ≤ 20', async () => {
    const entries: RequestLogEntry[] = [];
    const ids = env.emulator.videos.slice(0, 25).map((v) => v.videoId).concat(Array.from({ length: 20 }, (_, i) => `${i}`.padStart(32, 'f')));
    const result = await client(undefined, 'v3', (e) => entries.push(e)).getVideoInfos(ids);
    assert.equal(result.videos.length, 25);
    assert.equal(entries.filter((e) => e.action === 'GetVideoInfos').length, 3);
    assert.ok(entries.every((e) => (e.idCount ?? 0) <= 20));
  });

  it('getPlayInfo: streams with numbers, VideoBase with MediaType, filters and expiry passed through', async () => {
    const video = videoWith('video', 'plain');
    const all = await client().getPlayInfo(video);
    assert.equal(all.base?.MediaType, 'video');
    assert.ok(all.streams.length >= 2);
    assert.ok(all.streams.every((s) => typeof s.Width === 'number' && typeof s.Bitrate === 'number'));
    const one = await client().getPlayInfo(video, { formats: ['mp4'], definitions: ['LD'], authTimeout: 900, outputType: 'cdn' });
    assert.deepEqual(one.streams.map((s) => s.Definition), ['LD']);
    const audio = await client().getPlayInfo(videoWith('audio', 'plain'));
    assert.equal(audio.base?.MediaType, 'audio');
  });

  it('getPlayInfo errors: not found, not playable, no stream, bad definition', async () => {
    const notFound = await rejection(client().getPlayInfo(env.emulator.missingImageId));
    assert.ok(isVodError(notFound) && notFound.kind === 'notFound' && notFound.code === 'InvalidVideo.NotFound');
    const illegal = await rejection(client().getPlayInfo(videoWith('transcodeFail')));
    assert.ok(isVodError(illegal) && illegal.kind === 'invalidInput' && /only Normal/.test(illegal.message), String(illegal));
    const none = await rejection(client().getPlayInfo(videoWith('video', 'plain'), { formats: ['mp3'] }));
    assert.ok(isVodError(none) && none.code === 'InvalidVideo.NoneStream');
    const bad = await rejection(client().getPlayInfo(videoWith('video', 'plain'), { definitions: ['<x>'] }));
    assert.ok(isVodError(bad) && bad.kind === 'invalidInput');
  });

  it('a key refused the video actions gets a message naming vod:GetVideoInfos / vod:GetPlayInfo', async () => {
    const c = client(env.emulator.imagesOnlyCredentials);
    const infos = await rejection(c.getVideoInfos([videoWith('video', 'plain')]));
    assert.ok(isVodError(infos) && infos.kind === 'auth' && /vod:GetVideoInfos/.test(infos.message), String(infos));
    const play = await rejection(c.getPlayInfo(videoWith('video', 'plain')));
    assert.ok(isVodError(play) && play.kind === 'auth' && /vod:GetPlayInfo/.test(play.message));
    assert.ok(!infos.message.includes(env.emulator.imagesOnlyCredentials.accessKeySecret));
  });
});

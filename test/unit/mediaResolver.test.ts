/**
 * ImageService as the one resolver for "what is this ID": images first, then the IDs no image batch
 * found go through pooled GetVideoInfos batches. N image IDs + M video IDs cost ⌈(N+M)/20⌉ image
 * calls + ⌈M/20⌉ video calls, whatever order the IDs come in and the image answers arrive.
 */
import assert from 'node:assert/strict';
import type { ImageInfosResult } from '../../src/vod/api';
import { VodError } from '../../src/vod/errors';
import { msg } from '../../src/vod/messages';
import { ImageService } from '../../src/vod/imageService';
import { formatDuration, mediaKindOf } from '../../src/vod/media/mediaLookup';
import type { VideoInfosResult } from '../../src/vod/media/videoApi';
import { emulatorSuite } from './support/emulatorSuite';

function hexId(prefix: string, n: number): string {
  return prefix + n.toString(16).padStart(31, '0');
}

class FakeMediaApi {
  imageCalls: string[][] = [];
  videoCalls: string[][] = [];
  videoError: unknown;
  /** Random delays so image answers arrive out of order. */
  jitter = false;

  constructor(
    readonly images: ReadonlySet<string>,
    readonly videos: ReadonlyMap<string, 'video' | 'audio' | undefined>,
  ) {}

  getImageInfos = async (ids: readonly string[]): Promise<ImageInfosResult> => {
    this.imageCalls.push([...ids]);
    if (this.jitter) await new Promise((r) => setTimeout(r, Math.random() * 10));
    return { images: ids.filter((id) => this.images.has(id)).map((ImageId) => ({ ImageId })), missing: ids.filter((id) => !this.images.has(id)), requestIds: [] };
  };

  getVideoInfos = async (ids: readonly string[]): Promise<VideoInfosResult> => {
    this.videoCalls.push([...ids]);
    assert.ok(ids.length <= 20, `a GetVideoInfos batch of ${ids.length}`);
    if (this.videoError) throw this.videoError;
    const found = ids.filter((id) => this.videos.has(id));
    const videos = found.map((VideoId) => ({ VideoId, Duration: 61, ...(this.videos.get(VideoId) ? { MediaType: this.videos.get(VideoId) } : {}) }));
    return { videos, raw: videos, missing: ids.filter((id) => !this.videos.has(id)), requestIds: [] };
  };
}

function library(n: number, m: number, audioEvery = 0) {
  const images = Array.from({ length: n }, (_, i) => hexId('a', i));
  const videos = Array.from({ length: m }, (_, i) => hexId('b', i));
  const api = new FakeMediaApi(new Set(images), new Map(videos.map((id, i) => [id, audioEvery > 0 && i % audioEvery === 0 ? 'audio' : undefined])));
  return { images, videos, api };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 2));
  assert.ok(condition(), 'condition reached');
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('media resolver (ImageService)', () => {
  for (const [n, m] of [[0, 1], [1, 1], [19, 1], [20, 20], [37, 23], [100, 41], [3000, 2000]] as const) {
    it(`${n} image IDs + ${m} video IDs → ⌈(N+M)/20⌉ image calls + ⌈M/20⌉ video calls`, async () => {
      const { images, videos, api } = library(n, m);
      api.jitter = n + m < 500;
      const service = new ImageService({ api, batchDelayMs: 1, maxEntries: 10_000 });
      const result = await service.getMany(shuffled([...images, ...videos]));
      assert.equal(api.imageCalls.length, Math.ceil((n + m) / 20));
      assert.equal(api.videoCalls.length, Math.ceil(m / 20));
      // Only IDs the image step did not find reach GetVideoInfos.
      assert.ok(api.videoCalls.flat().every((id) => !images.includes(id)));
      for (const id of images) assert.equal(result.get(id)?.state, 'found');
      for (const id of videos) assert.equal(result.get(id)?.state, 'video');
      service.dispose();
    });
  }

  it('says audio when the server marks the asset as audio, missing when neither step knows the ID', async () => {
    const { videos, api } = library(1, 4, 2);
    const service = new ImageService({ api, batchDelayMs: 1 });
    const unknown = hexId('c', 1);
    const result = await service.getMany([...videos, unknown]);
    assert.deepEqual(videos.map((id) => result.get(id)?.state), ['audio', 'video', 'audio', 'video']);
    const missing = result.get(unknown);
    assert.ok(missing?.state === 'missing' && missing.videoCheck === undefined);
  });

  it('shares the cache: a second lookup of a video costs no call', async () => {
    const { videos, api } = library(0, 1);
    const service = new ImageService({ api, batchDelayMs: 1 });
    assert.equal((await service.get(videos[0]!)).state, 'video');
    assert.equal(service.peek(videos[0]!)?.state, 'video');
    assert.equal((await service.get(videos[0]!)).state, 'video');
    assert.equal(api.imageCalls.length + api.videoCalls.length, 2);
  });

  it('a key refused GetVideoInfos keeps its image results, reports once and stops asking', async () => {
    const { images, videos, api } = library(3, 3);
    api.videoError = new VodError('auth', msg('api.mediaPermission', { action: 'GetVideoInfos' }), { code: 'Forbidden.RAM' });
    const service = new ImageService({ api, batchDelayMs: 1 });
    const reports: VodError[] = [];
    service.onVideoStepUnavailable((e) => reports.push(e));
    const first = await service.getMany([...images, videos[0]!]);
    for (const id of images) assert.equal(first.get(id)?.state, 'found');
    const denied = first.get(videos[0]!);
    assert.ok(denied?.state === 'missing' && denied.videoCheck === 'denied');
    const second = await service.getMany(videos.slice(1));
    assert.ok([...second.values()].every((l) => l.state === 'missing' && l.videoCheck === 'denied'));
    assert.equal(api.videoCalls.length, 1, 'the video step stays off after a refusal');
    assert.equal(reports.length, 1);
    // A full refresh (e.g. new credentials) tries again.
    api.videoError = undefined;
    service.invalidate();
    assert.equal((await service.get(videos[1]!)).state, 'video');
  });

  it('any other video-step failure is not cached: waiters get the error, the next lookup retries', async () => {
    const { videos, api } = library(0, 1);
    api.videoError = new VodError('network', msg('net.unreachable', { host: 'vod.cn-shanghai.aliyuncs.com' }));
    const service = new ImageService({ api, batchDelayMs: 1 });
    await assert.rejects(service.get(videos[0]!), /Could not reach/);
    api.videoError = undefined;
    assert.equal((await service.get(videos[0]!)).state, 'video');
  });

  it('without getVideoInfos (images-only API) unknown IDs are simply missing', async () => {
    const service = new ImageService({ api: { getImageInfos: new FakeMediaApi(new Set(), new Map()).getImageInfos }, batchDelayMs: 1 });
    const lookup = await service.get(hexId('d', 1));
    assert.ok(lookup.state === 'missing' && lookup.videoCheck === undefined);
  });

  it('under a hold, a partial video batch waits for more IDs; disposing the hold sends it', async () => {
    const { videos, api } = library(0, 30);
    const service = new ImageService({ api, batchDelayMs: 1 });
    const hold = service.holdVideoBatches();
    const passed: string[] = [];
    const onVideoStage = (id: string): void => void passed.push(id);
    const first = service.getMany(videos.slice(0, 13), { hold, onVideoStage });
    await until(() => passed.length === 13);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(api.videoCalls.length, 0, 'the 13 wait for more');
    const second = service.getMany(videos.slice(13), { hold, onVideoStage });
    await until(() => api.videoCalls.length === 1);
    assert.equal(api.videoCalls[0]!.length, 20, 'a full batch leaves at once');
    hold.dispose();
    await Promise.all([first, second]);
    assert.deepEqual(api.videoCalls.map((c) => c.length), [20, 10]);
    assert.deepEqual(new Set(passed), new Set(videos));
  });

  it('a lookup outside the hold (a hover) does not wait: the partial batch leaves with it', async () => {
    const { videos, api } = library(0, 6);
    const service = new ImageService({ api, batchDelayMs: 1 });
    const hold = service.holdVideoBatches();
    let passed = 0;
    const bulk = service.getMany(videos.slice(0, 5), { hold, onVideoStage: () => void (passed += 1) });
    await until(() => passed === 5);
    assert.equal((await service.get(videos[5]!)).state, 'video');
    assert.deepEqual(api.videoCalls.map((c) => c.length), [6]);
    await bulk;
    // Joining a waiting flight without a hold sends it too.
    const more = library(0, 3);
    const second = new ImageService({ api: more.api, batchDelayMs: 1 });
    const hold2 = second.holdVideoBatches();
    let waiting = 0;
    void second.getMany(more.videos, { hold: hold2, onVideoStage: () => void (waiting += 1) });
    await until(() => waiting === 3);
    assert.equal((await second.get(more.videos[1]!)).state, 'video');
    assert.deepEqual(more.api.videoCalls.map((c) => c.length), [3]);
    hold.dispose();
    hold2.dispose();
  });

  it('formats durations as h:mm:ss and reads the media kind', () => {
    assert.equal(formatDuration(90.5), '0:01:31');
    assert.equal(formatDuration(3 * 3600 + 25 * 60 + 7), '3:25:07');
    assert.equal(formatDuration(undefined), undefined);
    assert.equal(formatDuration(-1), undefined);
    assert.equal(mediaKindOf({ MediaType: 'Audio' }), 'audio');
    assert.equal(mediaKindOf({}), 'video');
  });
});

describe('media resolver: the audio check', () => {
  /** A GetVideoInfos that, like the real one, never says MediaType; audio is known to the search only. */
  function unlabelled(audio: readonly string[], videos: readonly string[]) {
    const all = new Set([...audio, ...videos]);
    const calls = { video: 0, audio: [] as string[][] };
    let audioError: unknown;
    const api = {
      getImageInfos: async (ids: readonly string[]): Promise<ImageInfosResult> => ({ images: [], missing: [...ids], requestIds: [] }),
      getVideoInfos: async (ids: readonly string[]): Promise<VideoInfosResult> => {
        calls.video += 1;
        const found = ids.filter((id) => all.has(id)).map((VideoId) => ({ VideoId }));
        return { videos: found, raw: found, missing: ids.filter((id) => !all.has(id)), requestIds: [] };
      },
      audioIdsAmong: async (ids: readonly string[]): Promise<ReadonlySet<string>> => {
        calls.audio.push([...ids]);
        if (audioError) throw audioError;
        return new Set(ids.filter((id) => audio.includes(id)));
      },
    };
    return { api, calls, failAudio: (error: unknown) => void (audioError = error) };
  }

  it('asks once per video batch, only about found assets, and says audio for what it names', async () => {
    const audio = Array.from({ length: 5 }, (_, i) => hexId('e', i));
    const videos = Array.from({ length: 30 }, (_, i) => hexId('f', i));
    const { api, calls } = unlabelled(audio, videos);
    const service = new ImageService({ api, batchDelayMs: 1 });
    const unknown = hexId('c', 9);
    const result = await service.getMany([...videos, unknown, ...audio]);
    for (const id of audio) assert.equal(result.get(id)?.state, 'audio');
    for (const id of videos) assert.equal(result.get(id)?.state, 'video');
    const found = result.get(audio[0]!);
    assert.ok(found?.state === 'audio' && found.info.MediaType === 'audio');
    const video = result.get(videos[0]!);
    assert.ok(video?.state === 'video' && video.info.MediaType === 'video', 'the check answered: the kind is known');
    assert.equal(result.get(unknown)?.state, 'missing');
    assert.equal(calls.audio.length, calls.video);
    assert.ok(calls.audio.every((ids) => ids.length <= 20 && !ids.includes(unknown)));
  });

  it('a refused audio check: assets are video, reported once, not asked again until invalidate', async () => {
    const { api, calls, failAudio } = unlabelled([hexId('e', 1), hexId('e', 2)], [hexId('f', 1)]);
    failAudio(new VodError('auth', msg('api.mediaPermission', { action: 'SearchMedia' }), { code: 'Forbidden.RAM' }));
    const service = new ImageService({ api, batchDelayMs: 1 });
    const reports: VodError[] = [];
    service.onAudioCheckUnavailable((e) => reports.push(e));
    const first = await service.get(hexId('e', 1));
    assert.ok(first.state === 'video' && first.info.MediaType === undefined, 'not known: no MediaType, views say audio/video');
    assert.equal((await service.get(hexId('e', 2))).state, 'video');
    assert.equal(calls.audio.length, 1);
    assert.equal(reports.length, 1);
    failAudio(undefined);
    service.invalidate();
    assert.equal((await service.get(hexId('e', 2))).state, 'audio');
  });

  it('any other audio-check failure does not fail the lookup (video), and the next batch asks again', async () => {
    const { api, calls, failAudio } = unlabelled([hexId('e', 1)], []);
    failAudio(new VodError('network', msg('net.unreachable', { host: 'vod.cn-shanghai.aliyuncs.com' })));
    const service = new ImageService({ api, batchDelayMs: 1 });
    assert.equal((await service.get(hexId('e', 1))).state, 'video');
    failAudio(undefined);
    assert.equal((await service.get(hexId('e', 1), { force: true })).state, 'audio');
    assert.equal(calls.audio.length, 2);
  });
});

describe('media resolver against the emulator: audio or video', function () {
  this.timeout(30_000);
  const env = emulatorSuite();

  it('says audio for audio assets and video for videos, with at most one SearchMedia per GetVideoInfos batch', async () => {
    const service = new ImageService({ api: env.client({ requestsPerSecond: Infinity }), batchDelayMs: 1 });
    const audio = env.emulator.videos.filter((v) => v.mediaType === 'audio').map((v) => v.videoId);
    const videos = env.emulator.videos.filter((v) => v.mediaType === 'video').map((v) => v.videoId);
    const images = env.emulator.images.slice(0, 7).map((i) => i.imageId);
    assert.ok(audio.length >= 5 && videos.length >= 20);
    env.emulator.stats.reset();
    const result = await service.getMany([...audio, ...images, ...videos]);
    for (const id of audio) assert.equal(result.get(id)?.state, 'audio', id);
    for (const id of videos) assert.equal(result.get(id)?.state, 'video', id);
    for (const id of images) assert.equal(result.get(id)?.state, 'found', id);
    const assets = audio.length + videos.length;
    assert.equal(env.emulator.stats.byAction['GetVideoInfos'], Math.ceil(assets / 20));
    assert.ok((env.emulator.stats.byAction['SearchMedia'] ?? 0) <= Math.ceil(assets / 20));
    service.dispose();
  });
});

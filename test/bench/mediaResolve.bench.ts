/**
 * Resolving a mix of images and videos through the real stack (VodClient → emulator, ImageService),
 * paced at the API's 10 calls/s: 5,000 IDs of which 2,000 are videos (the emulator's bulk videos),
 * shuffled deterministically. Calls made and wall time, for
 * - one batch (getMany of all 5,000): ⌈5000/20⌉ = 250 GetImageInfos + ⌈2000/20⌉ = 100 GetVideoInfos;
 * - the explorer's progressive path (chunks of 100, two at a time, holding the video batches): the same
 *   counts, since successive chunks' unknown IDs are packed into whole 20-ID GetVideoInfos calls.
 * Each GetVideoInfos batch that found assets also asks SearchMedia which of them are audio (GetVideoInfos
 * does not say): at most ⌈2000/20⌉ = 100 more calls, counted beside the others.
 */
import { VodClient } from '../../src/vod/client';
import { resolveProgressively } from '../../src/vod/explorer/resolveQueue';
import { ImageService } from '../../src/vod/imageService';
import { createUndiciTransport } from '../../src/vod/transport';
import { startEmulator, videoIdFor, type RunningEmulator } from '../emulator';
import { ms, type BenchModule, type BenchRow } from './types';

const IMAGES = 3_000;
const VIDEOS = 2_000;

function mixedIds(emulator: RunningEmulator): string[] {
  const images = emulator.images.filter((i) => i.traits.includes('bulk')).slice(0, IMAGES).map((i) => i.imageId);
  // The emulator's public list holds the curated videos only; the bulk ones are addressed by slug.
  const videos = Array.from({ length: VIDEOS }, (_, n) => videoIdFor(`bulk-${n}`));
  const ids = [...images, ...videos];
  // A fixed-seed shuffle, so every run sees the same interleaving.
  let seed = 42;
  for (let i = ids.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids;
}

async function measure(emulator: RunningEmulator, label: string, run: (service: ImageService, ids: string[]) => Promise<{ found: number }>): Promise<BenchRow[]> {
  const transport = createUndiciTransport({ env: {} });
  const client = new VodClient({ endpoint: new URL(emulator.endpoint), credentials: async () => emulator.credentials, transport });
  const service = new ImageService({ api: client, maxEntries: IMAGES + VIDEOS });
  const ids = mixedIds(emulator);
  emulator.stats.reset();
  try {
    const started = performance.now();
    const { found } = await run(service, ids);
    const wall = performance.now() - started;
    const imageCalls = emulator.stats.byAction['GetImageInfos'] ?? 0;
    const videoCalls = emulator.stats.byAction['GetVideoInfos'] ?? 0;
    const audioCalls = emulator.stats.byAction['SearchMedia'] ?? 0;
    const expectedImages = Math.ceil(ids.length / 20);
    const expectedVideos = Math.ceil(VIDEOS / 20);
    return [
      {
        metric: `${label}: GetImageInfos + GetVideoInfos calls`,
        value: `${imageCalls} + ${videoCalls}`,
        goal: `= ${expectedImages} + ${expectedVideos}`,
        met: imageCalls === expectedImages && videoCalls === expectedVideos && found === ids.length,
        note: `${found} of ${ids.length} resolved (${VIDEOS} videos)`,
      },
      {
        metric: `${label}: SearchMedia audio lookups`,
        value: String(audioCalls),
        goal: `≤ ${expectedVideos}`,
        met: audioCalls <= expectedVideos,
        note: 'one per GetVideoInfos batch that found assets',
      },
      { metric: `${label}: wall time (10 calls/s)`, value: ms(wall, 0), goal: '', note: `pacing floor ≈ ${ms(((imageCalls + videoCalls + audioCalls - 10) / 10) * 1000, 0)}` },
    ];
  } finally {
    service.dispose();
    await transport.close();
  }
}

const mediaResolveBench: BenchModule = {
  title: 'resolve images + videos',
  async bench() {
    const emulator = await startEmulator({ port: 0 });
    try {
      const batch = await measure(emulator, `one batch of ${IMAGES + VIDEOS} IDs`, async (service, ids) => {
        const lookups = await service.getMany(ids);
        return { found: [...lookups.values()].filter((l) => l.state !== 'missing').length };
      });
      const progressive = await measure(emulator, `explorer path, ${IMAGES + VIDEOS} IDs`, async (service, ids) => {
        const summary = await resolveProgressively(service, ids);
        return { found: summary.found };
      });
      return [...batch, ...progressive];
    } finally {
      await emulator.close();
    }
  },
};
export default mediaResolveBench;

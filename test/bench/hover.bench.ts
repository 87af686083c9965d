/**
 * Cached hover: once an ID's lookup and thumbnail are cached, a hover must not wait on anything.
 * Measures the hover's own path (hoverParts over the shared ImageService and thumbnail cache, then
 * the markdown renderer) for an already-hovered ID, against the emulator through the real client and
 * transport for the first, uncached hover. Goal ≤ 1 ms at p50.
 */
import { VodClient } from '../../src/vod/client';
import { ImageService } from '../../src/vod/imageService';
import { renderHoverMarkdown } from '../../src/vod/render/hoverMarkdown';
import { createUndiciTransport } from '../../src/vod/transport';
import { hoverParts } from '../../src/ui/hover/hoverParts';
import { HoverThumbnails } from '../../src/ui/hover/thumbnails';
import { startEmulator } from '../emulator';
import { imageIdFor } from '../emulator/fixtures';
import { collectGarbage, ms, percentile, type BenchModule, type BenchRow } from './types';

const SAMPLES = 2000;
const COMMANDS = { openDetails: 'vodImages.openDetails', copySignedUrl: 'vodImages.copySignedUrl', copyId: 'vodImages.copyId', signIn: 'vodImages.signIn' };

async function hoverOnce(deps: Parameters<typeof hoverParts>[0], imageId: string): Promise<string> {
  const parts = await hoverParts(deps, { imageId, signal: new AbortController().signal, timeoutMs: 10_000 });
  if (!parts) throw new Error('the hover was cancelled');
  return renderHoverMarkdown({ lookup: parts.lookup, thumbnail: parts.thumbnail, commands: COMMANDS }).markdown;
}

const bench: BenchModule = {
  title: 'hover',
  async bench(): Promise<BenchRow[]> {
    const emulator = await startEmulator({ port: 0 });
    const transport = createUndiciTransport({ env: {} });
    try {
      const client = new VodClient({ endpoint: new URL(emulator.endpoint), credentials: async () => emulator.credentials, transport });
      const images = new ImageService({ api: client });
      const thumbnails = new HoverThumbnails(async () => transport, { notAnImage: 'not an image', downloadFailed: 'download failed' });
      const deps = { images: async () => images, thumbnails, logError: () => undefined, unexpectedErrorLabel: 'error' };
      const id = imageIdFor('red-sneaker');

      let started = performance.now();
      const first = await hoverOnce(deps, id);
      const uncached = performance.now() - started;
      if (!first.includes('data:image/')) throw new Error('the first hover has no thumbnail');

      const samples: number[] = [];
      collectGarbage();
      for (let i = 0; i < SAMPLES; i++) {
        started = performance.now();
        await hoverOnce(deps, id);
        samples.push(performance.now() - started);
      }
      const requests = emulator.stats.apiRequests;
      const p50 = percentile(samples, 50);
      return [
        { metric: 'first hover (API call + thumbnail download)', value: ms(uncached), goal: '', note: 'emulator on loopback' },
        { metric: 'cached hover (p50)', value: ms(p50, 3), goal: '≤ 1 ms', met: p50 <= 1, note: `p99 ${ms(percentile(samples, 99), 3)}; n=${SAMPLES}` },
        { metric: 'API calls for all hovers', value: String(requests), goal: '1', met: requests === 1 },
      ];
    } finally {
      await transport.close();
      await emulator.close();
    }
  },
};

export default bench;

/**
 * Cached hover: once an ID's lookup and thumbnail are cached, a hover must not wait on anything.
 * Measures the hover's own path (hoverParts over the shared ImageService and thumbnail cache, then
 * the markdown renderer) for an already-hovered ID, against the emulator through the real client and
 * transport for the first, uncached hover. Goal ≤ 1 ms at p50.
 */
import { withHoverHost } from './hoverHost';
import { collectGarbage, ms, percentile, type BenchModule, type BenchRow } from './types';

const SAMPLES = 2000;

const bench: BenchModule = {
  title: 'hover',
  async bench(): Promise<BenchRow[]> {
    return withHoverHost(async ({ emulator, hover }) => {
      let started = performance.now();
      const first = await hover();
      const uncached = performance.now() - started;
      if (!first.includes('data:image/')) throw new Error('the first hover has no thumbnail');

      const samples: number[] = [];
      collectGarbage();
      for (let i = 0; i < SAMPLES; i++) {
        started = performance.now();
        await hover();
        samples.push(performance.now() - started);
      }
      const requests = emulator.stats.apiRequests;
      const p50 = percentile(samples, 50);
      return [
        { metric: 'first hover (API call + thumbnail download)', value: ms(uncached), goal: '', note: 'emulator on loopback' },
        { metric: 'cached hover (p50)', value: ms(p50, 3), goal: '≤ 1 ms', met: p50 <= 1, note: `p99 ${ms(percentile(samples, 99), 3)}; n=${SAMPLES}` },
        { metric: 'API calls for all hovers', value: String(requests), goal: '1', met: requests === 1 },
      ];
    });
  },
};

export default bench;

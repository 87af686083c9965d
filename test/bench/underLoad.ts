/**
 * Measuring the extension's responsiveness while a scan runs in the same process (the scan's
 * JavaScript shares the thread with hovers, as in the extension host):
 * - cached hovers, sampled on a timer and timed from when they were due, so a hover that waits
 *   behind scan work counts that wait (what a user would feel);
 * - the event loop's longest block (perf_hooks' delay histogram);
 * - heap growth across the run.
 * Used by scan.bench.ts (20k files) and large.bench.ts (200k files).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { VodClient } from '../../src/vod/client';
import { ImageService } from '../../src/vod/imageService';
import { renderHoverMarkdown } from '../../src/vod/render/hoverMarkdown';
import { createUndiciTransport } from '../../src/vod/transport';
import { hoverParts } from '../../src/ui/hover/hoverParts';
import { HoverThumbnails } from '../../src/ui/hover/thumbnails';
import { startEmulator } from '../emulator';
import { imageIdFor } from '../emulator/fixtures';
import { percentile } from './types';

const COMMANDS = { openDetails: 'vodImages.openDetails', copySignedUrl: 'vodImages.copySignedUrl', copyId: 'vodImages.copyId', signIn: 'vodImages.signIn' };
/** One hover every this many ms during the scan. */
const HOVER_EVERY_MS = 5;

export interface UnderLoad<T> {
  readonly result: T;
  readonly hoverP50Ms: number;
  readonly hoverP99Ms: number;
  readonly hovers: number;
  readonly maxLagMs: number;
}

/** Runs `work` while hovering a cached ID every few ms; the emulator serves the one uncached lookup first. */
export async function underLoad<T>(work: () => Promise<T>): Promise<UnderLoad<T>> {
  const emulator = await startEmulator({ port: 0 });
  const transport = createUndiciTransport({ env: {} });
  try {
    const client = new VodClient({ endpoint: new URL(emulator.endpoint), credentials: async () => emulator.credentials, transport });
    const images = new ImageService({ api: client });
    const thumbnails = new HoverThumbnails(async () => transport, { notAnImage: 'not an image', downloadFailed: 'download failed' });
    const deps = { images: async () => images, thumbnails, logError: () => undefined, unexpectedErrorLabel: 'error' };
    const imageId = imageIdFor('red-sneaker');
    const hover = async (): Promise<void> => {
      const parts = await hoverParts(deps, { imageId, signal: new AbortController().signal, timeoutMs: 10_000 });
      if (!parts) throw new Error('the hover was cancelled');
      renderHoverMarkdown({ lookup: parts.lookup, thumbnail: parts.thumbnail, commands: COMMANDS });
    };
    await hover(); // the first, uncached hover: not part of the measurement

    const samples: number[] = [];
    let running = true;
    const sampler = (async () => {
      while (running) {
        const due = performance.now() + HOVER_EVERY_MS;
        await new Promise((r) => setTimeout(r, HOVER_EVERY_MS));
        await hover();
        samples.push(performance.now() - due);
      }
    })();
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    let result: T;
    try {
      result = await work();
    } finally {
      lag.disable();
      running = false;
      await sampler;
    }
    return {
      result,
      hoverP50Ms: percentile(samples, 50),
      hoverP99Ms: percentile(samples, 99),
      hovers: samples.length,
      // The histogram counts the timer's own resolution in every sample.
      maxLagMs: Math.max(0, lag.max / 1e6 - 10),
    };
  } finally {
    await transport.close();
    await emulator.close();
  }
}

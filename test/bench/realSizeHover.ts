/**
 * Real-size images in the hover, in plain Node against the emulator; hostHeap.bench.ts prints these
 * rows next to their extension-host twins (test/bench/host/realSizeHover.ts): the first hover over the 8 MB JPEG (goal
 * ≤ 1.5 s), the hover payload (goal ≤ 256 KB), the first hovers over the 12 and 20 MB JPEGs (shrunk
 * in-process), and the heap after 100 first hovers over all five real-size fixtures (each hover with
 * an empty thumbnail cache, so every one downloads and, for the large JPEGs, decodes).
 */
import { hoverParts } from '../../src/ui/hover/hoverParts';
import { HoverThumbnails } from '../../src/ui/hover/thumbnails';
import { VodClient } from '../../src/vod/client';
import { ImageService } from '../../src/vod/imageService';
import { renderHoverMarkdown } from '../../src/vod/render/hoverMarkdown';
import { createUndiciTransport, type Transport } from '../../src/vod/transport';
import { startEmulator } from '../emulator';
import { getLibrary } from '../emulator/fixtures';
import { collectGarbage, ms, type BenchRow } from './types';

const COMMANDS = { openDetails: 'vodImages.openDetails', copySignedUrl: 'vodImages.copySignedUrl', copyId: 'vodImages.copyId', signIn: 'vodImages.signIn' };
const TRAITS = ['photo8mb', 'png3mb', 'anim6mb', 'photo12mb', 'photo20mb'];
const HOVERS = 100;
const MB = 1024 * 1024;
export const FIRST_HOVER_GOAL_MS = 1500;
export const PAYLOAD_GOAL_BYTES = 256 * 1024;

const idOf = (trait: string): string => getLibrary().images.find((r) => r.traits.includes(trait))!.imageId;

/** One hover with a fresh thumbnail cache (a first hover); the markdown it shows. */
async function firstHover(images: ImageService, transport: Transport, imageId: string): Promise<string> {
  const thumbnails = new HoverThumbnails(async () => transport, { notAnImage: 'not an image', downloadFailed: 'download failed' });
  const parts = await hoverParts(
    { images: async () => images, thumbnails, logError: () => undefined, unexpectedErrorLabel: 'error' },
    { imageId, signal: new AbortController().signal, timeoutMs: 30_000 },
  );
  if (!parts) throw new Error('the hover was cancelled');
  return renderHoverMarkdown({ lookup: parts.lookup, thumbnail: parts.thumbnail, commands: COMMANDS }).markdown;
}

export async function nodeRealSizeRows(): Promise<BenchRow[]> {
  const emulator = await startEmulator({ port: 0 });
  const transport = createUndiciTransport({ env: {} });
  try {
    const client = new VodClient({ endpoint: new URL(emulator.endpoint), credentials: async () => emulator.credentials, transport });
    const images = new ImageService({ api: client });
    let started = performance.now();
    const first = await firstHover(images, transport, idOf('photo8mb'));
    const firstMs = performance.now() - started;
    const payload = Buffer.byteLength(first);
    const shrunk: string[] = [];
    for (const trait of ['photo12mb', 'photo20mb']) {
      started = performance.now();
      const text = await firstHover(images, transport, idOf(trait));
      shrunk.push(`${trait} ${ms(performance.now() - started, 0)} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB)`);
    }
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    let largest = 0;
    for (let i = 0; i < HOVERS; i++) largest = Math.max(largest, Buffer.byteLength(await firstHover(images, transport, idOf(TRAITS[i % TRAITS.length]!))));
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    return [
      { metric: 'plain Node: first hover, 8 MB JPEG', value: ms(firstMs, 0), goal: `≤ ${FIRST_HOVER_GOAL_MS} ms`, met: firstMs <= FIRST_HOVER_GOAL_MS, note: `${(firstMs / FIRST_HOVER_GOAL_MS).toFixed(2)}× the goal; CDN resize on the emulator` },
      { metric: 'plain Node: hover payload, 8 MB JPEG', value: `${(payload / 1024).toFixed(1)} KB`, goal: '≤ 256 KB', met: payload <= PAYLOAD_GOAL_BYTES, note: `largest over the five: ${(largest / 1024).toFixed(1)} KB` },
      { metric: 'plain Node: first hover over the limits', value: shrunk.join(', '), goal: 'informational', note: 'original downloaded and shrunk in-process' },
      { metric: `plain Node: heap after ${HOVERS} first hovers`, value: `${((after - before) / MB).toFixed(1)} MB`, goal: '≤ 30 MB', met: after - before <= 30 * MB, note: `heap ${(before / MB).toFixed(1)} → ${(after / MB).toFixed(1)} MB, gc between; all five fixtures` },
    ];
  } finally {
    await transport.close();
    await emulator.close();
  }
}

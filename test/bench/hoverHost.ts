/**
 * The hover as the extension runs it (lookup through the shared ImageService, thumbnail, markdown),
 * against a fresh emulator: what the hover benchmarks measure. `hover()` renders one ID's hover.
 */
import { VodClient } from '../../src/vod/client';
import { ImageService } from '../../src/vod/imageService';
import { renderHoverMarkdown } from '../../src/vod/render/hoverMarkdown';
import { createUndiciTransport } from '../../src/vod/transport';
import { hoverParts } from '../../src/ui/hover/hoverParts';
import { HoverThumbnails } from '../../src/ui/hover/thumbnails';
import { startEmulator, type RunningEmulator } from '../emulator';
import { imageIdFor } from '../emulator/fixtures';

const COMMANDS = { openDetails: 'vodImages.openDetails', copySignedUrl: 'vodImages.copySignedUrl', copyId: 'vodImages.copyId', signIn: 'vodImages.signIn' };

export interface HoverHost {
  readonly emulator: RunningEmulator;
  /** The hover markdown of the bench's image (a fixture with a thumbnail). */
  hover(): Promise<string>;
}

export async function withHoverHost<T>(run: (host: HoverHost) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ port: 0 });
  const transport = createUndiciTransport({ env: {} });
  try {
    const client = new VodClient({ endpoint: new URL(emulator.endpoint), credentials: async () => emulator.credentials, transport });
    const images = new ImageService({ api: client });
    const thumbnails = new HoverThumbnails(async () => transport, { notAnImage: 'not an image', downloadFailed: 'download failed' });
    const deps = { images: async () => images, thumbnails, logError: () => undefined, unexpectedErrorLabel: 'error' };
    const imageId = imageIdFor('red-sneaker');
    const hover = async (): Promise<string> => {
      const parts = await hoverParts(deps, { imageId, signal: new AbortController().signal, timeoutMs: 10_000 });
      if (!parts) throw new Error('the hover was cancelled');
      return renderHoverMarkdown({ lookup: parts.lookup, thumbnail: parts.thumbnail, commands: COMMANDS }).markdown;
    };
    return await run({ emulator, hover });
  } finally {
    await transport.close();
    await emulator.close();
  }
}

/**
 * Real-size images in the hover, against the emulator (real-size fixtures, CDN resize within VOD's
 * limits, the original beyond them): every one gets a picture, the hover markdown stays under
 * 256 KB, and the thumbnail is small. Timing is measured by `npm run bench`, not asserted here.
 */
import assert from 'node:assert/strict';
import { hoverParts } from '../../src/ui/hover/hoverParts';
import { HoverThumbnails } from '../../src/ui/hover/thumbnails';
import { VodClient } from '../../src/vod/client';
import { ImageService } from '../../src/vod/imageService';
import { renderHoverMarkdown } from '../../src/vod/render/hoverMarkdown';
import { createUndiciTransport, type Transport } from '../../src/vod/transport';
import { type RunningEmulator, startEmulator } from '../emulator';

const COMMANDS = { openDetails: 'vodImages.openDetails', copySignedUrl: 'vodImages.copySignedUrl', copyId: 'vodImages.copyId', signIn: 'vodImages.signIn' };
const MAX_HOVER_BYTES = 256 * 1024;

describe('hover: real-size images', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let transport: Transport;
  let images: ImageService;
  before(async () => {
    emulator = await startEmulator({ port: 0 });
    transport = createUndiciTransport({ env: {} });
    const api = new VodClient({ endpoint: new URL(emulator.endpoint), credentials: async () => emulator.credentials, transport, requestsPerSecond: Infinity });
    images = new ImageService({ api, batchDelayMs: 0 });
  });
  after(async () => {
    await transport.close();
    await emulator.close();
  });

  const idOf = (trait: string): string => emulator.images.find((i) => i.traits.includes(trait))!.imageId;

  for (const trait of ['photo8mb', 'png3mb', 'anim6mb', 'photo12mb', 'photo20mb']) {
    it(`${trait}: a thumbnail of at most 256 px, hover markdown under 256 KB`, async () => {
      const thumbnails = new HoverThumbnails(async () => transport, { notAnImage: 'not a picture', downloadFailed: 'failed' });
      const parts = await hoverParts(
        { images: async () => images, thumbnails, logError: () => {}, unexpectedErrorLabel: 'unexpected' },
        { imageId: idOf(trait), signal: new AbortController().signal, timeoutMs: 30_000 },
      );
      assert.equal(parts?.lookup.state, 'found');
      const thumbnail = parts?.thumbnail;
      assert.ok(thumbnail && 'dataUri' in thumbnail, `${trait}: ${JSON.stringify(thumbnail)?.slice(0, 200)}`);
      const bytes = Buffer.from(thumbnail.dataUri.split(',')[1]!, 'base64');
      if (bytes[0] === 0x89) assert.ok(Math.max(bytes.readUInt32BE(16), bytes.readUInt32BE(20)) <= 256, 'PNG long side');
      const { markdown } = renderHoverMarkdown({ ...parts, commands: COMMANDS });
      assert.ok(Buffer.byteLength(markdown) <= MAX_HOVER_BYTES, `${trait}: ${Buffer.byteLength(markdown)} bytes of markdown`);
      assert.ok(markdown.includes(thumbnail.dataUri), 'the thumbnail is in the hover');
    });
  }

  it('without image editing on the CDN, still shows all five, shrunk in-process, under 256 KB', async () => {
    emulator.faults.set({ imageProcessingOff: 1 });
    try {
      for (const trait of ['photo8mb', 'png3mb', 'anim6mb', 'photo12mb', 'photo20mb']) {
        const thumbnails = new HoverThumbnails(async () => transport, { notAnImage: 'not a picture', downloadFailed: 'failed' });
        const lookup = await images.get(idOf(trait));
        assert.ok(lookup.state === 'found');
        const thumbnail = await thumbnails.get(lookup.info, { signal: new AbortController().signal, timeoutMs: 30_000 });
        assert.ok(thumbnail && 'dataUri' in thumbnail, `${trait}: ${JSON.stringify(thumbnail)?.slice(0, 120)}`);
        const { markdown } = renderHoverMarkdown({ lookup, thumbnail, commands: COMMANDS });
        assert.ok(Buffer.byteLength(markdown) <= MAX_HOVER_BYTES, `${trait}: ${Buffer.byteLength(markdown)} bytes`);
      }
    } finally {
      emulator.faults.reset();
    }
  });

  it('asks the CDN to resize within its limits, and never downloads an 8 MB original for a hover', async () => {
    emulator.stats.reset();
    const thumbnails = new HoverThumbnails(async () => ({
      fetchBytes: (url, options) => {
        assert.match(url, /image_process=resize,l_256/);
        return transport.fetchBytes(url, options);
      },
    }), { notAnImage: 'not a picture', downloadFailed: 'failed' });
    const lookup = await images.get(idOf('photo8mb'));
    assert.ok(lookup.state === 'found');
    const result = await thumbnails.get(lookup.info, { signal: new AbortController().signal, timeoutMs: 30_000 });
    assert.ok(result && 'dataUri' in result);
  });
});

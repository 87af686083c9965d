/** The hover card for video and audio IDs: facts, links, cover thumbnail, and hostile text kept inert. */
import assert from 'node:assert/strict';
import { MAX_EMBED_BYTES, THUMBNAIL_SIDE } from '../../src/vod/thumbnail/thumbnailPlan';
import { hoverParts } from '../../src/ui/hover/hoverParts';
import { HoverThumbnails } from '../../src/ui/hover/thumbnails';
import type { ImageInfosResult } from '../../src/vod/api';
import { ImageService, type Lookup } from '../../src/vod/imageService';
import type { VideoInfosResult } from '../../src/vod/media/videoApi';
import { renderHoverMarkdown, type HoverCommands } from '../../src/vod/render/hoverMarkdown';

const COMMANDS: HoverCommands = {
  openDetails: 'vodImages.openDetails',
  copySignedUrl: 'vodImages.copySignedUrl',
  copyId: 'vodImages.copyId',
  signIn: 'vodImages.signIn',
  copyPlayUrl: 'vodImages.copyPlayUrl',
};
const VIDEO_ID = '7753d144efd8e649c6c45fe0579a0001';
const PNG_DATA_URI = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function video(state: 'video' | 'audio', extra: Record<string, unknown> = {}): Lookup {
  return {
    state,
    info: { VideoId: VIDEO_ID, Title: 'Keynote', Duration: 3 * 3600 + 25 * 60 + 7, Status: 'Normal', Size: 1536, CreationTime: '2024-02-01T09:00:00Z', CateName: 'Events', Tags: 'a,b', ...extra },
    fetchedAt: 0,
  };
}

describe('render: media hover', () => {
  it('shows kind, title, duration h:mm:ss, status, size, created, category, tags and the three links', () => {
    const rendered = renderHoverMarkdown({ lookup: video('video'), commands: COMMANDS, thumbnail: { dataUri: PNG_DATA_URI }, timeZone: 'UTC' });
    const { enabledCommands } = rendered;
    // Read the text as shown: Markdown escapes removed.
    const markdown = rendered.markdown.replace(/\\(.)/g, '$1');
    assert.match(markdown, /^!\[thumbnail\]\(data:image\/png;base64,/);
    // GetVideoInfos says nothing about the kind: the hover does not guess.
    assert.match(markdown, /Audio\/video: \*\*Keynote\*\*/);
    assert.match(markdown, /Duration: 3:25:07/);
    assert.match(markdown, /Status: Normal/);
    assert.match(markdown, /Size: 1\.5 KB|Size: 1\.5 KiB/);
    assert.match(markdown, /Category: Events/);
    assert.deepEqual(enabledCommands.sort(), ['vodImages.copyId', 'vodImages.copyPlayUrl', 'vodImages.openDetails']);
    assert.ok(!markdown.includes('copySignedUrl'));
  });

  it('says Audio for audio and omits the play link when no command is given', () => {
    const { copyPlayUrl: _omit, ...noPlay } = COMMANDS;
    const { markdown, enabledCommands } = renderHoverMarkdown({ lookup: video('audio', { MediaType: 'audio' }), commands: noPlay });
    assert.match(markdown, /Audio: \*\*Keynote\*\*/);
    assert.match(renderHoverMarkdown({ lookup: video('video', { MediaType: 'video' }), commands: noPlay }).markdown, /Video: \*\*Keynote\*\*/);
    assert.ok(!enabledCommands.includes('vodImages.copyPlayUrl'));
  });

  it('keeps hostile titles, tags and categories inert', () => {
    const hostile = '[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> ![t](https://evil/p.png)';
    const { markdown, enabledCommands } = renderHoverMarkdown({ lookup: video('video', { Title: hostile, Tags: hostile, CateName: hostile, Status: hostile }), commands: COMMANDS });
    // Every Markdown/HTML trigger from the API is backslash-escaped.
    assert.ok(!/(^|[^\\])[<\[\]]/.test(markdown.replace(/\[(Open details|Copy play URL|Copy ID)\]\(command:[^)]*\)/g, '')), markdown);
    assert.ok(!enabledCommands.includes('workbench.action.terminal.new'));
  });

  it('an ID the key could not check says so, quietly', () => {
    const { markdown } = renderHoverMarkdown({ lookup: { state: 'missing', imageId: VIDEO_ID, fetchedAt: 0, videoCheck: 'denied' }, commands: COMMANDS });
    assert.match(markdown, /could not tell/);
  });

  it('hoverParts fetches the cover through the thumbnail path, with the same size limit and CDN resize', async () => {
    const api = {
      getImageInfos: async (ids: readonly string[]): Promise<ImageInfosResult> => ({ images: [], missing: [...ids], requestIds: [] }),
      getVideoInfos: async (ids: readonly string[]): Promise<VideoInfosResult> => {
        const videos = ids.map((VideoId) => ({ VideoId, Title: 'clip', CoverURL: 'https://cdn.example/cover.png?auth_key=1-0-0-x' }));
        return { videos, raw: videos, missing: [], requestIds: [] };
      },
    };
    const urls: { url: string; maxBytes: number }[] = [];
    const png = Buffer.from(PNG_DATA_URI.split(',')[1]!, 'base64');
    const thumbnails = new HoverThumbnails(
      async () => ({ fetchBytes: async (url, options) => (urls.push({ url, maxBytes: options.maxBytes }), { contentType: 'image/png', bytes: png }) }),
      { notAnImage: 'x', downloadFailed: 'y' },
    );
    const parts = await hoverParts(
      { images: async () => new ImageService({ api, batchDelayMs: 1 }), thumbnails, logError: () => {}, unexpectedErrorLabel: 'u' },
      { imageId: VIDEO_ID, signal: new AbortController().signal, timeoutMs: 1000 },
    );
    assert.equal(parts?.lookup.state, 'video');
    assert.ok(parts?.thumbnail && 'dataUri' in parts.thumbnail);
    assert.equal(urls.length, 1);
    // Like an image's: the CDN is asked for a small rendition first, capped at what a hover embeds.
    assert.equal(urls[0]!.url, `https://cdn.example/cover.png?auth_key=1-0-0-x&image_process=resize,l_${THUMBNAIL_SIDE}`);
    assert.equal(urls[0]!.maxBytes, MAX_EMBED_BYTES);
  });
});

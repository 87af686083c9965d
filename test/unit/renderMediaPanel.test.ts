/** The video/audio details page: facts, streams without their URLs, hostile text escaped, strict CSP. */
import assert from 'node:assert/strict';
import { parseWebviewMessage } from '../../src/vod/render/panelMessages';
import { renderMediaPanelHtml, type MediaPanelInput } from '../../src/vod/render/mediaPanelHtml';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const base: MediaPanelInput = {
  kind: 'video',
  info: {
    VideoId: 'a'.repeat(32),
    Title: HOSTILE,
    Status: 'Normal',
    Duration: 3725,
    Size: 2048,
    CoverURL: 'https://cdn.example/cover.jpg?auth_key=1-0-0-abc',
    Snapshots: ['https://cdn.example/s1.jpg?auth_key=secret-query'],
    Tags: `${HOSTILE},b`,
    CateName: HOSTILE,
  },
  streams: {
    streams: [
      { PlayURL: 'https://cdn.example/v/HD.m3u8?auth_key=PLAYSECRET', Definition: 'HD', Format: 'm3u8', Width: 1280, Height: 720, Bitrate: 1800, Size: 4096 },
      { PlayURL: 'https://cdn.example/v/SD.mp4?auth_key=PLAYSECRET2', Definition: 'SD', Format: 'mp4', Width: 960, Height: 540, Bitrate: 900 },
    ],
  },
  cspSource: 'https://*.vscode-cdn.net',
  nonce: 'bm9uY2VfbW9yZV90aGFuXzE2',
  scriptUri: 'https://file.vscode-cdn.net/panel.js',
  styleUri: 'https://file.vscode-cdn.net/panel.css',
  imageOrigin: 'https://cdn.example',
};

describe('render: media details panel', () => {
  it('shows duration, streams with W×H and bitrate, one Copy play URL button per stream, and no play URL', () => {
    const html = renderMediaPanelHtml(base);
    assert.match(html, /1:02:05/);
    assert.match(html, /1280×720/);
    assert.match(html, /1800 kbps/);
    assert.equal((html.match(/data-action="copyPlayUrl" data-stream="\d"/g) ?? []).length, 2);
    assert.ok(!html.includes('PLAYSECRET'));
    assert.ok(!html.includes('secret-query'), 'snapshot queries are redacted');
    assert.match(html, /<img src="https:\/\/cdn\.example\/cover\.jpg\?auth_key=1-0-0-abc"/);
  });

  it('escapes every API string and keeps the strict CSP', () => {
    const html = renderMediaPanelHtml(base);
    assert.ok(!html.includes('<script>alert'));
    assert.ok(!html.includes('<img src=x'));
    assert.match(html, /default-src (&#39;|')none/);
    assert.match(html, /img-src [^;]*https:\/\/cdn\.example/);
  });

  it('shows the category as the image panel does: its name with the ID beside it, or the ID for a blank name', () => {
    const named = renderMediaPanelHtml({ ...base, info: { ...base.info, CateName: 'Events', CateId: 12 } });
    assert.match(named, /Events <span class="muted">\(12\)<\/span>/);
    const blank = renderMediaPanelHtml({ ...base, info: { ...base.info, CateName: '   ', CateId: 12 } });
    assert.match(blank, /<dd>12<\/dd>/);
  });

  it('says why there are no streams and disables the header button', () => {
    const html = renderMediaPanelHtml({ ...base, kind: 'audio', streams: { unavailable: 'The audio/video cannot be played in its current status. · Code: Forbidden.IllegalStatus' } });
    assert.match(html, /No play streams: The audio\/video cannot be played/);
    assert.match(html, /data-action="copyPlayUrl" disabled/);
    assert.match(html, />Audio</);
  });

  it('shows no cover from an origin the CSP does not allow', () => {
    const html = renderMediaPanelHtml({ ...base, imageOrigin: undefined });
    assert.ok(!html.includes('cover.jpg'));
  });

  it('accepts a stream index from the page only as a small integer', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'action', action: 'copyPlayUrl', stream: 1 }), { type: 'action', action: 'copyPlayUrl', stream: 1 });
    assert.equal(parseWebviewMessage({ type: 'action', action: 'copyPlayUrl', stream: 1.5 }), undefined);
    assert.equal(parseWebviewMessage({ type: 'action', action: 'copyPlayUrl', stream: 1000 }), undefined);
    assert.equal(parseWebviewMessage({ type: 'action', action: 'copyPlayUrl', stream: '1' }), undefined);
  });
});

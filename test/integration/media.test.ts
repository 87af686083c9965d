/**
 * Video and audio IDs in the real host: the hover shows the cover (fetched like an image thumbnail)
 * and the duration, never "not found"; Look Up counts them as found; the explorer's Recent rows get
 * their own icon and the Copy Play URL context; the details panel lists the play streams; Copy Play
 * URL puts a signed play URL on the clipboard.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ImageNode, SectionNode } from '../../src/ui/explorer/nodes';
import { imageIdFor } from '../emulator/fixtures';
import { videoIdFor } from '../emulator/videoFixtures';
import { activated } from './extension';
import { children, explorer } from './explorerApi';

const VIDEO = videoIdFor('intro'); // "Product intro (90 s)", Normal, with a cover and four streams
const FAILED = videoIdFor('transcode-fail');
const AUDIO = videoIdFor('ep-1'); // "Podcast episode 1", audio (GetVideoInfos does not say so; SearchMedia does)
const MISSING = imageIdFor('this image does not exist');

async function hoverText(id: string): Promise<string | undefined> {
  const doc = await vscode.workspace.openTextDocument({ content: `{ "media": "${id}" }`, language: 'json' });
  const position = doc.positionAt(doc.getText().indexOf(id) + 3);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  for (const hover of hovers ?? []) {
    for (const content of hover.contents) {
      if (content instanceof vscode.MarkdownString && /command:vodImages\.|VOD /.test(content.value)) return content.value;
    }
  }
  return undefined;
}

describe('audio and video IDs', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  before(async () => {
    await activated();
  });

  it('hover on a video ID shows its cover as a data: thumbnail, its title and its duration', async () => {
    const markdown = await hoverText(VIDEO);
    assert.ok(markdown, 'no VOD hover');
    assert.match(markdown, /!\[[^\]]*\]\(data:image\/(png|jpeg|gif);base64,/);
    assert.match(markdown, /Product intro/);
    assert.match(markdown.replace(/\\(.)/g, '$1'), /0:01:31/);
    assert.match(markdown, /command:vodImages\.copyPlayUrl/);
    assert.doesNotMatch(markdown, /No VOD image/);
  });

  it('a video that failed to transcode says so; an unknown ID is not an image, video or audio', async () => {
    assert.match((await hoverText(FAILED)) ?? '', /TranscodeFail/);
    assert.match((await hoverText(MISSING)) ?? '', /No VOD image\\?, video or audio/);
  });

  it('Look Up counts a video as found, and its Recent row has the video icon and Copy Play URL', async () => {
    const result = await vscode.commands.executeCommand<{ found: string[]; missing: string[] }>('vodImages.lookUp', [VIDEO, MISSING]);
    assert.deepEqual(result?.found, [VIDEO]);
    assert.deepEqual(result?.missing, [MISSING]);
    const x = await explorer();
    const recent = (await children(x)).find((n): n is SectionNode => n.kind === 'section' && n.section === 'recent');
    assert.ok(recent);
    let row = (await children(x, recent)).find((n) => (n as ImageNode).imageId === VIDEO);
    assert.ok(row, 'the video is not in Recent');
    // The row resolves in the background; wait for it, then read the row again.
    await x.tree.getTreeItem(row);
    await x.settled();
    row = (await children(x, recent)).find((n) => (n as ImageNode).imageId === VIDEO)!;
    const item = await x.tree.getTreeItem(row);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'device-camera-video');
    assert.match(String(item.contextValue), /\bvodMedia\b/);
    assert.equal(item.label, 'Product intro (90 s)');
  });

  it('an audio ID: the hover says Audio, Look Up finds it, and its Recent row has the audio icon', async () => {
    const markdown = (await hoverText(AUDIO)) ?? '';
    assert.match(markdown, /Audio/);
    assert.doesNotMatch(markdown, /Audio\/video/);
    assert.match(markdown, /Podcast episode 1/);
    const result = await vscode.commands.executeCommand<{ found: string[]; missing: string[] }>('vodImages.lookUp', [AUDIO]);
    assert.deepEqual(result?.found, [AUDIO]);
    const x = await explorer();
    const recent = (await children(x)).find((n): n is SectionNode => n.kind === 'section' && n.section === 'recent');
    assert.ok(recent);
    const row = (await children(x, recent)).find((n) => (n as ImageNode).imageId === AUDIO);
    assert.ok(row, 'the audio is not in Recent');
    await x.tree.getTreeItem(row);
    await x.settled();
    const item = await x.tree.getTreeItem((await children(x, recent)).find((n) => (n as ImageNode).imageId === AUDIO)!);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'unmute');
  });

  it('Copy Play URL copies a signed play URL of the chosen definition', async () => {
    const copied = await vscode.commands.executeCommand<{ definition: string; expiresAt: string }>('vodImages.copyPlayUrl', VIDEO, { expiresIn: 600, definition: 'SD' });
    assert.equal(copied?.definition, 'SD');
    const url = await vscode.env.clipboard.readText();
    assert.match(url, /\/video\/default\/[0-9a-f]{32}\/SD\.mp4\?auth_key=\d+-/);
    const expiresAt = Date.parse(copied!.expiresAt);
    assert.ok(Math.abs(expiresAt - (Date.now() + 600_000)) < 60_000);
  });

  it('the Library lists audio when its type is set to audio (SearchMedia SearchType), as audio rows', async () => {
    const x = await explorer();
    try {
      await vscode.commands.executeCommand('vodImages.filterLibrary', { clear: true, mediaType: 'audio' });
      const library = (await children(x)).find((n): n is SectionNode => n.kind === 'section' && n.section === 'library');
      assert.ok(library);
      const rows = (await children(x, library)).filter((n): n is ImageNode => n.kind === 'image');
      assert.ok(rows.length >= 5, `${rows.length} audio rows`);
      const items = await Promise.all(rows.map((row) => x.tree.getTreeItem(row)));
      assert.ok(items.some((item) => item.label === 'Podcast episode 1'));
      for (const item of items) assert.match(String(item.contextValue), /\bvodMedia\b/);
      assert.ok(items.some((item) => (item.iconPath as vscode.ThemeIcon).id === 'unmute'));
    } finally {
      await vscode.commands.executeCommand('vodImages.filterLibrary', { clear: true });
    }
  });

  it('opens a details panel for a video (titled by the video)', async () => {
    await vscode.commands.executeCommand('vodImages.openDetails', VIDEO);
    const deadline = Date.now() + 10_000;
    let tab: vscode.Tab | undefined;
    while (!tab && Date.now() < deadline) {
      tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Product intro (90 s)');
      if (!tab) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(tab, 'no details tab titled by the video');
    // Later suites count the details tabs: leave none behind.
    await vscode.window.tabGroups.close(tab);
  });
});

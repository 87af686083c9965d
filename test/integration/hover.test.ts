/**
 * The image hover in the real host, through `vscode.executeHoverProvider` (what the editor asks when
 * the mouse rests on a word): content, thumbnail, trust, escaping of hostile API text, caching.
 */
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { imageIdFor } from '../emulator/fixtures';
import { activated } from './extension';
import { imageId, integrationEnv } from './hostEnv';

const OUR_COMMANDS = ['vodImages.openDetails', 'vodImages.copySignedUrl', 'vodImages.copyId'];

interface Stats {
  apiRequests: number;
  imageRequests: number;
  byAction: Record<string, number>;
}

/**
 * The batched lookups the hover's image cache makes. Counted per action because other features
 * (diagnostics asking GetImageInfo for audit status of earlier tests' documents) may call the
 * emulator at any moment, and this suite is about the hover's own calls.
 */
function lookups(stats: Stats): number {
  return stats.byAction['GetImageInfos'] ?? 0;
}

async function emulatorStats(): Promise<Stats> {
  const response = await fetch(`${integrationEnv().control}/__emulator/stats`);
  return (await response.json()) as Stats;
}

async function docWith(content: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ content, language: 'json' });
}

/** Our hover (the one linking to our commands or naming VOD) at the first character of `word`. */
async function hoverOn(doc: vscode.TextDocument, word: string, offsetInWord = 3): Promise<{ hover: vscode.Hover; markdown: vscode.MarkdownString } | undefined> {
  const index = doc.getText().indexOf(word);
  assert.ok(index >= 0, `"${word}" is not in the document`);
  const position = doc.positionAt(index + offsetInWord);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
  for (const hover of hovers ?? []) {
    for (const content of hover.contents) {
      if (content instanceof vscode.MarkdownString && /command:vodImages\.|VOD image/.test(content.value)) return { hover, markdown: content };
    }
  }
  return undefined;
}

function render(markdown: string): string {
  // The permissive end: raw HTML on and bare URLs linkified. VS Code's hover is stricter than this.
  return new MarkdownIt({ html: true, linkify: true }).render(markdown);
}

/** Every <a href> and <img src> the rendered hover would contain. */
function linksAndImages(html: string): { hrefs: string[]; srcs: string[]; tags: string[] } {
  const hrefs = [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]!);
  const srcs = [...html.matchAll(/<img\s[^>]*src="([^"]*)"/g)].map((m) => m[1]!);
  const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((m) => m[1]!.toLowerCase());
  return { hrefs, srcs, tags };
}

function pngSize(dataUri: string): { width: number; height: number } {
  const bytes = Buffer.from(dataUri.slice(dataUri.indexOf(',') + 1), 'base64');
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('hover over image IDs', () => {
  before(async () => {
    await activated();
  });

  it('shows title, details, a data: thumbnail and links trusted for our three commands only', async () => {
    const id = imageIdFor('cover'); // fixture: "Episode 12 cover", a 320×180 PNG
    const doc = await docWith(`{ "cover": "${id}" }`);
    const found = await hoverOn(doc, id);
    assert.ok(found, 'no VOD hover');
    const { hover, markdown } = found;

    const start = doc.getText().indexOf(id);
    assert.ok(hover.range?.isEqual(new vscode.Range(doc.positionAt(start), doc.positionAt(start + 32))), 'the hover range is the ID');
    assert.match(markdown.value, /Episode 12 cover/);
    assert.match(markdown.value, /320×180/);
    assert.deepEqual(markdown.isTrusted, { enabledCommands: OUR_COMMANDS });
    assert.notEqual(markdown.supportHtml, true);

    const { hrefs, srcs } = linksAndImages(render(markdown.value));
    assert.equal(srcs.length, 1);
    assert.match(srcs[0]!, /^data:image\/png;base64,/);
    assert.deepEqual(pngSize(srcs[0]!), { width: 320, height: 180 });
    assert.deepEqual(
      hrefs.map((h) => h.split('?')[0]),
      OUR_COMMANDS.map((c) => `command:${c}`),
    );
    for (const href of hrefs) assert.deepEqual(JSON.parse(decodeURIComponent(href.split('?')[1]!)), [id]);
  });

  it('answers a second hover from the cache: no API call, no image download', async () => {
    const id = imageIdFor('cover');
    const doc = await docWith(`again ${id}`);
    assert.ok(await hoverOn(doc, id));
    const before = await emulatorStats();
    assert.ok(await hoverOn(doc, id));
    const after = await emulatorStats();
    // How fast that is, is measured by `npm run bench` (cached hover), not asserted here.
    assert.equal(lookups(after) - lookups(before), 0);
    assert.equal(after.imageRequests - before.imageRequests, 0);
  });

  for (const slug of ['xss-img', 'md-command', 'md-javascript', 'backticks', 'bidi', 'newlines']) {
    it(`renders the hostile fixture "${slug}" as inert text`, async () => {
      const id = imageIdFor(slug);
      const doc = await docWith(`- ${id}\n`);
      const found = await hoverOn(doc, id);
      assert.ok(found, 'no VOD hover');
      const html = render(found.markdown.value);
      const { hrefs, srcs, tags } = linksAndImages(html);
      for (const href of hrefs) assert.match(href, /^command:vodImages\.(openDetails|copySignedUrl|copyId)\?/, `unexpected link ${href}`);
      for (const src of srcs) assert.match(src, /^data:image\/(png|jpeg|gif);base64,/, `unexpected image ${src}`);
      for (const forbidden of ['script', 'iframe', 'h1', 'h2', 'pre', 'blockquote']) assert.ok(!tags.includes(forbidden), `<${forbidden}> in ${html}`);
      assert.ok(!/<[a-z][^>]*\son[a-z]+\s*=/i.test(html), 'an element with an event handler attribute');
      assert.deepEqual(found.markdown.isTrusted, { enabledCommands: OUR_COMMANDS });
    });
  }

  it('shows the hostile title as visible text', async () => {
    const id = imageId('hostile');
    const doc = await docWith(id);
    const found = await hoverOn(doc, id, 0);
    assert.ok(found);
    // The first hostile fixture's title is `<img src=x onerror=alert(1)>`: it must read as text.
    assert.match(render(found.markdown.value), /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('says quietly that an ID does not exist, and asks the API only once for it', async () => {
    const missing = imageId('missing');
    const doc = await docWith(`"${missing}"`);
    const found = await hoverOn(doc, missing);
    assert.ok(found);
    assert.match(found.markdown.value, new RegExp(`No VOD image with ID ${missing}`));
    const before = await emulatorStats();
    assert.ok(await hoverOn(doc, missing));
    assert.equal(lookups(await emulatorStats()) - lookups(before), 0);
  });

  it('shows a resized thumbnail of an image over 1.5 MiB instead of embedding it', async () => {
    const id = imageIdFor('noise'); // fixture: an uncompressible 640×640 PNG over 1.5 MiB
    const doc = await docWith(id);
    const found = await hoverOn(doc, id, 0);
    assert.ok(found);
    const { srcs } = linksAndImages(render(found.markdown.value));
    assert.equal(srcs.length, 1);
    assert.deepEqual(pngSize(srcs[0]!), { width: 256, height: 256 });
    assert.ok(Buffer.byteLength(found.markdown.value) <= 256 * 1024);
  });

  for (const [trait, size] of [['photo8mb', '4000×3000'], ['png3mb', '1000×1000'], ['anim6mb', '800×600'], ['photo12mb', '5000×3750'], ['photo20mb', '6000×4500']] as const) {
    it(`shows a thumbnail for the real-size ${trait} (${size}), hover markdown ≤ 256 KB`, async () => {
      const id = imageId(trait);
      const doc = await docWith(`"hero": "${id}"`);
      const found = await hoverOn(doc, id);
      assert.ok(found, 'no VOD hover');
      assert.match(found.markdown.value, new RegExp(size));
      const { srcs } = linksAndImages(render(found.markdown.value));
      assert.equal(srcs.length, 1, 'one embedded thumbnail');
      assert.match(srcs[0]!, /^data:image\/png;base64,/);
      const { width, height } = pngSize(srcs[0]!);
      assert.equal(Math.max(width, height), 256);
      assert.ok(Buffer.byteLength(found.markdown.value) <= 256 * 1024, `${Buffer.byteLength(found.markdown.value)} bytes`);
    });
  }

  it('works in files on disk too, and not inside a longer hex run such as a SHA-256', async () => {
    const id = imageIdFor('cover');
    const sha256 = 'ab'.repeat(32);
    const file = vscode.Uri.joinPath(vscode.Uri.file(process.env.TMPDIR ?? '/tmp'), `hover-${Date.now()}.txt`);
    await vscode.workspace.fs.writeFile(file, Buffer.from(`id: ${id}\nsha: ${sha256}\n`));
    const doc = await vscode.workspace.openTextDocument(file);
    assert.equal(doc.uri.scheme, 'file');
    assert.ok(await hoverOn(doc, id));
    assert.equal(await hoverOn(doc, sha256, 10), undefined);
    await vscode.workspace.fs.delete(file);
  });

  it('honours vodImages.hover.enabled', async () => {
    const id = imageIdFor('cover');
    const doc = await docWith(id);
    const config = vscode.workspace.getConfiguration('vodImages');
    await config.update('hover.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await hoverOn(doc, id, 0), undefined);
    } finally {
      await config.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.ok(await hoverOn(doc, id, 0));
  });
});

import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { parseFragment } from 'parse5';
import { elements, textOf, type Element } from './support/htmlTree';
import type { Lookup } from '../../src/vod/imageService';
import { DEFAULT_HOVER_LABELS, type HoverLabels } from '../../src/vod/render/hoverLabels';
import { renderHoverMarkdown, type HoverCommands, type HoverInput } from '../../src/vod/render/hoverMarkdown';
import type { ImageInfo } from '../../src/vod/schemas';

const COMMANDS: HoverCommands = {
  openDetails: 'vodImages.openDetails',
  copySignedUrl: 'vodImages.copySignedUrl',
  copyId: 'vodImages.copyId',
  signIn: 'vodImages.signIn',
};

/** A 1×1 transparent PNG. */
const PNG_DATA_URI =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const HOSTILE = [
  '[x](command:workbench.action.terminal.new)',
  '![i](https://evil/x.png)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '`code` ``more``',
  'abc\u202Egnp.exe',
  '](javascript:alert(1))',
  '<https://evil>',
  'https://evil.example',
  'see www.evil.com or user@evil.com',
  '\n# Heading\n- item\n\n[click](command:vodImages.copyId?%5B%22x%22%5D)',
  '<a href="command:workbench.action.terminal.new">run</a>',
  '&lt;b&gt;',
  '$(terminal)',
];

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

const markdownIt = new MarkdownIt({ html: true, linkify: true });
const RENDERERS: [string, (markdown: string) => string][] = [
  ['markdown-it', (markdown) => markdownIt.render(markdown)],
  ['marked', (markdown) => marked.parse(markdown, { async: false, gfm: true })],
];

interface Rendered {
  readonly html: string;
  readonly elements: Element[];
  readonly text: string;
  readonly links: { text: string; command: string; args: unknown }[];
  readonly images: string[];
}

function render(markdown: string, toHtml: (markdown: string) => string): Rendered {
  const html = toHtml(markdown);
  const fragment = parseFragment(html);
  const all = elements(fragment);
  const links = all
    .filter((e) => e.tagName === 'a')
    .map((a) => {
      const href = attr(a, 'href') ?? '';
      const match = /^command:([^?]+)(?:\?(.*))?$/.exec(href);
      assert.ok(match, `link that is not a command: ${href}`);
      return { text: textOf(a), command: match[1]!, args: match[2] === undefined ? undefined : JSON.parse(decodeURIComponent(match[2])) };
    });
  const images = all.filter((e) => e.tagName === 'img').map((img) => attr(img, 'src') ?? '');
  return { html, elements: all, text: textOf(fragment), links, images };
}

/**
 * The invariant of every hover: only paragraphs, emphasis, our command links and at most one data:
 * image; no attribute an attacker could use.
 */
function assertOnlyOurMarkup(rendered: Rendered, enabledCommands: readonly string[]): void {
  const allowedTags = new Set(['p', 'strong', 'em', 'a', 'img']);
  for (const element of rendered.elements) {
    assert.ok(allowedTags.has(element.tagName), `unexpected <${element.tagName}> in ${rendered.html}`);
    for (const { name } of element.attrs) {
      assert.ok(['href', 'src', 'alt'].includes(name), `unexpected attribute ${name} in ${rendered.html}`);
    }
  }
  assert.ok(rendered.images.length <= 1, `more than one image in ${rendered.html}`);
  for (const src of rendered.images) assert.match(src, /^data:image\/png;base64,/);
  for (const link of rendered.links) {
    assert.ok(enabledCommands.includes(link.command), `link to a command that is not enabled: ${link.command}`);
  }
}

function info(overrides: Partial<ImageInfo> = {}): ImageInfo {
  return {
    ImageId: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
    Title: 'Sunset over the bay',
    ImageType: 'default',
    Status: 'Normal',
    AuditStatus: 'Normal',
    CateId: 42,
    CateName: 'Landscapes',
    Tags: 'sea,sunset,,orange ',
    CreationTime: '2024-06-01T02:30:05Z',
    Mezzanine: { Width: 1920, Height: 1080, FileSize: 8932 },
    URL: 'https://cdn.example.com/image/default/a.png?auth_key=1717300000-0-0-abcdef',
    ...overrides,
  };
}

function foundLookup(imageInfo: ImageInfo): Lookup {
  return { state: 'found', info: imageInfo, fetchedAt: 0 };
}

function hover(input: Partial<HoverInput> & Pick<HoverInput, 'lookup'>) {
  return renderHoverMarkdown({ commands: COMMANDS, timeZone: 'UTC', locale: 'en-US', ...input });
}

describe('render/hoverMarkdown', () => {
  for (const [name, toHtml] of RENDERERS) {
    describe(`rendered with ${name} (HTML and linkify on)`, () => {
      it('shows the thumbnail, every summary field and the three action links', () => {
        const image = info();
        const { markdown, enabledCommands } = hover({ lookup: foundLookup(image), thumbnail: { dataUri: PNG_DATA_URI } });
        const out = render(markdown, toHtml);
        assertOnlyOurMarkup(out, enabledCommands);

        assert.equal(out.images.length, 1);
        assert.ok(out.images[0]!.startsWith(PNG_DATA_URI.slice(0, 40)));
        for (const expected of [
          'Sunset over the bay',
          'Type: default',
          'Status: Normal',
          'Audit: Normal',
          'Dimensions: 1920×1080',
          'Size: 8.7 KB',
          'Created: Jun 1, 2024',
          'Category: Landscapes',
          'Tags: sea, sunset, orange',
        ]) {
          assert.ok(out.text.includes(expected), `missing "${expected}" in ${out.text}`);
        }
        assert.deepEqual(
          out.links.map((l) => [l.text, l.command, l.args]),
          [
            ['Open details', 'vodImages.openDetails', [image.ImageId]],
            ['Copy signed URL', 'vodImages.copySignedUrl', [image.ImageId]],
            ['Copy ID', 'vodImages.copyId', [image.ImageId]],
          ],
        );
        assert.deepEqual(enabledCommands, ['vodImages.openDetails', 'vodImages.copySignedUrl', 'vodImages.copyId']);
      });

      it('never turns a hostile string in any field into markup', () => {
        for (const evil of HOSTILE) {
          const image = info({
            ImageId: evil,
            Title: evil,
            ImageType: evil,
            Status: evil,
            AuditStatus: evil,
            CateName: evil,
            Tags: `${evil},${evil}`,
            CreationTime: evil,
          });
          const { markdown, enabledCommands } = hover({ lookup: foundLookup(image), thumbnail: { dataUri: PNG_DATA_URI } });
          const out = render(markdown, toHtml);
          assertOnlyOurMarkup(out, enabledCommands);
          assert.equal(out.links.length, 3, `${JSON.stringify(evil)}: ${out.html}`);
          for (const link of out.links) assert.deepEqual(link.args, [evil], 'the ID reaches the command intact');
          const strong = out.elements.find((e) => e.tagName === 'strong');
          const visible = evil.replace(/\s+/g, ' ').trim().replace('\u202E', '[U+202E]');
          assert.equal(strong && textOf(strong), visible, 'the title shows as the literal text');
        }
      });

      it('escapes hostile text in the thumbnail note, the error and the not-found line', () => {
        for (const evil of HOSTILE) {
          const cases = [
            hover({ lookup: foundLookup(info()), thumbnail: { unavailable: evil } }),
            hover({ lookup: { state: 'error', message: evil } }),
            hover({ lookup: { state: 'missing', imageId: evil, fetchedAt: 0 } }),
          ];
          for (const { markdown, enabledCommands } of cases) {
            const out = render(markdown, toHtml);
            assertOnlyOurMarkup(out, enabledCommands);
            assert.equal(out.images.length, 0);
          }
        }
      });

      it('treats hostile labels (a bad translation) as text too', () => {
        const labels = Object.fromEntries(
          Object.keys(DEFAULT_HOVER_LABELS).map((key) => [key, '[x](command:workbench.action.terminal.new) {0}']),
        ) as unknown as HoverLabels;
        const { markdown, enabledCommands } = hover({ lookup: foundLookup(info()), labels });
        const out = render(markdown, toHtml);
        assertOnlyOurMarkup(out, enabledCommands);
        assert.equal(out.links.length, 3);
      });
    });
  }

  describe('thumbnail', () => {
    it('emits only base64 raster data: URIs as images', () => {
      for (const dataUri of [
        'https://cdn.example.com/a.png',
        'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
        'data:text/html;base64,PHNjcmlwdD4=',
        `${PNG_DATA_URI})![x](https://evil/x.png`,
        'data:image/png,rawbytes',
        'javascript:alert(1)',
      ]) {
        const { markdown } = hover({ lookup: foundLookup(info()), thumbnail: { dataUri } });
        assert.ok(!markdown.includes('!['), `${dataUri} produced an image: ${markdown}`);
        assert.ok(!markdown.includes(dataUri), dataUri);
      }
    });

    it('uses the VS Code height syntax for the data: image', () => {
      const { markdown } = hover({ lookup: foundLookup(info()), thumbnail: { dataUri: PNG_DATA_URI } });
      assert.ok(markdown.startsWith(`![thumbnail](${PNG_DATA_URI}|height=96)\n\n`), markdown);
    });

    it('says when the image is too large to preview, with its size when known', () => {
      const withSize = render(hover({ lookup: foundLookup(info()), thumbnail: { tooLarge: true, bytes: 5 * 1024 * 1024 } }).markdown, markdownIt.render.bind(markdownIt));
      assert.match(withSize.text, /Thumbnail not shown: the image is too large \(5 MB\)\./);
      assert.equal(withSize.images.length, 0);
      const withoutSize = hover({ lookup: foundLookup(info()), thumbnail: { tooLarge: true } });
      assert.match(withoutSize.markdown, /too large\\\./);
      assert.equal(withoutSize.enabledCommands.length, 3, 'the details link is still there');
    });

    it('shows nothing for a thumbnail that was not fetched', () => {
      const { markdown } = hover({ lookup: foundLookup(info()) });
      assert.ok(markdown.startsWith('**Sunset over the bay**'), markdown);
    });
  });

  describe('states other than found', () => {
    it('shows not-found as one quiet line with no links', () => {
      const { markdown, enabledCommands } = hover({ lookup: { state: 'missing', imageId: 'abc123', fetchedAt: 0 } });
      assert.equal(markdown, '_No VOD image\\, video or audio with ID abc123\\._');
      assert.deepEqual(enabledCommands, []);
    });

    it('shows a sign-in link when signed out, enabling only that command', () => {
      const { markdown, enabledCommands } = hover({ lookup: { state: 'signedOut' } });
      const out = render(markdown, markdownIt.render.bind(markdownIt));
      assert.deepEqual(out.links, [{ text: 'Sign in', command: 'vodImages.signIn', args: undefined }]);
      assert.deepEqual(enabledCommands, ['vodImages.signIn']);
    });

    it('shows an error as one line with its message', () => {
      const { markdown, enabledCommands } = hover({ lookup: { state: 'error', message: 'The AccessKey ID does not exist.\nCode: X' } });
      assert.equal(markdown.split('\n').length, 1);
      assert.equal(render(markdown, markdownIt.render.bind(markdownIt)).text.trim(), 'VOD image lookup failed: The AccessKey ID does not exist. Code: X');
      assert.deepEqual(enabledCommands, []);
    });
  });

  describe('sparse and long records', () => {
    it('renders a record with nothing but an ID', () => {
      const { markdown, enabledCommands } = hover({ lookup: foundLookup({ ImageId: 'only-id' }) });
      const out = render(markdown, markdownIt.render.bind(markdownIt));
      assert.equal(out.text.replace(/\s+/g, ' ').trim(), '(untitled) Open details · Copy signed URL · Copy ID');
      assert.equal(enabledCommands.length, 3);
    });

    it('shortens a very long title and a long tag list', () => {
      const title = '标'.repeat(500);
      const tags = Array.from({ length: 30 }, (_, i) => `t${i}`).join(',');
      const out = render(hover({ lookup: foundLookup(info({ Title: title, Tags: tags })) }).markdown, markdownIt.render.bind(markdownIt));
      assert.ok(out.text.includes(`${'标'.repeat(119)}…`));
      assert.ok(!out.text.includes('标'.repeat(120)));
      assert.ok(out.text.includes('t11, …'));
      assert.ok(!out.text.includes('t12'));
    });

    it('does not split a surrogate pair when shortening', () => {
      const out = render(hover({ lookup: foundLookup(info({ Title: '😀'.repeat(200) })) }).markdown, markdownIt.render.bind(markdownIt));
      assert.doesNotMatch(out.text, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    });

    it('falls back to the category ID when the name is missing', () => {
      const { markdown } = hover({ lookup: foundLookup(info({ CateName: undefined, CateId: 7 })) });
      assert.match(markdown, /Category: 7/);
    });

    it('shows the category ID, not a blank, when the name is only spaces', () => {
      const { markdown } = hover({ lookup: foundLookup(info({ CateName: '   ', CateId: 7 })) });
      assert.match(markdown, /Category: 7/);
    });
  });

  it('uses the caller’s labels', () => {
    const labels: HoverLabels = { ...DEFAULT_HOVER_LABELS, status: '状态', openDetails: '打开详情', notFound: '未找到 ID 为 {0} 的图片' };
    const found = hover({ lookup: foundLookup(info()), labels }).markdown;
    assert.match(found, /状态: Normal/);
    assert.match(found, /\[打开详情\]\(command:vodImages\.openDetails\?/);
    assert.equal(hover({ lookup: { state: 'missing', imageId: 'x1', fetchedAt: 0 }, labels }).markdown, '_未找到 ID 为 x1 的图片_');
  });
});

/**
 * "Copy as Markdown table" / "Copy as JSON". The table is rendered by two Markdown engines
 * (markdown-it with HTML on, marked with GFM) and read back with parse5: every cell must hold
 * exactly the text it was given (after the documented whitespace/control-character clean-up), and
 * no title, however hostile, may add a cell, a row or any other element (GFM renderers may turn a
 * bare URL into a link showing that same URL, which is allowed).
 */
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { parseFragment } from 'parse5';
import { elements, textOf, type Element } from './support/htmlTree';
import { toExportedImage, toJson, toMarkdownTable } from '../../src/vod/explorer/groupExport';
import { revealControls } from '../../src/vod/render/escape';
import type { ImageInfo } from '../../src/vod/schemas';
import { getLibrary } from '../emulator/fixtures';

const full: ImageInfo = {
  ImageId: '0123456789abcdef0123456789abcdef',
  Title: 'Red sneaker',
  ImageType: 'default',
  Status: 'Normal',
  CreationTime: '2024-06-01T08:30:00Z',
  Mezzanine: { FileSize: 8932, Width: 1920, Height: 1080 },
};
const sparse: ImageInfo = { ImageId: 'fedcba9876543210fedcba9876543210' };

/** Titles to survive: the emulator's hostile fixtures plus hand-made table breakers. */
const HOSTILE_TITLES = [
  ...getLibrary()
    .images.filter((r) => r.traits.includes('hostile') || r.traits.includes('unicode') || r.traits.includes('quote'))
    .map((r) => r.title ?? ''),
  'a | b | c',
  'pipe at end |',
  '\\| escaped pipe',
  'ends with backslash \\',
  '`code | in span`',
  '<td>cell</td></tr><tr>',
  '---',
  '| --- |',
  '$x$ and $$y$$',
  '~~strike~~ ~sub~',
  '![img](https://evil.example/x.png)',
  '[ref]: https://evil.example',
  '&amp; &#124; &lt;b&gt;',
  '  spaced\t\tout\r\nlines  ',
  '',
];

const expectedCell = (text: string): string => revealControls(text).replace(/\s+/g, ' ').trim();

const md = new MarkdownIt({ html: true });
const renderers: [string, (source: string) => string][] = [
  ['markdown-it', (source) => md.render(source)],
  ['marked', (source) => marked.parse(source, { async: false, gfm: true })],
];

describe('explorer: group export', () => {
  it('writes a header, a delimiter row and one row per image', () => {
    assert.equal(
      toMarkdownTable([full, sparse]),
      [
        '| ID | Title | Type | Status | Size | W×H | Created |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| 0123456789abcdef0123456789abcdef | Red sneaker | default | Normal | 8.7 KB | 1920×1080 | 2024-06-01T08:30:00Z |',
        '| fedcba9876543210fedcba9876543210 |  |  |  |  |  |  |',
      ].join('\n'),
    );
  });

  it('uses localised header labels, escaped like cells', () => {
    const table = toMarkdownTable([], { id: 'ID', title: '标题 | x', type: '类型', status: '状态', size: '大小', dimensions: '宽×高', created: '创建时间' });
    assert.equal(table.split('\n')[0], '| ID | 标题 \\| x | 类型 | 状态 | 大小 | 宽×高 | 创建时间 |');
  });

  for (const [name, render] of renderers) {
    it(`renders every hostile title as exactly its text in one cell with ${name}`, () => {
      const infos = HOSTILE_TITLES.map((title, i) => ({ ...full, ImageId: `id${i}`, Title: title }));
      const fragment = parseFragment(render(toMarkdownTable(infos)));
      const allowed = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td']);
      for (const element of elements(fragment)) {
        if (allowed.has(element.tagName)) continue;
        // GFM's autolink extension links a bare URL; only a link whose target is its own visible text is acceptable.
        assert.equal(element.tagName, 'a', 'no element besides the table');
        assert.equal(element.attrs.find((a) => a.name === 'href')?.value, textOf(element));
      }
      const rows = elements(fragment).filter((e) => e.tagName === 'tr');
      assert.equal(rows.length, infos.length + 1);
      rows.slice(1).forEach((row, i) => {
        const cells = row.childNodes.filter((c): c is Element => 'tagName' in c && c.tagName === 'td');
        assert.equal(cells.length, 7, `row ${i}`);
        assert.equal(textOf(cells[0]!), `id${i}`);
        assert.equal(textOf(cells[1]!), expectedCell(HOSTILE_TITLES[i]!), JSON.stringify(HOSTILE_TITLES[i]));
      });
    });
  }

  it('exports JSON with stable keys and null for what the API did not say', () => {
    const parsed = JSON.parse(toJson([full, sparse])) as unknown;
    assert.deepEqual(parsed, [
      { id: full.ImageId, title: 'Red sneaker', type: 'default', status: 'Normal', size: 8932, width: 1920, height: 1080, created: '2024-06-01T08:30:00Z' },
      { id: sparse.ImageId, title: null, type: null, status: null, size: null, width: null, height: null, created: null },
    ]);
  });

  it('keeps hostile text byte for byte in JSON', () => {
    for (const title of HOSTILE_TITLES) {
      const [exported] = JSON.parse(toJson([{ ...full, Title: title }])) as { title: string }[];
      assert.equal(exported!.title, title);
    }
    assert.equal(toExportedImage({ ...full, Mezzanine: { Width: Number.NaN, Height: 10 } }).width, null);
  });
});

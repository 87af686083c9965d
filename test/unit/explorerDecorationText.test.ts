/**
 * The inline after-text next to an ID: format, sanitising (no hidden bidi/control characters, no
 * line breaks), and truncation at grapheme boundaries (checked with Intl.Segmenter as reference).
 */
import assert from 'node:assert/strict';
import { DECORATION_PREFIX, MAX_DECORATION_TITLE, decorationText, sanitise } from '../../src/vod/explorer/decorationText';
import type { Lookup } from '../../src/vod/imageService';
import type { ImageInfo } from '../../src/vod/schemas';
import { getLibrary } from '../emulator/fixtures';

const found = (info: Partial<ImageInfo>): Lookup => ({ state: 'found', info: { ImageId: 'a', ...info }, fetchedAt: 0 });
const graphemes = (text: string): string[] => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('explorer: decoration text', () => {
  it('shows title and dimensions', () => {
    assert.equal(decorationText(found({ Title: 'Banner', Mezzanine: { Width: 1920, Height: 1080 } })), '  ▸ Banner · 1920×1080');
    assert.equal(decorationText(found({ Title: 'Banner' })), '  ▸ Banner');
    assert.equal(decorationText(found({ Mezzanine: { Width: 64, Height: 48 } })), '  ▸ 64×48');
    assert.equal(decorationText(found({ Title: '   ' })), '  ▸ (untitled)');
    assert.equal(decorationText({ state: 'missing', imageId: 'a', fetchedAt: 0 }), '  ▸ not found');
    assert.equal(decorationText({ state: 'missing', imageId: 'a', fetchedAt: 0 }, { untitled: '（无标题）', notFound: '未找到' }), '  ▸ 未找到');
  });

  it('never carries a line break or a hidden control character, whatever the title', () => {
    for (const record of getLibrary().images.slice(0, 80)) {
      const text = decorationText(found({ Title: record.title ?? '' }));
      assert.ok(text.startsWith(DECORATION_PREFIX));
      assert.doesNotMatch(text, /[\r\n\t]/);
      assert.doesNotMatch(text, HIDDEN, JSON.stringify(record.title));
    }
    assert.equal(sanitise('invoice\u202Egnp.exe', 48), 'invoice[U+202E]gnp.exe');
    assert.equal(sanitise('Line one\nLine two\r\nLine\tthree', 48), 'Line one Line two Line three');
  });

  it('cuts long titles at a grapheme boundary with an ellipsis', () => {
    const family = '👨‍👩‍👧';
    const title = `${'ab '.repeat(10)}${family.repeat(40)}`;
    const cut = sanitise(title, MAX_DECORATION_TITLE);
    const parts = graphemes(cut);
    assert.equal(parts.length, MAX_DECORATION_TITLE);
    assert.equal(parts.at(-1), '…');
    assert.ok(parts.slice(0, -1).every((g) => g === family || /^[ab ]$/.test(g)), 'no broken emoji');
    assert.ok(title.startsWith(cut.slice(0, -1)));
    assert.equal(sanitise('short enough', 12), 'short enough');
    assert.equal(sanitise('one two three', 5), 'one…');
  });
});

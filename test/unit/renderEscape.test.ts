import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { parseFragment } from 'parse5';
import { elements, textOf } from './support/htmlTree';
import { encodeCommandArgs, commandLink } from '../../src/vod/render/commandLink';
import { escapeAttr, escapeHtml, escapeMarkdown, revealControls } from '../../src/vod/render/escape';
import { fillTemplate } from '../../src/vod/render/template';

/** Deterministic pseudo-random strings rich in syntax characters (mulberry32). */
function randomStrings(count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const alphabet = [
    ...'<>&"\'`\\*_{}[]()#+-.!|~:/@=;?$%^ \n\t',
    'a',
    'Z',
    '0',
    'é',
    '中',
    '😀',
    '\u202E',
    '\u2066',
    '\u200F',
    '\u0000',
    '\u0007',
    'http://',
    'https://evil.example',
    'www.',
    '.com',
    '<img src=x onerror=alert(1)>',
    '<script>',
    '](command:x)',
    '&amp;',
    '&#x3C;',
  ];
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 24);
    return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  });
}

const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('render/escape', () => {
  describe('revealControls', () => {
    it('turns bidi and control characters into visible markers and leaves other text alone', () => {
      assert.equal(revealControls('abc\u202Egnp.exe'), 'abc[U+202E]gnp.exe');
      assert.equal(revealControls('\u2066x\u2069\u200E\u200F\u061C'), '[U+2066]x[U+2069][U+200E][U+200F][U+061C]');
      assert.equal(revealControls('a\u0000b\u0007c\u009Fd'), 'a[U+0000]b[U+0007]c[U+009F]d');
      assert.equal(revealControls('tab\tnew\nline\r中文😀 👨‍👩‍👧'), 'tab\tnew\nline\r中文😀 👨‍👩‍👧');
    });
  });

  describe('escapeHtml / escapeAttr (checked by parsing with parse5)', () => {
    it('escapes the five HTML special characters', () => {
      assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
      assert.equal(escapeAttr(`"><script>`), '&quot;&gt;&lt;script&gt;');
    });

    it('round-trips random hostile text as text content, with controls revealed', () => {
      for (const s of randomStrings(400, 1)) {
        const fragment = parseFragment(`<p>${escapeHtml(s)}</p>`);
        const tags = elements(fragment).map((e) => e.tagName);
        assert.deepEqual(tags, ['p'], JSON.stringify(s));
        // The HTML parser normalises CR and CRLF to LF.
        assert.equal(textOf(fragment), revealControls(s).replace(/\r\n?/g, '\n'), JSON.stringify(s));
        assert.doesNotMatch(textOf(fragment), CONTROLS);
      }
    });

    it('round-trips random hostile text as a double-quoted attribute value, unchanged', () => {
      for (const s of randomStrings(400, 2)) {
        if (s.includes('\u0000') || s.includes('\r')) continue; // the parser rewrites these in any attribute
        const fragment = parseFragment(`<a title="${escapeAttr(s)}">x</a>`);
        const [a, ...rest] = elements(fragment);
        assert.equal(rest.length, 0, JSON.stringify(s));
        assert.deepEqual(a!.attrs, [{ name: 'title', value: s }], JSON.stringify(s));
      }
    });
  });

  describe('escapeMarkdown (checked by rendering with markdown-it and marked, HTML and linkify on)', () => {
    const md = new MarkdownIt({ html: true, linkify: true });
    const renderers: [string, (s: string) => string][] = [
      ['markdown-it', (s) => md.render(s)],
      ['marked', (s) => marked.parse(s, { async: false, gfm: true })],
    ];

    const hostile = [
      '[x](command:workbench.action.terminal.new)',
      '![i](https://evil/x.png)',
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '``code`` and `more`',
      'right\u202Eleft',
      '](javascript:alert(1))',
      '<https://evil>',
      'bare https://evil.example here',
      'www.evil.com',
      'user@evil.com',
      'mailto:a@b.co',
      'visit evil.com now',
      'line one\n# heading\n- item\n> quote\n```\ncode\n```\n---\n| a | b |\n|---|---|',
      'title\n===',
      '    indented code',
      '&lt;script&gt; &#60; &copy;',
      '*bold* _em_ ~~strike~~ **b**',
      '[ref]: https://evil.example',
      '<!-- comment --><div>x</div>',
      '\\[escaped\\]',
      '$(zap) $(terminal)',
      'trailing spaces  \nhard break',
    ];

    for (const [name, render] of renderers) {
      it(`keeps hostile strings as one plain paragraph with ${name}`, () => {
        for (const s of [...hostile, ...randomStrings(300, 3)]) {
          const escaped = escapeMarkdown(s);
          const html = render(escaped);
          const fragment = parseFragment(html);
          const tags = elements(fragment).map((e) => e.tagName);
          const expectedText = revealControls(s).replace(/\s+/g, ' ');
          if (expectedText.trim() === '') continue;
          assert.deepEqual(tags, ['p'], `${JSON.stringify(s)} → ${html}`);
          assert.equal(textOf(fragment).trim(), expectedText.trim(), `${JSON.stringify(s)} → ${html}`);
        }
      });
    }

    it('never emits a newline', () => {
      assert.equal(escapeMarkdown('a\r\nb\u2028c\n\nd'), 'a b c d');
    });
  });

  describe('command links', () => {
    it('percent-encodes JSON arguments, including characters encodeURIComponent keeps', () => {
      const encoded = encodeCommandArgs(["a)b(c!d'e*f~g", 'x y']);
      assert.doesNotMatch(encoded, /[()!'*~ \[\]"]/);
      assert.deepEqual(JSON.parse(decodeURIComponent(encoded)), ["a)b(c!d'e*f~g", 'x y']);
    });

    it('builds a link whose destination survives a hostile argument', () => {
      const md = new MarkdownIt();
      const id = 'x)![i](https://evil/x.png) [y](command:evil';
      const html = md.renderInline(commandLink('Open [details]', 'vodImages.openDetails', [id]));
      const links = elements(parseFragment(html));
      assert.deepEqual(
        links.map((e) => e.tagName),
        ['a'],
      );
      const href = links[0]!.attrs.find((a) => a.name === 'href')!.value;
      assert.ok(href.startsWith('command:vodImages.openDetails?'));
      assert.deepEqual(JSON.parse(decodeURIComponent(href.slice(href.indexOf('?') + 1))), [id]);
      assert.equal(textOf(links[0]!), 'Open [details]');
    });

    it('omits the query without arguments and rejects malformed command IDs', () => {
      assert.equal(commandLink('Sign in', 'vodImages.signIn'), '[Sign in](command:vodImages.signIn)');
      for (const bad of ['', 'a b', 'x)(y', 'javascript:alert', 'a..b']) {
        assert.throws(() => commandLink('x', bad, []), /Not a command ID/, bad);
      }
    });
  });

  describe('fillTemplate', () => {
    it('escapes literal parts and values separately and keeps unknown placeholders visible', () => {
      const upper = (s: string) => `<${s}>`;
      assert.equal(fillTemplate('No image {0} in {1}.', ['a', 'b'], upper), '<No image ><a>< in ><b><.>');
      assert.equal(fillTemplate('{1} then {0}', ['x', 'y'], (s) => s), 'y then x');
      assert.equal(fillTemplate('missing {3}', ['x'], (s) => s), 'missing {3}');
      assert.equal(fillTemplate('none', [], escapeHtml), 'none');
      assert.equal(fillTemplate('{0}', ['<b>'], escapeHtml), '&lt;b&gt;');
    });
  });
});

import assert from 'node:assert/strict';
import { parse } from 'parse5';
import { elements, textOf, type Element } from './support/htmlTree';
import { buildPanelCsp, imageOriginOf, isHttpOrigin } from '../../src/vod/render/panelCsp';
import { renderPanelHtml, type PanelInput } from '../../src/vod/render/panelHtml';
import { DEFAULT_PANEL_LABELS } from '../../src/vod/render/panelLabels';
import type { ImageInfo } from '../../src/vod/schemas';

const NONCE = 'q1w2e3r4t5y6u7i8o9p0AS==';
const CSP_SOURCE = 'https://*.vscode-cdn.net';
const SCRIPT_URI = 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/panel.js';
const STYLE_URI = 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css';
const AUTH_KEY = '1717300000-0-0-0123456789abcdef0123456789abcdef';
const OSS_SIGNATURE = 'c2lnbmF0dXJlLXNlY3JldA%3D%3D';
const NOW = Date.UTC(2024, 5, 1, 12, 0, 0); // 2024-06-01 12:00 UTC; the auth_key above expires 2024-06-02 03:46:40 UTC

function fullInfo(overrides: Partial<ImageInfo> = {}): ImageInfo {
  return {
    ImageId: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
    AppId: 'app-1000000',
    AuditStatus: 'Normal',
    CateId: 42,
    CateName: 'Landscapes',
    CreationTime: '2024-06-01T02:30:05Z',
    ModificationTime: '2024-06-02T03:00:00Z',
    Description: 'Line one\nLine two',
    ImageType: 'default',
    Mezzanine: {
      FileSize: 8932,
      FileURL: `https://outin-bucket.oss-cn-shanghai.aliyuncs.com/image/a.png?Expires=1717300000&OSSAccessKeyId=LTAIexample&Signature=${OSS_SIGNATURE}`,
      Width: 1920,
      Height: 1080,
      OriginalFileName: 'sunset.png',
    },
    RegionId: 'cn-shanghai',
    Status: 'Normal',
    StorageLocation: 'outin-bucket.oss-cn-shanghai.aliyuncs.com',
    Tags: 'sea,sunset,,orange ',
    Title: 'Sunset over the bay',
    URL: `https://cdn.example.com/image/default/a.png?auth_key=${AUTH_KEY}`,
    ...overrides,
  };
}

function input(info: ImageInfo, overrides: Partial<PanelInput> = {}): PanelInput {
  return {
    info,
    cspSource: CSP_SOURCE,
    nonce: NONCE,
    scriptUri: SCRIPT_URI,
    styleUri: STYLE_URI,
    imageOrigin: imageOriginOf(info.URL),
    now: NOW,
    locale: 'en-US',
    timeZone: 'UTC',
    ...overrides,
  };
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

interface Page {
  readonly html: string;
  readonly all: Element[];
  readonly body: Element;
  byTag(tag: string): Element[];
  /** dt text → dd element, per section heading. */
  fields(section: string): Map<string, Element>;
}

function renderPage(panelInput: PanelInput): Page {
  const html = renderPanelHtml(panelInput);
  const all = elements(parse(html));
  const body = all.find((e) => e.tagName === 'body')!;
  return {
    html,
    all,
    body,
    byTag: (tag) => all.filter((e) => e.tagName === tag),
    fields: (heading) => {
      const section = all.find((e) => e.tagName === 'section' && textOf(e.childNodes[0]!) === heading);
      assert.ok(section, `no section "${heading}"`);
      const map = new Map<string, Element>();
      const items = elements(section).filter((e) => e.tagName === 'dt' || e.tagName === 'dd');
      for (let i = 0; i < items.length; i += 2) map.set(textOf(items[i]!), items[i + 1]!);
      return map;
    },
  };
}

/** Everything the page may contain: tags, and per tag the attributes allowed. */
const ALLOWED: Record<string, string[]> = {
  html: ['lang'],
  head: [],
  meta: ['charset', 'http-equiv', 'content', 'name'],
  link: ['rel', 'href'],
  title: [],
  body: ['data-image-id'],
  header: ['class'],
  h1: ['class'],
  h2: [],
  div: ['class', 'role', 'aria-label'],
  span: ['id', 'class', 'title'],
  button: ['type', 'class', 'data-action', 'data-edit', 'aria-controls', 'aria-expanded', 'disabled'],
  form: ['id', 'class', 'hidden', 'novalidate', 'aria-label', 'data-problems'],
  label: ['for'],
  input: ['id', 'name', 'type', 'required', 'value', 'inputmode', 'aria-describedby'],
  textarea: ['id', 'name', 'rows', 'aria-describedby'],
  p: ['id', 'class', 'role', 'aria-live'],
  main: [],
  figure: ['class'],
  img: ['src', 'alt', 'width', 'height', 'decoding', 'referrerpolicy'],
  section: [],
  dl: ['class'],
  dt: [],
  dd: ['class'],
  code: ['class'],
  time: ['datetime', 'title', 'class'],
  ul: ['class'],
  li: ['class'],
  table: ['class'],
  thead: [],
  tbody: [],
  tr: [],
  th: ['scope'],
  td: [],
  script: ['nonce', 'src'],
};

function assertOnlyOurMarkup(page: Page): void {
  for (const element of page.all) {
    const allowed = ALLOWED[element.tagName];
    assert.ok(allowed, `unexpected <${element.tagName}>`);
    for (const { name } of element.attrs) assert.ok(allowed.includes(name), `unexpected ${name}= on <${element.tagName}>`);
  }
  const scripts = page.byTag('script');
  assert.equal(scripts.length, 1);
  assert.equal(attr(scripts[0]!, 'src'), SCRIPT_URI);
  assert.equal(attr(scripts[0]!, 'nonce'), NONCE);
  assert.equal(textOf(scripts[0]!), '', 'no inline script');
  assert.ok(page.byTag('img').length <= 1);
}

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><script>alert(1)</script>',
  "' onmouseover='alert(1)",
  '</title><script>alert(1)</script>',
  '<!--',
  ']]><svg onload=alert(1)>',
  '<style>body{display:none}</style>',
  '&lt;b&gt; &amp;',
  'abc\u202Egnp.exe',
  '[x](command:workbench.action.terminal.new)',
  '<template><script>alert(1)</script></template>',
  '<textarea>',
  '<plaintext>',
];

describe('render/panelHtml', () => {
  it('sets the exact CSP, the stylesheet and the nonce script', () => {
    const page = renderPage(input(fullInfo()));
    const csp = page.byTag('meta').find((m) => attr(m, 'http-equiv') === 'Content-Security-Policy');
    assert.equal(
      attr(csp!, 'content'),
      `default-src 'none'; img-src https://cdn.example.com data:; style-src ${CSP_SOURCE}; script-src 'nonce-${NONCE}'; font-src ${CSP_SOURCE}`,
    );
    const head = page.all.find((e) => e.tagName === 'head')!;
    assert.equal(head.childNodes.filter((n) => 'tagName' in n)[1], csp, 'the CSP comes right after the charset, before any resource');
    const link = page.byTag('link')[0]!;
    assert.deepEqual(link.attrs, [
      { name: 'rel', value: 'stylesheet' },
      { name: 'href', value: STYLE_URI },
    ]);
    assertOnlyOurMarkup(page);
  });

  it('shows the thumbnail from the image URL and every field', () => {
    const info = fullInfo();
    const page = renderPage(input(info));
    assertOnlyOurMarkup(page);

    const [img] = page.byTag('img');
    assert.equal(attr(img!, 'src'), info.URL);
    assert.equal(attr(img!, 'alt'), 'Sunset over the bay');
    assert.equal(attr(img!, 'width'), '1920');
    assert.equal(attr(img!, 'referrerpolicy'), 'no-referrer');
    assert.equal(textOf(page.byTag('h1')[0]!), 'Sunset over the bay');
    assert.equal(textOf(page.byTag('title')[0]!), 'Sunset over the bay');
    assert.equal(attr(page.body, 'data-image-id'), info.ImageId);

    const details = page.fields('Details');
    const text = (label: string) => textOf(details.get(label)!);
    assert.equal(text('Image ID'), info.ImageId);
    assert.equal(text('Title'), 'Sunset over the bay');
    assert.equal(text('Type'), 'default');
    assert.equal(text('Status'), 'Normal');
    assert.equal(text('Audit status'), 'Normal');
    assert.equal(text('Dimensions'), '1920×1080');
    assert.equal(text('Size'), '8.7 KB (8,932 bytes)');
    assert.equal(text('Category'), 'Landscapes (42)');
    assert.equal(text('Description'), 'Line one\nLine two');
    assert.equal(attr(details.get('Description')!, 'class'), 'description');
    assert.equal(text('Storage location'), 'outin-bucket.oss-cn-shanghai.aliyuncs.com');
    assert.equal(text('App ID'), 'app-1000000');
    assert.equal(text('Region'), 'cn-shanghai');
    assert.equal(text('URL'), 'https://cdn.example.com/image/default/a.png?<redacted>');

    const chips = elements(details.get('Tags')!).filter((e) => e.tagName === 'li');
    assert.deepEqual(
      chips.map((c) => [attr(c, 'class'), textOf(c)]),
      [
        ['chip', 'sea'],
        ['chip', 'sunset'],
        ['chip', 'orange'],
      ],
    );

    const mezzanine = page.fields('Source file');
    assert.equal(textOf(mezzanine.get('File name')!), 'sunset.png');
    assert.equal(textOf(mezzanine.get('Size')!), '8.7 KB (8,932 bytes)');
    assert.equal(textOf(mezzanine.get('Dimensions')!), '1920×1080');
    assert.equal(textOf(mezzanine.get('File URL')!), 'https://outin-bucket.oss-cn-shanghai.aliyuncs.com/image/a.png?<redacted>');
  });

  it('shows dates in local time with the UTC value in the tooltip', () => {
    const page = renderPage(input(fullInfo(), { timeZone: 'Asia/Shanghai' }));
    const [created] = elements(page.fields('Details').get('Created')!).filter((e) => e.tagName === 'time');
    assert.equal(attr(created!, 'datetime'), '2024-06-01T02:30:05.000Z');
    assert.equal(attr(created!, 'title'), '2024-06-01 02:30:05 UTC');
    assert.match(textOf(created!), /Jun 1, 2024.*10:30:05/);
    assert.equal(textOf(page.fields('Details').get('Modified')!).includes('Jun 2, 2024'), true);
  });

  it('shows an unparsable date as sent, without a <time>', () => {
    const page = renderPage(input(fullInfo({ CreationTime: '2024/06/01 10:00' })));
    const created = page.fields('Details').get('Created')!;
    assert.equal(textOf(created), '2024/06/01 10:00');
    assert.equal(elements(created).filter((e) => e.tagName === 'time').length, 0);
  });

  it('shows when the image URL expires, relative to now', () => {
    const page = renderPage(input(fullInfo()));
    const expiry = page.fields('Details').get('URL expiry')!;
    const [time] = elements(expiry).filter((e) => e.tagName === 'time');
    assert.equal(attr(time!, 'datetime'), '2024-06-02T03:46:40.000Z');
    assert.equal(attr(time!, 'class'), 'valid');
    assert.match(textOf(expiry), /expires in 15 h 46 min/);

    const later = renderPage(input(fullInfo(), { now: Date.UTC(2024, 5, 3) }));
    const expired = later.fields('Details').get('URL expiry')!;
    assert.equal(attr(elements(expired).find((e) => e.tagName === 'time')!, 'class'), 'expired');
    assert.match(textOf(expired), /expired .* ago/);
  });

  it('uses a caller-composed expiry line, and says when the URL carries none', () => {
    const custom = renderPage(input(fullInfo(), { urlExpiry: '<b>in 1 h</b>' }));
    assert.equal(textOf(custom.fields('Details').get('URL expiry')!), '<b>in 1 h</b>');
    const unsigned = renderPage(input(fullInfo({ URL: 'https://cdn.example.com/a.png' })));
    assert.equal(textOf(unsigned.fields('Details').get('URL expiry')!), 'The URL carries no expiry.');
  });

  it('shows a large image from the CDN resize when it is within the limits, the original beyond, with the real W×H', () => {
    const large = { ...fullInfo(), Mezzanine: { ...fullInfo().Mezzanine, FileSize: 8_070_000, Width: 4000, Height: 3000 } };
    const [img] = renderPage(input(large)).byTag('img');
    assert.equal(attr(img!, 'src'), `${large.URL}&image_process=resize,l_1024`);
    assert.deepEqual([attr(img!, 'width'), attr(img!, 'height'), attr(img!, 'decoding')], ['4000', '3000', 'async']);
    const huge = { ...fullInfo(), Mezzanine: { ...fullInfo().Mezzanine, FileSize: 20_000_000, Width: 6000, Height: 4500 } };
    const page = renderPage(input(huge));
    assert.equal(attr(page.byTag('img')[0]!, 'src'), huge.URL);
    assert.ok(page.all.some((e) => e.tagName === 'dd' && textOf(e) === '6000×4500'), 'the real W×H');
  });

  it('puts the signed URL in the img src and nowhere else, and no OSS signature at all', () => {
    const html = renderPanelHtml(input(fullInfo()));
    assert.equal(html.split(AUTH_KEY).length - 1, 1, 'the auth_key appears exactly once');
    const page = renderPage(input(fullInfo()));
    assert.ok(attr(page.byTag('img')[0]!, 'src')!.includes(AUTH_KEY));
    for (const secret of [OSS_SIGNATURE, 'Signature=', 'OSSAccessKeyId', 'LTAIexample', 'Expires=']) {
      assert.ok(!html.includes(secret), `${secret} leaked`);
    }
  });

  it('offers the five actions as buttons that carry only an action name, then Edit and the edit form', () => {
    const page = renderPage(input(fullInfo()));
    const all = page.byTag('button');
    assert.deepEqual(
      all.filter((b) => attr(b, 'data-action') === undefined).map((b) => [attr(b, 'data-edit'), textOf(b), attr(b, 'type')]),
      [
        ['open', 'Edit', 'button'],
        [undefined, 'Save', 'submit'],
        ['cancel', 'Cancel', 'button'],
      ],
    );
    const buttons = all.filter((b) => attr(b, 'data-action') !== undefined);
    assert.deepEqual(
      buttons.map((b) => [attr(b, 'data-action'), textOf(b), attr(b, 'disabled')]),
      [
        ['copySignedUrl', 'Copy signed URL', undefined],
        ['copyUrl', 'Copy URL', undefined],
        ['openInBrowser', 'Open in browser', undefined],
        ['copyId', 'Copy ID', undefined],
        ['refresh', 'Refresh', undefined],
      ],
    );
    for (const b of buttons) assert.equal(attr(b, 'type'), 'button');
    const notice = page.all.find((e) => attr(e, 'id') === 'notice')!;
    assert.equal(attr(notice, 'role'), 'status');
  });

  it('renders hostile strings in every field, every label and unknown fields as text', () => {
    for (const evil of HOSTILE) {
      const info: ImageInfo = {
        ...fullInfo({
          ImageId: evil,
          AppId: evil,
          AuditStatus: evil,
          CateName: evil,
          CreationTime: evil,
          ModificationTime: evil,
          Description: evil,
          ImageType: evil,
          RegionId: evil,
          Status: evil,
          StorageLocation: evil,
          Tags: evil,
          Title: evil,
          Mezzanine: { OriginalFileName: evil, FileURL: evil, [evil]: evil },
        }),
        [evil]: evil,
      };
      const labels = Object.fromEntries(Object.keys(DEFAULT_PANEL_LABELS).map((key) => [key, evil])) as unknown as typeof DEFAULT_PANEL_LABELS;
      const page = renderPage(input(info, { labels, urlExpiry: evil, lang: evil }));
      assertOnlyOurMarkup(page);
      assert.equal(attr(page.body, 'data-image-id'), evil);
      assert.equal(attr(page.all.find((e) => e.tagName === 'html')!, 'lang'), 'en');
      const visible = evil.replace('\u202E', '[U+202E]');
      assert.equal(textOf(page.byTag('h1')[0]!), visible, JSON.stringify(evil));
      for (const badge of page.all.filter((e) => attr(e, 'class')?.startsWith('badge '))) {
        assert.match(attr(badge, 'class')!, /^badge badge-(status|audit) tone-other$/);
      }
    }
  });

  it('lists unknown fields, including unknown mezzanine fields, with values redacted', () => {
    const info = {
      ...fullInfo(),
      Width: 640,
      Flags: { a: [1, 2], b: null },
      PreviewURL: 'https://cdn.example.com/p.png?auth_key=999-0-0-deadbeef',
      Mezzanine: { ...fullInfo().Mezzanine, Bitrate: '512' },
    } as ImageInfo;
    const page = renderPage(input(info));
    const table = page.byTag('table')[0]!;
    const rows = elements(table)
      .filter((e) => e.tagName === 'tr')
      .slice(1)
      .map((tr) => elements(tr).filter((e) => e.tagName === 'th' || e.tagName === 'td').map(textOf));
    assert.deepEqual(rows, [
      ['Width', '640'],
      ['Flags', '{"a":[1,2],"b":null}'],
      ['PreviewURL', 'https://cdn.example.com/p.png?<redacted>'],
      ['Mezzanine.Bitrate', '512'],
    ]);
    assert.ok(!page.html.includes('deadbeef'));
  });

  it('renders a record with nothing but an ID', () => {
    const page = renderPage(input({ ImageId: 'only-id' }));
    assertOnlyOurMarkup(page);
    assert.equal(textOf(page.byTag('h1')[0]!), '(untitled)');
    assert.equal(page.byTag('img').length, 0);
    assert.equal(textOf(page.all.find((e) => attr(e, 'class') === 'no-preview')!), 'No preview available.');
    assert.deepEqual([...page.fields('Details').keys()], ['Image ID']);
    assert.equal(page.byTag('section').length, 1, 'no mezzanine or other-fields section');
    const disabled = page.byTag('button').filter((b) => attr(b, 'disabled') !== undefined).map((b) => attr(b, 'data-action'));
    assert.deepEqual(disabled, ['copyUrl', 'openInBrowser']);
    const csp = attr(page.byTag('meta').find((m) => attr(m, 'http-equiv'))!, 'content')!;
    assert.match(csp, /img-src data:;/);
  });

  it('shows no remote image unless the URL is http(s) and its origin is the allowed one', () => {
    const cases: [string, string | undefined][] = [
      ['javascript:alert(1)', 'javascript:'],
      ['data:image/png;base64,AAAA', undefined],
      ['file:///etc/passwd', undefined],
      ['https://user:pw@cdn.example.com/a.png', 'https://cdn.example.com'],
      ['https://cdn.example.com/a.png', 'https://other.example.com'],
      ['https://cdn.example.com/a.png', undefined],
    ];
    for (const [url, origin] of cases) {
      const page = renderPage(input(fullInfo({ URL: url }), { imageOrigin: origin }));
      assert.equal(page.byTag('img').length, 0, url);
    }
    const http = renderPage(input(fullInfo({ URL: 'http://127.0.0.1:8080/a.png' })));
    assert.equal(attr(http.byTag('img')[0]!, 'src'), 'http://127.0.0.1:8080/a.png');
  });

  it('maps known statuses to a fixed set of badge tones', () => {
    const tone = (Status: string, AuditStatus: string) =>
      renderPage(input(fullInfo({ Status, AuditStatus })))
        .all.filter((e) => attr(e, 'class')?.startsWith('badge '))
        .map((e) => attr(e, 'class'));
    assert.deepEqual(tone('Normal', 'Blocked'), ['badge badge-status tone-ok', 'badge badge-audit tone-error']);
    assert.deepEqual(tone('Uploading', 'constructor'), ['badge badge-status tone-pending', 'badge badge-audit tone-other']);
    assert.deepEqual(tone('UploadFail', 'Normal'), ['badge badge-status tone-error', 'badge badge-audit tone-ok']);
  });

  it('uses the caller’s labels and language', () => {
    const labels = { ...DEFAULT_PANEL_LABELS, details: '详细信息', imageId: '图片 ID', exactBytes: '{0} 字节', copyUrl: '复制 URL' };
    const page = renderPage(input(fullInfo(), { labels, lang: 'zh-CN', locale: 'zh-CN' }));
    assert.equal(attr(page.all.find((e) => e.tagName === 'html')!, 'lang'), 'zh-CN');
    assert.equal(textOf(page.fields('详细信息').get('图片 ID')!), fullInfo().ImageId);
    assert.equal(textOf(page.fields('详细信息').get('Size')!), '8.7 KB (8,932 字节)');
    assert.ok(page.byTag('button').some((b) => textOf(b) === '复制 URL'));
  });

  describe('CSP', () => {
    it('never widens img-src to a wildcard or a non-origin', () => {
      for (const origin of ['*', 'https:', 'https://*.example.com', 'https://cdn.example.com/path', "https://a.com; script-src 'unsafe-inline'", 'ftp://x.com', '']) {
        const csp = buildPanelCsp({ cspSource: CSP_SOURCE, nonce: NONCE, imageOrigin: origin });
        assert.match(csp, /; img-src data:; /, origin);
      }
      assert.match(buildPanelCsp({ cspSource: CSP_SOURCE, nonce: NONCE, imageOrigin: 'http://localhost:9000' }), /img-src http:\/\/localhost:9000 data:;/);
    });

    it('refuses a weak nonce or a cspSource that could add directives', () => {
      for (const nonce of ['', 'short', "abc'def0123456789", 'a b c d e f g h i j k l']) {
        assert.throws(() => buildPanelCsp({ cspSource: CSP_SOURCE, nonce, imageOrigin: undefined }), /nonce/);
      }
      for (const cspSource of ['', "x; script-src 'unsafe-inline'", "'unsafe-inline'", 'a,b']) {
        assert.throws(() => buildPanelCsp({ cspSource, nonce: NONCE, imageOrigin: undefined }), /cspSource/);
      }
    });

    it('recognises exact http(s) origins only', () => {
      assert.equal(isHttpOrigin('https://cdn.example.com'), true);
      assert.equal(isHttpOrigin('https://cdn.example.com:8443'), true);
      assert.equal(isHttpOrigin('https://cdn.example.com/'), false);
      assert.equal(isHttpOrigin('HTTPS://CDN.example.com'), false, 'not in URL.origin form');
      assert.equal(imageOriginOf('https://cdn.example.com:443/a.png?x=1'), 'https://cdn.example.com');
      assert.equal(imageOriginOf('not a url'), undefined);
      assert.equal(imageOriginOf('https://*.example.com/a.png'), undefined, 'a host the CSP would read as a wildcard');
      assert.equal(imageOriginOf('http://[::1]:8080/a.png'), 'http://[::1]:8080');
      assert.equal(imageOriginOf(undefined), undefined);
    });
  });
});

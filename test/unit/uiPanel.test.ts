import { strict as assert } from 'node:assert';
import { parse } from 'parse5';
import { hostCspSources, newNonce, panelTitle, restoredImageId } from '../../src/ui/panel/panelState';
import { renderStatusHtml } from '../../src/ui/panel/statusHtml';

const ID = '5aed81b74ba84920be578cdfe004af4b';

describe('ui/panel panelState', () => {
  it('restores the image ID from a valid saved state only', () => {
    assert.equal(restoredImageId({ imageId: ID }), ID);
    assert.equal(restoredImageId({ imageId: ID, extra: 1 }), ID);
    for (const bad of [undefined, null, 'x', {}, { imageId: 5 }, { imageId: '' }, { imageId: '../../etc' }, { imageId: '<img src=x>' }]) {
      assert.equal(restoredImageId(bad), undefined, JSON.stringify(bad));
    }
  });

  it('makes a fresh 128-bit base64 nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.equal(Buffer.from(n, 'base64').length, 16);
  });

  it('titles the tab with the image title on one line, shortened, else the ID', () => {
    assert.equal(panelTitle(ID), ID);
    assert.equal(panelTitle(ID, { ImageId: ID, Title: '  ' }), ID);
    assert.equal(panelTitle(ID, { ImageId: ID, Title: 'Cat\nphoto' }), 'Cat photo');
    const long = panelTitle(ID, { ImageId: ID, Title: '猫'.repeat(60) });
    assert.equal(Array.from(long).length, 40);
    assert.ok(long.endsWith('…'));
  });

  it('shows bidi and control characters of a title as markers in the tab title', () => {
    assert.equal(panelTitle(ID, { ImageId: ID, Title: 'invoice\u202Efdp.exe\u0007' }), 'invoice[U+202E]fdp.exe[U+0007]');
  });
});

describe('ui/panel statusHtml', () => {
  const base = {
    imageId: ID,
    heading: 'Could not load the image',
    message: 'Something failed',
    tone: 'error' as const,
    refreshLabel: 'Refresh',
    cspSource: 'https://*.vscode-cdn.net',
    nonce: 'abcdefghijklmnopqrstuv==',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/panel.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css',
  };

  type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string; content?: Node };
  function walk(node: Node, visit: (n: Node) => void): void {
    visit(node);
    for (const child of node.childNodes ?? []) walk(child, visit);
  }
  function elements(html: string): Node[] {
    const all: Node[] = [];
    walk(parse(html) as unknown as Node, (n) => {
      if (n.attrs) all.push(n);
    });
    return all;
  }
  function textOf(html: string): string {
    let text = '';
    walk(parse(html) as unknown as Node, (n) => {
      if (n.nodeName === '#text') text += n.value ?? '';
    });
    return text;
  }

  it('has the strict CSP, the nonce’d script, the stylesheet and the image ID for the serializer', () => {
    const html = renderStatusHtml(base);
    const nodes = elements(html);
    const meta = nodes.find((n) => n.nodeName === 'meta' && n.attrs!.some((a) => a.value === 'Content-Security-Policy'));
    const csp = meta!.attrs!.find((a) => a.name === 'content')!.value;
    assert.equal(csp, `default-src 'none'; img-src data:; style-src ${base.cspSource}; script-src 'nonce-${base.nonce}'; font-src ${base.cspSource}`);
    const scripts = nodes.filter((n) => n.nodeName === 'script');
    assert.equal(scripts.length, 1);
    assert.deepEqual(Object.fromEntries(scripts[0]!.attrs!.map((a) => [a.name, a.value])), { nonce: base.nonce, src: base.scriptUri });
    const body = nodes.find((n) => n.nodeName === 'body')!;
    assert.equal(body.attrs!.find((a) => a.name === 'data-image-id')!.value, ID);
    const buttons = nodes.filter((n) => n.nodeName === 'button');
    assert.deepEqual(
      buttons.map((b) => b.attrs!.find((a) => a.name === 'data-action')!.value),
      ['refresh'],
    );
  });

  it('renders hostile text as text: no extra elements, attributes or scripts', () => {
    const hostile = `<img src=x onerror=alert(1)><script>alert(2)</script>"'><a href="javascript:alert(3)">x</a>\u202E`;
    const html = renderStatusHtml({ ...base, heading: hostile, message: hostile, refreshLabel: hostile, imageId: `${ID}"><script>` });
    const names = elements(html).map((n) => n.nodeName);
    assert.equal(names.filter((n) => n === 'script').length, 1);
    assert.ok(!names.includes('img'));
    assert.ok(!names.includes('a'));
    for (const node of elements(html)) for (const attr of node.attrs!) assert.ok(!attr.name.startsWith('on'), attr.name);
    assert.ok(textOf(html).includes('<img src=x onerror=alert(1)>'));
  });

  it('shows no Refresh button while loading and marks the page busy', () => {
    const html = renderStatusHtml({ ...base, refreshLabel: undefined });
    assert.equal(elements(html).filter((n) => n.nodeName === 'button').length, 0);
    const body = elements(html).find((n) => n.nodeName === 'body')!;
    assert.equal(body.attrs!.find((a) => a.name === 'aria-busy')?.value, 'true');
  });
});

describe('ui/panel hostCspSources', () => {
  it('keeps the host sources of a real cspSource and drops quoted keywords', () => {
    assert.equal(hostCspSources("'self' https://*.vscode-cdn.net"), 'https://*.vscode-cdn.net');
    assert.equal(hostCspSources('https://*.vscode-cdn.net'), 'https://*.vscode-cdn.net');
    assert.equal(hostCspSources("  vscode-resource:  'unsafe-inline' https://a.example;script-src * "), 'vscode-resource:');
  });
  it('gives a value the renderer accepts', () => {
    const html = renderStatusHtml({
      imageId: ID,
      heading: 'h',
      message: 'm',
      tone: 'info',
      refreshLabel: undefined,
      cspSource: hostCspSources("'self' https://*.vscode-cdn.net"),
      nonce: newNonce(),
      scriptUri: 'https://x.vscode-cdn.net/panel.js',
      styleUri: 'https://x.vscode-cdn.net/panel.css',
    });
    assert.match(html, /style-src https:\/\/\*\.vscode-cdn\.net;/);
  });
});

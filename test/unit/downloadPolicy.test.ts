/**
 * The image-download policy: https anywhere, plain http only to loopback, for the first URL and every
 * redirect hop, no redirect from elsewhere into this machine, at most 3 redirects; errors never quote
 * the URL's query.
 */
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { downloadRefusal } from '../../src/vod/downloadPolicy';
import { isVodError, type VodError } from '../../src/vod/errors';
import { createUndiciTransport } from '../../src/vod/transport';

const url = (text: string): URL => new URL(text);

async function failure(promise: Promise<unknown>): Promise<VodError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isVodError(error), String(error));
    return error;
  }
  assert.fail('expected a rejection');
}

describe('download policy', () => {
  it('allows https anywhere and plain http only to loopback', () => {
    for (const ok of ['https://cdn.example.com/a.png?auth_key=1-0-0-x', 'http://127.0.0.1:9/a.png', 'http://localhost/a.png', 'http://[::1]:8/a.png', 'https://127.0.0.1/a.png']) {
      assert.equal(downloadRefusal(url(ok)), undefined, ok);
    }
    for (const bad of ['http://cdn.example.com/a.png?auth_key=1-0-0-SECRET', 'http://10.0.0.1/a.png', 'http://127.0.0.1.nip.io/a.png', 'ftp://127.0.0.1/a.png', 'file:///etc/passwd', 'data:image/png;base64,AAAA']) {
      const refusal = downloadRefusal(url(bad));
      assert.ok(refusal, bad);
      assert.equal(refusal.kind, 'invalidInput');
      assert.doesNotMatch(refusal.message, /SECRET|auth_key/);
    }
  });

  it('checks every redirect hop: no downgrade to http elsewhere, no hop from a remote host into this machine', () => {
    const remote = url('https://cdn.example.com/a.png');
    assert.equal(downloadRefusal(url('https://other.example.com/b.png'), remote), undefined);
    assert.ok(downloadRefusal(url('http://other.example.com/b.png'), remote));
    assert.ok(downloadRefusal(url('http://127.0.0.1:8080/admin'), remote));
    assert.ok(downloadRefusal(url('https://localhost/admin'), remote));
    assert.equal(downloadRefusal(url('http://127.0.0.1:8/b.png'), url('http://127.0.0.1:7/a.png')), undefined);
    assert.ok(downloadRefusal(url('https://user:pw@cdn.example.com/a.png')));
  });

  describe('in the transport', () => {
    let server: http.Server;
    let origin = '';
    let handle: http.RequestListener = (_req, res) => res.end('ok');
    let hits = 0;
    before(async () => {
      server = http.createServer((req, res) => {
        hits++;
        handle(req, res);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => {
      hits = 0;
    });

    it('refuses a plain-http remote URL before connecting', async () => {
      const transport = createUndiciTransport({ env: {}, connectTimeoutMs: 300, timeoutMs: 300 });
      try {
        const error = await failure(transport.fetchBytes('http://192.0.2.1/a.png?auth_key=1-0-0-SECRET'));
        assert.equal(error.kind, 'invalidInput');
        assert.equal(error.code, 'InsecureUrl');
        assert.doesNotMatch(error.message, /SECRET/);
      } finally {
        await transport.close();
      }
    });

    it('refuses a redirect to plain http elsewhere without following it', async () => {
      handle = (_req, res) => res.writeHead(302, { location: 'http://192.0.2.1/b.png?Signature=SECRET' }).end();
      const transport = createUndiciTransport({ env: {}, connectTimeoutMs: 300, timeoutMs: 300 });
      try {
        const error = await failure(transport.fetchBytes(`${origin}/a.png`));
        assert.equal(error.code, 'InsecureUrl');
        assert.doesNotMatch(error.message, /SECRET/);
        assert.equal(hits, 1);
      } finally {
        await transport.close();
      }
    });

    it('follows at most 3 redirects, then stops with a clear error', async () => {
      handle = (req, res) => {
        const n = Number(new URL(req.url ?? '/', origin).searchParams.get('n') ?? 0);
        res.writeHead(302, { location: `/next?n=${n + 1}` }).end();
      };
      const transport = createUndiciTransport({ env: {} });
      try {
        const error = await failure(transport.fetchBytes(`${origin}/start`));
        assert.equal(error.code, 'TooManyRedirects');
        assert.equal(hits, 4, 'the first request and 3 redirects');
      } finally {
        await transport.close();
      }
    });
  });
});

/**
 * The undici transport against real sockets on loopback: keep-alive, size cap while streaming,
 * timeouts, cancellation, resets, proxies (a CONNECT proxy written here), TLS verification, and
 * media downloads. Plus the pure proxy choice.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as path from 'node:path';
import { startProxy, type TestProxy } from './support/connectProxy';
import { rejection as failure } from './support/rejection';
import { isRetryable } from '../../src/vod/retry';
import { createUndiciTransport, proxyFor, type Transport, type UndiciTransportOptions } from '../../src/vod/transport';

// A throwaway self-signed certificate for localhost / 127.0.0.1 (test only; valid until 2126).
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgkUJZQDeO1vKFa9p7
CAKETzZkxX0P7fjzU8jnzrjcAqGhRANCAARItw6CiL0kqyax7MA4lmAigv/h0j9V
DiB5bIARxgUtHcfNS71o4j/7Bk53lD20Z4D3Ix6mn49doXDBeaj1MwAf
-----END PRIVATE KEY-----`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUdUXS08Ek7wY32PMttp/zNwdc8xswCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyOTE2MzIxNVoYDzIxMjYxMTA1
MTYzMjE1WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAARItw6CiL0kqyax7MA4lmAigv/h0j9VDiB5bIARxgUtHcfNS71o4j/7
Bk53lD20Z4D3Ix6mn49doXDBeaj1MwAfo28wbTAdBgNVHQ4EFgQUdOACKCtbV7aC
ghmScoIUHfmZCRQwHwYDVR0jBBgwFoAUdOACKCtbV7aCghmScoIUHfmZCRQwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDRwAwRAIgcw8sAlzwY1KByrFJNsYTQ1jTBh4XCEwb7ROzamK6Qo4CIFGT
DiCuC+sRdZ6C1aU9SsIbh4IEzOhob7mjPXrUDBGy
-----END CERTIFICATE-----`;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface TestServer {
  port: number;
  origin: string;
  connections: number;
  /** Bytes the handler managed to write before the client went away. */
  written: number;
  handle: Handler;
  close(): Promise<void>;
}

async function startServer(secure = false): Promise<TestServer> {
  const state: TestServer = {
    port: 0,
    origin: '',
    connections: 0,
    written: 0,
    handle: (_req, res) => res.end('ok'),
    close: async () => {},
  };
  const onRequest: Handler = (req, res) => state.handle(req, res);
  const server = secure ? https.createServer({ key: TEST_KEY, cert: TEST_CERT }, onRequest) : http.createServer(onRequest);
  const sockets = new Set<net.Socket>();
  server.on(secure ? 'secureConnection' : 'connection', (socket: net.Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as net.AddressInfo).port;
  state.origin = `${secure ? 'https' : 'http'}://127.0.0.1:${state.port}`;
  state.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}


describe('transport: requests over undici', function () {
  let server: TestServer;
  let transport: Transport;
  const make = (options: UndiciTransportOptions = {}): Transport => {
    transport = createUndiciTransport({ env: {}, ...options });
    return transport;
  };

  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await transport?.close();
    await server.close();
  });

  it('sends method, headers and body; any status resolves with headers and body', async () => {
    let received: { method?: string; header?: string; body: string } = { body: '' };
    server.handle = (req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        received = { method: req.method, header: req.headers['x-acs-action'] as string, body };
        res.writeHead(404, { 'content-type': 'application/json', 'x-acs-request-id': 'RID' }).end('{"Code":"NoSuchResource"}');
      });
    };
    const response = await make().request({
      method: 'POST',
      url: `${server.origin}/?a=1`,
      headers: { 'x-acs-action': 'GetImageInfo', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetImageInfo',
    });
    assert.deepEqual(received, { method: 'POST', header: 'GetImageInfo', body: 'Action=GetImageInfo' });
    assert.equal(response.status, 404);
    assert.equal(response.headers['x-acs-request-id'], 'RID');
    assert.equal(response.body.toString(), '{"Code":"NoSuchResource"}');
  });

  it('keeps the connection alive between requests', async () => {
    make();
    for (let i = 0; i < 20; i++) await transport.request({ method: 'POST', url: `${server.origin}/`, headers: {} });
    // undici's pool may open a second socket while the first is being released; never one per request.
    assert.ok(server.connections <= 2, `${server.connections} connections for 20 requests`);
  });

  it('stops reading a streamed body as soon as it passes the cap', async () => {
    const chunk = Buffer.alloc(64 * 1024, 120);
    // 64 MiB offered: more than the kernel's socket buffers on both ends can take in (tcp_wmem's
    // maximum is 4 MiB, tcp_rmem's 6-32 MiB), so a client that stopped reading is told apart from one
    // that read on. 4 MiB fitted in the buffers of a machine with a 32 MiB tcp_rmem, and the test failed.
    const total = 1024 * chunk.length;
    server.handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked, no length announced
      let sent = 0;
      const pump = (): void => {
        while (sent < total) {
          sent += chunk.length;
          server.written = sent;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => undefined);
      pump();
    };
    const error = await failure(make({ maxResponseBytes: 256 * 1024 }).request({ method: 'POST', url: `${server.origin}/`, headers: {} }));
    assert.equal(error.kind, 'invalidResponse');
    assert.equal(error.code, 'TooLarge');
    assert.match(error.message, /0\.3 MiB|0\.2 MiB|limit/);
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(server.written < total, `the server could not push all ${total} bytes (${server.written})`);
  });

  it('refuses an announced Content-Length over the cap without reading it', async () => {
    server.handle = (_req, res) => {
      res.writeHead(200, { 'content-length': String(9 * 1024 * 1024) });
      res.write('x');
    };
    const started = performance.now();
    const error = await failure(make().request({ method: 'POST', url: `${server.origin}/`, headers: {} }));
    assert.equal(error.code, 'TooLarge');
    assert.match(error.message, /8 MiB/);
    assert.ok(performance.now() - started < 2000);
  });

  it('accepts a body exactly at the cap', async () => {
    server.handle = (_req, res) => res.end(Buffer.alloc(1000, 97));
    const response = await make({ maxResponseBytes: 1000 }).request({ method: 'GET', url: `${server.origin}/`, headers: {} });
    assert.equal(response.body.length, 1000);
  });

  it('a server that never answers hits the total timeout', async () => {
    server.handle = () => undefined;
    const started = performance.now();
    const error = await failure(make({ timeoutMs: 200 }).request({ method: 'POST', url: `${server.origin}/`, headers: {} }));
    const elapsed = performance.now() - started;
    assert.equal(error.kind, 'timeout');
    assert.ok(elapsed >= 180 && elapsed < 2000, `${elapsed} ms`);
    assert.equal(isRetryable(error), false);
  });

  it('the per-request timeout overrides the default, and covers a body that trickles', async () => {
    server.handle = (_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write('x'), 20);
      res.on('close', () => clearInterval(timer));
    };
    const error = await failure(make({ timeoutMs: 60_000 }).request({ method: 'GET', url: `${server.origin}/`, headers: {}, timeoutMs: 150 }));
    assert.equal(error.kind, 'timeout');
  });

  it('an abort from the caller is a cancellation, not a timeout', async () => {
    server.handle = () => undefined;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(make().request({ method: 'POST', url: `${server.origin}/`, headers: {}, signal: controller.signal }));
    assert.equal(error.kind, 'cancelled');
    const already = await failure(transport.request({ method: 'POST', url: `${server.origin}/`, headers: {}, signal: AbortSignal.abort() }));
    assert.equal(already.kind, 'cancelled');
  });

  it('a dropped connection is a retryable network error naming the host only', async () => {
    server.handle = (req) => req.socket.destroy();
    const error = await failure(make().request({ method: 'POST', url: `${server.origin}/?Signature=SECRETSIG`, headers: {} }));
    assert.equal(error.kind, 'network');
    assert.ok(isRetryable(error), `code ${error.code} should count as a reset`);
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${server.port}`));
    assert.doesNotMatch(error.message, /SECRETSIG/);
  });

  it('a refused connection is a network error that is not retried', async () => {
    const closed = await startServer();
    const port = closed.port;
    await closed.close();
    const error = await failure(make().request({ method: 'POST', url: `http://127.0.0.1:${port}/`, headers: {} }));
    assert.equal(error.kind, 'network');
    assert.equal(error.code, 'ECONNREFUSED');
    assert.equal(isRetryable(error), false);
  });
});

describe('transport: TLS', () => {
  let server: TestServer;
  let transport: Transport | undefined;
  before(async () => {
    server = await startServer(true);
  });
  afterEach(async () => transport?.close());
  after(async () => server.close());

  it('verifies certificates by default: a self-signed one is refused with a clear hint', async () => {
    transport = createUndiciTransport({ env: {} });
    const error = await failure(transport.request({ method: 'GET', url: `https://127.0.0.1:${server.port}/`, headers: {} }));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /certificate/);
  });

  it('strictSSL: false (http.proxyStrictSSL) does not relax a direct connection', async () => {
    transport = createUndiciTransport({ env: {}, strictSSL: false });
    const error = await failure(transport.request({ method: 'GET', url: `https://127.0.0.1:${server.port}/`, headers: {} }));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /certificate/);
  });
});

describe('transport: proxies', () => {
  let server: TestServer;
  let proxy: TestProxy;
  let transport: Transport | undefined;
  // A non-loopback name that does not resolve: only a proxy can reach it.
  const remote = (port: number, scheme = 'http'): string => `${scheme}://vod.example.test:${port}/`;

  beforeEach(async () => {
    server = await startServer();
    server.handle = (req, res) => res.end(`via ${req.headers.host}`);
    proxy = await startProxy(server.port);
  });
  afterEach(async () => {
    await transport?.close();
    await proxy.close();
    await server.close();
  });

  it('tunnels through HTTP_PROXY from the injected environment', async () => {
    transport = createUndiciTransport({ env: { HTTP_PROXY: proxy.url } });
    const response = await transport.request({ method: 'GET', url: remote(server.port), headers: {} });
    assert.equal(response.body.toString(), `via vod.example.test:${server.port}`);
    assert.deepEqual(proxy.seen.map((s) => s.target), [`vod.example.test:${server.port}`]);
  });

  it('an explicit proxy URL wins and sends its credentials to the proxy', async () => {
    const withAuth = proxy.url.replace('http://', 'http://user:p%40ss@');
    transport = createUndiciTransport({ proxy: withAuth, env: { HTTP_PROXY: 'http://127.0.0.1:1' } });
    await transport.request({ method: 'GET', url: remote(server.port), headers: {} });
    assert.equal(proxy.seen[0]?.auth, `Basic ${Buffer.from('user:p@ss').toString('base64')}`);
  });

  it('NO_PROXY sends the request direct (here: to a name that does not resolve)', async () => {
    transport = createUndiciTransport({ env: { HTTP_PROXY: proxy.url, NO_PROXY: '.example.test' } });
    const error = await failure(transport.request({ method: 'GET', url: remote(server.port), headers: {}, timeoutMs: 5000 }));
    assert.equal(error.kind === 'network' || error.kind === 'timeout', true);
    assert.equal(proxy.seen.length, 0);
  });

  it('loopback targets never use the proxy', async () => {
    transport = createUndiciTransport({ proxy: proxy.url });
    const response = await transport.request({ method: 'GET', url: `${server.origin}/`, headers: {} });
    assert.equal(response.body.toString(), `via 127.0.0.1:${server.port}`);
    assert.equal(proxy.seen.length, 0);
  });

  it('https through HTTPS_PROXY: TLS inside the tunnel is verified even with strictSSL: false', async () => {
    const tls = await startServer(true);
    tls.handle = (_req, res) => res.end('secure');
    const tlsProxy = await startProxy(tls.port);
    try {
      transport = createUndiciTransport({ env: { HTTPS_PROXY: tlsProxy.url }, strictSSL: false });
      const error = await failure(transport.request({ method: 'GET', url: remote(tls.port, 'https'), headers: {} }));
      assert.match(error.message, /certificate/);
      assert.equal(tlsProxy.seen.length, 1, 'the tunnel was opened; the self-signed server behind it was refused');
    } finally {
      await transport?.close();
      transport = undefined;
      await tlsProxy.close();
      await tls.close();
    }
  });
});

describe('transport: http.proxyStrictSSL applies to the proxy only', () => {
  let server: TestServer;
  let proxy: TestProxy;
  let transport: Transport | undefined;
  beforeEach(async () => {
    server = await startServer();
    server.handle = (req, res) => res.end(`via ${req.headers.host}`);
    proxy = await startProxy(server.port, { key: TEST_KEY, cert: TEST_CERT });
  });
  afterEach(async () => {
    await transport?.close();
    await proxy.close();
    await server.close();
  });

  it('an https proxy with a self-signed certificate is accepted with strictSSL: false', async () => {
    transport = createUndiciTransport({ proxy: proxy.url, strictSSL: false });
    const response = await transport.request({ method: 'GET', url: `http://vod.example.test:${server.port}/`, headers: {} });
    assert.equal(response.body.toString(), `via vod.example.test:${server.port}`);
  });

  it('and refused by default', async () => {
    transport = createUndiciTransport({ proxy: proxy.url });
    const error = await failure(transport.request({ method: 'GET', url: `http://vod.example.test:${server.port}/`, headers: {} }));
    assert.match(error.message, /certificate/);
  });
});

describe('transport: proxyFor (pure)', () => {
  const https = new URL('https://vod.cn-shanghai.aliyuncs.com/');
  const plain = new URL('http://cdn.example.com/a.png');

  it('picks the proxy by scheme; lower-case variables first, like curl', () => {
    const env = { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:1', HTTP_PROXY: 'http://plain:1' };
    assert.equal(proxyFor(https, { env }), 'http://lower:1');
    assert.equal(proxyFor(plain, { env }), 'http://plain:1');
    assert.equal(proxyFor(https, { env: { HTTP_PROXY: 'http://plain:1' } }), 'http://plain:1', 'https falls back to HTTP_PROXY');
    assert.equal(proxyFor(plain, { env: { HTTPS_PROXY: 'http://s:1' } }), undefined, 'http never uses HTTPS_PROXY');
    assert.equal(proxyFor(https, { env: {} }), undefined);
  });

  it('an explicit proxy wins over the environment; a bare host:port gets http://', () => {
    assert.equal(proxyFor(https, { proxy: 'proxy.corp:3128', env: { HTTPS_PROXY: 'http://env:1' } }), 'http://proxy.corp:3128');
  });

  it('NO_PROXY: *, domains with and without a leading dot or star, ports, explicit noProxy first', () => {
    const env = { HTTPS_PROXY: 'http://p:1' };
    const check = (noProxy: string, url = https): string | undefined => proxyFor(url, { env: { ...env, NO_PROXY: noProxy } });
    assert.equal(check('*'), undefined);
    assert.equal(check('aliyuncs.com'), undefined);
    assert.equal(check('.aliyuncs.com'), undefined);
    assert.equal(check('*.aliyuncs.com'), undefined);
    assert.equal(check('foo.com, vod.cn-shanghai.aliyuncs.com'), undefined);
    assert.equal(check('vod.cn-shanghai.aliyuncs.com:443'), undefined);
    assert.equal(check('vod.cn-shanghai.aliyuncs.com:8443'), 'http://p:1');
    assert.equal(check('cs.com'), 'http://p:1', 'a suffix must end at a dot');
    assert.equal(check('other.com'), 'http://p:1');
    assert.equal(proxyFor(https, { env: { ...env, NO_PROXY: '*' }, noProxy: '' }), 'http://p:1');
    assert.equal(proxyFor(https, { env: { ...env, no_proxy: 'aliyuncs.com', NO_PROXY: '' } }), undefined);
  });

  it('loopback never goes through a proxy', () => {
    for (const url of ['http://127.0.0.1:9/', 'http://localhost:9/', 'http://[::1]:9/', 'http://127.8.9.10/']) {
      assert.equal(proxyFor(new URL(url), { proxy: 'http://p:1' }), undefined, url);
    }
  });
});

describe('transport: fetchBytes', () => {
  let server: TestServer;
  let transport: Transport;
  beforeEach(async () => {
    server = await startServer();
    transport = createUndiciTransport({ env: {} });
  });
  afterEach(async () => {
    await transport.close();
    await server.close();
  });

  it('returns bytes and content type, following a redirect', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    server.handle = (req, res) => {
      if (req.url?.startsWith('/old')) res.writeHead(302, { location: '/new.png?auth_key=1-0-0-x' }).end();
      else res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    };
    const result = await transport.fetchBytes(`${server.origin}/old.png`);
    assert.equal(result.contentType, 'image/png');
    assert.deepEqual(result.bytes, png);
  });

  it('defaults the content type', async () => {
    server.handle = (_req, res) => {
      res.removeHeader('content-type');
      res.end('raw');
    };
    assert.equal((await transport.fetchBytes(`${server.origin}/x`)).contentType, 'application/octet-stream');
  });

  it('maps statuses: 403 auth (expired signature), 404 notFound, 5xx server; the message hides the query', async () => {
    for (const [status, kind] of [[403, 'auth'], [404, 'notFound'], [503, 'server'], [418, 'invalidResponse']] as const) {
      server.handle = (_req, res) => res.writeHead(status).end('no');
      const error = await failure(transport.fetchBytes(`${server.origin}/a.png?auth_key=SECRETKEY`));
      assert.equal(error.kind, kind, String(status));
      assert.equal(error.httpStatus, status);
      assert.doesNotMatch(error.message, /SECRETKEY/);
    }
  });

  it('enforces maxBytes with a TooLarge error', async () => {
    server.handle = (_req, res) => res.end(Buffer.alloc(5000));
    const error = await failure(transport.fetchBytes(`${server.origin}/big.png`, { maxBytes: 4096 }));
    assert.equal(error.code, 'TooLarge');
    assert.equal((await transport.fetchBytes(`${server.origin}/big.png`, { maxBytes: 5000 })).bytes.length, 5000);
  });

  it('gives up after 3 redirects and refuses non-http schemes', async () => {
    server.handle = (_req, res) => res.writeHead(302, { location: '/again' }).end();
    const loop = await failure(transport.fetchBytes(`${server.origin}/start`));
    assert.equal(loop.kind, 'invalidResponse');
    assert.equal((await failure(transport.fetchBytes('file:///etc/passwd'))).kind, 'invalidInput');
    const garbage = await failure(transport.fetchBytes('not a url ?Signature=SIG'));
    assert.equal(garbage.kind, 'invalidInput');
    assert.doesNotMatch(garbage.message, /SIG/);
  });
});

describe('transport: lazy loading', () => {
  it('importing the client and transport does not load undici; the first request does', () => {
    const root = path.resolve(__dirname, '../..');
    const script = `
      const loaded = () => Object.keys(require.cache).some((k) => k.includes('/node_modules/undici/'));
      require('./src/vod/client');
      const { createUndiciTransport } = require('./src/vod/transport');
      const before = loaded();
      const t = createUndiciTransport({ env: {} });
      t.request({ method: 'GET', url: 'http://127.0.0.1:1/', headers: {} }).catch(() => {
        process.stdout.write(JSON.stringify({ before, after: loaded() }));
      });`;
    const out = execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), { before: false, after: true });
  });
});

/**
 * Run as a child process by undiciBundle.test.ts: makes the transport load the undici bundle the VSIX
 * ships (dist/undici.js, only the parts the transport uses) instead of the full package, then sends one
 * request directly and one through a CONNECT proxy. Prints what came back as one JSON line.
 */
import * as http from 'node:http';
import type * as net from 'node:net';
import Module from 'node:module';
import { createUndiciTransport } from '../../../src/vod/transport';
import { startProxy } from './connectProxy';

// The transport requires undici on its first request, so redirecting the name here is in time.
const bundle = process.env.VOD_UNDICI_BUNDLE;
if (!bundle) throw new Error('VOD_UNDICI_BUNDLE is not set');
type Resolve = (request: string, ...rest: unknown[]) => string;
const internal = Module as unknown as { _resolveFilename: Resolve };
const original = internal._resolveFilename;
internal._resolveFilename = (request, ...rest) => (request === 'undici' ? bundle : original(request, ...rest));

async function main(): Promise<void> {
  // GET answers a greeting; PUT answers how many bytes of the (streamed) body arrived.
  const server = http.createServer((req, res) => {
    let received = 0;
    req.on('data', (chunk: Buffer) => (received += chunk.length));
    req.on('end', () => res.end(req.method === 'PUT' ? `put ${received}` : `hello ${req.headers.host ?? ''}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const proxy = await startProxy(port);
  const direct = createUndiciTransport();
  const proxied = createUndiciTransport({ proxy: proxy.url });
  try {
    const a = await direct.request({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} });
    const b = await proxied.request({ method: 'POST', url: `http://vod.example.test:${port}/`, headers: {}, body: 'x' });
    // The upload and download paths: a streamed PUT body and a streamed answer.
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 4; i++) yield Buffer.alloc(100_000, i);
    }
    const put = await direct.putStream({ url: `http://127.0.0.1:${port}/obj`, headers: { 'Content-Length': '400000' }, body: chunks() });
    const download = await direct.openDownload(`http://127.0.0.1:${port}/file`);
    let streamed = '';
    for await (const chunk of download.body) streamed += Buffer.from(chunk).toString();
    const loaded = Object.keys(require.cache).filter((k) => k.includes('undici'));
    console.log(JSON.stringify({ direct: a.body.toString(), proxied: b.body.toString(), put: put.body.toString(), streamed, tunnels: proxy.seen.map((s) => s.target), loaded }));
  } finally {
    // A broken bundle may also fail to close; the verdict is already printed by then.
    const closed = Promise.all([direct.close(), proxied.close(), proxy.close()]).then(() => server.close());
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000))]);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

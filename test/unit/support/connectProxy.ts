/** A CONNECT proxy on loopback for transport tests (it records what it was asked to reach). */
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';

export interface TestProxy {
  url: string;
  seen: { target: string | undefined; auth: string | undefined }[];
  close(): Promise<void>;
}

/**
 * A CONNECT proxy that tunnels every request to 127.0.0.1:`upstreamPort`, whatever host was asked;
 * with `tls` (a key and certificate) it is an https proxy.
 */
export async function startProxy(upstreamPort: number, tls?: { key: string; cert: string }): Promise<TestProxy> {
  const seen: TestProxy['seen'] = [];
  const sockets = new Set<net.Socket>();
  const refuse = (_req: http.IncomingMessage, res: http.ServerResponse): void => void res.writeHead(405).end();
  const server = tls ? https.createServer(tls, refuse) : http.createServer(refuse);
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push({ target: req.url, auth: req.headers['proxy-authorization'] });
    sockets.add(client);
    const upstream = net.connect(upstreamPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    seen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

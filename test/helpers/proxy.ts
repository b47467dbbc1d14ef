/**
 * A small forward proxy on 127.0.0.1 (node:net only) for tests: CONNECT tunnels and
 * absolute-URI requests, optional Basic auth, and a record of what it was asked. It only ever
 * connects to loopback targets.
 */
import net from 'node:net';
import { listenOnLoopback } from './loopback.js';

export interface ProxyRequest {
  method: string;
  /** CONNECT: host:port; otherwise the absolute URI. */
  target: string;
  headers: Record<string, string>;
}

export interface TestProxy {
  url: string;
  port: number;
  requests: ProxyRequest[];
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function parseHead(head: string): ProxyRequest {
  const [requestLine = '', ...lines] = head.split('\r\n');
  const [method = '', target = ''] = requestLine.split(' ');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { method, target, headers };
}

function splitHostPort(hostport: string, defaultPort: number): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(hostport);
  return { host: m?.[1] ?? hostport, port: m?.[2] ? Number(m[2]) : defaultPort };
}

function forward(client: net.Socket, req: ProxyRequest, head: string, rest: Buffer): void {
  const connect = req.method === 'CONNECT';
  const url = connect ? undefined : new URL(req.target);
  const { host, port } = connect ? splitHostPort(req.target, 443) : { host: url?.hostname ?? '', port: Number(url?.port || 80) };
  if (!LOOPBACK.has(host)) {
    client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  const upstream = net.connect({ host: host.replace(/^\[|\]$/g, ''), port }, () => {
    if (connect) {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    } else {
      // Origin-form request line; the proxy's own header is not passed on.
      const lines = head.split('\r\n');
      lines[0] = `${req.method} ${(url?.pathname ?? '/') + (url?.search ?? '')} ${lines[0]?.split(' ')[2] ?? 'HTTP/1.1'}`;
      upstream.write(lines.filter((l) => !/^proxy-authorization:/i.test(l)).join('\r\n') + '\r\n\r\n');
    }
    if (rest.length) upstream.write(rest);
    client.pipe(upstream).pipe(client);
  });
  upstream.on('error', () => client.destroy());
  upstream.on('close', () => client.destroy());
  client.on('close', () => upstream.destroy());
}

/** Starts the proxy; with `auth`, requests without the right Proxy-Authorization get a 407. */
export async function startProxy(auth?: { user: string; pass: string }): Promise<TestProxy> {
  const requests: ProxyRequest[] = [];
  const expected = auth ? 'Basic ' + Buffer.from(`${auth.user}:${auth.pass}`).toString('base64') : undefined;
  const server = net.createServer((client) => {
    client.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.removeListener('data', onData);
      const head = buf.subarray(0, end).toString('latin1');
      const req = parseHead(head);
      requests.push(req);
      if (expected && req.headers['proxy-authorization'] !== expected) {
        client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      forward(client, req, head, buf.subarray(end + 4));
    };
    client.on('data', onData);
  });
  const { port, close } = await listenOnLoopback(server);
  return { url: `http://127.0.0.1:${port}`, port, requests, close };
}

/**
 * A tiny scriptable HTTP/HTTPS server on 127.0.0.1 for transport tests: each request gets the
 * next scripted response (the last one repeats), and every request is recorded.
 */
import http from 'node:http';
import https from 'node:https';
import { listenOnLoopback } from './loopback.js';

export interface Scripted {
  /** Default 200. */
  status?: number;
  /** Reason phrase; default Node's. */
  reason?: string;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON. Default empty. */
  body?: string | Buffer | object;
  /** Wait before answering. */
  delayMs?: number;
  /** Never answer (the socket stays open until the server closes). */
  hang?: boolean;
  /** Destroy the connection instead of answering. */
  destroy?: boolean;
  /** Send the headers and part of the body, then stall forever. */
  stallBody?: boolean;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type Script = Scripted[] | ((req: RecordedRequest, index: number) => Scripted);

function pick(script: Script, req: RecordedRequest, index: number): Scripted {
  if (typeof script === 'function') return script(req, index);
  return script[Math.min(index, script.length - 1)] ?? {};
}

function bodyBytes(body: Scripted['body']): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
}

function answer(res: http.ServerResponse, s: Scripted): void {
  if (s.destroy) {
    res.socket?.destroy();
    return;
  }
  if (s.hang) return;
  const body = bodyBytes(s.body);
  const headers = { 'content-length': String(body.length), ...s.headers };
  if (s.stallBody) {
    res.writeHead(s.status ?? 200, { ...headers, 'content-length': String(body.length + 100) });
    res.write(body);
    return;
  }
  if (s.reason === undefined) res.writeHead(s.status ?? 200, headers);
  else res.writeHead(s.status ?? 200, s.reason, headers);
  res.end(body);
}

/** Starts the server; `tls` makes it HTTPS with that certificate and key (PEM). */
export async function startFakeServer(script: Script, tls?: { cert: string; key: string }): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const s = pick(script, rec, requests.length);
      requests.push(rec);
      if (s.delayMs) setTimeout(() => answer(res, s), s.delayMs);
      else answer(res, s);
    });
  };
  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }, handler) : http.createServer(handler);
  // TLS handshake failures are the point of some tests; keep them quiet.
  server.on('tlsClientError', () => undefined);
  const { port, close } = await listenOnLoopback(server);
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, port, requests, close };
}

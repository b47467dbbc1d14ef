/**
 * An HTTP CONNECT tunnel through a proxy, for https:// endpoints (what urllib3 does). Our own
 * few lines rather than a dependency: connect, send CONNECT, read the status line, hand over.
 */
import net from 'node:net';
import { track, type ConnectionSettings } from './socket.js';
import type { ProxyTarget } from './proxy.js';

/** Longest CONNECT response head we accept; a real proxy sends a few hundred bytes. */
const MAX_HEAD = 16 * 1024;

/** `host:port`, bracketing IPv6 addresses. */
function authority(host: string, port: number): string {
  return `${net.isIPv6(host) ? `[${host}]` : host}:${port}`;
}

/**
 * Opens a tunnel to host:port through the proxy; `done` gets the raw socket once the proxy said
 * 2xx. Every failure until then (refused, timeout, non-2xx answer) is recorded as a 'proxy'
 * failure, which botocore reports as `Failed to connect to proxy URL: "<masked url>"`.
 */
export function openTunnel(
  proxy: ProxyTarget,
  host: string,
  port: number,
  s: ConnectionSettings,
  done: (err: Error | undefined, socket?: net.Socket) => void,
): void {
  const socket = net.connect({ host: proxy.host, port: proxy.port });
  // The proxy phase (with the connect timeout) lasts until the CONNECT answer, not just the TCP connect.
  const release = track(socket, s, 'proxy', false, true);
  let settled = false;
  const finish = (err?: Error): void => {
    if (settled) return;
    settled = true;
    socket.removeListener('data', onData);
    socket.pause();
    if (err) {
      s.state.record({ kind: 'proxy', cause: err });
      socket.destroy();
      done(err);
    } else {
      release();
      done(undefined, socket);
    }
  };
  let head = Buffer.alloc(0);
  const onData = (chunk: Buffer): void => {
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) {
      if (head.length > MAX_HEAD) finish(new Error('proxy answered CONNECT with an oversized response head'));
      return;
    }
    const statusLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
    const status = Number(/^HTTP\/\d(?:\.\d)? (\d{3})/.exec(statusLine)?.[1] ?? 0);
    if (status < 200 || status > 299) return finish(new Error(`proxy refused the tunnel: ${statusLine}`));
    // TLS speaks first, so a proxy sends nothing after its answer until our ClientHello.
    if (head.length > end + 4) return finish(new Error('proxy sent data before the TLS handshake'));
    finish();
  };
  socket.on('data', onData);
  socket.on('error', (e) => finish(e));
  socket.once('close', () => finish(new Error('proxy closed the connection before answering CONNECT')));
  socket.once('connect', () => {
    const target = authority(host, port);
    const auth = proxy.authorization ? `Proxy-Authorization: ${proxy.authorization}\r\n` : '';
    socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth}\r\n`);
  });
}

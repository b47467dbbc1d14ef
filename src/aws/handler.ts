/**
 * The SDK's request handler for our calls: one HTTP/1.1 request on node:http/node:https through
 * our agents (connection.ts, which own the sockets, the connect/read timeouts, TLS trust and
 * the proxy tunnel), plus plain-HTTP proxying: an http:// endpoint behind a proxy is requested
 * from the proxy with an absolute URI, as urllib3 does.
 *
 * It does what @smithy/node-http-handler's NodeHttpHandler did for us (same request options,
 * same error and abort shapes) without loading it: that module brings http2 and its own timers
 * into every run, and these calls use neither.
 */
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { buildQueryString, HttpResponse, type HttpRequest } from '@smithy/core/protocols';
import type { HttpHandlerOptions } from '@smithy/types';
import type { ConnectionSettings } from './socket.js';
import { createAgents, type Agents } from './connection.js';

/** The error NodeHttpHandler rejects with when the call is aborted. */
function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  // abort('why') or abort(42): the reason is shown as given.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const e = new Error(reason instanceof Error || reason === undefined ? 'Request aborted' : String(reason));
  e.name = 'AbortError';
  if (reason instanceof Error) e.cause = reason;
  return e;
}

/** The node:http request options for an SDK request (query, fragment, IPv6 brackets, auth). */
function requestOptions(request: HttpRequest, agent: http.Agent): http.RequestOptions {
  const query = request.query ? buildQueryString(request.query) : '';
  let path = request.path;
  if (query) path += `?${query}`;
  if (request.fragment) path += `#${request.fragment}`;
  const host = request.hostname.startsWith('[') && request.hostname.endsWith(']') ? request.hostname.slice(1, -1) : request.hostname;
  const auth = request.username != null || request.password != null ? `${request.username ?? ''}:${request.password ?? ''}` : undefined;
  return { headers: request.headers, host, method: request.method, path, port: request.port, agent, auth };
}

function writeBody(req: http.ClientRequest, body: unknown): void {
  if (body instanceof Readable) {
    body.pipe(req);
  } else if (typeof body === 'string' || (Buffer.isBuffer(body) && body.byteLength > 0)) {
    req.end(body);
  } else if (body instanceof Uint8Array && body.byteLength > 0) {
    req.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  } else {
    req.end();
  }
}

/** The request handler for one sendOperation call (destroy() closes its sockets). */
export class SendHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  private readonly settings: ConnectionSettings;
  private readonly agents: Agents;

  constructor(settings: ConnectionSettings) {
    this.settings = settings;
    this.agents = createAgents(settings);
  }

  handle(request: HttpRequest, { abortSignal }: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    return new Promise((resolve, reject) => {
      const signal = abortSignal as AbortSignal | undefined;
      if (signal?.aborted) return reject(abortError(signal));
      const secure = request.protocol === 'https:';
      const options = requestOptions(this.viaProxy(request), secure ? this.agents.httpsAgent : this.agents.httpAgent);
      const req = (secure ? https.request : http.request)(options, (res) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
        }
        resolve({ response: new HttpResponse({ statusCode: res.statusCode || -1, reason: res.statusMessage, headers, body: res }) });
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNRESET' || err.code === 'EPIPE' || err.code === 'ETIMEDOUT') err.name = 'TimeoutError';
        reject(err);
      });
      if (signal) {
        const onAbort = (): void => {
          req.destroy();
          reject(abortError(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        req.once('close', () => signal.removeEventListener('abort', onAbort));
      }
      writeBody(req, request.body);
    });
  }

  /** An http:// request through a proxy goes to the proxy, with the absolute URI as its path. */
  private viaProxy(request: HttpRequest): HttpRequest {
    const proxy = this.settings.proxy;
    if (!proxy || request.protocol !== 'http:') return request;
    const port = request.port === undefined ? '' : `:${request.port}`;
    return {
      ...request,
      hostname: proxy.host,
      port: proxy.port,
      path: `http://${request.hostname}${port}${request.path}`,
      headers: proxy.authorization ? { ...request.headers, 'proxy-authorization': proxy.authorization } : request.headers,
    } as HttpRequest;
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {
    this.agents.destroy();
  }
}

/**
 * The innermost SDK middleware (deserialize step, low priority: between the SDK's deserializer
 * and the HTTP handler). For every attempt it logs the request, reads the whole response body
 * before the SDK parses anything, and records what happened: the raw status/headers/body, or a
 * classified transport failure. send.ts builds the result from this record, never from the
 * SDK's parsed output or its errors.
 */
import type { Readable } from 'node:stream';
import type { HttpRequest } from '@smithy/core/protocols';
import type { DeserializeHandlerArguments, DeserializeHandlerOutput, DeserializeMiddleware, HttpResponse } from '@smithy/types';
import type { DebugLog } from '../debug/log.js';
import { redactBodyForLog, redactHeadersForLog } from '../debug/redact.js';
import type { ConnectionState } from './socket.js';
import type { FailureContext, TransportFailure } from './failure.js';
import { classifyError, describeCause, makeFailure, MAX_RESPONSE_BYTES } from './failure.js';

/** One HTTP response, untouched. Header names are lower-case. */
export interface RawHttp {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** One attempt: its URL and either a response or a failure. */
export interface AttemptRecord {
  url: string;
  response?: RawHttp;
  failure?: TransportFailure;
}

export interface CaptureOptions {
  attempts: AttemptRecord[];
  connection: ConnectionState;
  log: DebugLog;
  /** Known secret values (sensitive input members): scrubbed from anything logged. */
  secrets: readonly string[];
  /** The endpoint URL's query, which the SDK drops and botocore keeps. */
  endpointQuery: URLSearchParams;
  /** The request path as botocore joins it (settings.ts operationPath). */
  path: string;
  /** For proxy failure messages. */
  maskedProxy?: string;
  signal?: AbortSignal;
}

/** The URL botocore would print for this request. */
export function requestUrl(r: HttpRequest): string {
  const port = r.port === undefined ? '' : `:${r.port}`;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(r.query ?? {})) {
    for (const item of Array.isArray(v) ? v : [v ?? '']) query.append(k, item);
  }
  const qs = query.toString();
  return `${r.protocol}//${r.hostname}${port}${r.path}${qs ? `?${qs}` : ''}`;
}

function isHttpRequest(x: unknown): x is HttpRequest {
  const r = x as Partial<HttpRequest> | null;
  return typeof r?.method === 'string' && typeof r.hostname === 'string' && typeof r.headers === 'object';
}

/** Thrown by readBody past MAX_RESPONSE_BYTES (the attempt's URL is filled in by fail()). */
class BodyTooLarge extends Error {}

/**
 * Reads a response body completely, up to MAX_RESPONSE_BYTES; past that it stops reading and
 * destroys the stream (and with it the socket). A destroyed stream (timeout, reset, abort) rejects:
 * with its error, or, closed before its end without one, ERR_STREAM_PREMATURE_CLOSE (as `for
 * await` over the stream does). Read through its events: the async iterator costs ~1 ms of a
 * call in code that runs once.
 */
function readBody(body: unknown, signal?: AbortSignal): Promise<Buffer> {
  if (body === undefined || body === null) return Promise.resolve(Buffer.alloc(0));
  if (body instanceof Uint8Array)
    return Promise.resolve(Buffer.from(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)));
  if (typeof body === 'string') return Promise.resolve(Buffer.from(body, 'utf8'));
  const stream = body as Readable;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error: unknown, value?: Buffer): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      stream.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (error === undefined) resolve(value as Buffer);
      // A stream's 'error' may carry anything; the caller's fail() classifies it as for-await did.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      else reject(error);
    };
    const onAbort = (): void => {
      stream.destroy(Object.assign(new Error('Request aborted'), { name: 'AbortError' }));
    };
    const onData = (chunk: Buffer | Uint8Array | string): void => {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += bytes.length;
      if (size > MAX_RESPONSE_BYTES) {
        settle(new BodyTooLarge());
        stream.destroy();
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = (): void => settle(undefined, Buffer.concat(chunks));
    const onError = (e: unknown): void => settle(e);
    const onClose = (): void => settle(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    stream.on('data', onData).once('end', onEnd).once('error', onError).once('close', onClose);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function logRequest(o: CaptureOptions, n: number, r: HttpRequest, url: string): void {
  if (!o.log.enabled) return;
  o.log.debug('http', `Sending http request (attempt ${n}): ${r.method} ${url}`);
  o.log.debug('http', `Request headers: ${JSON.stringify(redactHeadersForLog(r.headers))}`);
  const body: unknown = r.body;
  const text = typeof body === 'string' || body instanceof Uint8Array ? redactBodyForLog(body, o.secrets) : '(stream)';
  o.log.debug('http', `Request body: ${text}`);
}

function logResponse(o: CaptureOptions, n: number, raw: RawHttp): void {
  if (!o.log.enabled) return;
  o.log.debug('http', `Response received (attempt ${n}): ${raw.status} ${raw.reason}`.trimEnd());
  o.log.debug('http', `Response headers: ${JSON.stringify(redactHeadersForLog(raw.headers))}`);
  o.log.debug('http', `Response body: ${redactBodyForLog(raw.body, o.secrets)}`);
}

/** Turns whatever the handler threw into this attempt's recorded failure (aborts pass through). */
function fail(o: CaptureOptions, attempt: AttemptRecord, n: number, e: unknown): unknown {
  if (o.signal?.aborted) return e;
  const ctx: FailureContext = { url: attempt.url, ...(o.maskedProxy === undefined ? {} : { maskedProxy: o.maskedProxy }) };
  const seen = o.connection.take();
  const failure =
    e instanceof BodyTooLarge
      ? makeFailure('too-large', ctx)
      : seen
        ? makeFailure(seen.kind, ctx, seen.cause, seen.reason)
        : classifyError(e, ctx);
  attempt.failure = failure;
  const detail = failure.detail || describeCause(e);
  o.log.debug('http', `Request failed (attempt ${n}): ${failure.message}${detail ? ` [${detail}]` : ''}`);
  return failure;
}

/** Adds the endpoint's own query parameters (kept by botocore, dropped by the SDK). */
function addEndpointQuery(r: HttpRequest, query: URLSearchParams): void {
  for (const [k, v] of query) if (!(k in r.query)) r.query[k] = v;
}

/** The capture middleware for one call; see the module comment. */
export function captureMiddleware<I extends object, O extends object>(o: CaptureOptions): DeserializeMiddleware<I, O> {
  return (next) =>
    async (args: DeserializeHandlerArguments<I>): Promise<DeserializeHandlerOutput<O>> => {
      const request = args.request;
      if (!isHttpRequest(request)) return next(args);
      addEndpointQuery(request, o.endpointQuery);
      request.path = o.path;
      const attempt: AttemptRecord = { url: requestUrl(request) };
      o.attempts.push(attempt);
      const n = o.attempts.length;
      o.connection.take(); // nothing from an earlier attempt may be blamed on this one
      logRequest(o, n, request, attempt.url);
      if (request.protocol !== 'http:' && request.protocol !== 'https:') {
        const scheme = request.protocol.replace(/:$/, '');
        throw fail(o, attempt, n, new Error(`Not supported URL scheme ${scheme}`));
      }
      let result: DeserializeHandlerOutput<O>;
      let raw: RawHttp;
      try {
        result = await next(args);
        const response = result.response as HttpResponse;
        const declared = Number(response.headers['content-length'] ?? response.headers['Content-Length']);
        if (declared > MAX_RESPONSE_BYTES) {
          (response.body as Readable | undefined)?.destroy?.();
          throw new BodyTooLarge();
        }
        const body = await readBody(response.body, o.signal);
        raw = { status: response.statusCode, reason: response.reason ?? '', headers: { ...response.headers }, body };
        // A copy for the SDK: its body collector re-prototypes the Uint8Array it is given.
        response.body = new Uint8Array(body);
      } catch (e) {
        throw fail(o, attempt, n, e);
      }
      attempt.response = raw;
      logResponse(o, n, raw);
      return result;
    };
}

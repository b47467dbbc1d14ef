/** Small node:http helpers: bounded body reading and the service's JSON and error responses. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidRequest, type OidcError } from './oidc-errors.js';

/** A request body: its text, or the fact that it went over the limit. */
export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true };

/**
 * Reads the whole body. Past `limit` bytes it keeps draining (so the client can read the 413
 * rather than seeing a reset) but stops storing; a body far past the limit drops the connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > 16 * limit) req.destroy();
    });
    req.on('end', () => resolve(size > limit ? { ok: false, tooLarge: true } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

/** The request's headers with lower-case names, repeated values joined. */
export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Parses a JSON body; empty means `{}` (rest-json sends no body for an empty input). */
export function parseJsonObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest('The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/** Sends `value` as JSON with the service's content type. */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/** A modeled exception: model status, `x-amzn-ErrorType`, OAuth-style body. */
export function sendOidcError(res: ServerResponse, err: OidcError): void {
  sendJson(res, err.status, err.body(), { 'x-amzn-ErrorType': err.type });
}

/**
 * An error outside the model (unknown operation, wrong method, throttling): AWS's generic
 * `{"message"}` body, which botocore and the SDK both read as the error message.
 */
export function sendMessageError(
  res: ServerResponse,
  status: number,
  errorType: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { message }, { 'x-amzn-ErrorType': errorType, ...headers });
}

/** Sends an HTML page with headers that keep it from being framed, cached or sniffed. */
export function sendHtml(res: ServerResponse, status: number, html: string, csp: string, head = false): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': csp,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
  res.end(head ? undefined : html);
}

/**
 * Transport failures, classified the way botocore's httpsession.py classifies urllib3 errors,
 * because both the retry rules and the printed message depend on the class.
 */

/**
 * - connect: EndpointConnectionError (refused, DNS, unreachable)
 * - connect-timeout: ConnectTimeoutError
 * - read-timeout: ReadTimeoutError (also a stalled TLS handshake, as urllib3 reports it)
 * - closed: ConnectionClosedError (reset, closed, unparsable response)
 * - tls: SSLError
 * - proxy: ProxyConnectionError (proxy refused, tunnel refused)
 * - client: HTTPClientError (anything else, e.g. an unsupported URL scheme)
 * - too-large: ours, not botocore's: a response body past MAX_RESPONSE_BYTES (never retried)
 */
export type FailureKind = 'connect' | 'connect-timeout' | 'read-timeout' | 'closed' | 'tls' | 'proxy' | 'client' | 'too-large';

/**
 * The most we read of one response body: the service's answers are a few KB, so 1 MiB is far
 * above anything it sends and far below what would hurt (an endless body is cut off here).
 */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** One failed attempt without an HTTP response. `message` is the line the user sees. */
export class TransportFailure extends Error {
  readonly kind: FailureKind;
  /** Low-level cause for --debug (Node error code and text); never shown without --debug. */
  readonly detail: string;
  constructor(kind: FailureKind, message: string, detail = '') {
    super(message);
    this.name = 'TransportFailure';
    this.kind = kind;
    this.detail = detail;
  }
}

/** What the message templates need: the request URL and, for proxy errors, the masked proxy. */
export interface FailureContext {
  url: string;
  maskedProxy?: string;
}

/** botocore.exceptions wording for each kind. */
export function failureMessage(kind: FailureKind, ctx: FailureContext, reason = ''): string {
  switch (kind) {
    case 'connect':
      return `Could not connect to the endpoint URL: "${ctx.url}"`;
    case 'connect-timeout':
      return `Connect timeout on endpoint URL: "${ctx.url}"`;
    case 'read-timeout':
      return `Read timeout on endpoint URL: "${ctx.url}"`;
    case 'closed':
      return `Connection was closed before we received a valid response from endpoint URL: "${ctx.url}".`;
    case 'tls':
      // botocore's 'SSL validation failed for {endpoint_url} {error}': no colon after the URL.
      return `SSL validation failed for ${ctx.url} ${reason}`;
    case 'proxy':
      return `Failed to connect to proxy URL: "${ctx.maskedProxy ?? ''}"`;
    case 'client':
      return `An HTTP Client raised an unhandled exception: ${reason}`;
    case 'too-large':
      return `The response from endpoint URL: "${ctx.url}" is larger than 1 MiB (${MAX_RESPONSE_BYTES} bytes); the connection was closed without reading the rest.`;
  }
}

/** Makes a TransportFailure of `kind` for `ctx`, keeping the Node cause for --debug. */
export function makeFailure(kind: FailureKind, ctx: FailureContext, cause?: unknown, reason = ''): TransportFailure {
  return new TransportFailure(kind, failureMessage(kind, ctx, reason), describeCause(cause));
}

const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'EHOSTDOWN',
]);

/** The Node error code of an error, if any. */
export function errorCodeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Classifies an error that reached the HTTP layer without a more precise record from the
 * socket (see connection.ts, which records timeouts, TLS and proxy failures as they happen).
 */
export function classifyError(e: unknown, ctx: FailureContext): TransportFailure {
  if (e instanceof TransportFailure) return e;
  const code = errorCodeOf(e) ?? '';
  if (CONNECT_CODES.has(code)) return makeFailure('connect', ctx, e);
  if (code === 'ETIMEDOUT') return makeFailure('connect-timeout', ctx, e);
  // Resets, "socket hang up" and HTTP parser errors (a non-HTTP answer) are urllib3 ProtocolErrors.
  if (code === 'ECONNRESET' || code === 'EPIPE' || code.startsWith('HPE_') || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return makeFailure('closed', ctx, e);
  }
  return makeFailure('client', ctx, e, e instanceof Error ? e.message : String(e));
}

/** "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1" for --debug. */
export function describeCause(cause: unknown): string {
  if (cause === undefined) return '';
  // A non-Error cause prints as JS prints it; never as JSON, whose fields could hold secrets.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  if (!(cause instanceof Error)) return String(cause);
  const code = errorCodeOf(cause);
  return code && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
}

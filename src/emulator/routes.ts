/**
 * The request pipeline: read the body (bounded), hand /emulator/ to the admin endpoints, record
 * the request, apply latency, scripts and faults, then serve the API operation or the page.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { admitAdmin, handleAdmin } from './admin.js';
import type { EmulatorContext } from './context.js';
import type { FaultAction } from './faults.js';
import { flatHeaders, parseJsonObject, readBody, sendJson, sendMessageError, sendOidcError } from './http.js';
import { OAUTH_CODES, isExceptionName, OidcError } from './oidc-errors.js';
import { registerClient, startDeviceAuthorization } from './operations.js';
import { handleIamAdmin, handleIamToken } from './iam.js';
import { createToken } from './token.js';
import type { Body } from './validate.js';
import { handlePage, PAGE_ROUTES } from './verify-routes.js';

type Operation = (ctx: EmulatorContext, body: Body) => Record<string, unknown>;

const OPERATIONS: ReadonlyMap<string, Operation> = new Map([
  ['/client/register', registerClient],
  ['/device_authorization', startDeviceAuthorization],
  ['/token', createToken],
]);

/** The node:http listener of one emulator. */
export function createHandler(ctx: EmulatorContext): RequestListener {
  return (req, res) => {
    res.setHeader('x-amzn-RequestId', ctx.ids.requestId());
    const log = ctx.log;
    if (log !== undefined) {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      res.on('finish', () => log(`${req.method ?? '?'} ${path} ${res.statusCode}`));
    }
    handle(ctx, req, res).catch((err: unknown) => fail(res, err));
  };
}

/** Any error that escaped a handler: OidcErrors as themselves, anything else as a 500. */
function fail(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendOidcError(
    res,
    err instanceof OidcError ? err : new OidcError('InternalServerException', 'An internal error occurred in the emulator.'),
  );
}

async function handle(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = requestUrl(req);
  if (url === undefined) {
    sendMessageError(res, 400, 'BadRequestException', 'The request target is not a valid URL.');
    req.resume();
    return;
  }
  const method = req.method ?? 'GET';
  const body = await readBody(req, ctx.config.bodyLimit);
  if (!body.ok) {
    const limit = ctx.config.bodyLimit;
    sendOidcError(res, new OidcError('InvalidRequestException', `The request body is larger than ${limit} bytes.`, 413));
    return;
  }
  if (url.pathname.startsWith('/emulator/')) {
    const admin = url.pathname.startsWith('/emulator/iam/') ? handleIamAdmin : handleAdmin;
    if (admitAdmin(ctx, req, body.text, res)) admin(ctx, method, url.pathname, body.text, res);
    return;
  }
  record(ctx, req, url, body.text);
  const delay = ctx.config.latencyMs + ctx.faults.latencyFor(url.pathname);
  if (delay > 0) await ctx.sleep(delay);
  const action = ctx.faults.take(url.pathname);
  if (action.kind !== 'none') {
    await applyFault(ctx, res, action);
    return;
  }
  route(ctx, req, res, url, body.text);
}

/** The request target as a URL (origin- or absolute-form); undefined when it does not parse. */
function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    return new URL(req.url ?? '/', 'http://emulator.invalid');
  } catch {
    return undefined;
  }
}

function record(ctx: EmulatorContext, req: IncomingMessage, url: URL, body: string): void {
  let json: unknown;
  try {
    json = body === '' ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  const time = new Date(ctx.now());
  ctx.recorded.push({ method: req.method ?? '', path: url.pathname, url: req.url ?? '/', headers: flatHeaders(req), body, json, time });
  // A bounded log: the last N requests, so a long-running emulator does not grow without end.
  const excess = ctx.recorded.length - ctx.config.requestLogLimit;
  if (excess > 0) ctx.recorded.splice(0, excess);
}

async function applyFault(ctx: EmulatorContext, res: ServerResponse, action: Exclude<FaultAction, { kind: 'none' }>): Promise<void> {
  if (action.kind === 'hang') return; // never answered; close() drops the connection
  if (action.kind === 'fail') {
    if (isExceptionName(action.errorType)) {
      const body = { error: OAUTH_CODES[action.errorType], error_description: 'Injected fault.' };
      sendJson(res, action.status, body, { 'x-amzn-ErrorType': action.errorType });
    } else {
      const message = action.status === 429 ? 'Rate exceeded' : 'Injected fault.';
      sendMessageError(res, action.status, action.errorType, message);
    }
    return;
  }
  const r = action.response;
  if (r.delayMs !== undefined && r.delayMs > 0) await ctx.sleep(r.delayMs);
  const bodyText = r.body ?? '';
  const headers = { ...r.headers };
  // Exactly the scripted headers, so tests can leave out Content-Type or x-amzn-RequestId.
  res.removeHeader('x-amzn-RequestId');
  res.sendDate = false;
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
    headers['Content-Length'] = String(Buffer.byteLength(bodyText));
  }
  res.writeHead(r.status, headers);
  res.end(bodyText);
}

function route(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, url: URL, body: string): void {
  const method = req.method ?? 'GET';
  const operation = OPERATIONS.get(url.pathname);
  if (operation !== undefined) {
    if (method !== 'POST') {
      sendMessageError(res, 405, 'MethodNotAllowedException', `${method} is not allowed on ${url.pathname}; use POST.`, { Allow: 'POST' });
      return;
    }
    if (url.pathname === '/token' && url.searchParams.has('aws_iam')) {
      handleIamToken(ctx, req, res, body);
      return;
    }
    sendJson(res, 200, operation(ctx, parseJsonObject(body)));
    return;
  }
  const pageMethod = PAGE_ROUTES.get(url.pathname);
  if (pageMethod === undefined) {
    sendMessageError(res, 404, 'UnknownOperationException', `No operation or page at ${method} ${url.pathname}.`);
  } else if (method === pageMethod || (pageMethod === 'GET' && method === 'HEAD')) {
    handlePage(ctx, req, res, url, body);
  } else {
    const allow = pageMethod === 'GET' ? 'GET, HEAD' : pageMethod;
    sendMessageError(res, 405, 'MethodNotAllowedException', `${method} is not allowed on ${url.pathname}.`, { Allow: allow });
  }
}

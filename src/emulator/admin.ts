/**
 * The /emulator/ admin endpoints, for CI scripts with no browser and for tests: approve or deny
 * by user code, faults, scripted responses, and the request record. These requests are not
 * recorded and no fault or script applies to them.
 *
 * GET /emulator/requests returns recorded bodies verbatim (secrets included): that is its
 * purpose, to show a test exactly what its client sent to this local emulator. So every admin
 * request passes {@link admitAdmin} first: a web page the developer happens to visit must not
 * reach these endpoints, neither by a cross-origin "simple" request (no preflight: text/plain
 * bodies, any Origin) nor by DNS rebinding (a foreign name resolving to 127.0.0.1).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context.js';
import { parseFaultSpec, parseScript } from './faults.js';
import { parseJsonObject, sendJson, sendMessageError } from './http.js';
import { invalidRequest } from './oidc-errors.js';
import type { DecisionResult } from './store.js';

type AdminHandler = (ctx: EmulatorContext, body: string, res: ServerResponse) => void;

const ok = (res: ServerResponse): void => sendJson(res, 200, {});

/** Handlers by "METHOD /path". */
const ADMIN: Record<string, AdminHandler> = {
  'POST /emulator/approve': (ctx, body, res) => decide(ctx, body, res, 'approved'),
  'POST /emulator/deny': (ctx, body, res) => decide(ctx, body, res, 'denied'),
  'GET /emulator/faults': (ctx, _body, res) => sendJson(res, 200, ctx.faults.describe()),
  'POST /emulator/faults': (ctx, body, res) => {
    ctx.faults.set(parseFaultSpec(parseJsonObject(body)));
    ok(res);
  },
  'DELETE /emulator/faults': (ctx, _body, res) => {
    ctx.faults.clear();
    ok(res);
  },
  'POST /emulator/script': (ctx, body, res) => {
    ctx.faults.script(parseScript(parseJsonObject(body)));
    ok(res);
  },
  'GET /emulator/requests': (ctx, _body, res) => sendJson(res, 200, { requests: ctx.recorded }),
  'DELETE /emulator/requests': (ctx, _body, res) => {
    ctx.recorded.length = 0;
    ok(res);
  },
};

/** The Host values the admin endpoints answer: the loopback names and the bound address, with the port. */
function allowedHosts(ctx: EmulatorContext): Set<string> {
  const port = new URL(ctx.baseUrl).port;
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  const bound = ctx.config.host;
  if (bound !== '0.0.0.0' && bound !== '::' && bound !== '') names.push(bound.includes(':') ? `[${bound}]` : bound);
  return new Set(names.map((n) => `${n.toLowerCase()}:${port}`));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** True for a JSON media type, parameters allowed: `application/json; charset=utf-8`. */
function isJsonType(value: string | undefined): boolean {
  return value !== undefined && value.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * Checks an admin request before anything acts on it; on refusal it answers (403 for a foreign
 * Host or Origin, 401 without the --admin-token, 415 for a body that is not declared JSON) and
 * returns false. A request with a body must say `Content-Type: application/json`, which a
 * cross-origin page cannot send without a preflight that this server never grants.
 */
export function admitAdmin(ctx: EmulatorContext, req: IncomingMessage, body: string, res: ServerResponse): boolean {
  const hosts = allowedHosts(ctx);
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) {
    sendMessageError(res, 403, 'AccessDeniedException', `The admin endpoints answer only Host ${[...hosts].join(', ')}.`);
    return false;
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const scheme = new URL(ctx.baseUrl).protocol;
    const own = new Set([...hosts].map((h) => `${scheme}//${h}`));
    if (!own.has(origin.toLowerCase())) {
      sendMessageError(res, 403, 'AccessDeniedException', 'The admin endpoints refuse requests from other origins.');
      return false;
    }
  }
  const token = ctx.config.adminToken;
  if (token !== undefined) {
    const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(given), digest(token))) {
      sendMessageError(res, 401, 'UnauthorizedException', 'The admin endpoints need Authorization: Bearer <admin token>.', {
        'WWW-Authenticate': 'Bearer',
      });
      return false;
    }
  }
  const method = req.method ?? 'GET';
  const hasBody = body !== '' || !['GET', 'HEAD', 'DELETE'].includes(method);
  if (hasBody && !isJsonType(req.headers['content-type'])) {
    sendMessageError(res, 415, 'UnsupportedMediaTypeException', 'Admin requests with a body need Content-Type: application/json.');
    return false;
  }
  return true;
}

/** Serves one /emulator/ request; OidcErrors thrown here become 400 JSON errors upstream. */
export function handleAdmin(ctx: EmulatorContext, method: string, path: string, body: string, res: ServerResponse): void {
  const handler = ADMIN[`${method} ${path}`];
  if (handler !== undefined) {
    handler(ctx, body, res);
    return;
  }
  const allowed = Object.keys(ADMIN)
    .filter((k) => k.endsWith(` ${path}`))
    .map((k) => k.split(' ')[0] ?? '');
  if (allowed.length > 0) {
    sendMessageError(res, 405, 'MethodNotAllowedException', `${method} is not allowed on ${path}.`, { Allow: allowed.join(', ') });
  } else {
    sendMessageError(res, 404, 'UnknownOperationException', `There is no admin endpoint at ${path}.`);
  }
}

const DECISION_ERRORS: Record<Exclude<DecisionResult, 'ok'>, [number, string]> = {
  unknown: [404, 'No device authorization has this user code.'],
  expired: [404, 'The device authorization for this user code has expired.'],
  decided: [409, 'The device authorization for this user code has already been decided.'],
};

function decide(ctx: EmulatorContext, body: string, res: ServerResponse, decision: 'approved' | 'denied'): void {
  const { userCode } = parseJsonObject(body);
  if (typeof userCode !== 'string' || userCode === '') throw invalidRequest('The userCode member is required.');
  const result = ctx.store.decide(userCode, decision, ctx.now());
  if (result === 'ok') {
    ok(res);
    return;
  }
  const [status, message] = DECISION_ERRORS[result];
  sendMessageError(res, status, result === 'decided' ? 'ConflictException' : 'ResourceNotFoundException', message);
}

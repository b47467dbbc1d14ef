/**
 * The /emulator/ admin endpoints, for CI scripts with no browser and for tests: approve or deny
 * by user code, faults, scripted responses, and the request record. These requests are not
 * recorded and no fault or script applies to them.
 *
 * GET /emulator/requests returns recorded bodies verbatim (secrets included): that is its
 * purpose, to show a test exactly what its client sent to this local emulator.
 */
import type { ServerResponse } from 'node:http';
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

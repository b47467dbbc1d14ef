/**
 * The verification page's routes: GET / (enter or confirm the code), POST /verify (show the
 * request with Allow/Deny) and POST /verify/decision; and the authorization code grant's
 * GET /authorize and POST /authorize/decision (src/emulator/authorize.ts). The decision form carries the
 * authorization's random form token, which a cross-site page can never read, so it cannot
 * forge an approval; a foreign Origin header is refused as well.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAuthorize, handleAuthorizeDecision } from './authorize.js';
import type { EmulatorContext } from './context.js';
import { sendHtml } from './http.js';
import type { DeviceAuthorization } from './store.js';
import { consentPage, enterCodePage, messagePage, PAGE_CSP, resultPage } from './verify-page.js';

/** Paths the page owns, with the method each accepts. */
export const PAGE_ROUTES: ReadonlyMap<string, string> = new Map([
  ['/', 'GET'],
  ['/verify', 'POST'],
  ['/verify/decision', 'POST'],
  ['/authorize', 'GET'],
  ['/authorize/decision', 'POST'],
]);

const UNKNOWN = 'This code is unknown or has expired. Check the code, or start a new sign-in from your application.';
const USED = 'This code has already been used. Start a new sign-in from your application.';

/** Serves one page request; the method has already been checked against PAGE_ROUTES. */
export function handlePage(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, url: URL, body: string): void {
  const html = (status: number, page: string): void => sendHtml(res, status, page, PAGE_CSP, req.method === 'HEAD');
  if (url.pathname === '/authorize') {
    handleAuthorize(ctx, req, res, url);
    return;
  }
  if (url.pathname === '/authorize/decision') {
    handleAuthorizeDecision(ctx, res, body, sameOrigin(req));
    return;
  }
  if (url.pathname === '/') {
    html(200, enterCodePage({ userCode: url.searchParams.get('user_code') ?? '' }));
    return;
  }
  const form = new URLSearchParams(body);
  const userCode = (form.get('user_code') ?? '').trim();
  const found = lookup(ctx, userCode);
  if (typeof found === 'string') {
    html(found === UNKNOWN ? 404 : 409, enterCodePage({ userCode, error: found }));
    return;
  }
  if (url.pathname === '/verify') {
    html(200, consent(ctx, found));
    return;
  }
  if (!sameOrigin(req) || !tokenMatches(found.formToken, form.get('form_token') ?? '')) {
    html(403, messagePage('Request not accepted', 'This form is no longer valid. Enter the code again to continue.'));
    return;
  }
  const decision = form.get('decision') === 'allow' ? 'approved' : 'denied';
  found.state = decision;
  html(200, resultPage(decision));
}

/** The pending authorization of a user code, or the message to show instead. */
function lookup(ctx: EmulatorContext, userCode: string): DeviceAuthorization | string {
  const auth = userCode === '' ? undefined : ctx.store.findByUserCode(userCode);
  if (auth === undefined) return UNKNOWN;
  const state = ctx.store.stateOf(auth, ctx.now());
  if (state === 'expired') return UNKNOWN;
  return state === 'pending' ? auth : USED;
}

function consent(ctx: EmulatorContext, auth: DeviceAuthorization): string {
  const client = ctx.store.clients.get(auth.clientId);
  return consentPage({
    userCode: auth.userCode,
    clientName: client?.clientName ?? 'Unknown application',
    scopes: client?.scopes ?? [],
    startUrl: auth.startUrl,
    formToken: auth.formToken,
  });
}

/** A browser's Origin must name this host; clients that send none (curl) are let through. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function tokenMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

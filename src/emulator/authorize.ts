/**
 * The authorization code grant's browser side (RFC 6749 §4.1 with PKCE, RFC 7636), as IAM
 * Identity Center serves it on the OIDC endpoint: GET /authorize shows a consent page in the
 * verification page's style, POST /authorize/decision redirects back to the client's redirect
 * URI with `code` and `state` (or `error=access_denied`). With auto-approve the redirect comes
 * after the delay, with no page. Errors that make the redirect URI untrustworthy (unknown
 * client, unregistered redirect URI) are shown as a page and never redirected (§4.1.2.1).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context.js';
import { sendHtml } from './http.js';
import { allowedGrants, isLoopbackHost } from './operations.js';
import type { AuthorizeRequest, ClientRecord } from './store.js';
import { authorizePage, messagePage, pageCsp, PAGE_CSP } from './verify-page.js';

/** How long a consent page and an authorization code stay good. */
const REQUEST_TTL_MS = 10 * 60 * 1000;
const CODE_TTL_MS = 5 * 60 * 1000;

/**
 * RFC 8252 §7.3: a loopback redirect URI matches a registered one whatever its port, because
 * native apps listen on an ephemeral port. Anything else must match exactly.
 */
export function redirectUriMatches(registered: string, given: string): boolean {
  if (registered === given) return true;
  let r: URL;
  let g: URL;
  try {
    r = new URL(registered);
    g = new URL(given);
  } catch {
    return false;
  }
  return (
    r.protocol === 'http:' &&
    g.protocol === 'http:' &&
    isLoopbackHost(r.hostname) &&
    r.hostname === g.hostname &&
    r.pathname === g.pathname &&
    r.search === g.search &&
    g.hash === '' &&
    r.username === '' &&
    g.username === ''
  );
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store', 'Content-Length': 0, 'Referrer-Policy': 'no-referrer' });
  res.end();
}

/** The redirect URI with the given parameters added to its query. */
function withParams(redirectUri: string, params: Record<string, string | undefined>): string {
  const u = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return u.toString();
}

function errorPage(res: ServerResponse, status: number, text: string, head: boolean): void {
  sendHtml(res, status, messagePage('Request not accepted', text), PAGE_CSP, head);
}

/** GET /authorize. */
export function handleAuthorize(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const q = url.searchParams;
  const head = req.method === 'HEAD';
  const client = ctx.store.clients.get(q.get('client_id') ?? '');
  if (client === undefined || ctx.now() >= client.secretExpiresAt * 1000) {
    errorPage(res, 400, 'The application is not registered, or its registration has expired.', head);
    return;
  }
  const redirectUri = q.get('redirect_uri') ?? '';
  if (redirectUri === '' || !client.redirectUris.some((r) => redirectUriMatches(r, redirectUri))) {
    errorPage(res, 400, 'The redirect URI is not one the application registered.', head);
    return;
  }
  const state = q.get('state') ?? undefined;
  const fail = (error: string, description: string): void =>
    redirect(res, withParams(redirectUri, { error, error_description: description, state }));
  if (!allowedGrants(client).includes('authorization_code'))
    return fail('unauthorized_client', 'The client is not registered for the authorization_code grant.');
  if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'The response_type must be code.');
  const challenge = q.get('code_challenge') ?? '';
  if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    return fail('invalid_request', 'PKCE is required: a code_challenge with code_challenge_method S256.');
  }
  const scopes = requestedScopes(client, q.get('scopes') ?? q.get('scope'));
  if (scopes === undefined) return fail('invalid_scope', 'One or more requested scopes are not allowed for this client.');
  const now = ctx.now();
  const request: AuthorizeRequest = {
    requestToken: ctx.ids.formToken(),
    clientId: client.clientId,
    redirectUri,
    state,
    codeChallenge: challenge,
    scopes,
    createdAt: now,
    expiresAt: now + REQUEST_TTL_MS,
    decided: false,
  };
  ctx.store.authorizeRequests.set(request.requestToken, request);
  const auto = ctx.config.autoApproveSeconds;
  if (auto !== undefined) {
    void ctx.sleep(auto * 1000).then(() => {
      if (!res.writableEnded && !res.destroyed) redirect(res, approve(ctx, request));
    });
    return;
  }
  const origin = new URL(redirectUri).origin;
  sendHtml(
    res,
    200,
    authorizePage({ clientName: client.clientName, scopes, redirectOrigin: origin, requestToken: request.requestToken }),
    pageCsp([origin]),
    head,
  );
}

/** The scopes asked for (space separated) when the client may have all of them; none asked: all of the client's. */
function requestedScopes(client: ClientRecord, asked: string | null): string[] | undefined {
  const list = (asked ?? '').split(' ').filter((s) => s !== '');
  if (list.length === 0) return client.scopes;
  return list.every((s) => client.scopes.includes(s)) ? list : undefined;
}

/** Issues the code for an approved request: the redirect location. */
function approve(ctx: EmulatorContext, request: AuthorizeRequest): string {
  request.decided = true;
  const code = ctx.ids.authorizationCode();
  ctx.store.authorizationCodes.set(code, {
    code,
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scopes: request.scopes,
    expiresAt: ctx.now() + CODE_TTL_MS,
    used: false,
  });
  return withParams(request.redirectUri, { code, state: request.state });
}

/** POST /authorize/decision: the consent form's answer. `sameOrigin` is the page's Origin check. */
export function handleAuthorizeDecision(ctx: EmulatorContext, res: ServerResponse, body: string, sameOrigin: boolean): void {
  const form = new URLSearchParams(body);
  const request = ctx.store.authorizeRequests.get(form.get('request_token') ?? '');
  if (request === undefined || request.decided || ctx.now() >= request.expiresAt || !sameOrigin) {
    errorPage(
      res,
      request === undefined || !sameOrigin ? 403 : 409,
      'This sign-in request is no longer valid. Start a new sign-in from your application.',
      false,
    );
    return;
  }
  if (form.get('decision') === 'allow') {
    redirect(res, approve(ctx, request));
    return;
  }
  request.decided = true;
  redirect(
    res,
    withParams(request.redirectUri, { error: 'access_denied', error_description: 'The user denied the request.', state: request.state }),
  );
}

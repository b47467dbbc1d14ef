/**
 * CreateToken (POST /token): the device-code grant with RFC 8628 polling semantics as AWS
 * implements them, the authorization code grant with PKCE (RFC 7636, S256 only), and the
 * refresh-token grant with rotation (a refresh token is good for one exchange).
 */
import { createHash } from 'node:crypto';
import type { EmulatorContext } from './context.js';
import { allowedGrants, authenticateClient, DEVICE_CODE_GRANT } from './operations.js';
import { invalidGrant, invalidRequest, invalidScope, OidcError } from './oidc-errors.js';
import type { ClientRecord, DeviceAuthorization } from './store.js';
import { optionalList, optionalString, requiredString, type Body } from './validate.js';

/** POST /token. */
export function createToken(ctx: EmulatorContext, body: Body): Record<string, unknown> {
  requiredString(body, 'clientId');
  requiredString(body, 'clientSecret');
  const grantType = requiredString(body, 'grantType');
  for (const name of ['deviceCode', 'code', 'refreshToken', 'redirectUri', 'codeVerifier']) optionalString(body, name);
  const requested = optionalList(body, 'scope');
  const client = authenticateClient(ctx, body);
  if (grantType !== DEVICE_CODE_GRANT && grantType !== 'refresh_token' && grantType !== AUTHORIZATION_CODE_GRANT) {
    throw new OidcError('UnsupportedGrantTypeException', 'The grant type is not supported.');
  }
  if (!allowedGrants(client).includes(grantType)) {
    throw new OidcError('UnauthorizedClientException', 'The client is not registered for this grant type.');
  }
  if (grantType === 'refresh_token') return refreshGrant(ctx, client, body, requested);
  if (grantType === AUTHORIZATION_CODE_GRANT) return authorizationCodeGrant(ctx, client, body);
  return deviceCodeGrant(ctx, client, body, grantedScopes(client.scopes, requested));
}

export const AUTHORIZATION_CODE_GRANT = 'authorization_code';

/** S256 of RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))), no padding. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** RFC 7636 §4.1: 43 to 128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

function authorizationCodeGrant(ctx: EmulatorContext, client: ClientRecord, body: Body): Record<string, unknown> {
  const code = requiredString(body, 'code');
  const redirectUri = requiredString(body, 'redirectUri');
  const verifier = requiredString(body, 'codeVerifier');
  const record = ctx.store.authorizationCodes.get(code);
  if (record === undefined || record.clientId !== client.clientId) throw invalidGrant('Invalid authorization code provided.');
  if (record.used) throw invalidGrant('The authorization code has already been used.');
  if (ctx.now() >= record.expiresAt) throw invalidGrant('The authorization code has expired.');
  // RFC 6749 §4.1.3: the redirect URI must be the one the code was issued for.
  if (redirectUri !== record.redirectUri) throw invalidGrant('The redirectUri does not match the one of the authorization request.');
  if (!VERIFIER.test(verifier) || s256(verifier) !== record.codeChallenge)
    throw invalidGrant('The code verifier does not match the code challenge.');
  record.used = true;
  return issueTokens(ctx, client, record.scopes);
}

/** The requested scopes when all of them are allowed, else (none requested) all allowed ones. */
function grantedScopes(allowed: string[], requested: string[] | undefined): string[] {
  if (requested === undefined || requested.length === 0) return allowed;
  if (requested.some((s) => !allowed.includes(s))) {
    throw invalidScope('One or more requested scopes are not allowed for this client.');
  }
  return requested;
}

function deviceCodeGrant(ctx: EmulatorContext, client: ClientRecord, body: Body, scopes: string[]): Record<string, unknown> {
  const deviceCode = requiredString(body, 'deviceCode');
  const auth = ctx.store.authorizations.get(deviceCode);
  if (auth === undefined || auth.clientId !== client.clientId) throw invalidGrant('Invalid device code provided.');
  const now = ctx.now();
  switch (ctx.store.stateOf(auth, now)) {
    case 'redeemed':
      throw invalidGrant('The device code has already been used.');
    case 'expired':
      throw new OidcError('ExpiredTokenException', 'The device code has expired.');
    case 'denied':
      throw new OidcError('AccessDeniedException', 'The user denied the authorization request.');
    case 'approved':
      auth.state = 'redeemed';
      return issueTokens(ctx, client, scopes);
    case 'pending':
      throw pendingOrSlowDown(ctx, auth, now);
  }
}

/** Polls faster than the interval get SlowDownException; every poll counts (RFC 8628 §3.5). */
function pendingOrSlowDown(ctx: EmulatorContext, auth: DeviceAuthorization, now: number): OidcError {
  const last = auth.lastPollAt;
  auth.lastPollAt = now;
  if (last !== undefined && now - last < ctx.config.interval * 1000) {
    return new OidcError('SlowDownException', 'Client is polling too quickly. Slow down.');
  }
  return new OidcError('AuthorizationPendingException', 'Authorization is pending.');
}

function refreshGrant(ctx: EmulatorContext, client: ClientRecord, body: Body, requested: string[] | undefined): Record<string, unknown> {
  const refreshToken = optionalString(body, 'refreshToken');
  if (refreshToken === undefined || refreshToken === '') throw invalidRequest('A refreshToken is required for the refresh_token grant.');
  const record = ctx.store.refreshTokens.get(refreshToken);
  if (record === undefined || record.clientId !== client.clientId) throw invalidGrant('Invalid refresh token provided.');
  if (record.used) throw invalidGrant('The refresh token has already been used.');
  const scopes = grantedScopes(record.scopes, requested);
  record.used = true;
  return issueTokens(ctx, client, scopes);
}

/** A new access token, plus a refresh token when the client registered scopes (as the service does). */
function issueTokens(ctx: EmulatorContext, client: ClientRecord, scopes: string[]): Record<string, unknown> {
  const accessToken = ctx.ids.accessToken();
  const expiresIn = ctx.config.tokenExpiresIn;
  ctx.store.accessTokens.set(accessToken, {
    accessToken,
    clientId: client.clientId,
    scopes,
    expiresAt: ctx.now() + expiresIn * 1000,
  });
  const out: Record<string, unknown> = { accessToken, tokenType: 'Bearer', expiresIn };
  if (client.scopes.length > 0) {
    const refreshToken = ctx.ids.refreshToken();
    ctx.store.refreshTokens.set(refreshToken, { refreshToken, clientId: client.clientId, scopes, used: false });
    out.refreshToken = refreshToken;
  }
  return out;
}

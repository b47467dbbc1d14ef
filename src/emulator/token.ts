/**
 * CreateToken (POST /token): the device-code grant with RFC 8628 polling semantics as AWS
 * implements them, and the refresh-token grant with rotation.
 */
import type { EmulatorContext } from './context.js';
import { authenticateClient, DEVICE_CODE_GRANT } from './operations.js';
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
  if (grantType !== DEVICE_CODE_GRANT && grantType !== 'refresh_token') {
    throw new OidcError('UnsupportedGrantTypeException', 'The grant type is not supported.');
  }
  if (client.grantTypes.length > 0 && !client.grantTypes.includes(grantType)) {
    throw new OidcError('UnauthorizedClientException', 'The client is not registered for this grant type.');
  }
  const scopes = grantedScopes(client.scopes, requested);
  return grantType === DEVICE_CODE_GRANT ? deviceCodeGrant(ctx, client, body, scopes) : refreshGrant(ctx, client, body, requested);
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

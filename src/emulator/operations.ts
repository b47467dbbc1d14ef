/**
 * RegisterClient and StartDeviceAuthorization, plus the client authentication that
 * StartDeviceAuthorization and CreateToken share. Each takes the parsed body and returns the
 * response members, or throws an OidcError.
 */
import type { EmulatorContext } from './context.js';
import { invalidClient, invalidRequest, OidcError } from './oidc-errors.js';
import type { ClientRecord, DeviceAuthorization } from './store.js';
import { checkScopes, isHttpUrl, optionalList, optionalString, requiredString, type Body } from './validate.js';

/** Grant types a client may register for (the service's list). */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const REGISTRABLE_GRANTS = new Set([
  'authorization_code',
  'refresh_token',
  DEVICE_CODE_GRANT,
  'urn:ietf:params:oauth:grant-type:jwt-bearer',
  'urn:ietf:params:oauth:grant-type:token-exchange',
]);

/**
 * The grants a registration allows: the ones it registered, or, when it named none (as the AWS
 * CLI's device flow registers), the device code and refresh token grants.
 */
export function allowedGrants(client: ClientRecord): readonly string[] {
  return client.grantTypes.length > 0 ? client.grantTypes : [DEVICE_CODE_GRANT, 'refresh_token'];
}

/**
 * A redirect URI the service accepts: https, or http on the loopback interface only (RFC 8252
 * §7.3, native apps), with no fragment.
 */
export function isAllowedRedirectUri(s: string): boolean {
  if (!isHttpUrl(s)) return false;
  const u = new URL(s);
  if (u.hash !== '' || s.includes('#')) return false;
  return u.protocol === 'https:' || isLoopbackHost(u.hostname);
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === '[::1]' || hostname === 'localhost';
}

/** POST /client/register. */
export function registerClient(ctx: EmulatorContext, body: Body): Record<string, unknown> {
  const clientName = requiredString(body, 'clientName');
  const clientType = requiredString(body, 'clientType');
  const scopes = optionalList(body, 'scopes') ?? [];
  const grantTypes = optionalList(body, 'grantTypes') ?? [];
  const redirectUris = optionalList(body, 'redirectUris') ?? [];
  optionalString(body, 'issuerUrl');
  optionalString(body, 'entitledApplicationArn');
  if (clientType !== 'public') {
    throw new OidcError('InvalidClientMetadataException', 'Only clientType "public" is supported.');
  }
  checkScopes(scopes);
  if (grantTypes.some((g) => !REGISTRABLE_GRANTS.has(g))) {
    throw new OidcError('UnsupportedGrantTypeException', 'One or more grantTypes are not supported.');
  }
  if (redirectUris.some((u) => !isAllowedRedirectUri(u))) {
    throw new OidcError(
      'InvalidRedirectUriException',
      'Each redirect URI must be an https URL, or an http URL on the loopback address, without a fragment.',
    );
  }
  if (grantTypes.includes('authorization_code') && redirectUris.length === 0) {
    throw new OidcError(
      'InvalidRedirectUriException',
      'A client registered for the authorization_code grant must register at least one redirect URI.',
    );
  }
  const issuedAt = Math.floor(ctx.now() / 1000);
  const client: ClientRecord = {
    clientId: ctx.ids.clientId(),
    clientSecret: ctx.ids.clientSecret(),
    clientName,
    clientType,
    scopes,
    grantTypes,
    redirectUris,
    issuedAt,
    secretExpiresAt: issuedAt + ctx.config.clientSecretTtl,
  };
  ctx.store.clients.set(client.clientId, client);
  const out: Record<string, unknown> = {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: client.issuedAt,
    clientSecretExpiresAt: client.secretExpiresAt,
  };
  // Like the service: the OAuth endpoints are returned only to authorization-code clients.
  if (grantTypes.includes('authorization_code') || redirectUris.length > 0) {
    out.authorizationEndpoint = `${ctx.baseUrl}/authorize`;
    out.tokenEndpoint = `${ctx.baseUrl}/token`;
  }
  return out;
}

/** Checks clientId/clientSecret against a live registration (InvalidClientException otherwise). */
export function authenticateClient(ctx: EmulatorContext, body: Body): ClientRecord {
  const clientId = requiredString(body, 'clientId');
  const clientSecret = requiredString(body, 'clientSecret');
  const client = ctx.store.clients.get(clientId);
  if (client === undefined || client.clientSecret !== clientSecret) throw invalidClient();
  if (ctx.now() >= client.secretExpiresAt * 1000) throw invalidClient('The client registration has expired. Register the client again.');
  return client;
}

/** POST /device_authorization. */
export function startDeviceAuthorization(ctx: EmulatorContext, body: Body): Record<string, unknown> {
  requiredString(body, 'clientId');
  requiredString(body, 'clientSecret');
  const startUrl = requiredString(body, 'startUrl');
  const client = authenticateClient(ctx, body);
  if (!isHttpUrl(startUrl)) throw invalidRequest('The startUrl must be an absolute http or https URL.');
  if (!allowedGrants(client).includes(DEVICE_CODE_GRANT)) {
    throw new OidcError('UnauthorizedClientException', 'The client is not registered for the device code grant.');
  }
  const now = ctx.now();
  const auth: DeviceAuthorization = {
    deviceCode: ctx.ids.deviceCode(),
    userCode: freshUserCode(ctx, now),
    clientId: client.clientId,
    startUrl,
    createdAt: now,
    expiresAt: now + ctx.config.expiresIn * 1000,
    state: 'pending',
    formToken: ctx.ids.formToken(),
  };
  if (ctx.config.autoApproveSeconds !== undefined) auth.autoApproveAt = now + ctx.config.autoApproveSeconds * 1000;
  ctx.store.addAuthorization(auth);
  return {
    deviceCode: auth.deviceCode,
    userCode: auth.userCode,
    verificationUri: `${ctx.baseUrl}/`,
    verificationUriComplete: `${ctx.baseUrl}/?user_code=${auth.userCode}`,
    expiresIn: ctx.config.expiresIn,
    interval: ctx.config.interval,
  };
}

/** A user code no live authorization holds (a fixed test generator may repeat: then it wins). */
function freshUserCode(ctx: EmulatorContext, now: number): string {
  for (let i = 0; i < 20; i++) {
    const code = ctx.ids.userCode();
    if (!ctx.store.userCodeInUse(code, now)) return code;
  }
  return ctx.ids.userCode();
}

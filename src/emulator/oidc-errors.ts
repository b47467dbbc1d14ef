/**
 * The service's modeled exceptions and their wire form: the HTTP status of the model, the
 * `x-amzn-ErrorType` header, and an OAuth-style `{"error", "error_description"}` body.
 */

/** OAuth error code of each modeled exception (the body's `error` member). */
export const OAUTH_CODES = {
  AccessDeniedException: 'access_denied',
  AuthorizationPendingException: 'authorization_pending',
  ExpiredTokenException: 'expired_token',
  InternalServerException: 'server_error',
  InvalidClientException: 'invalid_client',
  InvalidClientMetadataException: 'invalid_client_metadata',
  InvalidGrantException: 'invalid_grant',
  InvalidRedirectUriException: 'invalid_redirect_uri',
  InvalidRequestException: 'invalid_request',
  InvalidScopeException: 'invalid_scope',
  SlowDownException: 'slow_down',
  UnauthorizedClientException: 'unauthorized_client',
  UnsupportedGrantTypeException: 'unsupported_grant_type',
} as const;

/** A modeled SSO-OIDC exception name. */
export type ExceptionName = keyof typeof OAUTH_CODES;

/** True when `name` is one of the service's modeled exceptions. */
export function isExceptionName(name: string): name is ExceptionName {
  return Object.hasOwn(OAUTH_CODES, name);
}

/** HTTP status of an exception, as the service model gives it. */
export function statusOf(name: ExceptionName): number {
  if (name === 'InvalidClientException') return 401;
  if (name === 'InternalServerException') return 500;
  return 400;
}

/**
 * An error the API answers with. `description` is shown to the caller, so it must never carry
 * a secret (client secret, device code, token).
 */
export class OidcError extends Error {
  readonly type: ExceptionName;
  /** Overrides the model's status (413 for an oversized body). */
  readonly status: number;
  constructor(type: ExceptionName, description: string, status?: number) {
    super(description);
    this.name = 'OidcError';
    this.type = type;
    this.status = status ?? statusOf(type);
  }

  /** The JSON body the service sends. */
  body(): { error: string; error_description: string } {
    return { error: OAUTH_CODES[this.type], error_description: this.message };
  }
}

/** Shorthands for the errors the operations raise most. */
export const invalidRequest = (d: string): OidcError => new OidcError('InvalidRequestException', d);
export const invalidClient = (d = 'Invalid client credentials'): OidcError => new OidcError('InvalidClientException', d);
export const invalidGrant = (d: string): OidcError => new OidcError('InvalidGrantException', d);
export const invalidScope = (d: string): OidcError => new OidcError('InvalidScopeException', d);

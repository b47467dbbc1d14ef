/**
 * The service's modeled error shapes and their members, in model order (botocore's
 * sso-oidc service-2.json). AWS CLI v2 shows a service error's modeled members, and only those,
 * in its structured error formats.
 */
export const MODELED_ERRORS: Readonly<Record<string, readonly string[]>> = {
  AccessDeniedException: ['error', 'reason', 'error_description'],
  AuthorizationPendingException: ['error', 'error_description'],
  ExpiredTokenException: ['error', 'error_description'],
  InternalServerException: ['error', 'error_description'],
  InvalidClientException: ['error', 'error_description'],
  InvalidClientMetadataException: ['error', 'error_description'],
  InvalidGrantException: ['error', 'error_description'],
  InvalidRedirectUriException: ['error', 'error_description'],
  InvalidRequestException: ['error', 'reason', 'error_description'],
  InvalidRequestRegionException: ['error', 'error_description', 'endpoint', 'region'],
  InvalidScopeException: ['error', 'error_description'],
  SlowDownException: ['error', 'error_description'],
  UnauthorizedClientException: ['error', 'error_description'],
  UnsupportedGrantTypeException: ['error', 'error_description'],
};

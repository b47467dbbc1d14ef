import type { OperationDescription } from '../types.js';

const GRANT_TYPES_DOC =
  'Supports the following OAuth 2.0 grant types: Authorization Code, Device Code, and Refresh Token.\n\n' +
  '* Authorization Code - authorization_code\n\n* Device Code - urn:ietf:params:oauth:grant-type:device_code\n\n* Refresh Token - refresh_token';

export const registerClient: OperationDescription = {
  name: 'RegisterClient',
  cliName: 'register-client',
  http: { method: 'POST', path: '/client/register' },
  doc: 'Registers a public client with IAM Identity Center. This allows clients to perform authorization using the authorization code grant with Proof Key for Code Exchange (PKCE) or the device code grant.',
  input: [
    { name: 'clientName', type: 'string', required: true, doc: 'The friendly name of the client.' },
    {
      name: 'clientType',
      type: 'string',
      required: true,
      doc: 'The type of client. The service supports only public as a client type. Anything other than public will be rejected by the service.',
    },
    {
      name: 'scopes',
      type: 'list',
      doc: 'The list of scopes that are defined by the client. Upon authorization, this list is used to restrict permissions when granting an access token.',
    },
    {
      name: 'redirectUris',
      type: 'list',
      doc: 'The list of redirect URI that are defined by the client. At completion of authorization, this list is used to restrict what locations the user agent can be redirected back to.',
    },
    {
      name: 'grantTypes',
      type: 'list',
      doc:
        'The list of OAuth 2.0 grant types that are defined by the client. This list is used to restrict the token granting flows available to the client. ' +
        GRANT_TYPES_DOC,
    },
    {
      name: 'issuerUrl',
      type: 'string',
      doc: 'The IAM Identity Center Issuer URL associated with an instance of IAM Identity Center. This value is needed for user access to resources through the client.',
    },
    {
      name: 'entitledApplicationArn',
      type: 'string',
      doc: 'This IAM Identity Center application ARN is used to define administrator-managed configuration for public client access to resources. At authorization, the scopes, grants, and redirect URI available to this client will be restricted by this application resource.',
    },
  ],
  output: [
    {
      name: 'clientId',
      type: 'string',
      doc: 'The unique identifier string for each client. This client uses this identifier to get authenticated by the service in subsequent calls.',
    },
    {
      name: 'clientSecret',
      type: 'string',
      sensitive: true,
      doc: 'A secret string generated for the client. The client will use this string to get authenticated by the service in subsequent calls.',
    },
    { name: 'clientIdIssuedAt', type: 'long', doc: 'Indicates the time at which the clientId and clientSecret were issued.' },
    { name: 'clientSecretExpiresAt', type: 'long', doc: 'Indicates the time at which the clientId and clientSecret will become invalid.' },
    { name: 'authorizationEndpoint', type: 'string', doc: 'An endpoint that the client can use to request authorization.' },
    { name: 'tokenEndpoint', type: 'string', doc: 'An endpoint that the client can use to create tokens.' },
  ],
  examples: [
    {
      title: 'To register a public client for the device flow',
      command: 'sso-oidc register-client --client-name my-tool --client-type public --scopes sso:account:access',
    },
  ],
};

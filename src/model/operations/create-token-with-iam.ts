import type { OperationDescription } from '../types.js';

const SEE_ALSO =
  'For more information about the features and limitations of the current IAM Identity Center OIDC implementation, see Considerations for Using this Guide in the IAM Identity Center OIDC API Reference.';

/** CreateTokenWithIAM (botocore sso-oidc 2019-06-10 service-2.json): the one SigV4-signed operation. */
export const createTokenWithIam: OperationDescription = {
  name: 'CreateTokenWithIAM',
  cliName: 'create-token-with-iam',
  http: { method: 'POST', path: '/token?aws_iam=t' },
  auth: 'sigv4',
  doc:
    "Creates and returns access and refresh tokens for authorized client applications that are authenticated using any IAM entity, such as a service role or user. These tokens might contain defined scopes that specify permissions such as read:profile or write:data. Through downscoping, you can use the scopes parameter to request tokens with reduced permissions compared to the original client application's permissions or, if applicable, the refresh token's scopes. The access token can be used to fetch short-lived credentials for the assigned Amazon Web Services accounts or to access application APIs using bearer authentication.\n\n" +
    'This API is used with Signature Version 4. For more information, see Amazon Web Services Signature Version 4 for API Requests.',
  input: [
    {
      name: 'clientId',
      type: 'string',
      required: true,
      doc: 'The unique identifier string for the client or application. This value is an application ARN that has OAuth grants configured.',
    },
    {
      name: 'grantType',
      type: 'string',
      required: true,
      doc:
        'Supports the following OAuth grant types: Authorization Code, Refresh Token, JWT Bearer, and Token Exchange. Specify one of the following values, depending on the grant type that you want:\n\n' +
        '* Authorization Code - authorization_code\n\n* Refresh Token - refresh_token\n\n* JWT Bearer - urn:ietf:params:oauth:grant-type:jwt-bearer\n\n* Token Exchange - urn:ietf:params:oauth:grant-type:token-exchange',
    },
    {
      name: 'code',
      type: 'string',
      sensitive: true, // not in the model; masked as create-token's code is
      doc: 'Used only when calling this API for the Authorization Code grant type. This short-lived code is used to identify this authorization request. The code is obtained through a redirect from IAM Identity Center to a redirect URI persisted in the Authorization Code GrantOptions for the application.',
    },
    {
      name: 'refreshToken',
      type: 'string',
      sensitive: true,
      doc:
        'Used only when calling this API for the Refresh Token grant type. This token is used to refresh short-lived tokens, such as the access token, that might expire.\n\n' +
        SEE_ALSO,
    },
    {
      name: 'assertion',
      type: 'string',
      sensitive: true,
      doc: 'Used only when calling this API for the JWT Bearer grant type. This value specifies the JSON Web Token (JWT) issued by a trusted token issuer. To authorize a trusted token issuer, configure the JWT Bearer GrantOptions for the application.',
    },
    {
      name: 'scope',
      type: 'list',
      elementShape: 'Scope',
      doc: 'The list of scopes for which authorization is requested. The access token that is issued is limited to the scopes that are granted. If the value is not specified, IAM Identity Center authorizes all scopes configured for the application, including the following default scopes: openid, aws, sts:identity_context.',
    },
    {
      name: 'redirectUri',
      type: 'string',
      doc: 'Used only when calling this API for the Authorization Code grant type. This value specifies the location of the client or application that has registered to receive the authorization code.',
    },
    {
      name: 'subjectToken',
      type: 'string',
      sensitive: true,
      doc: 'Used only when calling this API for the Token Exchange grant type. This value specifies the subject of the exchange. The value of the subject token must be an access token issued by IAM Identity Center to a different client or application. The access token must have authorized scopes that indicate the requested application as a target audience.',
    },
    {
      name: 'subjectTokenType',
      type: 'string',
      doc: 'Used only when calling this API for the Token Exchange grant type. This value specifies the type of token that is passed as the subject of the exchange. The following value is supported:\n\n* Access Token - urn:ietf:params:oauth:token-type:access_token',
    },
    {
      name: 'requestedTokenType',
      type: 'string',
      doc: 'Used only when calling this API for the Token Exchange grant type. This value specifies the type of token that the requester can receive. The following values are supported:\n\n* Access Token - urn:ietf:params:oauth:token-type:access_token\n\n* Refresh Token - urn:ietf:params:oauth:token-type:refresh_token',
    },
    {
      name: 'codeVerifier',
      type: 'string',
      sensitive: true,
      doc: 'Used only when calling this API for the Authorization Code grant type. This value is generated by the client and presented to validate the original code challenge value the client passed at authorization time.',
    },
  ],
  output: [
    {
      name: 'accessToken',
      type: 'string',
      sensitive: true,
      doc: 'A bearer token to access Amazon Web Services accounts and applications assigned to a user.',
    },
    {
      name: 'tokenType',
      type: 'string',
      doc: 'Used to notify the requester that the returned token is an access token. The supported token type is Bearer.',
    },
    { name: 'expiresIn', type: 'integer', doc: 'Indicates the time in seconds when an access token will expire.' },
    {
      name: 'refreshToken',
      type: 'string',
      sensitive: true,
      doc: 'A token that, if present, can be used to refresh a previously issued access token that might have expired.\n\n' + SEE_ALSO,
    },
    {
      name: 'idToken',
      type: 'string',
      sensitive: true,
      doc: 'A JSON Web Token (JWT) that identifies the user associated with the issued access token.',
    },
    {
      name: 'issuedTokenType',
      type: 'string',
      doc: 'Indicates the type of tokens that are issued by IAM Identity Center. The following values are supported:\n\n* Access Token - urn:ietf:params:oauth:token-type:access_token\n\n* Refresh Token - urn:ietf:params:oauth:token-type:refresh_token',
    },
    {
      name: 'scope',
      type: 'list',
      elementShape: 'Scope',
      doc: 'The list of scopes for which authorization is granted. The access token that is issued is limited to the scopes that are granted.',
    },
    {
      name: 'awsAdditionalDetails',
      type: 'structure',
      doc: 'A structure containing information from IAM Identity Center managed user and group information.',
      members: [
        {
          name: 'identityContext',
          type: 'string',
          doc: 'The trusted context assertion is signed and encrypted by STS. It provides access to sts:identity_context claim in the idToken without JWT parsing\n\nIdentity context comprises information that Amazon Web Services services use to make authorization decisions when they receive requests.',
        },
      ],
    },
  ],
  examples: [
    {
      title: 'To exchange a trusted token issuer JWT for an IAM Identity Center token',
      command:
        'sso-oidc create-token-with-iam --client-id arn:aws:sso::123456789012:application/ssoins-1111111111111111/apl-2222222222222222 --grant-type urn:ietf:params:oauth:grant-type:jwt-bearer --assertion file://jwt.txt',
    },
  ],
};

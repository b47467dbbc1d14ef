/**
 * CreateTokenWithIAM (POST /token?aws_iam=t): the SigV4-signed token endpoint for applications
 * that authenticate with IAM. The signature is verified against the credentials the emulator was
 * started with (`--iam-credentials AKID:SECRET`, `iamCredentials`); a missing or bad one is
 * refused as AWS refuses it (403 with MissingAuthenticationTokenException,
 * UnrecognizedClientException, InvalidSignatureException). Grants: JWT bearer (any JWT-shaped
 * assertion from a trusted token issuer is accepted), refresh_token (tokens rotate), and
 * authorization_code with the codes that `POST /emulator/iam/authorization-code` issues
 * (with optional PKCE S256). The client id is the application's ARN (any non-empty value).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './context.js';
import { parseJsonObject, sendJson, sendMessageError, sendOidcError } from './http.js';
import { invalidGrant, invalidRequest, OidcError } from './oidc-errors.js';
import { SignatureError, verifySigV4, type IamCredentials } from './sigv4.js';
import { optionalList, optionalString, requiredString, type Body } from './validate.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
const REFRESH_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:refresh_token';
const DEFAULT_SCOPES = ['openid', 'aws', 'sts:identity_context'];
/** The signing name of the service (botocore's `signingName`). */
export const SIGNING_NAME = 'sso-oauth';

interface IamCode {
  clientId: string;
  redirectUri: string;
  codeChallenge?: string;
  scopes: string[];
  used: boolean;
}
interface IamRefresh {
  clientId: string;
  scopes: string[];
  used: boolean;
}
interface IamState {
  credentials: IamCredentials | undefined;
  codes: Map<string, IamCode>;
  refreshTokens: Map<string, IamRefresh>;
}

const STATES = new WeakMap<EmulatorContext, IamState>();

/** Sets the credentials an emulator accepts signatures from (done once, at start-up). */
export function configureIam(ctx: EmulatorContext, credentials: IamCredentials | undefined): void {
  STATES.set(ctx, { credentials, codes: new Map(), refreshTokens: new Map() });
}

function stateOf(ctx: EmulatorContext): IamState {
  let s = STATES.get(ctx);
  if (s === undefined) {
    s = { credentials: undefined, codes: new Map(), refreshTokens: new Map() };
    STATES.set(ctx, s);
  }
  return s;
}

/** `AKID:SECRET` (the --iam-credentials value) -> credentials; undefined when malformed. */
export function parseIamCredentials(text: string): IamCredentials | undefined {
  const i = text.indexOf(':');
  if (i <= 0 || i === text.length - 1) return undefined;
  return { accessKeyId: text.slice(0, i), secretAccessKey: text.slice(i + 1) };
}

const b64url = (n: number): string => randomBytes(n).toString('base64url');

/** An unsigned JWT-shaped id token: the emulator is no token issuer anyone should trust. */
function idToken(ctx: EmulatorContext, clientId: string): string {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const iat = Math.floor(ctx.now() / 1000);
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ iss: `${ctx.baseUrl}/`, aud: clientId, sub: `emulator-user-${b64url(6)}`, iat, exp: iat + ctx.config.tokenExpiresIn })}.`;
}

function issue(ctx: EmulatorContext, clientId: string, scopes: string[]): Record<string, unknown> {
  const state = stateOf(ctx);
  const accessToken = ctx.ids.accessToken();
  const expiresIn = ctx.config.tokenExpiresIn;
  ctx.store.accessTokens.set(accessToken, { accessToken, clientId, scopes, expiresAt: ctx.now() + expiresIn * 1000 });
  const refreshToken = ctx.ids.refreshToken();
  state.refreshTokens.set(refreshToken, { clientId, scopes, used: false });
  return {
    accessToken,
    tokenType: 'Bearer',
    expiresIn,
    refreshToken,
    idToken: idToken(ctx, clientId),
    issuedTokenType: REFRESH_TOKEN_TYPE,
    scope: scopes,
    awsAdditionalDetails: { identityContext: b64url(48) },
  };
}

function requestedScopes(body: Body): string[] | undefined {
  const s = optionalList(body, 'scope');
  return s === undefined || s.length === 0 ? undefined : s;
}

/** The operation itself, once the signature has been checked. */
export function createTokenWithIam(ctx: EmulatorContext, body: Body): Record<string, unknown> {
  const clientId = requiredString(body, 'clientId');
  const grantType = requiredString(body, 'grantType');
  for (const n of [
    'code',
    'refreshToken',
    'assertion',
    'redirectUri',
    'subjectToken',
    'subjectTokenType',
    'requestedTokenType',
    'codeVerifier',
  ])
    optionalString(body, n);
  const state = stateOf(ctx);
  switch (grantType) {
    case JWT_BEARER_GRANT: {
      const assertion = optionalString(body, 'assertion');
      if (assertion === undefined || assertion === '') throw invalidRequest('An assertion is required for the jwt-bearer grant.');
      if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(assertion)) throw invalidGrant('Invalid assertion provided.');
      return issue(ctx, clientId, requestedScopes(body) ?? DEFAULT_SCOPES);
    }
    case 'refresh_token': {
      const token = optionalString(body, 'refreshToken');
      if (token === undefined || token === '') throw invalidRequest('A refreshToken is required for the refresh_token grant.');
      const record = state.refreshTokens.get(token);
      if (record === undefined || record.clientId !== clientId) throw invalidGrant('Invalid refresh token provided.');
      if (record.used) throw invalidGrant('The refresh token has already been used.');
      record.used = true;
      return issue(ctx, clientId, requestedScopes(body) ?? record.scopes);
    }
    case 'authorization_code': {
      const code = optionalString(body, 'code');
      const redirectUri = optionalString(body, 'redirectUri');
      if (code === undefined || code === '') throw invalidRequest('A code is required for the authorization_code grant.');
      if (redirectUri === undefined || redirectUri === '')
        throw invalidRequest('A redirectUri is required for the authorization_code grant.');
      const record = state.codes.get(code);
      if (record === undefined || record.clientId !== clientId || record.used) throw invalidGrant('Invalid authorization code provided.');
      if (record.redirectUri !== redirectUri) throw invalidGrant('The redirectUri does not match the one the code was issued for.');
      if (record.codeChallenge !== undefined) {
        const verifier = optionalString(body, 'codeVerifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== record.codeChallenge)
          throw invalidGrant('Invalid code verifier provided.');
      }
      record.used = true;
      return issue(ctx, clientId, record.scopes);
    }
    case TOKEN_EXCHANGE_GRANT:
      throw new OidcError('UnsupportedGrantTypeException', 'The emulator does not support the token-exchange grant.');
    default:
      throw new OidcError('UnsupportedGrantTypeException', 'The grant type is not supported.');
  }
}

/** POST /token?aws_iam=t: verify the signature, then run the operation. */
export function handleIamToken(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, body: string): void {
  try {
    verifySigV4({ method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, body }, SIGNING_NAME, stateOf(ctx).credentials);
  } catch (e) {
    if (!(e instanceof SignatureError)) throw e;
    sendMessageError(res, 403, e.type, e.message);
    return;
  }
  sendJson(res, 200, createTokenWithIam(ctx, parseJsonObject(body)));
}

/**
 * POST /emulator/iam/authorization-code `{clientId, redirectUri, codeChallenge?, scopes?}` ->
 * `{code}`: what IAM Identity Center's redirect would hand the application.
 */
export function handleIamAdmin(ctx: EmulatorContext, method: string, path: string, bodyText: string, res: ServerResponse): void {
  if (path !== '/emulator/iam/authorization-code' || method !== 'POST') {
    sendMessageError(res, 404, 'UnknownOperationException', `No admin endpoint at ${method} ${path}.`);
    return;
  }
  try {
    const body = parseJsonObject(bodyText);
    const clientId = requiredString(body, 'clientId');
    const redirectUri = requiredString(body, 'redirectUri');
    const codeChallenge = optionalString(body, 'codeChallenge');
    const scopes = optionalList(body, 'scopes') ?? DEFAULT_SCOPES;
    const code = ctx.ids.authorizationCode(); // never a leading "-", which argparse would take for an option
    stateOf(ctx).codes.set(code, { clientId, redirectUri, scopes, used: false, ...(codeChallenge ? { codeChallenge } : {}) });
    sendJson(res, 200, { code });
  } catch (e) {
    if (e instanceof OidcError) sendOidcError(res, e);
    else throw e;
  }
}

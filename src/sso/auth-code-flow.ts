/**
 * The authorization code grant with PKCE (RFC 6749 §4.1, RFC 7636 S256) as AWS CLI v2 (2.22+)
 * runs it for sso-session logins (botocore's SSOTokenFetcherAuth): a registration for
 * authorization_code + refresh_token with the redirect URI `http://127.0.0.1/oauth/callback`, a
 * one-shot listener on 127.0.0.1 at an ephemeral port, the authorize URL on the OIDC endpoint,
 * `state` checked, then CreateToken with the code, the verifier and the redirect URI.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { CliError, EXIT, InterruptedError } from '../errors.js';
import { createToken } from '../model/operations/create-token.js';
import { registerClient } from '../model/operations/register-client.js';
import { terminalSafe } from '../debug/terminal-safe.js';
import type { ValueMap } from '../value/types.js';
import { timerMs } from '../timer.js';
import { integerMember, issuedToken, stringMember, type IssuedToken } from './device-flow.js';
import type { OperationDescription } from '../model/types.js';

export const AUTH_CODE_GRANTS = ['authorization_code', 'refresh_token'];
/** What the registration names; the port is added at authorize time (RFC 8252 §7.3). */
export const REGISTERED_REDIRECT_URI = 'http://127.0.0.1/oauth/callback';
export const DEFAULT_AUTH_CODE_SCOPE = 'sso:account:access';
/** The AWS CLI waits 10 minutes at most for the browser to come back. */
export const CALLBACK_TIMEOUT_MS = 10 * 60 * 1000;

export interface Pkce {
  verifier: string;
  challenge: string;
}

const UNRESERVED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

/** A 64-character verifier of unreserved characters (as the AWS CLI makes it) and its S256 challenge. */
export function makePkce(random: (n: number) => Buffer = randomBytes): Pkce {
  let verifier = '';
  while (verifier.length < 64) {
    // 66 characters: rejection sampling below 198 (3 x 66) keeps them uniform.
    for (const b of random(96)) if (b < 198 && verifier.length < 64) verifier += UNRESERVED[b % 66];
  }
  return { verifier, challenge: createHash('sha256').update(verifier, 'ascii').digest('base64url') };
}

/** Python's urllib.parse.quote(text, safe='-_.~') over UTF-8, as botocore's percent_encode. */
export function pyQuote(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf-8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The authorize URL, member for member as the AWS CLI builds it (scopes space separated). */
export function authorizeUrl(
  endpoint: string,
  a: { clientId: string; redirectUri: string; state: string; scopes: string[]; challenge: string },
): string {
  const origin = new URL(endpoint).origin;
  const params: [string, string][] = [
    ['response_type', 'code'],
    ['client_id', a.clientId],
    ['redirect_uri', a.redirectUri],
    ['state', a.state],
    ['code_challenge_method', 'S256'],
    ['scopes', a.scopes.length > 0 ? a.scopes.join(' ') : DEFAULT_AUTH_CODE_SCOPE],
  ];
  return `${origin}/authorize?${params.map(([k, v]) => `${pyQuote(k)}=${pyQuote(v)}`).join('&')}&code_challenge=${a.challenge}`;
}

export interface AuthCodeRegistration {
  clientId: string;
  clientSecret: string;
  clientSecretExpiresAt: number;
  scopes: string[];
}

type Call = (op: OperationDescription, input: Record<string, unknown>) => Promise<ValueMap>;

/** RegisterClient as SSOTokenFetcherAuth sends it. */
export async function registerAuthCodeClient(
  call: Call,
  clientName: string,
  issuerUrl: string,
  scopes: string[] | undefined,
): Promise<AuthCodeRegistration> {
  const granted = scopes && scopes.length > 0 ? scopes : [DEFAULT_AUTH_CODE_SCOPE];
  const r = await call(registerClient, {
    clientName,
    clientType: 'public',
    grantTypes: AUTH_CODE_GRANTS,
    redirectUris: [REGISTERED_REDIRECT_URI],
    issuerUrl,
    scopes: granted,
  });
  const clientId = stringMember(r, 'clientId');
  const clientSecret = stringMember(r, 'clientSecret');
  if (clientId === undefined || clientSecret === undefined)
    throw new CliError('The RegisterClient response has no clientId or clientSecret.', EXIT.other);
  return { clientId, clientSecret, clientSecretExpiresAt: integerMember(r, 'clientSecretExpiresAt') ?? 0, scopes: granted };
}

export async function exchangeCode(
  call: Call,
  client: { clientId: string; clientSecret: string },
  code: string,
  redirectUri: string,
  verifier: string,
): Promise<IssuedToken> {
  const r = await call(createToken, { ...client, grantType: 'authorization_code', redirectUri, codeVerifier: verifier, code });
  return issuedToken(r);
}

/** What came back to the redirect URI. */
export type CallbackResult = { code: string } | { error: string; description: string | undefined };

export interface CallbackListener {
  /** `http://127.0.0.1:<port>/oauth/callback`: the authorize and CreateToken redirect URI. */
  readonly redirectUri: string;
  /** Resolves with the first response that carries our state; rejects on timeout or interrupt. */
  result(signal: AbortSignal, timeoutMs?: number): Promise<CallbackResult>;
  close(): void;
}

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  Connection: 'close',
};

function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;display:flex;min-height:90vh;align-items:center;justify-content:center">
<main><h1>${title}</h1><p>${text}</p></main></body></html>\n`;
}

/**
 * Listens on 127.0.0.1 (only: the AWS CLI binds every interface) at an ephemeral port for the
 * one redirect that carries `state`. Anything else (another path, a stray or forged response
 * without our state) is answered 400/404 and does not end the wait.
 */
export async function listenForCallback(state: string): Promise<CallbackListener> {
  const { createServer } = await import('node:http');
  let settle: ((r: CallbackResult) => void) | undefined;
  const early: CallbackResult[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/oauth/callback') {
      res.writeHead(404, PAGE_HEADERS).end(page('Not found', 'This address only receives the sign-in response.'));
      return;
    }
    const q = url.searchParams;
    if (q.get('state') !== state) {
      res
        .writeHead(400, PAGE_HEADERS)
        .end(page('Sign-in response not accepted', 'This response does not belong to the sign-in in progress.'));
      return;
    }
    const error = q.get('error');
    const code = q.get('code');
    let result: CallbackResult;
    if (error !== null) {
      result = { error, description: q.get('error_description') ?? undefined };
      res
        .writeHead(200, PAGE_HEADERS)
        .end(page('Sign-in not completed', 'The request was not approved. You can close this window and return to your terminal.'));
    } else if (code !== null && code !== '') {
      result = { code };
      res.writeHead(200, PAGE_HEADERS).end(page('Request approved', 'You can close this window and return to your terminal.'));
    } else {
      res.writeHead(400, PAGE_HEADERS).end(page('Sign-in response not accepted', 'The response carries no authorization code.'));
      return;
    }
    if (settle) settle(result);
    else early.push(result);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const close = (): void => {
    server.close();
    // Let the answer page reach the browser, then drop whatever is still open.
    setTimeout(() => server.closeAllConnections(), 200).unref();
  };
  return {
    redirectUri: `http://127.0.0.1:${port}/oauth/callback`,
    close,
    result: (signal, timeoutMs = CALLBACK_TIMEOUT_MS) =>
      new Promise<CallbackResult>((resolve, reject) => {
        const done = (): void => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          settle = undefined;
        };
        const onAbort = (): void => {
          done();
          reject(new InterruptedError());
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new CliError(
              'No sign-in response came back from the browser within 10 minutes. Run the command again (or with --use-device-code).',
              EXIT.other,
            ),
          );
        }, timerMs(timeoutMs));
        if (signal.aborted) return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        const first = early.shift();
        if (first) {
          done();
          resolve(first);
          return;
        }
        settle = (r) => {
          done();
          resolve(r);
        };
      }),
  };
}

/** A new random `state` (a UUID, as the AWS CLI uses). */
export const newState = (): string => randomUUID();

/** The error for a callback that brought an OAuth error instead of a code. */
export function callbackError(r: { error: string; description: string | undefined }): CliError {
  const desc = r.description ? `: ${terminalSafe(r.description, { multiline: false })}` : '';
  return new CliError(`Failed to retrieve an authorization code (${terminalSafe(r.error, { multiline: false })})${desc}`, EXIT.other);
}

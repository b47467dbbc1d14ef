/**
 * `sso-oidc login`, as `aws sso login` (AWS CLI v2) does it, plus what a daily login needs:
 * 1. a cached token with more than 15 minutes left is reused (no request; --force signs in again);
 * 2. else a cached refresh token is exchanged (CreateToken, refresh_token grant), falling back to
 *    a sign-in when it is refused or the registration has expired;
 * 3. else a sign-in: the authorization code flow with PKCE for an sso-session (v2 2.22+), the
 *    device code flow for --use-device-code, a legacy profile, or where no browser can open.
 * Settings: --sso-session / --start-url / --scopes / --region, else the profile's SSO settings.
 * People's text goes to stderr; stdout gets one result line.
 */
import type { LoginInvocation } from '../cli/program.js';
import { useColour } from '../cli/colour.js';
import { COMMANDS } from '../cli/spec.js';
import type { LoadedProfile } from '../config/resolve.js';
import type { DebugLog } from '../debug/log.js';
import type { Deps } from '../deps.js';
import { ConfigError } from '../errors.js';
import { ServiceError } from '../errors.js';
import { createToken } from '../model/operations/create-token.js';
import { terminalSafe } from '../debug/terminal-safe.js';
import { isBrowserUrl, noBrowserReason } from '../sso/browser.js';
import {
  cacheDir,
  cacheTime,
  epochSeconds,
  EXPIRY_WINDOW_MS,
  prepareCacheDir,
  readRegistration,
  readToken,
  registrationCacheKey,
  secondsAfter,
  tokenCacheKey,
  writeRegistration,
  writeToken,
  type CachedToken,
  type Registration,
} from '../sso/cache.js';
import {
  issuedToken,
  pollForToken,
  registerDeviceClient,
  startAuthorization,
  type Authorization,
  type IssuedToken,
} from '../sso/device-flow.js';
import { ProgressLine } from '../sso/progress.js';
import type { RunDeps } from './command.js';
import { checkEndpointUrl, checkUnknown, serviceCaller, type ServiceCall } from './common.js';

export const spec = COMMANDS.login;

interface SsoSettings {
  loaded: LoadedProfile;
  startUrl: string;
  region: string | undefined;
  sessionName: string | undefined;
  scopes: string[] | undefined;
}

type Section = ReadonlyMap<string, string | ReadonlyMap<string, string>>;
const setting = (s: Section | undefined, key: string): string | undefined => {
  const v = s?.get(key);
  return typeof v === 'string' && v.length > 0 ? v : undefined;
};
const splitScopes = (v: string | undefined): string[] | undefined =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0);

async function ssoSettings(inv: LoginInvocation, deps: Deps, log: DebugLog): Promise<SsoSettings> {
  const { loadProfile } = await import('../config/resolve.js');
  const asked = inv.options.ssoSession;
  const loaded = await loadProfile(inv.globals, deps, log);
  const { shared, profile } = loaded;
  const sessionName = asked ?? setting(profile.values, 'sso_session');
  let source: Section | undefined = profile.values;
  if (sessionName !== undefined) {
    source = shared.ssoSessions.get(sessionName);
    if (source === undefined)
      throw new ConfigError(`The SSO session associated with this profile (${sessionName}) could not be found in the config file.`);
  }
  const startUrl = inv.options.startUrl ?? setting(source, 'sso_start_url');
  if (startUrl === undefined) {
    throw new ConfigError(
      'Missing the SSO start URL: give --start-url, --sso-session NAME, or a profile with sso_session (or sso_start_url) in the config file.',
    );
  }
  // As the AWS CLI v2: the configured scopes (or none) name the registration; the PKCE flow
  // registers sso:account:access when none are configured.
  const scopes = inv.options.scopes ?? splitScopes(setting(source, 'sso_registration_scopes'));
  return { loaded, startUrl, region: inv.globals.region ?? setting(source, 'sso_region'), sessionName, scopes };
}

/** The code is what the user types: bold on a colour terminal (chalk, which honours --color and NO_COLOR via useColour). */
async function emphasis(colour: boolean): Promise<(text: string) => string> {
  if (!colour) return (text) => text;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return (text) => chalk.bold(text);
}

/** AWS CLI v2's texts (OpenBrowserHandler / PrintOnlyHandler); server text made terminal-safe. */
function devicePrompt(a: Authorization, browser: boolean, bold: (text: string) => string): string {
  const safe = (t: string): string => terminalSafe(t, { multiline: false });
  const head = browser
    ? 'Attempting to open your default browser.\nIf the browser does not open or you wish to use a different device to authorize this request, open the following URL:\n'
    : 'Browser will not be automatically opened.\nPlease visit the following URL:\n';
  const tail =
    a.verificationUriComplete && !browser
      ? `\nAlternatively, you may visit the following URL which will autofill the code upon loading:\n${safe(a.verificationUriComplete)}\n`
      : '';
  return `${head}\n${safe(a.verificationUri)}\n\nThen enter the code:\n\n${bold(safe(a.userCode))}\n${tail}`;
}

function authCodePrompt(url: string): string {
  return (
    'Attempting to open your default browser. If the browser does not open, open the following URL.\n' +
    "If you are unable to open the URL on this device, run this command again with the '--use-device-code' option.\n" +
    `\n${terminalSafe(url, { multiline: false })}\n\n`
  );
}

/** Service errors that mean the refresh token (or its registration) is no good: sign in instead. */
const REFRESH_REFUSED = new Set([
  'InvalidGrantException',
  'InvalidClientException',
  'ExpiredTokenException',
  'UnauthorizedClientException',
  'AccessDeniedException',
]);

interface LoginContext {
  inv: LoginInvocation;
  deps: Deps;
  log: DebugLog;
  sso: SsoSettings;
  region: string;
  endpoint: string;
  dir: string;
  tokenKey: string;
  regKey: string;
  /** The service call; `auth` is the one of the authorization code flow (md/sso#auth in the User-Agent). */
  call: ServiceCall;
  authCall: ServiceCall;
  progress: ProgressLine;
  say: (text: string) => void;
}

export async function run(inv: LoginInvocation, deps: RunDeps): Promise<void> {
  try {
    await login(inv, deps);
  } catch (e) {
    // Issue 10 item 11: what the server says never drives the terminal login prints on.
    if (e instanceof ServiceError) {
      const safe = (t: string): string => terminalSafe(t, { multiline: false });
      throw new ServiceError({
        code: safe(e.code),
        operation: e.operation,
        message: safe(e.serviceMessage),
        httpStatus: e.httpStatus,
        ...(e.maxRetriesReached === undefined ? {} : { maxRetriesReached: e.maxRetriesReached }),
      });
    }
    throw e;
  }
}

async function login(inv: LoginInvocation, deps: RunDeps): Promise<void> {
  checkUnknown(inv.unknown, spec);
  checkEndpointUrl(inv.globals);
  const { log } = deps;
  const sso = await ssoSettings(inv, deps, log);
  const { resolveConfig } = await import('../config/resolve.js');
  const config = await resolveConfig({ ...inv.globals, region: sso.region }, deps, log, { loaded: sso.loaded });
  const warned = new Set<string>(); // the same warning once per run
  const say = (t: string): void => deps.stderr.write(t.endsWith('\n') ? t : t + '\n');
  const warn = (t: string): void => {
    if (!warned.has(t)) say(t);
    warned.add(t);
  };
  const plain = await serviceCaller(config, deps, { warn });
  const withAuthUa = await serviceCaller(config, deps, { userAgent: 'md/sso#auth', warn });
  const dir = cacheDir(deps.homedir);
  prepareCacheDir(deps.fs, dir, warn); // before anything is asked of the user: a broken cache fails first
  const ctx: LoginContext = {
    inv,
    deps,
    log,
    sso,
    region: config.region,
    endpoint: config.endpoint.url,
    dir,
    tokenKey: tokenCacheKey(sso.startUrl, sso.sessionName),
    regKey: registrationCacheKey({ startUrl: sso.startUrl, region: config.region, scopes: sso.scopes, sessionName: sso.sessionName }),
    call: plain,
    authCall: withAuthUa,
    progress: new ProgressLine(deps.stderr, deps.now),
    say,
  };

  if (inv.options.force !== true) {
    const cached = readToken(deps.fs, dir, ctx.tokenKey);
    if (cached !== undefined && cached.expiresAtMs - deps.now().getTime() > EXPIRY_WINDOW_MS) {
      log.debug('login', `Reusing the token cached in ${cached.path}`);
      deps.stdout.write(`Already logged into Start URL: ${sso.startUrl} (token valid until ${cacheTime(new Date(cached.expiresAtMs))})\n`);
      return;
    }
    if (cached !== undefined && (await refreshed(ctx, cached))) return;
  }

  const reason = noBrowserReason(deps.env, deps.platform.system, inv.options.browser === false);
  let authCode = sso.sessionName !== undefined && inv.options.useDeviceCode !== true;
  if (authCode && reason !== undefined) {
    say(`No browser will be opened (${reason}): signing in with a device code instead.`);
    authCode = false;
  }
  try {
    const { token, registration } = authCode ? await authCodeSignIn(ctx) : await deviceSignIn(ctx, reason === undefined);
    const path = writeToken(deps.fs, dir, ctx.tokenKey, {
      startUrl: sso.startUrl,
      region: config.region,
      accessToken: token.accessToken,
      expiresAt: cacheTime(secondsAfter(deps.now(), token.expiresIn)),
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      registrationExpiresAt: registration.expiresAt,
      refreshToken: token.refreshToken,
    });
    log.debug('login', `Token cached in ${path}`);
  } finally {
    ctx.progress.clear();
  }
  deps.stdout.write(`Successfully logged into Start URL: ${sso.startUrl}\n`);
}

/**
 * The refresh_token grant with the token's own registration, as the SDKs' SSO token providers
 * refresh. True when the new token is cached; false (after one line saying why, where there is
 * a why) when a sign-in must follow.
 */
async function refreshed(ctx: LoginContext, cached: CachedToken): Promise<boolean> {
  const { deps, log } = ctx;
  if (cached.refreshToken === undefined || cached.clientId === undefined || cached.clientSecret === undefined) return false;
  if (!(cached.registrationExpiresAtMs > deps.now().getTime())) {
    ctx.say('The client registration of the cached token has expired: signing in again.');
    return false;
  }
  let token: IssuedToken;
  try {
    const r = await ctx.call(createToken, {
      clientId: cached.clientId,
      clientSecret: cached.clientSecret,
      grantType: 'refresh_token',
      refreshToken: cached.refreshToken,
    });
    token = issuedToken(r);
  } catch (e) {
    if (e instanceof ServiceError && REFRESH_REFUSED.has(e.code)) {
      ctx.say(`The cached refresh token was refused (${terminalSafe(e.code, { multiline: false })}): signing in again.`);
      return false;
    }
    throw e;
  }
  const expiresAt = cacheTime(secondsAfter(deps.now(), token.expiresIn));
  const path = writeToken(deps.fs, ctx.dir, ctx.tokenKey, {
    ...cached.record,
    accessToken: token.accessToken,
    expiresAt,
    ...(token.refreshToken === undefined ? {} : { refreshToken: token.refreshToken }),
  });
  log.debug('login', `Refreshed token cached in ${path}`);
  deps.stdout.write(`Successfully refreshed the token for Start URL: ${ctx.sso.startUrl} (valid until ${expiresAt})\n`);
  return true;
}

function clientName(ctx: LoginContext): string {
  return `botocore-client-${ctx.sso.sessionName ?? Math.floor(ctx.deps.now().getTime() / 1000)}`;
}

/** Opens the URL in the background (a $BROWSER command may run until the browser closes). */
function openInBrowser(ctx: LoginContext, url: string): void {
  if (!isBrowserUrl(url)) {
    ctx.say('The URL is not an http or https URL, so it is not opened in a browser.');
    return;
  }
  void ctx.deps.openBrowser(url).then((ok) => {
    if (!ok) ctx.log.debug('login', 'No browser could be opened.');
  });
}

async function deviceSignIn(ctx: LoginContext, browser: boolean): Promise<{ token: IssuedToken; registration: Registration }> {
  const { deps, log, sso, inv } = ctx;
  let registration = readRegistration(deps.fs, ctx.dir, ctx.regKey, deps.now(), 'device');
  if (registration === undefined) {
    const c = await registerDeviceClient({ call: ctx.call }, clientName(ctx), sso.scopes);
    registration = {
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      expiresAt: cacheTime(epochSeconds(c.clientSecretExpiresAt)),
      ...(sso.scopes ? { scopes: sso.scopes } : {}),
    };
    writeRegistration(deps.fs, ctx.dir, ctx.regKey, registration);
    log.debug('login', `Registered client ${registration.clientId}; registration cached as ${ctx.regKey}.json`);
  } else log.debug('login', `Reusing the registration cached as ${ctx.regKey}.json`);
  const client = { clientId: registration.clientId, clientSecret: registration.clientSecret };
  const io = { call: ctx.call, now: deps.now, sleep: (ms: number) => deps.sleep(ms, deps.signal) };
  const authorization = await startAuthorization({ ...io, prompt: async () => {} }, client, sso.startUrl);
  const bold = await emphasis(useColour(inv.globals.color, deps.env, deps.stderr.isTTY));
  deps.stderr.write(devicePrompt(authorization, browser, bold));
  const complete = authorization.verificationUriComplete;
  if (complete !== undefined && isBrowserUrl(complete) && inv.options.qr !== false) await printQr(ctx, complete);
  if (browser) openInBrowser(ctx, complete ?? authorization.verificationUri);
  const first = Math.max(authorization.interval, 1);
  const token = await pollForToken(
    {
      ...io,
      prompt: async () => {},
      waiting: (deadline, interval) =>
        ctx.progress.show('Waiting for approval...', deadline, interval !== first ? `polling every ${interval} s` : ''),
    },
    client,
    authorization,
  );
  return { token, registration };
}

/** The QR code of the URL, on a terminal wide enough for it only. */
async function printQr(ctx: LoginContext, url: string): Promise<void> {
  const out = ctx.deps.stderr;
  if (!out.isTTY || out.columns === undefined) return;
  const { qrLines } = await import('../sso/qr.js');
  const lines = await qrLines(url);
  if ((lines[0]?.length ?? Infinity) > out.columns) return;
  out.write(`\nOr scan this code with your phone:\n\n${lines.join('\n')}\n\n`);
}

async function authCodeSignIn(ctx: LoginContext): Promise<{ token: IssuedToken; registration: Registration }> {
  const { deps, log, sso } = ctx;
  const flow = await import('../sso/auth-code-flow.js');
  const call = ctx.authCall;
  let registration = readRegistration(deps.fs, ctx.dir, ctx.regKey, deps.now(), 'authorization-code');
  if (registration === undefined) {
    const c = await flow.registerAuthCodeClient(call, clientName(ctx), sso.startUrl, sso.scopes);
    registration = {
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      expiresAt: cacheTime(epochSeconds(c.clientSecretExpiresAt)),
      scopes: c.scopes,
      grantTypes: flow.AUTH_CODE_GRANTS,
    };
    writeRegistration(deps.fs, ctx.dir, ctx.regKey, registration);
    log.debug('login', `Registered client ${registration.clientId} for the authorization code flow; cached as ${ctx.regKey}.json`);
  } else log.debug('login', `Reusing the registration cached as ${ctx.regKey}.json`);
  const client = { clientId: registration.clientId, clientSecret: registration.clientSecret };
  const pkce = flow.makePkce();
  const state = flow.newState();
  const listener = await flow.listenForCallback(state);
  try {
    const url = flow.authorizeUrl(ctx.endpoint, {
      clientId: client.clientId,
      redirectUri: listener.redirectUri,
      state,
      scopes: sso.scopes ?? [],
      challenge: pkce.challenge,
    });
    log.debug('login', `Waiting for the authorization code at ${listener.redirectUri}`);
    deps.stderr.write(authCodePrompt(url));
    openInBrowser(ctx, url);
    ctx.progress.show('Waiting for sign-in in the browser...', deps.now().getTime() + flow.CALLBACK_TIMEOUT_MS);
    const result = await listener.result(deps.signal);
    ctx.progress.clear();
    if ('error' in result) throw flow.callbackError(result);
    const token = await flow.exchangeCode(call, client, result.code, listener.redirectUri, pkce.verifier);
    return { token, registration };
  } finally {
    listener.close();
  }
}

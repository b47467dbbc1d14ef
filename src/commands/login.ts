/**
 * `sso-oidc login`: the device flow end to end and the token cache, as `aws sso login` does it.
 * Settings: --sso-session / --start-url / --scopes / --region, else the profile's SSO settings.
 */
import type { LoginInvocation } from '../cli/program.js';
import { useColour } from '../cli/colour.js';
import { GLOBAL_OPTIONS } from '../cli/global-options.js';
import { unknownOptionsError } from '../cli/usage.js';
import { userAgent } from '../cli/version.js';
import { login } from '../model/login.js';
import type { loadProfile } from '../config/resolve.js';
import type { DebugLog } from '../debug/log.js';
import type { Deps } from '../deps.js';
import { ConfigError } from '../errors.js';
import type { OperationDescription } from '../model/types.js';
import { cacheDir, cacheTime, readRegistration, registrationCacheKey, tokenCacheKey, writeRegistration, writeToken } from '../sso/cache.js';
import { pollForToken, registerDeviceClient, startAuthorization, type Authorization, type DeviceFlowIo } from '../sso/device-flow.js';

interface SsoSettings {
  loaded: ReturnType<typeof loadProfile>;
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
  v === undefined ? undefined : v.split(',').map((x) => x.trim()).filter((x) => x.length > 0);

async function ssoSettings(inv: LoginInvocation, deps: Deps, log: DebugLog): Promise<SsoSettings> {
  const { loadProfile } = await import('../config/resolve.js');
  const io = { env: deps.env, fs: deps.fs, homedir: deps.homedir, cwd: deps.cwd };
  const asked = inv.options.ssoSession;
  const loaded = loadProfile(inv.globals, io, log);
  const { shared, profile } = loaded;
  const sessionName = asked ?? setting(profile.values, 'sso_session');
  let source: Section | undefined = profile.values;
  if (sessionName !== undefined) {
    source = shared.ssoSessions.get(sessionName);
    if (source === undefined) throw new ConfigError(`The SSO session associated with this profile (${sessionName}) could not be found in the config file.`);
  }
  const startUrl = inv.options.startUrl ?? setting(source, 'sso_start_url');
  if (startUrl === undefined) {
    throw new ConfigError(
      'Missing the SSO start URL: give --start-url, --sso-session NAME, or a profile with sso_session (or sso_start_url) in the config file.',
    );
  }
  const scopes = inv.options.scopes ?? splitScopes(setting(source, 'sso_registration_scopes')) ?? (sessionName ? ['sso:account:access'] : undefined);
  return { loaded, startUrl, region: inv.globals.region ?? setting(source, 'sso_region'), sessionName, scopes };
}

/** The code is what the user types: bold on a colour terminal (chalk, which honours --color and NO_COLOR via useColour). */
async function emphasis(colour: boolean): Promise<(text: string) => string> {
  if (!colour) return (text) => text;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return (text) => chalk.bold(text);
}

function promptText(a: Authorization, browser: boolean, bold: (text: string) => string): string {
  const head = browser
    ? 'Attempting to automatically open the SSO authorization page in your default browser.\nIf the browser does not open or you wish to use a different device to authorize this request, open the following URL:\n'
    : 'Browser will not be automatically opened.\nPlease visit the following URL:\n';
  const tail = a.verificationUriComplete
    ? `\nAlternatively, you may visit the following URL which will autofill the code upon loading:\n${a.verificationUriComplete}\n`
    : '';
  return `${head}\n${a.verificationUri}\n\nThen enter the code:\n\n${bold(a.userCode)}\n${tail}`;
}

export async function runLogin(inv: LoginInvocation, deps: Deps, log: DebugLog): Promise<void> {
  if (inv.unknown.length > 0) throw unknownOptionsError(inv.unknown, [...login.options.map((o) => o.flag), ...GLOBAL_OPTIONS.map((g) => g.flag)]);
  const sso = await ssoSettings(inv, deps, log);
  const { resolveConfig } = await import('../config/resolve.js');
  const config = resolveConfig({ ...inv.globals, region: sso.region }, { env: deps.env, fs: deps.fs, homedir: deps.homedir, cwd: deps.cwd }, log, { loaded: sso.loaded });
  const { sendOperation } = await import('../aws/send.js');
  const { shapeResponse } = await import('../response/shape.js');
  const browser = inv.options.browser !== false && deps.stderr.isTTY;
  const bold = await emphasis(useColour(inv.globals.color, deps.env, deps.stderr.isTTY));
  const warned = new Set<string>(); // the same warning once per run, however many calls
  const warn = (t: string) => {
    if (!warned.has(t)) deps.stderr.write(t.endsWith('\n') ? t : t + '\n');
    warned.add(t);
  };
  const io: DeviceFlowIo = {
    call: async (op: OperationDescription, input) => {
      const raw = await sendOperation(op, input, config, { signal: deps.signal, log, warn, userAgent: userAgent(deps.platform), sleep: deps.sleep, readFile: deps.fs.readFile });
      return shapeResponse(op, raw.body);
    },
    now: deps.now,
    sleep: (ms) => deps.sleep(ms, deps.signal),
    prompt: async (a) => {
      deps.stderr.write(promptText(a, browser, bold));
      if (browser) await deps.openBrowser(a.verificationUriComplete ?? a.verificationUri);
    },
  };

  const dir = cacheDir(deps.homedir);
  const regKey = registrationCacheKey({ startUrl: sso.startUrl, region: config.region, scopes: sso.scopes, sessionName: sso.sessionName });
  let registration = readRegistration(deps.fs, dir, regKey, deps.now());
  if (registration === undefined) {
    const name = `botocore-client-${sso.sessionName ?? Math.floor(deps.now().getTime() / 1000)}`;
    const c = await registerDeviceClient(io, name, sso.scopes);
    registration = { clientId: c.clientId, clientSecret: c.clientSecret, expiresAt: cacheTime(new Date(c.clientSecretExpiresAt * 1000)), ...(sso.scopes ? { scopes: sso.scopes } : {}) };
    writeRegistration(deps.fs, dir, regKey, registration);
    log.debug('login', `Registered client ${registration.clientId}; registration cached as ${regKey}.json`);
  } else log.debug('login', `Reusing the registration cached as ${regKey}.json`);

  const client = { clientId: registration.clientId, clientSecret: registration.clientSecret };
  const authorization = await startAuthorization(io, client, sso.startUrl);
  await io.prompt(authorization);
  const token = await pollForToken(io, client, authorization);
  const path = writeToken(deps.fs, dir, tokenCacheKey(sso.startUrl, sso.sessionName), {
    startUrl: sso.startUrl,
    region: config.region,
    accessToken: token.accessToken,
    expiresAt: cacheTime(new Date(deps.now().getTime() + token.expiresIn * 1000)),
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: registration.expiresAt,
    refreshToken: token.refreshToken,
  });
  log.debug('login', `Token cached in ${path}`);
  deps.stdout.write(`Successfully logged into Start URL: ${sso.startUrl}\n`);
}

/**
 * `sso-oidc login` and `logout` for daily use, end to end through the built CLI against the
 * emulator: the authorization code flow with PKCE (headless Chromium as $BROWSER clicks Allow),
 * the device code flow approved through the admin API and through the verification page in
 * Chromium, reuse (no request at all), refresh (no sign-in), the fallback after a refused refresh
 * token, automatic device code where no browser can open, logout; after each flow the cache is
 * read back by botocore's SSOTokenLoader and by the JS SDK's SSO token provider.
 *
 * Every environment is built from scratch (makeSandbox): no CI, SSH_*, DISPLAY or BROWSER leaks
 * in from the shell that runs the tests, so they pass inside CI and over SSH too.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator } from '../../src/emulator/types.js';
import { registrationCacheKey, tokenCacheKey } from '../../src/sso/cache.js';
import { startBrowserServer, type BrowserService } from '../helpers/browser-server.js';
import { makeSandbox, ROOT, runCli, type Sandbox } from '../helpers/cli.js';

const START = 'https://my-sso-portal.awsapps.com/start';
const CHROMIUM = '/usr/bin/chromium';
const noChromium = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed: the browser flows are skipped`;
const CLICK = join(ROOT, 'test/fixtures/browser/click.mjs');
/** $BROWSER with %s, as Python's webbrowser reads it: the URL replaces %s, one argument. */
const BROWSER = `${process.execPath} ${CLICK} %s`;

const CONFIG = `[default]
region = us-east-1
cli_follow_urlparam = false

[profile legacy]
sso_start_url = ${START}
sso_region = us-east-1

[sso-session my-sso]
sso_start_url = ${START}
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = my-sso
sso_account_id = 111122223333
sso_role_name = Dev
`;

const hasBotocore = spawnSync('python3', ['-c', 'import botocore.utils'], { encoding: 'utf-8' }).status === 0;

/** botocore's own loader reads the token file: [accessToken prefix, expiresAt]. */
function botocoreReads(dir: string, startUrl: string, session: string | undefined): string {
  const r = spawnSync(
    'python3',
    [
      '-c',
      'import sys; from botocore.utils import SSOTokenLoader, JSONFileCache; ' +
        't = SSOTokenLoader(JSONFileCache(sys.argv[1]))(sys.argv[2], session_name=(sys.argv[3] or None)); print(t["accessToken"][:3], t["expiresAt"])',
      dir,
      startUrl,
      session ?? '',
    ],
    { encoding: 'utf-8' },
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

/** The JS SDK's SSO token provider (what fromSSO credentials use) reads the token we cached. */
async function sdkReads(box: Sandbox, profile: string): Promise<string> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  const { fromSso } = await import('@aws-sdk/token-providers');
  const saved = { ...process.env };
  Object.assign(process.env, { AWS_CONFIG_FILE: box.env['AWS_CONFIG_FILE'], HOME: box.dir });
  try {
    const t = await fromSso({ profile })();
    assert.ok(t.expiration instanceof Date);
    return t.token;
  } finally {
    process.env = saved;
  }
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf-8')) as Record<string, unknown>;
}

async function waitFor<T>(what: string, get: () => T | undefined): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = get();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('login and logout, every flow', () => {
  let emu: Emulator;
  let box: Sandbox;
  const cache = (): string => join(box.dir, '.aws/sso/cache');
  const sessionToken = (): string => join(cache(), `${tokenCacheKey(START, 'my-sso')}.json`);
  const sessionRegistration = (): string =>
    join(
      cache(),
      `${registrationCacheKey({ startUrl: START, region: 'us-east-1', scopes: ['sso:account:access'], sessionName: 'my-sso' })}.json`,
    );
  const browserLog = (): string => join(box.dir, 'browser.log');
  const browserEntries = (): Record<string, string>[] =>
    existsSync(browserLog())
      ? readFileSync(browserLog(), 'utf-8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, string>)
      : [];

  let chromium: BrowserService | undefined;
  before(async () => {
    emu = await startEmulator({ host: '127.0.0.1', port: 0, interval: 1 });
    box = makeSandbox(CONFIG);
    if (!noChromium) chromium = await startBrowserServer();
  });
  after(async () => {
    await chromium?.close();
    await emu.close();
    box.cleanup();
  });

  test(
    'PKCE: headless Chromium as $BROWSER clicks Allow; registration and token as AWS CLI v2 writes them',
    { skip: noChromium },
    async () => {
      emu.clearRequests();
      const env = { ...box.env, ...chromium?.env, BROWSER, SSO_OIDC_TEST_BROWSER_LOG: browserLog() };
      const r = await runCli(['login', '--sso-session', 'my-sso', '--endpoint-url', emu.url], { env, timeoutMs: 120_000 });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `Successfully logged into Start URL: ${START}\n`);
      assert.match(r.stderr, /^Attempting to open your default browser\. If the browser does not open, open the following URL\.\n/);
      const url = new URL(/\n(http:\/\/127\.0\.0\.1:\d+\/authorize\?\S+)\n/.exec(r.stderr)?.[1] ?? '');
      assert.deepEqual(
        [...url.searchParams.keys()],
        ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge_method', 'scopes', 'code_challenge'],
      );
      assert.match(url.searchParams.get('redirect_uri') ?? '', /^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/);
      assert.equal(url.searchParams.get('scopes'), 'sso:account:access');
      const paths = emu.requests().map((q) => q.path);
      assert.deepEqual(
        paths.filter((p) => p !== '/authorize' && p !== '/authorize/decision'),
        ['/client/register', '/token'],
      );
      const register = emu.requests()[0]?.json as Record<string, unknown>;
      assert.deepEqual(register, {
        clientName: 'botocore-client-my-sso',
        clientType: 'public',
        grantTypes: ['authorization_code', 'refresh_token'],
        issuerUrl: START,
        redirectUris: ['http://127.0.0.1/oauth/callback'],
        scopes: ['sso:account:access'],
      });
      const exchange = emu.requests().find((q) => q.path === '/token')?.json as Record<string, string>;
      assert.equal(exchange['grantType'], 'authorization_code');
      assert.match(exchange['codeVerifier'] ?? '', /^[A-Za-z0-9\-._~]{64}$/);
      assert.equal(exchange['redirectUri'], url.searchParams.get('redirect_uri'));
      assert.match(emu.requests().find((q) => q.path === '/token')?.headers['user-agent'] ?? '', /md\/sso#auth/);
      // The browser writes its log after it saw the last page, which may be after login exited.
      const page = await waitFor('the browser log', () => browserEntries().find((e) => e['url']?.includes('/authorize?')));
      assert.match(page['text'] ?? '', /You can close this window/);
      assert.deepEqual(Object.keys(readJson(sessionRegistration())), ['clientId', 'clientSecret', 'expiresAt', 'scopes', 'grantTypes']);
      const token = readJson(sessionToken());
      assert.deepEqual(Object.keys(token), [
        'startUrl',
        'region',
        'accessToken',
        'expiresAt',
        'clientId',
        'clientSecret',
        'registrationExpiresAt',
        'refreshToken',
      ]);
      assert.equal(statSync(sessionToken()).mode & 0o777, 0o600);
      assert.equal(statSync(cache()).mode & 0o777, 0o700);
      if (hasBotocore) assert.match(botocoreReads(cache(), START, 'my-sso'), /^aoa \d{4}-/);
      assert.equal(await sdkReads(box, 'dev'), token['accessToken']);
    },
  );

  test('reuse: a second login sends nothing and says until when the token is valid', async () => {
    if (!existsSync(sessionToken())) {
      // Without Chromium the PKCE test did not run: sign in with the device code first.
      emu.clearRequests();
      const run = runCli(['login', '--sso-session', 'my-sso', '--endpoint-url', emu.url, '--use-device-code'], { env: box.env });
      emu.approve(await waitFor('a user code', () => [...emu.store.authorizations.values()].at(-1)?.userCode));
      assert.equal((await run).code, 0);
    }
    emu.clearRequests();
    const r = await runCli(['login', '--sso-session', 'my-sso', '--endpoint-url', emu.url], { env: box.env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(
      r.stdout,
      /^Already logged into Start URL: https:\/\/my-sso-portal\.awsapps\.com\/start \(token valid until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\n$/,
    );
    assert.deepEqual(emu.requests(), []);
  });

  test('device code approved through the admin API (--use-device-code --force); the PKCE registration is not used', async () => {
    emu.clearRequests();
    const run = runCli(['login', '--sso-session', 'my-sso', '--endpoint-url', emu.url, '--use-device-code', '--force'], { env: box.env });
    const userCode = await waitFor('a user code', () => [...emu.store.authorizations.values()].at(-1)?.userCode);
    const approved = await fetch(`${emu.url}/emulator/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userCode }),
    });
    assert.equal(approved.status, 200);
    const r = await run;
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `Successfully logged into Start URL: ${START}\n`);
    assert.match(r.stderr, /^Browser will not be automatically opened\.\nPlease visit the following URL:\n/);
    assert.ok(!r.stderr.includes('Waiting') && !r.stderr.includes('\u001b'), 'no progress line and no escape sequences on a pipe');
    const register = emu.requests().find((q) => q.path === '/client/register')?.json;
    assert.deepEqual(register, { clientName: 'botocore-client-my-sso', clientType: 'public', scopes: ['sso:account:access'] });
    assert.deepEqual(Object.keys(readJson(sessionRegistration())), ['clientId', 'clientSecret', 'expiresAt', 'scopes']);
    if (hasBotocore) assert.match(botocoreReads(cache(), START, 'my-sso'), /^aoa /);
    assert.equal(await sdkReads(box, 'dev'), readJson(sessionToken())['accessToken']);
  });

  test('device code approved on the verification page in headless Chromium (legacy profile)', { skip: noChromium }, async () => {
    emu.clearRequests();
    const env = { ...box.env, ...chromium?.env, AWS_PROFILE: 'legacy', BROWSER, SSO_OIDC_TEST_BROWSER_LOG: browserLog() };
    const r = await runCli(['login', '--endpoint-url', emu.url], { env, timeoutMs: 120_000 });
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /^Attempting to open your default browser\.\nIf the browser does not open or you wish to use a different device/,
    );
    assert.ok(emu.requests().some((q) => q.path === '/device_authorization'));
    const page = await waitFor('the browser log', () => browserEntries().find((e) => e['url']?.includes('?user_code=')));
    assert.match(page['url'] ?? '', /\?user_code=[A-Z]{4}-[A-Z]{4}$/);
    assert.match(page['text'] ?? '', /Request approved/);
    const file = join(cache(), `${tokenCacheKey(START, undefined)}.json`);
    assert.equal(readJson(file)['startUrl'], START);
    if (hasBotocore) assert.match(botocoreReads(cache(), START, undefined), /^aoa /);
  });

  for (const [name, extraEnv, extraArgs, reason] of [
    ['an SSH session, whatever BROWSER says', { SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22' }, [], 'this is an SSH session'],
    ['CI=true', { CI: 'true' }, [], 'CI is set'],
    ['--no-browser', {}, ['--no-browser'], '--no-browser'],
  ] as const) {
    test(`no browser means device code, in one line: ${name}`, async () => {
      const marker = join(box.dir, 'browser-was-run');
      const env = { ...box.env, ...extraEnv, BROWSER: `touch ${marker} %s` };
      const run = runCli(['login', '--sso-session', 'my-sso', '--endpoint-url', emu.url, '--force', ...extraArgs], { env });
      const before = emu.store.authorizations.size;
      const userCode = await waitFor('a user code', () =>
        emu.store.authorizations.size > before ? [...emu.store.authorizations.values()].at(-1)?.userCode : undefined,
      );
      emu.approve(userCode);
      const r = await run;
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr.split('\n')[0], `No browser will be opened (${reason}): signing in with a device code instead.`);
      assert.match(r.stderr, /\nBrowser will not be automatically opened\.\n/);
      assert.equal(existsSync(marker), false, 'no browser was started');
    });
  }

  test('refresh: an expiring token is refreshed without a sign-in; the rotated refresh token is cached', async () => {
    const short = await startEmulator({ host: '127.0.0.1', port: 0, interval: 1, autoApproveSeconds: 0, tokenExpiresIn: 600 });
    const home = makeSandbox(CONFIG);
    try {
      const args = ['login', '--sso-session', 'my-sso', '--endpoint-url', short.url, '--use-device-code'];
      const first = await runCli(args, { env: home.env });
      assert.equal(first.code, 0, first.stderr);
      const file = join(home.dir, '.aws/sso/cache', `${tokenCacheKey(START, 'my-sso')}.json`);
      const before = readJson(file);
      assert.ok(before['refreshToken']);
      short.clearRequests();
      // 10 minutes left: inside the 15-minute window, so login refreshes.
      const second = await runCli(args, { env: home.env });
      assert.equal(second.code, 0, second.stderr);
      assert.equal(second.stderr, '');
      assert.match(second.stdout, /^Successfully refreshed the token for Start URL: \S+ \(valid until \S+Z\)\n$/);
      assert.deepEqual(
        short.requests().map((q) => q.path),
        ['/token'],
      );
      assert.equal((short.requests()[0]?.json as Record<string, string>)['grantType'], 'refresh_token');
      const after = readJson(file);
      assert.notEqual(after['accessToken'], before['accessToken']);
      assert.notEqual(after['refreshToken'], before['refreshToken']);
      assert.deepEqual(Object.keys(after), Object.keys(before));
      if (hasBotocore) assert.match(botocoreReads(join(home.dir, '.aws/sso/cache'), START, 'my-sso'), /^aoa /);
      assert.equal(await sdkReads(home, 'dev'), after['accessToken']);

      // The old refresh token is refused by the emulator (rotation); put it back and log in again.
      writeFileSync(file, JSON.stringify({ ...after, refreshToken: before['refreshToken'] }));
      short.clearRequests();
      const third = await runCli(args, { env: home.env });
      assert.equal(third.code, 0, third.stderr);
      assert.equal(third.stderr.split('\n')[0], 'The cached refresh token was refused (InvalidGrantException): signing in again.');
      assert.equal(third.stdout, `Successfully logged into Start URL: ${START}\n`);
      assert.deepEqual(
        short
          .requests()
          .map((q) => q.path)
          .slice(0, 2),
        ['/token', '/device_authorization'],
      );
      assert.notEqual(readJson(file)['accessToken'], after['accessToken']);

      // An expired registration: no refresh is attempted, one line, then a sign-in.
      writeFileSync(file, JSON.stringify({ ...readJson(file), registrationExpiresAt: '2020-01-01T00:00:00Z' }));
      short.clearRequests();
      const fourth = await runCli(args, { env: home.env });
      assert.equal(fourth.code, 0, fourth.stderr);
      assert.equal(fourth.stderr.split('\n')[0], 'The client registration of the cached token has expired: signing in again.');
      assert.equal(short.requests()[0]?.path, '/device_authorization');
    } finally {
      await short.close();
      home.cleanup();
    }
  });

  test('logout: --sso-session, --start-url, then all; registrations stay; nothing left is exit 0', async () => {
    const legacyFile = join(cache(), `${tokenCacheKey(START, undefined)}.json`);
    if (!existsSync(legacyFile))
      writeFileSync(
        legacyFile,
        JSON.stringify({ startUrl: 'https://other.awsapps.com/start', accessToken: 'aoa-x', expiresAt: '2030-01-01T00:00:00Z' }),
      );
    const registrations = readdirSync(cache()).filter((n) => !('accessToken' in readJson(join(cache(), n))));
    assert.ok(registrations.length > 0);
    const one = await runCli(['logout', '--sso-session', 'my-sso'], { env: box.env });
    assert.equal(one.code, 0, one.stderr);
    assert.equal(one.stdout, `Removed the cached token for Start URL: ${START} (${sessionToken()})\n`);
    assert.equal(existsSync(sessionToken()), false);
    assert.equal(existsSync(legacyFile), true);
    const all = await runCli(['logout'], { env: box.env });
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stdout, /^Removed the cached token/);
    assert.equal(existsSync(legacyFile), false);
    assert.deepEqual(readdirSync(cache()).sort(), registrations.sort(), 'registrations are kept');
    const none = await runCli(['logout', '--start-url', START], { env: box.env });
    assert.equal(none.code, 0);
    assert.equal(none.stdout, 'No cached SSO tokens to remove.\n');
    assert.equal(none.stderr, '');
  });

  test('a file where the cache directory should be: a sentence with the path, exit 255, nothing sent', async () => {
    const home = makeSandbox(CONFIG);
    try {
      mkdirSync(join(home.dir, '.aws'));
      writeFileSync(join(home.dir, '.aws/sso'), 'not a directory');
      emu.clearRequests();
      const r = await runCli(['login', '--sso-session', 'my-sso', '--endpoint-url', emu.url], { env: home.env });
      assert.equal(r.code, 255);
      assert.equal(
        r.stderr,
        `\nCannot create the SSO token cache directory ${join(home.dir, '.aws/sso/cache')}: a file (not a directory) is in the way.\n`,
      );
      assert.deepEqual(emu.requests(), []);
    } finally {
      home.cleanup();
    }
  });

  test('a cache directory others may write is warned about once', async () => {
    const home = makeSandbox(CONFIG);
    try {
      const dir = join(home.dir, '.aws/sso/cache');
      mkdirSync(dir, { recursive: true });
      chmodSync(dir, 0o777);
      writeFileSync(
        join(dir, `${tokenCacheKey(START, 'my-sso')}.json`),
        JSON.stringify({ accessToken: 'aoa-x', expiresAt: '2999-01-01T00:00:00Z' }),
      );
      const r = await runCli(['login', '--sso-session', 'my-sso'], { env: home.env });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(
        r.stderr,
        `Warning: the SSO token cache directory ${dir} is writable by group or others (mode 0777); run: chmod 700 ${dir}\n`,
      );
    } finally {
      home.cleanup();
    }
  });
});

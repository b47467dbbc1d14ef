/**
 * `sso-oidc login` side by side with AWS CLI v2 (`/opt/awscli2/bin/aws`, 2.36.7) against the
 * same emulator (v2 pointed at it with AWS_ENDPOINT_URL_SSO_OIDC, and at headless Chromium with
 * BROWSER): for the same config both flows send the same RegisterClient members, write the same
 * cache file names with the same members and file modes, and each accepts the other's cached
 * registration and token. Directory modes differ on purpose (we create 0700; v2 leaves 0755).
 * Skips when v2 or Chromium is not installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator, RecordedRequest } from '../../src/emulator/types.js';
import { startBrowserServer, type BrowserService } from '../helpers/browser-server.js';
import { AWS_V2 as AWS2, makeSandbox, ROOT, runAwsV2, runCli, type Sandbox } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = !existsSync(AWS2)
  ? `${AWS2} is not installed (../shared/awscli-v2/install.sh): side-by-side tests skipped`
  : !existsSync(CHROMIUM)
    ? `${CHROMIUM} is not installed: side-by-side tests skipped`
    : false;
const START = 'https://my-sso-portal.awsapps.com/start';
// A trailing "&": Python's webbrowser starts it in the background (v2 would otherwise wait for the
// browser while its callback listener cannot answer); we read it the same way.
const BROWSER = `${process.execPath} ${join(ROOT, 'test/fixtures/browser/click.mjs')} %s &`;
const CONFIG = `[default]
region = us-east-1
cli_follow_urlparam = false

[sso-session my-sso]
sso_start_url = ${START}
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile dev]
sso_session = my-sso
sso_account_id = 111122223333
sso_role_name = Dev
`;

interface Side {
  box: Sandbox;
  env: Record<string, string>;
}

/** The file's one Chromium (every sign-in gets a context of its own in it). */
let chromium: BrowserService | undefined;

function side(emu: Emulator): Side {
  const box = makeSandbox(CONFIG);
  return { box, env: { ...box.env, ...chromium?.env, AWS_PAGER: '', AWS_ENDPOINT_URL_SSO_OIDC: emu.url, BROWSER } };
}

const aws2 = (s: Side, args: string[]) => runAwsV2(args, { env: s.env, timeoutMs: 120_000 });
const ours = (s: Side, args: string[]) => runCli(args, { env: s.env, timeoutMs: 120_000 });

/** name -> [members in order, file mode]. */
function cacheShape(s: Side): Map<string, [string[], number]> {
  const dir = join(s.box.dir, '.aws/sso/cache');
  const out = new Map<string, [string[], number]>();
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    out.set(name, [Object.keys(JSON.parse(readFileSync(p, 'utf-8')) as object), statSync(p).mode & 0o777]);
  }
  return out;
}

function cacheFile(s: Side, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(s.box.dir, '.aws/sso/cache', name), 'utf-8')) as Record<string, unknown>;
}

const registers = (reqs: RecordedRequest[]) => reqs.filter((q) => q.path === '/client/register').map((q) => q.json);

/** v2's own botocore loader reads a token file. */
function v2Reads(s: Side): string {
  const r = spawnSync(
    '/opt/awscli2/bin/python3',
    [
      '-c',
      'import sys; from awscli.botocore.utils import SSOTokenLoader, JSONFileCache; t = SSOTokenLoader(JSONFileCache(sys.argv[1]))(sys.argv[2], session_name="my-sso"); print(t["accessToken"][:3])',
      join(s.box.dir, '.aws/sso/cache'),
      START,
    ],
    { encoding: 'utf-8' },
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim();
}

// The two flows side by side, each with an emulator of its own: most of their time is polling and Chromium.
describe('login side by side with AWS CLI v2', { skip, concurrency: 2 }, () => {
  const sides: Side[] = [];
  const emulators: Emulator[] = [];
  before(async () => {
    chromium = await startBrowserServer();
  });
  after(async () => {
    await chromium?.close();
    for (const e of emulators) await e.close();
    for (const s of sides) s.box.cleanup();
  });

  for (const flow of ['authorization code with PKCE', 'device code'] as const) {
    test(`${flow}: same RegisterClient members, cache files, members and modes; each accepts the other's cache`, async () => {
      const emu = await startEmulator({ host: '127.0.0.1', port: 0, interval: 1 });
      emulators.push(emu);
      const flags = flow === 'device code' ? ['--use-device-code'] : [];
      const approve = flow === 'device code';
      const v2 = side(emu);
      const me = side(emu);
      sides.push(v2, me);
      // With --use-device-code the browser (Chromium via BROWSER) approves on the verification page.
      emu.clearRequests();
      const a = await aws2(v2, ['sso', 'login', '--sso-session', 'my-sso', ...flags]);
      assert.equal(a.code, 0, a.stderr + a.stdout);
      const v2Requests = emu.requests();
      emu.clearRequests();
      const b = await ours(me, ['login', '--sso-session', 'my-sso', ...flags]);
      assert.equal(b.code, 0, b.stderr);
      const ourRequests = emu.requests();
      assert.equal(
        approve,
        ourRequests.some((q) => q.path === '/device_authorization'),
      );

      assert.deepEqual(registers(ourRequests), registers(v2Requests), 'the same RegisterClient members and values');
      const tokenGrants = (reqs: RecordedRequest[]) =>
        reqs.filter((q) => q.path === '/token').map((q) => Object.keys(q.json as object).sort());
      assert.deepEqual(tokenGrants(ourRequests).at(-1), tokenGrants(v2Requests).at(-1), 'the same CreateToken members');
      const authorizeKeys = (reqs: RecordedRequest[]) =>
        reqs.filter((q) => q.path === '/authorize').map((q) => [...new URL(q.url, emu.url).searchParams.keys()]);
      assert.deepEqual(authorizeKeys(ourRequests), authorizeKeys(v2Requests), 'the same authorize URL parameters, in order');
      assert.deepEqual(cacheShape(me), cacheShape(v2), 'the same file names, members and modes');
      assert.equal(statSync(join(me.box.dir, '.aws/sso/cache')).mode & 0o777, 0o700, 'we create the directory 0700');

      // Each accepts the other's registration: a new sign-in with the other's cache registers nothing.
      const [tokenName] = [...cacheShape(me).keys()].filter((n) => 'accessToken' in cacheFile(me, n));
      assert.ok(tokenName);
      assert.equal(v2Reads(me), 'aoa', "v2's loader reads our token");
      emu.clearRequests();
      const again = await aws2(me, ['sso', 'login', '--sso-session', 'my-sso', ...flags]);
      assert.equal(again.code, 0, again.stderr + again.stdout);
      assert.deepEqual(registers(emu.requests()), [], 'v2 reused our registration');
      emu.clearRequests();
      const reuse = await ours(v2, ['login', '--sso-session', 'my-sso', ...flags]);
      assert.equal(reuse.code, 0, reuse.stderr);
      assert.match(reuse.stdout, /^Already logged into Start URL: /, "we reuse v2's token");
      assert.deepEqual(emu.requests(), []);
      emu.clearRequests();
      const forced = await ours(v2, ['login', '--sso-session', 'my-sso', '--force', ...flags]);
      assert.equal(forced.code, 0, forced.stderr);
      assert.deepEqual(registers(emu.requests()), [], "we reused v2's registration");
    });
  }
});

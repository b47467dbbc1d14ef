/**
 * `sso-oidc login` end to end against the emulator: the device flow, the token cache file the
 * AWS CLI v2 and SDKs read (checked with botocore's own loader where Python has it, and with the
 * JS SDK's token provider), registration reuse, denial and expiry.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator } from '../../src/emulator/types.js';
import { tokenCacheKey } from '../../src/sso/cache.js';
import { makeSandbox, runCli, type Sandbox } from '../helpers/cli.js';

const START = 'https://my-sso-portal.awsapps.com/start';

describe('login', () => {
  let emu: Emulator;
  let box: Sandbox;
  before(async () => {
    emu = await startEmulator({ host: '127.0.0.1', port: 0, autoApproveSeconds: 0, interval: 1 });
    box = makeSandbox(
      `[default]\nregion = us-east-1\ncli_follow_urlparam = false\n\n[profile dev]\nsso_session = my-sso\n\n[sso-session my-sso]\nsso_start_url = ${START}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
    );
  });
  after(async () => {
    await emu.close();
    box.cleanup();
  });

  const cacheDir = () => join(box.dir, '.aws/sso/cache');

  test('with --start-url: prompt on stderr, one line on stdout, token cached 0600', async () => {
    emu.clearRequests();
    const r = await runCli(['login', '--start-url', START, '--endpoint-url', emu.url, '--no-browser'], { env: box.env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `Successfully logged into Start URL: ${START}\n`);
    assert.match(
      r.stderr,
      /^Browser will not be automatically opened\.\nPlease visit the following URL:\n\nhttp:\/\/127\.0\.0\.1:\d+\/\n\nThen enter the code:\n\n[A-Z]{4}-[A-Z]{4}\n/,
    );
    const file = join(cacheDir(), `${tokenCacheKey(START, undefined)}.json`);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const text = readFileSync(file, 'utf-8');
    const token = JSON.parse(text) as Record<string, string>;
    assert.deepEqual(Object.keys(token), [
      'startUrl',
      'region',
      'accessToken',
      'expiresAt',
      'clientId',
      'clientSecret',
      'registrationExpiresAt',
    ]);
    assert.equal(token['startUrl'], START);
    assert.match(token['expiresAt'] as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match(text, /^\{"startUrl": "/, 'one line with Python separators, as aws sso login writes it');
    assert.doesNotMatch(r.stderr + r.stdout, new RegExp(token['accessToken'] as string));
    assert.deepEqual(
      emu
        .requests()
        .map((q) => q.path)
        .slice(0, 2),
      ['/client/register', '/device_authorization'],
    );
  });

  test('with an sso-session profile: refresh token, registration reused on the next login', async () => {
    const env = { ...box.env, AWS_PROFILE: 'dev' };
    const first = await runCli(['login', '--endpoint-url', emu.url], { env });
    assert.equal(first.code, 0, first.stderr);
    const token = JSON.parse(readFileSync(join(cacheDir(), `${tokenCacheKey(START, 'my-sso')}.json`), 'utf-8')) as Record<string, string>;
    assert.ok(token['refreshToken'], 'scoped registrations get a refresh token');
    emu.clearRequests();
    const second = await runCli(['login', '--endpoint-url', emu.url, '--force'], { env });
    assert.equal(second.code, 0, second.stderr);
    assert.ok(!emu.requests().some((q) => q.path === '/client/register'), 'the cached registration is reused');
    assert.ok(readdirSync(cacheDir()).length >= 3);
  });

  test('the JS SDK reads the token we cached', async () => {
    process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
    const { fromSso } = await import('@aws-sdk/token-providers');
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_CONFIG_FILE: box.env['AWS_CONFIG_FILE'], HOME: box.dir });
    try {
      const t = await fromSso({ profile: 'dev' })();
      assert.match(t.token, /^aoa/);
      assert.ok(t.expiration instanceof Date);
    } finally {
      process.env = saved;
    }
  });

  test("botocore's SSOTokenLoader reads it too", (t) => {
    const py = spawnSync('python3', ['-c', 'import botocore.utils'], { encoding: 'utf-8' });
    if (py.status !== 0) return t.skip('python3 with botocore is not installed');
    const r = spawnSync(
      'python3',
      [
        '-c',
        `import json,sys; from botocore.utils import SSOTokenLoader; from botocore.utils import JSONFileCache; t = SSOTokenLoader(JSONFileCache('${cacheDir()}'))('${START}'); print(t['accessToken'][:3], t['expiresAt'])`,
      ],
      { encoding: 'utf-8' },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^aoa \d{4}-/);
  });

  test('a denied authorization exits 254 with the service error', async () => {
    const denying = await startEmulator({ host: '127.0.0.1', port: 0, interval: 1 });
    try {
      const run = runCli(['login', '--start-url', 'https://deny.example/start', '--endpoint-url', denying.url, '--no-browser'], {
        env: box.env,
      });
      const code = await waitForUserCode(denying);
      denying.deny(code);
      const r = await run;
      assert.equal(r.code, 254);
      assert.match(r.stderr, /\nAn error occurred \(AccessDeniedException\) when calling the CreateToken operation: .+\n$/);
      assert.equal(r.stdout, '');
    } finally {
      await denying.close();
    }
  });

  test('unknown options are refused', async () => {
    const r = await runCli(['login', '--start-url', START, '--bogus'], { env: box.env });
    assert.equal(r.code, 252);
    assert.match(r.stderr, /Unknown options: --bogus/);
  });
});

async function waitForUserCode(emu: Emulator): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const auth = [...emu.store.authorizations.values()].at(-1);
    if (auth) return auth.userCode;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no device authorization started');
}

/**
 * The authorization code flow's local side, in-process (fake deps; the "browser" is a fetch
 * from the test): the callback listener ignores a response without our state, a denial ends the
 * run with the OAuth error made terminal-safe, Ctrl-C while waiting exits 130, and --debug never
 * shows the code, the verifier or a token.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator } from '../../src/emulator/types.js';
import { tokenCacheKey } from '../../src/sso/cache.js';
import { fakeDeps, runMain, type FakeDeps } from '../helpers/fake-deps.js';

const START = 'https://my-sso-portal.awsapps.com/start';
const CONFIG = `[default]\nregion = us-east-1\n\n[sso-session my-sso]\nsso_start_url = ${START}\nsso_region = us-east-1\n`;

describe('login: the authorization code flow in-process', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await emu.close();
  });

  /** A fake deps with a display (so a browser "opens") whose browser is `act(url)`. */
  function withBrowser(act: (url: URL, deps: FakeDeps) => Promise<void>): FakeDeps {
    const deps = fakeDeps({ config: CONFIG, env: { DISPLAY: ':0' } });
    deps.openBrowser = async (url) => {
      void act(new URL(url), deps);
      return true;
    };
    return deps;
  }
  const args = (...extra: string[]): string[] => ['login', '--sso-session', 'my-sso', '--endpoint-url', emu.url, ...extra];

  test('a response without our state is refused and the wait goes on; then approval and the exchange', async () => {
    let strayStatus = 0;
    const deps = withBrowser(async (url) => {
      const redirect = url.searchParams.get('redirect_uri') ?? '';
      strayStatus = (await fetch(`${redirect}?code=forged&state=not-ours`)).status;
      const page = await fetch(url, { redirect: 'manual' });
      const token = /name="request_token" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const decided = await fetch(`${emu.url}/authorize/decision`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({ request_token: token, decision: 'allow' }),
      });
      await fetch(decided.headers.get('location') ?? '');
    });
    try {
      const r = await runMain(args('--debug'), { deps });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(strayStatus, 400);
      assert.match(r.stdout, /^Successfully logged into Start URL: /);
      const exchange = emu
        .requests()
        .filter((q) => q.path === '/token')
        .at(-1)?.json as Record<string, string>;
      for (const secret of [exchange['code'], exchange['codeVerifier'], exchange['clientSecret']]) {
        assert.ok(secret && !r.stderr.includes(secret), 'no secret in --debug output');
      }
    } finally {
      deps.cleanup();
    }
  });

  test('a denial in the browser: the OAuth error, terminal-safe, exit 255, nothing cached', async () => {
    const deps = withBrowser(async (url) => {
      const redirect = url.searchParams.get('redirect_uri') ?? '';
      const state = url.searchParams.get('state') ?? '';
      await fetch(`${redirect}?error=access_denied&error_description=${encodeURIComponent('no \u001b[31mway')}&state=${state}`);
    });
    try {
      const r = await runMain(args('--force'), { deps });
      assert.equal(r.code, 255, r.stderr);
      assert.match(r.stderr, /\nFailed to retrieve an authorization code \(access_denied\): no \\x1b\[31mway\n$/);
      assert.equal(r.stdout, '');
      assert.ok(!existsSync(join(deps.dir, '.aws/sso/cache', `${tokenCacheKey(START, 'my-sso')}.json`)), 'no token cached');
    } finally {
      deps.cleanup();
    }
  });

  test('Ctrl-C while waiting for the browser exits 130', async () => {
    const deps = withBrowser(async (_url, d) => d.interrupt());
    try {
      const r = await runMain(args('--force'), { deps });
      assert.equal(r.code, 130);
      assert.equal(r.stdout, '\n');
    } finally {
      deps.cleanup();
    }
  });
});

/**
 * login against servers that answer what they should not (issue 10 items 3, 10, 11, 12, 14),
 * in-process with fake deps (a clock that moves only with sleeps) against the emulator's
 * scripted raw responses: a huge interval, huge expiry values, terminal controls in the user
 * code, a file: URL for the browser, a full disk.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator, ScriptedResponse } from '../../src/emulator/types.js';
import { tokenCacheKey } from '../../src/sso/cache.js';
import { fakeDeps, runMain } from '../helpers/fake-deps.js';

const START = 'https://hostile.awsapps.com/start';
const json = (path: string, body: string, status = 200): ScriptedResponse => ({
  path,
  status,
  headers: { 'Content-Type': 'application/json' },
  body,
});
const error = (path: string, type: string): ScriptedResponse => ({
  path,
  status: 400,
  headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': type },
  body: JSON.stringify({ error: 'authorization_pending', error_description: 'pending' }),
});
const REGISTER = json(
  '/client/register',
  '{"clientId":"cid","clientSecret":"csecret","clientIdIssuedAt":1,"clientSecretExpiresAt":4102444800}',
);
const device = (extra: string): ScriptedResponse =>
  json(
    '/device_authorization',
    `{"deviceCode":"dc","userCode":"ABCD-EFGH","verificationUri":"https://device.example/","verificationUriComplete":"https://device.example/?user_code=ABCD-EFGH","expiresIn":600,"interval":1${extra}}`,
  );

describe('login against hostile answers', () => {
  let emu: Emulator;
  before(async () => {
    emu = await startEmulator({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await emu.close();
  });
  const argv = (): string[] => ['login', '--start-url', START, '--region', 'us-east-1', '--endpoint-url', emu.url, '--no-browser'];

  test('interval 2147484 with 5 s to live: one wait of 5 s, never a tight loop, then expired', async () => {
    emu.clearFaults();
    emu.clearRequests();
    emu.script([
      REGISTER,
      device(',"expiresIn":5,"interval":2147484'),
      ...Array.from({ length: 20 }, () => error('/token', 'AuthorizationPendingException')),
    ]);
    const deps = fakeDeps();
    try {
      const r = await runMain(argv(), { deps });
      assert.equal(r.code, 255, r.stderr);
      assert.match(r.stderr, /The pending authorization to retrieve an SSO token has expired/);
      assert.ok(
        deps.sleeps.every((ms) => ms >= 1000),
        `every wait is at least 1 s: ${deps.sleeps.join(',')}`,
      );
      assert.ok(deps.sleeps.reduce((a, b) => a + b, 0) <= 5000, 'no wait goes past the expiry');
      assert.ok(emu.requests().filter((q) => q.path === '/token').length <= 6);
    } finally {
      deps.cleanup();
    }
  });

  test('expiresIn and clientSecretExpiresAt of 10^20: clamped to 9999-12-31T23:59:59Z, token written, nothing alarming', async () => {
    emu.clearFaults();
    emu.script([
      json(
        '/client/register',
        '{"clientId":"cid","clientSecret":"csecret","clientIdIssuedAt":1,"clientSecretExpiresAt":99999999999999999999}',
      ),
      device(''),
      json('/token', '{"accessToken":"aoa-huge","tokenType":"Bearer","expiresIn":99999999999999999999}'),
    ]);
    const deps = fakeDeps();
    try {
      const r = await runMain(argv(), { deps });
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /Invalid|Error|warning/i);
      const token = JSON.parse(
        readFileSync(join(deps.dir, '.aws/sso/cache', `${tokenCacheKey(START, undefined)}.json`), 'utf-8'),
      ) as Record<string, string>;
      assert.equal(token['expiresAt'], '9999-12-31T23:59:59Z');
      assert.equal(token['registrationExpiresAt'], '9999-12-31T23:59:59Z');
    } finally {
      deps.cleanup();
    }
  });

  test('terminal controls in the user code and URL are shown escaped; a file: URL never reaches the browser', async () => {
    emu.clearFaults();
    emu.script([
      REGISTER,
      json(
        '/device_authorization',
        JSON.stringify({
          deviceCode: 'dc',
          userCode: 'AB\u001b[2JCD',
          verificationUri: 'https://x.example/\u001b]8;;https://evil/\u0007',
          verificationUriComplete: 'file:///etc/passwd',
          expiresIn: 600,
          interval: 1,
        }),
      ),
      json('/token', '{"accessToken":"aoa-x","tokenType":"Bearer","expiresIn":3600}'),
    ]);
    const deps = fakeDeps({ env: { DISPLAY: ':0' } });
    try {
      const r = await runMain(['login', '--start-url', START, '--region', 'us-east-1', '--endpoint-url', emu.url], { deps });
      assert.equal(r.code, 0, r.stderr);
      // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
      assert.doesNotMatch(r.stderr, /\u001b|\u0007/);
      assert.match(r.stderr, /AB\\x1b\[2JCD/);
      assert.match(r.stderr, /The URL is not an http or https URL, so it is not opened in a browser\./);
      assert.deepEqual(deps.opened, []);
    } finally {
      deps.cleanup();
    }
  });

  test('a service error message with terminal controls is printed escaped', async () => {
    emu.clearFaults();
    emu.script([
      REGISTER,
      device(''),
      {
        path: '/token',
        status: 400,
        headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'AccessDeniedException' },
        body: JSON.stringify({ error: 'access_denied', error_description: 'denied \u001b]0;pwned\u0007 by \u009b31m admin' }),
      },
    ]);
    const r = await runMain(argv());
    assert.equal(r.code, 254);
    assert.match(
      r.stderr,
      /\nAn error occurred \(AccessDeniedException\) when calling the CreateToken operation: denied \\x1b\]0;pwned\\x07 by \\x9b31m admin\n$/,
    );
  });

  test('a full disk when the token is written: a sentence with the path, exit 255', async () => {
    emu.clearFaults();
    emu.script([REGISTER, device(''), json('/token', '{"accessToken":"aoa-x","tokenType":"Bearer","expiresIn":3600}')]);
    const deps = fakeDeps();
    const real = deps.fs.writeFileAtomic;
    deps.fs = {
      ...deps.fs,
      writeFileAtomic: (path, data, mode) => {
        if (path.endsWith(`${tokenCacheKey(START, undefined)}.json`))
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        real(path, data, mode);
      },
    };
    try {
      const r = await runMain(argv(), { deps });
      assert.equal(r.code, 255);
      const path = join(deps.dir, '.aws/sso/cache', `${tokenCacheKey(START, undefined)}.json`);
      assert.match(
        r.stderr,
        new RegExp(`\\nCannot write the SSO token cache file ${path.replace(/[.]/g, '\\.')}: no space left on the device\\.\\n$`),
      );
      assert.equal(r.stdout, '');
    } finally {
      deps.cleanup();
    }
  });
});

/**
 * Through main(argv, deps) in-process, against the emulator: --debug writes AWS-style lines to
 * stderr with no secret in them and leaves stdout unchanged; a --query error never shows a token.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useRegisteredClient } from '../helpers/registered-client.js';
import { runMain } from '../helpers/fake-deps.js';

describe('--debug and secrets, through main()', () => {
  const fx = useRegisteredClient();

  const inProcess = (args: string[]) => runMain(args, { dir: fx.box.dir, env: fx.box.env });

  test('--debug: AWS-style lines, no secret anywhere, stdout as without it', async () => {
    const r = await inProcess([...fx.sda(), '--debug']);
    assert.equal(r.code, 0, r.stderr);
    const deviceCode = (JSON.parse(r.stdout) as { deviceCode: string }).deviceCode;
    assert.match(r.stderr, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - MainThread - sso_oidc\.clidriver - DEBUG - CLI version: sso-oidc\//);
    for (const line of r.stderr.trimEnd().split('\n')) {
      assert.match(
        line,
        /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - MainThread - sso_oidc\.[\w.]+ - DEBUG - |\s)/,
        `log line shape: ${line}`,
      );
    }
    assert.match(r.stderr, /POST/);
    assert.match(r.stderr, /\/device_authorization/);
    assert.ok(!r.stderr.includes(fx.client.clientSecret), 'the client secret is never logged');
    assert.ok(!r.stderr.includes(deviceCode), 'the device code is never logged');
    assert.match(r.stderr, /\*\*\*/);
    const plain = await inProcess(fx.sda());
    assert.equal(Object.keys(JSON.parse(plain.stdout) as object).join(), Object.keys(JSON.parse(r.stdout) as object).join());
    assert.equal(plain.stderr, '');

    // create-token: the tokens in the response are masked too.
    const auth = JSON.parse(plain.stdout) as { deviceCode: string; userCode: string };
    fx.emu.approve(auth.userCode);
    const t = await inProcess([
      'create-token',
      '--client-id',
      fx.client.clientId,
      '--client-secret',
      fx.client.clientSecret,
      '--grant-type',
      'urn:ietf:params:oauth:grant-type:device_code',
      '--device-code',
      auth.deviceCode,
      '--endpoint-url',
      fx.emu.url,
      '--debug',
    ]);
    assert.equal(t.code, 0, t.stderr);
    const token = JSON.parse(t.stdout) as { accessToken: string; refreshToken: string };
    for (const secret of [fx.client.clientSecret, auth.deviceCode, token.accessToken, token.refreshToken]) {
      assert.ok(!t.stderr.includes(secret), 'no secret in --debug output');
    }
  });

  test('a --query error that quotes a token masks it', async () => {
    fx.emu.script([
      {
        path: '/token',
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"accessToken":"aoa-SECRET-TOKEN-VALUE","tokenType":"Bearer","expiresIn":3600}',
      },
    ]);
    const r = await inProcess([
      'create-token',
      '--client-id',
      'c',
      '--client-secret',
      's',
      '--grant-type',
      'refresh_token',
      '--refresh-token',
      'r',
      '--endpoint-url',
      fx.emu.url,
      '--query',
      'abs(accessToken)',
    ]);
    assert.equal(r.code, 255);
    assert.equal(r.stderr, '\nIn function abs(), invalid type for value: ***, expected one of: [\'number\'], received: "string"\n');
  });
});

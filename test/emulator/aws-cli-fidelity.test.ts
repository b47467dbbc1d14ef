/**
 * Fidelity check: the real AWS CLI (v1, when on PATH) runs the whole device flow against the
 * emulator. Its environment is built from scratch so nothing of ours (AWS_CA_BUNDLE, profiles,
 * credentials) leaks in, and it can reach nothing but the emulator on 127.0.0.1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAws, makeSandbox, runAws } from '../helpers/cli.js';
import { withEmulator } from '../helpers/emulator.js';

test('AWS CLI v1 runs the whole device flow against the emulator', { timeout: 120_000 }, async (t) => {
  if (findAws() === null) {
    t.skip('aws CLI not on PATH');
    return;
  }
  // A from-scratch environment whose config has cli_follow_urlparam = false: the CLI must pass
  // URL parameters through, never fetch them.
  const box = makeSandbox();
  const aws = (args: string[]) => runAws([...args, '--region', 'us-east-1', '--output', 'json', '--no-sign-request'], { env: box.env });
  try {
    await withEmulator({}, async (emu) => {
      const ep = ['--endpoint-url', emu.url];
      const reg = await aws(['sso-oidc', 'register-client', '--client-name', 'x', '--client-type', 'public', ...ep]);
      assert.equal(reg.code, 0, reg.stderr);
      const client = JSON.parse(reg.stdout) as Record<string, string>;
      const creds = ['--client-id', client.clientId ?? '', '--client-secret', client.clientSecret ?? ''];
      // A start URL on the emulator itself: even if it were followed, nothing else is contacted.
      const startUrl = `${emu.url}/start`;
      const sda = await aws(['sso-oidc', 'start-device-authorization', ...creds, '--start-url', startUrl, ...ep]);
      assert.equal(sda.code, 0, sda.stderr);
      const device = JSON.parse(sda.stdout) as Record<string, string | number>;
      assert.equal(device.verificationUri, `${emu.url}/`);
      const tokenArgs = [
        'sso-oidc',
        'create-token',
        ...creds,
        '--grant-type',
        'urn:ietf:params:oauth:grant-type:device_code',
        '--device-code',
        String(device.deviceCode),
        ...ep,
      ];

      const pending = await aws(tokenArgs);
      assert.equal(pending.code, 255);
      assert.match(pending.stderr, /An error occurred \(AuthorizationPendingException\) when calling the CreateToken operation: \S/);

      const approve = await emu.post('/emulator/approve', { userCode: device.userCode });
      assert.equal(approve.status, 200);
      const done = await aws(tokenArgs);
      assert.equal(done.code, 0, done.stderr);
      const token = JSON.parse(done.stdout) as Record<string, unknown>;
      assert.match(String(token.accessToken), /^aoa/);
      assert.equal(token.tokenType, 'Bearer');
      assert.equal(token.expiresIn, 28800);

      const recorded = emu.requests();
      assert.deepEqual(
        recorded.map((r) => `${r.method} ${r.path}`),
        ['POST /client/register', 'POST /device_authorization', 'POST /token', 'POST /token'],
        'the start URL was passed through, not fetched',
      );
      assert.equal((recorded[1]?.json as Record<string, unknown>).startUrl, startUrl);
      assert.match(recorded[0]?.headers['user-agent'] ?? '', /aws-cli\/1\./);
      assert.equal(recorded[0]?.headers.authorization, undefined, '--no-sign-request');
    });
  } finally {
    box.cleanup();
  }
});

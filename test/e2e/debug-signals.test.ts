/**
 * Through the built CLI, against the emulator: --debug writes AWS-style lines to stderr with no
 * secret in them and leaves stdout unchanged; Ctrl-C during a request exits 130 with no stack
 * trace; a closed stdout ends the run quietly.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator } from '../../src/emulator/types.js';
import { BIN, makeSandbox, runCli, type Sandbox } from '../helpers/cli.js';

describe('--debug, Ctrl-C, closed pipes', () => {
  let emu: Emulator;
  let box: Sandbox;
  let client: { clientId: string; clientSecret: string };
  const sda = () => ['start-device-authorization', '--client-id', client.clientId, '--client-secret', client.clientSecret, '--start-url', 'https://example.awsapps.com/start', '--endpoint-url', emu.url];

  before(async () => {
    emu = await startEmulator({ host: '127.0.0.1', port: 0 });
    box = makeSandbox();
    client = (await (await fetch(`${emu.url}/client/register`, { method: 'POST', body: '{"clientName":"dbg","clientType":"public","scopes":["sso:account:access"]}' })).json()) as typeof client;
  });
  after(async () => {
    await emu.close();
    box.cleanup();
  });

  test('--debug: AWS-style lines, no secret anywhere, stdout as without it', async () => {
    const r = await runCli([...sda(), '--debug'], { env: box.env });
    assert.equal(r.code, 0, r.stderr);
    const deviceCode = (JSON.parse(r.stdout) as { deviceCode: string }).deviceCode;
    assert.match(r.stderr, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - MainThread - sso_oidc\.clidriver - DEBUG - CLI version: sso-oidc\//);
    for (const line of r.stderr.trimEnd().split('\n')) {
      assert.match(line, /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - MainThread - sso_oidc\.[\w.]+ - DEBUG - |\s)/, `log line shape: ${line}`);
    }
    assert.match(r.stderr, /POST/);
    assert.match(r.stderr, /\/device_authorization/);
    assert.ok(!r.stderr.includes(client.clientSecret), 'the client secret is never logged');
    assert.ok(!r.stderr.includes(deviceCode), 'the device code is never logged');
    assert.match(r.stderr, /\*\*\*/);
    const plain = await runCli(sda(), { env: box.env });
    assert.equal(Object.keys(JSON.parse(plain.stdout) as object).join(), Object.keys(JSON.parse(r.stdout) as object).join());
    assert.equal(plain.stderr, '');

    // create-token: the tokens in the response are masked too.
    const auth = JSON.parse(plain.stdout) as { deviceCode: string; userCode: string };
    emu.approve(auth.userCode);
    const t = await runCli(['create-token', '--client-id', client.clientId, '--client-secret', client.clientSecret, '--grant-type', 'urn:ietf:params:oauth:grant-type:device_code', '--device-code', auth.deviceCode, '--endpoint-url', emu.url, '--debug'], { env: box.env });
    assert.equal(t.code, 0, t.stderr);
    const token = JSON.parse(t.stdout) as { accessToken: string; refreshToken: string };
    for (const secret of [client.clientSecret, auth.deviceCode, token.accessToken, token.refreshToken]) {
      assert.ok(!t.stderr.includes(secret), 'no secret in --debug output');
    }
  });

  test('a --query error that quotes a token masks it', async () => {
    emu.script([{ path: '/token', status: 200, headers: { 'content-type': 'application/json' }, body: '{"accessToken":"aoa-SECRET-TOKEN-VALUE","tokenType":"Bearer","expiresIn":3600}' }]);
    const r = await runCli(['create-token', '--client-id', 'c', '--client-secret', 's', '--grant-type', 'refresh_token', '--refresh-token', 'r', '--endpoint-url', emu.url, '--query', 'abs(accessToken)'], { env: box.env });
    assert.equal(r.code, 255);
    assert.equal(r.stderr, '\nIn function abs(), invalid type for value: ***, expected one of: [\'number\'], received: "string"\n');
  });

  test('Ctrl-C during a request: exit 130, a newline on stdout, nothing on stderr', async () => {
    emu.setFaults({ hang: { count: 1 } });
    emu.clearRequests();
    const child = spawn(process.execPath, [BIN, ...sda()], { env: box.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    for (let i = 0; i < 200 && emu.requests().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(emu.requests().length, 1, 'the request is in flight');
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    emu.clearFaults();
    assert.equal(code, 130);
    assert.equal(stdout, '\n');
    assert.equal(stderr, '');
  });

  test('a closed stdout ends the run quietly', async () => {
    // 300 KB of output into `head -c1`: the pipe closes long before we are done writing.
    const big = JSON.stringify({ deviceCode: 'x'.repeat(300_000), userCode: 'U' });
    for (const output of ['text', 'json']) {
      emu.script([{ path: '/device_authorization', status: 200, headers: { 'content-type': 'application/json' }, body: big }]);
      const args = [...sda(), '--output', output].map((a) => `'${a}'`).join(' ');
      const script = `set -o pipefail; "${process.execPath}" "${BIN}" ${args} | head -c1 >/dev/null; echo "rc=$?"`;
      const r = await new Promise<{ out: string; err: string }>((resolve) => {
        const c = spawn('bash', ['-c', script], { env: box.env });
        let out = '';
        let err = '';
        c.stdout.on('data', (d: Buffer) => (out += d.toString()));
        c.stderr.on('data', (d: Buffer) => (err += d.toString()));
        c.on('close', () => resolve({ out, err }));
      });
      assert.equal(r.err, '', `--output ${output}: nothing on stderr`);
      assert.equal(r.out, 'rc=0\n', `--output ${output}: exit 0`);
    }
  });
});

/**
 * Transport faults through main(argv, deps) in-process, against real local servers: the message, the exit code
 * and the number of attempts the server saw, for each fault issue 4 names.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator } from '../../src/emulator/types.js';
import { makeCertificateAuthority } from '../../src/emulator/certs.js';
import { makeSandbox, type Sandbox } from '../helpers/cli.js';
import { runMain } from '../helpers/fake-deps.js';
import { startProxy } from '../helpers/proxy.js';

describe('transport faults through main()', () => {
  let http: Emulator;
  let https: Emulator;
  let box: Sandbox;
  let creds = { clientId: 'c', clientSecret: 's3cr3t' };
  const args = (url: string) => [
    'start-device-authorization',
    '--client-id',
    creds.clientId,
    '--client-secret',
    creds.clientSecret,
    '--start-url',
    'https://example.awsapps.com/start',
    '--endpoint-url',
    url,
  ];
  const ok = '{"deviceCode":"D","userCode":"ABCD-EFGH","expiresIn":600,"interval":1}';

  before(async () => {
    http = await startEmulator({ host: '127.0.0.1', port: 0 });
    https = await startEmulator({ host: '127.0.0.1', port: 0, https: true });
    box = makeSandbox();
    box.write('wrong-ca.pem', makeCertificateAuthority('Not the emulator').cert);
    creds = (await (
      await fetch(`${http.url}/client/register`, { method: 'POST', body: '{"clientName":"faults","clientType":"public"}' })
    ).json()) as typeof creds;
  });
  after(async () => {
    await http.close();
    await https.close();
    box.cleanup();
  });

  async function cli(emu: Emulator, extra: string[], env: Record<string, string> = {}) {
    emu.clearRequests();
    const r = await runMain([...args(emu.url), ...extra], { dir: box.dir, env: { ...box.env, ...env } });
    return { ...r, attempts: emu.requests().length };
  }

  test('500s then success: exit 0, 3 attempts, nothing on stderr', async () => {
    http.setFaults({ fail: { count: 2, status: 500 } });
    const r = await cli(http, ['--query', 'interval', '--output', 'text']);
    http.clearFaults();
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '1\n');
    assert.equal(r.stderr, '');
    assert.equal(r.attempts, 3);
  });

  test('500s until the budget runs out: exit 254, (reached max retries: 2), 3 attempts', async () => {
    http.setFaults({ fail: { count: 5, status: 500 } });
    const r = await cli(http, []);
    http.clearFaults();
    assert.equal(r.code, 254);
    assert.equal(r.attempts, 3);
    assert.match(
      r.stderr,
      /^\nAn error occurred \(InternalServerException\) when calling the StartDeviceAuthorization operation \(reached max retries: 2\): /,
    );
  });

  test('429 throttling is retried, then succeeds', async () => {
    // Scripted responses come before faults, so the 429 is scripted too.
    http.script([
      {
        path: '/device_authorization',
        status: 429,
        headers: { 'x-amzn-ErrorType': 'ThrottlingException' },
        body: '{"message":"Rate exceeded"}',
      },
      { path: '/device_authorization', status: 200, headers: { 'content-type': 'application/json' }, body: ok },
    ]);
    const r = await cli(http, ['--query', 'userCode', '--output', 'text']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'ABCD-EFGH\n');
    assert.equal(r.stderr, '');
    assert.equal(r.attempts, 2);
  });

  test('connection refused: exit 255, AWS wording', async () => {
    const r = await runMain(args('http://127.0.0.1:1'), { dir: box.dir, env: { ...box.env, AWS_MAX_ATTEMPTS: '1' } });
    assert.equal(r.code, 255);
    assert.equal(r.stderr, '\nCould not connect to the endpoint URL: "http://127.0.0.1:1/device_authorization"\n');
  });

  test('a slow server past the read timeout: exit 255, 1 attempt with AWS_MAX_ATTEMPTS=1', async () => {
    http.setFaults({ hang: { count: 1 } });
    const r = await cli(http, ['--cli-read-timeout', '1'], { AWS_MAX_ATTEMPTS: '1' });
    http.clearFaults();
    assert.equal(r.code, 255);
    assert.equal(r.attempts, 1);
    assert.equal(r.stderr, `\nRead timeout on endpoint URL: "${http.url}/device_authorization"\n`);
  });

  test('a certificate nobody vouches for, and a wrong CA: exit 255, one line', async () => {
    for (const extra of [[], ['--ca-bundle', 'wrong-ca.pem']]) {
      const r = await cli(https, extra, { AWS_MAX_ATTEMPTS: '1' });
      assert.equal(r.code, 255);
      assert.match(
        r.stderr,
        new RegExp(
          `^\\nSSL validation failed for ${https.url}/device_authorization \\[SSL: CERTIFICATE_VERIFY_FAILED\\] certificate verify failed: .+\\n$`,
        ),
      );
      assert.equal(r.attempts, 0, 'nothing reached the handler');
    }
  });

  test('the right CA, and --no-verify-ssl with one warning', async () => {
    https.script([{ path: '/device_authorization', status: 200, headers: { 'content-type': 'application/json' }, body: ok }]);
    const good = await cli(https, ['--ca-bundle', https.caPath as string, '--output', 'text', '--query', 'userCode']);
    assert.equal(good.code, 0, good.stderr);
    assert.equal(good.stderr, '');
    https.script([{ path: '/device_authorization', status: 200, headers: { 'content-type': 'application/json' }, body: ok }]);
    const insecure = await cli(https, ['--no-verify-ssl', '--output', 'text', '--query', 'userCode']);
    assert.equal(insecure.code, 0, insecure.stderr);
    assert.equal(insecure.stdout, 'ABCD-EFGH\n');
    assert.equal(insecure.stderr.trim().split('\n').length, 1, `one warning line: ${insecure.stderr}`);
  });

  test('a missing CA bundle names the path', async () => {
    const r = await cli(https, ['--ca-bundle', 'missing.pem']);
    assert.equal(r.code, 255);
    assert.match(r.stderr, /No such file or directory: '.*missing\.pem'/);
  });

  test('through an HTTP proxy with credentials; NO_PROXY bypasses it; a proxy that is down', async () => {
    const proxy = await startProxy({ user: 'u', pass: 'p@ss' });
    try {
      const proxyUrl = `http://u:${encodeURIComponent('p@ss')}@127.0.0.1:${proxy.port}`;
      https.script([{ path: '/device_authorization', status: 200, headers: { 'content-type': 'application/json' }, body: ok }]);
      const via = await cli(https, ['--ca-bundle', https.caPath as string, '--output', 'text', '--query', 'userCode'], {
        HTTPS_PROXY: proxyUrl,
      });
      assert.equal(via.code, 0, via.stderr);
      assert.equal(via.stdout, 'ABCD-EFGH\n');
      assert.equal(proxy.requests.length, 1);
      assert.equal(proxy.requests[0]?.method, 'CONNECT');

      https.script([{ path: '/device_authorization', status: 200, headers: { 'content-type': 'application/json' }, body: ok }]);
      const bypass = await cli(https, ['--ca-bundle', https.caPath as string], { HTTPS_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' });
      assert.equal(bypass.code, 0, bypass.stderr);
      assert.equal(proxy.requests.length, 1, 'NO_PROXY went around the proxy');
    } finally {
      await proxy.close();
    }
    const down = await cli(https, ['--ca-bundle', https.caPath as string], {
      HTTPS_PROXY: `http://u:secret@127.0.0.1:${proxy.port}`,
      AWS_MAX_ATTEMPTS: '1',
    });
    assert.equal(down.code, 255);
    assert.match(down.stderr, /^\nFailed to connect to proxy URL: "http:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:\d+"\n$/);
    assert.doesNotMatch(down.stderr, /secret/);
  });
});

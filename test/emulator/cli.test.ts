/** The sso-oidc-emulator bin, spawned as a user would run it (needs the bundle in dist/emulator/). */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import https from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const BIN = 'bin/sso-oidc-emulator.js';
const BUILT = 'dist/emulator/cli.js';

/** Builds when dist/ is missing or older than the emulator's sources (npm test builds first anyway). */
before(() => {
  const sources = [...readdirSync('src/emulator').map((f) => join('src/emulator', f)), 'src/errors.ts'];
  const builtAt = (() => {
    try {
      return statSync(BUILT).mtimeMs;
    } catch {
      return 0;
    }
  })();
  if (sources.some((f) => statSync(f).mtimeMs > builtAt)) {
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore', timeout: 180_000 });
  }
  assert.ok(statSync(BUILT).mtimeMs > 0, `${BUILT} is missing: run npm run build`);
});

interface Running {
  child: ChildProcessWithoutNullStreams;
  lines: AsyncIterator<string>;
  stderr: () => string;
  exit: Promise<number | null>;
}

function launch(args: string[], env: NodeJS.ProcessEnv = process.env): Running {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return { child, lines, stderr: () => err, exit };
}

async function nextLine(r: Running): Promise<string> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no stdout line; stderr: ${r.stderr()}`)), 10_000).unref(),
  );
  const line = await Promise.race([r.lines.next(), timeout]);
  assert.equal(line.done, false, `stdout ended; stderr: ${r.stderr()}`);
  return line.value;
}

function assertNoStack(text: string): void {
  assert.doesNotMatch(text, /\n\s+at [^\n]+:\d+:\d+/, `stack trace in: ${text}`);
}

test('prints the URL first, serves, and exits 0 on SIGTERM', async () => {
  const r = launch(['--port', '0']);
  const url = await nextLine(r);
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const res = await fetch(`${url}/client/register`, { method: 'POST', body: JSON.stringify({ clientName: 'cli', clientType: 'public' }) });
  assert.equal(res.status, 200);
  r.child.kill('SIGTERM');
  assert.equal(await r.exit, 0);
  assert.match(r.stderr(), /stopped \(SIGTERM\)/);
  assertNoStack(r.stderr());
});

test('--https prints the CA bundle path second; SIGINT exits 0', async () => {
  const r = launch(['--https']);
  const url = await nextLine(r);
  assert.match(url, /^https:\/\/127\.0\.0\.1:\d+$/);
  const caLine = await nextLine(r);
  const m = /^CA bundle: (.+)$/.exec(caLine);
  assert.ok(m?.[1], caLine);
  const ca = readFileSync(m[1], 'utf8');
  const status = await new Promise<number>((resolve, reject) => {
    https
      .request(`${url}/client/register`, { method: 'POST', ca, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject)
      .end(JSON.stringify({ clientName: 'cli', clientType: 'public' }));
  });
  assert.equal(status, 200);
  r.child.kill('SIGINT');
  assert.equal(await r.exit, 0);
  assertNoStack(r.stderr());
});

test('--auto-approve and --verbose: one log line per request, no bodies', async () => {
  const r = launch(['--auto-approve', '--verbose', '--interval', '0']);
  const url = await nextLine(r);
  const post = async (path: string, body: unknown): Promise<Record<string, string>> =>
    (await (await fetch(url + path, { method: 'POST', body: JSON.stringify(body) })).json()) as Record<string, string>;
  const reg = await post('/client/register', { clientName: 'ci', clientType: 'public' });
  const sda = await post('/device_authorization', { clientId: reg.clientId, clientSecret: reg.clientSecret, startUrl: 'https://x/start' });
  const token = await post('/token', {
    clientId: reg.clientId,
    clientSecret: reg.clientSecret,
    grantType: 'urn:ietf:params:oauth:grant-type:device_code',
    deviceCode: sda.deviceCode,
  });
  assert.match(token.accessToken ?? '', /^aoa/);
  r.child.kill('SIGTERM');
  assert.equal(await r.exit, 0);
  const log = r.stderr();
  assert.match(log, /^POST \/client\/register 200$/m);
  assert.match(log, /^POST \/token 200$/m);
  for (const secret of [reg.clientSecret, sda.deviceCode, token.accessToken]) assert.ok(!log.includes(secret ?? '??'));
});

for (const args of [['--port', 'abc'], ['--port', '70000'], ['--bogus'], ['--auto-approve=soon'], ['--expires-in', '0'], ['extra']]) {
  test(`bad options exit 252 with a clear message: ${args.join(' ')}`, async () => {
    const r = launch(args);
    assert.equal(await r.exit, 252);
    assert.match(r.stderr(), /error: /);
    assertNoStack(r.stderr());
  });
}

test('--help prints usage and exits 0', async () => {
  const r = launch(['--help']);
  let out = '';
  r.child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  assert.equal(await r.exit, 0);
  assert.match(out, /Usage: sso-oidc-emulator/);
  assert.match(out, /--auto-approve \[seconds\]/);
});

test('a port in use exits 255 with a message and no stack', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  try {
    const r = launch(['--port', String(port)]);
    assert.equal(await r.exit, 255);
    assert.match(r.stderr(), /cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/);
    assertNoStack(r.stderr());
  } finally {
    blocker.close();
  }
});

test('a malformed --iam-credentials is refused (252) without quoting the value, from argv or the environment', async () => {
  const secret = 'AKIDEXAMPLEwJalrXUtnFEMI-K7MDENG-bPxRfiCY';
  for (const [args, env] of [
    [['--iam-credentials', secret], process.env],
    [[], { ...process.env, SSO_OIDC_EMULATOR_IAM_CREDENTIALS: secret }],
  ] as const) {
    const r = launch([...args], env);
    let out = '';
    r.child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    assert.equal(await r.exit, 252);
    assert.equal(out, '');
    assert.equal(
      r.stderr(),
      "error: option '--iam-credentials <AKID:SECRET>' value is invalid (not shown: it holds a secret). " +
        'Expected ACCESS_KEY_ID:SECRET_ACCESS_KEY.\n(run sso-oidc-emulator --help for usage)\n',
    );
    assert.ok(!r.stderr().includes(secret));
  }
});
test('--host 0.0.0.0 warns that the admin API is reachable; --admin-token and --request-log apply', async () => {
  const r = launch(['--host', '0.0.0.0', '--admin-token', 'tok-123', '--request-log', '1']);
  const url = await nextLine(r);
  try {
    const json = { 'Content-Type': 'application/json' };
    for (const name of ['a', 'b']) {
      await fetch(`${url}/client/register`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ clientName: name, clientType: 'public' }),
      });
    }
    assert.equal((await fetch(`${url}/emulator/requests`)).status, 401);
    const res = await fetch(`${url}/emulator/requests`, { headers: { Authorization: 'Bearer tok-123' } });
    const { requests } = (await res.json()) as { requests: Array<{ json: { clientName: string } }> };
    assert.deepEqual(
      requests.map((q) => q.json.clientName),
      ['b'],
    );
  } finally {
    r.child.kill('SIGTERM');
  }
  assert.equal(await r.exit, 0);
  assert.match(r.stderr(), /warning: listening on 0\.0\.0\.0: the admin API \(\/emulator\/\) is reachable from the network\./);
  assertNoStack(r.stderr());
});

test('SSO_OIDC_EMULATOR_ADMIN_TOKEN: the admin token from the environment, out of the command line', async () => {
  const r = launch(['--port', '0'], { ...process.env, SSO_OIDC_EMULATOR_ADMIN_TOKEN: 'env-tok-456' });
  const url = await nextLine(r);
  try {
    assert.equal((await fetch(`${url}/emulator/requests`)).status, 401);
    assert.equal((await fetch(`${url}/emulator/requests`, { headers: { Authorization: 'Bearer env-tok-456' } })).status, 200);
    const cmdline = readFileSync(`/proc/${r.child.pid}/cmdline`, 'utf-8');
    assert.doesNotMatch(cmdline, /env-tok-456/, 'not in what ps shows');
  } finally {
    r.child.kill('SIGTERM');
  }
  assert.equal(await r.exit, 0);
});

test('a loopback --host gives no warning', async () => {
  const r = launch(['--port', '0']);
  await nextLine(r);
  r.child.kill('SIGTERM');
  assert.equal(await r.exit, 0);
  assert.doesNotMatch(r.stderr(), /warning/);
});

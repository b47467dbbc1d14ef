/**
 * Issue 10, items 1, 2, 4, 5, 6 and 14 (first part), through the built CLI against real local
 * servers: a closed stderr keeps the exit code, huge timeouts never warn, files that never end
 * or never come are capped or interruptible, deep JSON and huge bodies fail cleanly, and an
 * endpoint URL Node cannot parse prints what the AWS CLI prints.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator } from '../../src/emulator/types.js';
import { BIN, findAws, makeSandbox, ROOT, run, runAws, runCli, type RunResult, type Sandbox } from '../helpers/cli.js';
import { listenOnLoopback } from '../helpers/loopback.js';

const sda = (endpoint: string, startUrl = 'https://example.awsapps.com/start') => [
  'start-device-authorization',
  '--client-id',
  'cid',
  '--client-secret',
  'S3CRET-VALUE',
  '--start-url',
  startUrl,
  '--endpoint-url',
  endpoint,
];

/** Resolves once `pid` has `path` open (read from /proc), or after ~10 s. */
async function waitUntilOpen(pid: number, path: string): Promise<boolean> {
  for (let i = 0; i < 400; i++) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        try {
          if (readlinkSync(`/proc/${pid}/fd/${fd}`) === path) return true;
        } catch {
          // the fd closed meanwhile
        }
      }
    } catch {
      return false; // the process is gone
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

/** Spawns the CLI, waits until it has `fifo` open, sends SIGINT; the result (killed after 15 s). */
async function interruptWhileReading(
  args: string[],
  env: Record<string, string>,
  fifo: string,
  cwd: string,
): Promise<RunResult & { wasOpen: boolean }> {
  let child: ChildProcess | undefined;
  const done = run(process.execPath, [BIN, ...args], { env, cwd, timeoutMs: 15_000, onSpawn: (c) => (child = c) });
  const wasOpen = await waitUntilOpen((child as ChildProcess).pid as number, fifo);
  (child as ChildProcess).kill('SIGINT');
  return { ...(await done), wasOpen };
}

describe('hostile inputs and servers, through the built CLI', () => {
  let box: Sandbox;
  let emu: Emulator;

  before(async () => {
    box = makeSandbox();
    emu = await startEmulator({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await emu.close();
    box.cleanup();
  });

  test('item 1: an error with stderr on a closed pipe keeps its exit code', async () => {
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [BIN, ...sda('http://127.0.0.1:1')], { env: box.env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stderr.destroy(); // the reader is gone before the CLI writes its error
      child.stdout.resume();
      child.on('close', (c) => resolve(c));
    });
    assert.equal(code, 255);
  });

  test('item 1: `2>&1 | head -c1` under pipefail still fails', async () => {
    const args = sda('http://127.0.0.1:1')
      .map((a) => `'${a}'`)
      .join(' ');
    const r = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" ${args} 2>&1 | head -c1 >/dev/null; echo "rc=$?"`],
      { env: box.env, encoding: 'utf-8', timeout: 30_000 },
    );
    assert.equal(r.stdout, 'rc=255\n');
  });

  test('item 2: timeouts past 2^31-1 ms are clamped, with no TimeoutOverflowWarning', async () => {
    const refused = await runCli([...sda('http://127.0.0.1:1'), '--cli-connect-timeout', '2147484', '--cli-read-timeout', '99999999999'], {
      env: box.env,
    });
    assert.equal(refused.stderr, '\nCould not connect to the endpoint URL: "http://127.0.0.1:1/device_authorization"\n');
    assert.equal(refused.code, 255);
    const ok = await runCli([...sda(emu.url), '--cli-connect-timeout', '2147484', '--cli-read-timeout', '2147484'], { env: box.env });
    // The emulator does not know client "cid": its answer, and nothing else.
    assert.equal(
      ok.stderr,
      '\nAn error occurred (InvalidClientException) when calling the StartDeviceAuthorization operation: Invalid client credentials\n',
    );
    assert.equal(ok.code, 254);
  });

  test("item 2: the emulator's --latency past 2^31-1 ms waits instead of warning", async () => {
    let child: ChildProcess | undefined;
    const done = run(process.execPath, [join(ROOT, 'bin/sso-oidc-emulator.js'), '--latency', '2147484000'], {
      env: box.env,
      timeoutMs: 20_000,
      onSpawn: (c) => (child = c),
    });
    const c = child as ChildProcess;
    const url = await new Promise<string>((resolve) => c.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim())));
    const pending = fetch(`${url}/token`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }).then(
      () => 'answered',
      () => 'dropped',
    );
    // The request is recorded just before the latency timer is armed.
    for (let i = 0; i < 200; i++) {
      const { requests } = (await (await fetch(`${url}/emulator/requests`)).json()) as { requests: unknown[] };
      if (requests.length > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const first = await Promise.race([pending, new Promise((r) => setTimeout(() => r('waiting'), 300))]);
    c.kill('SIGTERM');
    const r = await done;
    assert.equal(first, 'waiting', 'a 1 ms timer would have answered');
    assert.doesNotMatch(r.stderr, /TimeoutOverflowWarning|Warning/);
  });

  test('item 14: an endpoint URL Node cannot parse prints the AWS CLI message', async () => {
    const cases: [string, string][] = [
      ['http://127.0.0.1:99999', 'http://127.0.0.1:99999/device_authorization'],
      ['http://127.0.0.1:99999/p/?q=1', 'http://127.0.0.1:99999/p/device_authorization?q=1'],
      ['http://127.0.0.1:abc', 'http://127.0.0.1:abc/device_authorization'],
      ['http://[::1]:99999#frag', 'http://[::1]:99999/device_authorization#frag'],
    ];
    for (const [endpoint, shown] of cases) {
      const r = await runCli(sda(endpoint), { env: box.env });
      assert.equal(r.stderr, `\nAn HTTP Client raised an unhandled exception: Failed to parse: ${shown}\n`, endpoint);
      assert.equal(r.code, 255);
      assert.equal(r.stdout, '');
    }
  });

  test('item 14: side by side with aws (v1)', { skip: findAws() === null && 'aws is not on PATH' }, async () => {
    const ours = await runCli(sda('http://127.0.0.1:99999'), { env: box.env });
    const theirs = await runAws(['sso-oidc', ...sda('http://127.0.0.1:99999')], { env: box.env, timeoutMs: 30_000 });
    assert.equal(ours.stderr, theirs.stderr);
    assert.equal(ours.code, theirs.code);
  });

  test('item 4: /dev/zero as a value, --cli-input-json, config file and CA bundle: capped, fast, clear', async () => {
    const param = await runCli(sda(emu.url, 'file:///dev/zero'), { env: box.env });
    assert.equal(
      param.stderr,
      "\nError parsing parameter '--start-url': Unable to load paramfile file:///dev/zero: [Errno 27] File too large: '/dev/zero' (the limit is 1 MiB, 1048576 bytes)\n",
    );
    assert.equal(param.code, 252);
    const binary = await runCli(sda(emu.url, 'fileb:///dev/zero'), { env: box.env });
    assert.equal(binary.code, 252);
    assert.match(binary.stderr, /File too large/);
    const input = await runCli([...sda(emu.url), '--cli-input-json', 'file:///dev/zero'], { env: box.env });
    assert.equal(input.code, 252);
    assert.match(
      input.stderr,
      /^\nError parsing parameter '--cli-input-json': Unable to load paramfile file:\/\/\/dev\/zero: \[Errno 27\] File too large/,
    );
    const config = await runCli(sda(emu.url), { env: { ...box.env, AWS_CONFIG_FILE: '/dev/zero' } });
    assert.equal(config.stderr, '\nUnable to parse config file: /dev/zero: the file is larger than 16 MiB (16777216 bytes)\n');
    assert.equal(config.code, 253);
    const credentials = await runCli(sda(emu.url), { env: { ...box.env, AWS_SHARED_CREDENTIALS_FILE: '/dev/zero' } });
    assert.equal(credentials.code, 253);
    const ca = await runCli([...sda('https://127.0.0.1:1'), '--ca-bundle', '/dev/zero'], { env: box.env });
    assert.equal(ca.stderr, '\nUnable to load the CA bundle /dev/zero: the file is larger than 16 MiB (16777216 bytes)\n');
    assert.equal(ca.code, 253);
  });

  test('item 4: a FIFO nobody writes gives way to Ctrl-C (130) wherever it is read', async () => {
    const fifo = join(box.dir, 'never.fifo');
    spawnSync('mkfifo', [fifo]);
    const cases: [string, string[], Record<string, string>][] = [
      ['file:// value', sda(emu.url, `file://${fifo}`), {}],
      ['--cli-input-json', [...sda(emu.url), '--cli-input-json', `file://${fifo}`], {}],
      ['AWS_CONFIG_FILE', sda(emu.url), { AWS_CONFIG_FILE: fifo }],
      ['--ca-bundle', [...sda('https://127.0.0.1:1'), '--ca-bundle', fifo], {}],
    ];
    for (const [name, args, env] of cases) {
      const r = await interruptWhileReading(args, { ...box.env, ...env }, fifo, box.dir);
      assert.ok(r.wasOpen, `${name}: the CLI opened the FIFO`);
      assert.equal(r.code, 130, `${name}: exit 130 (signal ${String(r.signal)})`);
      assert.equal(r.stdout, '\n', name);
      assert.equal(r.stderr, '', name);
    }
  });

  test('item 4: pipes that deliver still work: file:///dev/stdin and file://<(cmd), as with aws', async () => {
    const q = (a: string) => `'${a}'`;
    /** What the emulator received as startUrl from `command` (run by bash, stdin given). */
    const sent = async (command: string, input: string): Promise<string | undefined> => {
      emu.clearRequests();
      await run('bash', ['-c', command], { env: box.env, input, timeoutMs: 60_000 }); // async: the emulator runs in this process
      return (emu.requests()[0]?.json as { startUrl?: string } | undefined)?.startUrl;
    };
    const head = sda(emu.url).slice(0, 5).map(q).join(' ');
    const tail = `--endpoint-url ${q(emu.url)}`;
    const ours = `"${process.execPath}" "${BIN}" ${head}`;
    assert.equal(
      await sent(`printf https://from.stdin/start | ${ours} --start-url file:///dev/stdin ${tail}`, ''),
      'https://from.stdin/start',
    );
    // stdin a socket (what spawn() gives a child), which /dev/stdin cannot reopen.
    assert.equal(await sent(`${ours} --start-url file:///dev/stdin ${tail}`, 'https://from.socket/start'), 'https://from.socket/start');
    // <(...) must stay unquoted for bash to expand it.
    assert.equal(await sent(`${ours} --start-url file://<(printf https://from.procsub/start) ${tail}`, ''), 'https://from.procsub/start');
    const aws = findAws();
    if (aws === null) return; // the AWS CLI comparison below needs aws on PATH
    const theirs = `${[aws.command, ...aws.prefix].map(q).join(' ')} sso-oidc ${head}`;
    assert.equal(
      await sent(`printf https://from.stdin/start | ${theirs} --start-url file:///dev/stdin ${tail}`, ''),
      'https://from.stdin/start',
    );
    assert.equal(await sent(`${theirs} --start-url file://<(printf https://from.procsub/start) ${tail}`, ''), 'https://from.procsub/start');
  });

  test('item 5: --cli-input-json nested 2,000 deep: a JSON error and 252', async () => {
    const deep = `{"clientId":${'['.repeat(2000)}${']'.repeat(2000)}}`;
    box.write('deep.json', deep);
    for (const value of [deep, 'file://deep.json']) {
      const r = await runCli(
        ['start-device-authorization', '--client-secret', 's', '--start-url', 'u', '--endpoint-url', emu.url, '--cli-input-json', value],
        { env: box.env, cwd: box.dir },
      );
      assert.equal(r.code, 252);
      assert.match(
        r.stderr,
        /^\nError parsing parameter 'cli-input-json': Invalid JSON: Nested deeper than 1000 levels: line 1 column 1012 \(char 1011\)\nJSON received: /,
      );
      assert.doesNotMatch(r.stderr, /call stack|RangeError/);
    }
  });

  test('item 5: a response nested 3,000 deep fails with 255 and says so (v1 dies of a RecursionError), not a silent 0', async () => {
    const deep = `{"deviceCode":${'['.repeat(3000)}${']'.repeat(3000)},"userCode":"U"}`;
    emu.script([{ path: '/device_authorization', status: 200, headers: { 'content-type': 'application/json' }, body: deep }]);
    const r = await runCli(sda(emu.url), { env: box.env });
    assert.equal(
      r.stderr,
      '\nUnable to parse the StartDeviceAuthorization response: Nested deeper than 1000 levels: line 1 column 1014 (char 1013)\n',
    );
    assert.equal(r.code, 255);
    assert.equal(r.stdout, '');
  });
});

describe('item 6: response bodies are capped at 1 MiB', () => {
  let box: Sandbox;
  let url = '';
  let close: () => Promise<void> = async () => undefined;
  /** How each connection ended: 'closed' when the client hung up before the body was done. */
  const endings: string[] = [];
  let mode: 'big' | 'chunked' = 'big';

  before(async () => {
    box = makeSandbox();
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.on('close', () => endings.push(res.writableFinished ? 'finished' : 'closed'));
        if (mode === 'big') {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024) });
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          const pump = (): void => {
            while (!res.destroyed && res.write(chunk));
            if (!res.destroyed) res.once('drain', pump);
          };
          pump();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }); // chunked, never ends
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        const pump = (): void => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      });
    });
    const l = await listenOnLoopback(server);
    url = `http://127.0.0.1:${l.port}`;
    close = l.close;
  });
  after(async () => {
    await close();
    box.cleanup();
  });

  for (const [name, m, extra] of [
    ['a 100 MB body', 'big', []],
    ['an endless chunked body', 'chunked', []],
    ['an endless chunked body with --cli-read-timeout 0', 'chunked', ['--cli-read-timeout', '0']],
    ['an endless chunked body with --cli-read-timeout 5', 'chunked', ['--cli-read-timeout', '5']],
  ] as const) {
    test(`${name}: a clear message, 255, one attempt, the socket freed`, async () => {
      mode = m;
      endings.length = 0;
      const r = await runCli([...sda(url), ...extra], { env: box.env, timeoutMs: 30_000 });
      assert.equal(
        r.stderr,
        `\nThe response from endpoint URL: "${url}/device_authorization" is larger than 1 MiB (1048576 bytes); the connection was closed without reading the rest.\n`,
      );
      assert.equal(r.code, 255);
      assert.equal(r.stdout, '');
      for (let i = 0; i < 100 && endings.length === 0; i++) await new Promise((res) => setTimeout(res, 20));
      assert.deepEqual(endings, ['closed'], 'one attempt, and the client hung up');
    });
  }
});

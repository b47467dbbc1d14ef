/**
 * Our stdout writes to the descriptor (src/cli/stdio.ts) rather than through process.stdout: a
 * response larger than a pipe holds (300 KB against 64 KB) reaches a reader that starts late
 * whole and in order, on a blocking pipe (writeSync waits) and on a pipe its writer end shares
 * as non-blocking (writeSync says EAGAIN; Node's stream takes the rest). Python makes the pipe,
 * since Node cannot make one non-blocking for a child.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator } from '../../src/emulator/types.js';
import { BIN, makeSandbox, run, type Sandbox } from '../helpers/cli.js';

const havePython = spawnSync('python3', ['-c', 'import fcntl'], { encoding: 'utf-8' }).status === 0;

/** Runs argv with stdout on a pipe (non-blocking on the writer's side when asked) and reads it after 1 s. */
const READER = `
import fcntl, os, subprocess, sys, time
r, w = os.pipe()
if sys.argv[1] == 'nonblocking':
    fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
p = subprocess.Popen(sys.argv[2:], stdout=w)
os.close(w)
time.sleep(1)
chunks = []
while True:
    d = os.read(r, 65536)
    if not d:
        break
    chunks.append(d)
sys.stdout.buffer.write(b''.join(chunks))
sys.exit(p.wait())
`;

describe('stdout larger than a pipe, read late', { skip: havePython ? false : 'python3 (with fcntl) is not installed' }, () => {
  let emu: Emulator;
  let box: Sandbox;
  const userCode = 'ABCD'.repeat(75_000);
  before(async () => {
    emu = await startEmulator({ host: '127.0.0.1', port: 0 });
    box = makeSandbox();
  });
  after(async () => {
    await emu.close();
    box.cleanup();
  });

  for (const mode of ['blocking', 'nonblocking'] as const) {
    test(`a ${mode} pipe gets all of it, in order`, async () => {
      emu.script([
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            deviceCode: 'dc',
            userCode,
            verificationUri: 'https://v',
            verificationUriComplete: 'https://c',
            expiresIn: 600,
            interval: 1,
          }),
        },
      ]);
      const args = ['start-device-authorization', '--client-id', 'a', '--client-secret', 'b', '--start-url', 'https://x.awsapps.com/start'];
      const r = await run('python3', ['-c', READER, mode, process.execPath, BIN, ...args, '--endpoint-url', emu.url, '--output', 'text'], {
        env: box.env,
        cwd: box.dir,
      });
      assert.equal(r.stderr, '');
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `dc\t600\t1\t${userCode}\thttps://v\thttps://c\n`);
    });
  }
});

/**
 * Through the built CLI, against the emulator (these need a process): Ctrl-C during a request
 * exits 130 with no stack trace; a closed stdout ends the run quietly. --debug is in
 * test/driver/debug.test.ts.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import { BIN } from '../helpers/cli.js';
import { useRegisteredClient } from '../helpers/registered-client.js';

describe('Ctrl-C, closed pipes', () => {
  const fx = useRegisteredClient();

  test('Ctrl-C during a request: exit 130, a newline on stdout, nothing on stderr', async () => {
    fx.emu.setFaults({ hang: { count: 1 } });
    fx.emu.clearRequests();
    const child = spawn(process.execPath, [BIN, ...fx.sda()], { env: fx.box.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    for (let i = 0; i < 200 && fx.emu.requests().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(fx.emu.requests().length, 1, 'the request is in flight');
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    fx.emu.clearFaults();
    assert.equal(code, 130);
    assert.equal(stdout, '\n');
    assert.equal(stderr, '');
  });

  test('a closed stdout ends the run quietly', async () => {
    // 300 KB of output into `head -c1`: the pipe closes long before we are done writing.
    const big = JSON.stringify({ deviceCode: 'x'.repeat(300_000), userCode: 'U' });
    for (const output of ['text', 'json']) {
      fx.emu.script([{ path: '/device_authorization', status: 200, headers: { 'content-type': 'application/json' }, body: big }]);
      const args = [...fx.sda(), '--output', output].map((a) => `'${a}'`).join(' ');
      const script = `set -o pipefail; "${process.execPath}" "${BIN}" ${args} | head -c1 >/dev/null; echo "rc=$?"`;
      const r = await new Promise<{ out: string; err: string }>((resolve) => {
        const c = spawn('bash', ['-c', script], { env: fx.box.env });
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

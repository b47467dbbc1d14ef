/**
 * Issue 10 items 2, 4 and 14 in-process, through main(argv, deps) with the real FileSystem.read:
 * a FIFO nobody writes gives way to the abort signal, /dev/zero is cut off at the cap, and the
 * timer and URL helpers hold their edges.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { joinUnparsedUrl } from '../../src/aws/settings.js';
import { readCapped } from '../../src/cli/read-file.js';
import { MAX_TIMER_MS, timerMs } from '../../src/timer.js';
import { fakeDeps, runMain } from '../helpers/fake-deps.js';

const sda = (startUrl: string) => [
  'start-device-authorization',
  '--client-id',
  'c',
  '--client-secret',
  's',
  '--start-url',
  startUrl,
  '--endpoint-url',
  'http://127.0.0.1:1',
];

/** Whether this process has `path` open. */
function isOpenHere(path: string): boolean {
  return readdirSync('/proc/self/fd').some((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  });
}

test('a FIFO nobody writes: the abort signal ends the read and main returns 130', async () => {
  const deps = fakeDeps();
  try {
    const fifo = join(deps.dir, 'never.fifo');
    spawnSync('mkfifo', [fifo]);
    const running = runMain(sda(`file://${fifo}`), { deps });
    for (let i = 0; i < 400 && !isOpenHere(fifo); i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(isOpenHere(fifo), 'the read is waiting on the FIFO');
    deps.interrupt();
    const r = await running;
    assert.equal(r.code, 130);
    assert.equal(r.stdout, '\n');
    assert.equal(r.stderr, '');
    assert.ok(!isOpenHere(fifo), 'the FIFO is closed again');
  } finally {
    deps.cleanup();
  }
});

test('a regular file: read whole up to the cap, refused past it; a /proc file that says 0 bytes is read too', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sso-oidc-read-'));
  try {
    const file = join(dir, 'f');
    const text = 'x'.repeat(200_000); // more than one chunk
    writeFileSync(file, text);
    assert.equal((await readCapped(file, { maxBytes: 200_000 })).toString(), text, 'exactly at the cap');
    await assert.rejects(readCapped(file, { maxBytes: 199_999 }), { code: 'EFBIG' });
    writeFileSync(file, '');
    assert.equal((await readCapped(file, { maxBytes: 10 })).length, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.match((await readCapped('/proc/self/status', { maxBytes: 1_000_000 })).toString(), /^Name:/);
});

test('/dev/zero is cut off just past the cap', async () => {
  await assert.rejects(readCapped('/dev/zero', { maxBytes: 1000 }), { code: 'EFBIG' });
  assert.equal((await readCapped('/dev/null', { maxBytes: 10 })).length, 0);
  await assert.rejects(readCapped('/nonexistent/x', { maxBytes: 10 }), { code: 'ENOENT' });
  await assert.rejects(readCapped('/', { maxBytes: 10 }), { code: 'EISDIR' });
  const r = await runMain(sda('file:///dev/zero'));
  assert.equal(r.code, 252);
  assert.match(r.stderr, /\[Errno 27\] File too large: '\/dev\/zero'/);
});

test('timerMs: at most 2^31-1, never negative or NaN', () => {
  assert.equal(timerMs(2_147_484_000), MAX_TIMER_MS);
  assert.equal(timerMs(Number.MAX_VALUE), MAX_TIMER_MS);
  assert.equal(timerMs(Infinity), MAX_TIMER_MS);
  assert.equal(timerMs(-5), 0);
  assert.equal(timerMs(NaN), 0);
  assert.equal(timerMs(1.2), 2);
});

test("joinUnparsedUrl joins as botocore's _urljoin on the URL's text", () => {
  assert.equal(joinUnparsedUrl('http://127.0.0.1:99999', '/token'), 'http://127.0.0.1:99999/token');
  assert.equal(joinUnparsedUrl('http://h:99999/p/', '/token'), 'http://h:99999/p/token');
  assert.equal(joinUnparsedUrl('http://h:99999/p?', '/token'), 'http://h:99999/p/token');
  assert.equal(joinUnparsedUrl('http://h:x/?a=1#f', '/token'), 'http://h:x/token?a=1#f');
});

test('a JSON document among unknown options has its secrets masked (login takes no --cli-input-json; found by the fuzz test)', async () => {
  const r = await runMain([
    'login',
    '--start-url',
    'https://x/start',
    '--cli-input-json',
    '{"clientId":"c","clientSecret":"S3CRET-IN-JSON"}',
    '--endpoint-url',
    'http://127.0.0.1:1',
  ]);
  assert.equal(r.code, 252);
  assert.match(r.stderr, /Unknown options: --cli-input-json, \{"clientId":"c","clientSecret":"\*\*\*"\}/);
  assert.ok(!r.stderr.includes('S3CRET-IN-JSON'));
});

test('a YAML document among unknown options has its secrets masked too (found by the fuzz test)', async () => {
  const r = await runMain([
    'login',
    '--start-url',
    'https://x/start',
    '--cli-input-yaml',
    'clientId: c\nclientSecret: S3CRET-IN-YAML\n  bad: [',
    '--endpoint-url',
    'http://127.0.0.1:1',
  ]);
  assert.equal(r.code, 252);
  assert.match(r.stderr, /clientId: c\nclientSecret: \*\*\*\n/);
  assert.ok(!r.stderr.includes('S3CRET-IN-YAML'));
});

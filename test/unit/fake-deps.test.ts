/** The fake Deps itself: what it records and how main() sees it. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bufferedStream, fakeDeps, runMain } from '../helpers/fake-deps.js';
import { withEmulator } from '../helpers/emulator.js';

test('buffered streams keep what was written and their TTY switches', () => {
  const s = bufferedStream();
  s.write('a');
  s.write('b\n');
  assert.equal(s.text, 'ab\n');
  assert.equal(s.isTTY, false);
  assert.equal(s.columns, undefined);
  const tty = bufferedStream(true, 42);
  assert.equal(tty.isTTY, true);
  assert.equal(tty.columns, 42);
});

test('the sandbox: HOME with config and credentials, env from scratch, overrides and removals', () => {
  const deps = fakeDeps({ env: { AWS_REGION: 'eu-west-1', LANG: undefined }, files: { 'p.json': '{}' }, stdoutTTY: true, columns: 61 });
  try {
    assert.equal(deps.homedir, deps.dir);
    assert.equal(deps.cwd, deps.dir);
    assert.equal(deps.env['HOME'], deps.dir);
    assert.equal(deps.env['AWS_REGION'], 'eu-west-1');
    assert.equal('LANG' in deps.env, false);
    assert.equal(deps.env['AWS_ACCESS_KEY_ID'], undefined, 'nothing leaks from the shell');
    assert.match(readFileSync(join(deps.dir, 'config'), 'utf-8'), /region = us-east-1/);
    assert.equal(deps.fs.readFile(join(deps.dir, 'p.json')).toString(), '{}');
    assert.equal(deps.stdout.isTTY, true);
    assert.equal(deps.stdout.columns, 61);
    assert.equal(deps.stderr.isTTY, false);
  } finally {
    deps.cleanup();
  }
  assert.equal(existsSync(deps.dir), false, 'cleanup removes the sandbox');
});

test('files are real: the atomic writer creates the directory and the mode', () => {
  const deps = fakeDeps();
  try {
    const p = join(deps.dir, 'sso/cache/x.json');
    deps.fs.writeFileAtomic(p, 'token', 0o600);
    assert.equal(deps.fs.exists(p), true);
    assert.equal(readFileSync(p, 'utf-8'), 'token');
    assert.equal(statSync(p).mode & 0o777, 0o600);
  } finally {
    deps.cleanup();
  }
});

test('the clock is fixed; sleep returns at once, is recorded and moves the clock; interrupt aborts', async () => {
  const deps = fakeDeps({ now: new Date('2030-05-06T07:08:09Z') });
  try {
    assert.equal(deps.now().toISOString(), '2030-05-06T07:08:09.000Z');
    assert.equal(deps.now().toISOString(), '2030-05-06T07:08:09.000Z');
    await deps.sleep(5000, deps.signal);
    deps.advance(1);
    assert.equal(deps.now().toISOString(), '2030-05-06T07:08:15.000Z');
    let seen = 0;
    deps.onSleep = () => {
      seen += 1;
      deps.interrupt();
    };
    await deps.sleep(1000, deps.signal);
    assert.deepEqual(deps.sleeps, [5000, 1000]);
    assert.equal(seen, 1);
    assert.equal(deps.signal.aborted, true);
    await deps.sleep(1000, deps.signal); // an aborted signal: still returns at once
    assert.equal(await deps.openBrowser('https://example.com/x'), true);
    assert.deepEqual(deps.opened, ['https://example.com/x']);
  } finally {
    deps.cleanup();
  }
  const closed = fakeDeps({ browserOpens: false });
  try {
    assert.equal(await closed.openBrowser('u'), false);
  } finally {
    closed.cleanup();
  }
});

test('runMain: version with a fixed platform', async () => {
  const r = await runMain(['--version'], { platform: { version: '9.9.9', node: 'v22.0.0', system: 'Linux', release: '6.1' } });
  assert.deepEqual(r, { code: 0, stdout: 'sso-oidc/9.9.9 Node.js/22.0.0 Linux/6.1\n', stderr: '' });
});

test('runMain: a usage error exits 252 with the usage block on stderr', async () => {
  const r = await runMain(['no-such-command']);
  assert.equal(r.code, 252);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^usage: sso-oidc \[options\] <command> \[parameters\]\n/);
});

test('runMain: interrupted before the run ends exits 130 with a newline on stdout', async () => {
  const deps = fakeDeps({ platform: { version: '1.0.0', node: 'v22.0.0', system: 'Linux', release: '6.1' } });
  try {
    deps.interrupt();
    const r = await runMain(['--version'], { deps });
    assert.deepEqual(r, { code: 130, stdout: 'sso-oidc/1.0.0 Node.js/22.0.0 Linux/6.1\n\n', stderr: '' });
  } finally {
    deps.cleanup();
  }
});

test('runMain: an operation against the in-process emulator', async () => {
  await withEmulator({}, async (emu) => {
    const r = await runMain([
      'register-client',
      '--client-name',
      'fake',
      '--client-type',
      'public',
      '--endpoint-url',
      emu.url,
      '--query',
      'clientIdIssuedAt',
    ]);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^\d+\n$/);
    assert.equal(emu.requests().length, 1);
  });
});

test('runMain fails a run that writes to the real stderr or warns, around deps', async () => {
  const deps = fakeDeps();
  try {
    const stray = { ...deps, now: () => (process.emitWarning('stray warning'), new Date(0)) };
    await assert.rejects(
      runMain(['register-client', '--client-name', 'x', '--client-type', 'public', '--endpoint-url', 'http://127.0.0.1:1', '--debug'], {
        deps: stray,
      }),
      /wrote to the process's stderr[\s\S]*stray warning/,
    );
  } finally {
    deps.cleanup();
  }
});

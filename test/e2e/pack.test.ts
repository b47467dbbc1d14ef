/**
 * `npm pack` produces a package that installs with `npm install -g` and runs: the installed
 * sso-oidc talks to the installed emulator, with nothing from this checkout on the path.
 */
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, run } from '../helpers/cli.js';

test('npm pack, npm install -g, run', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sso-oidc-pack-'));
  try {
    const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    // --ignore-scripts: npm test built dist/ already, and prepack's rebuild would rewrite the bundle
    // under the other test files that are running the CLI at the same moment.
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf-8', env: npmEnv });
    assert.equal(pack.status, 0, pack.stderr);
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    assert.ok(tgz, 'a tarball');
    const listing = spawnSync('tar', ['-tzf', join(dir, tgz)], { encoding: 'utf-8' }).stdout;
    assert.match(listing, /package\/dist\/cli\/entry\.cjs/);
    assert.match(listing, /package\/dist\/cli\/entry\.cjs\.map/, 'source maps for --debug stack traces');
    assert.match(listing, /package\/dist\/emulator\/cli\.js/);
    assert.doesNotMatch(listing, /meta\.json|package\/dist\/(src|bench|dev)\//, 'only the shipped bundles');
    assert.doesNotMatch(listing, /package\/(test|src\/.*\.ts|node_modules)\//, 'no tests, sources or modules in the package');

    const prefix = join(dir, 'prefix');
    const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', join(dir, tgz)], { encoding: 'utf-8', env: npmEnv });
    assert.equal(install.status, 0, install.stderr);

    const env = { PATH: `${join(prefix, 'bin')}:/usr/bin:/bin`, HOME: dir, AWS_CONFIG_FILE: join(dir, 'none'), AWS_EC2_METADATA_DISABLED: 'true' };
    const version = await run(join(prefix, 'bin', 'sso-oidc'), ['--version'], { env, cwd: dir });
    assert.equal(version.code, 0, version.stderr);
    assert.match(version.stdout, /^sso-oidc\/0\.\d+\.\d+ Node\.js\//);

    // The installed emulator and the installed CLI, end to end.
    let url = '';
    let child: ChildProcess | undefined;
    const emulator = run(join(prefix, 'bin', 'sso-oidc-emulator'), ['--port', '0'], {
      env,
      cwd: dir,
      onSpawn: (c) => {
        child = c;
        c.stdout?.once('data', (d: Buffer) => {
          url = d.toString().split('\n')[0] ?? '';
        });
      },
    });
    for (let i = 0; i < 100 && url === ''; i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    try {
      const reg = await run(join(prefix, 'bin', 'sso-oidc'), ['register-client', '--client-name', 'pack', '--client-type', 'public', '--endpoint-url', url, '--region', 'us-east-1'], { env, cwd: dir });
      assert.equal(reg.code, 0, reg.stderr);
      assert.equal(reg.stderr, '');
      const { clientId, clientSecret } = JSON.parse(reg.stdout) as { clientId: string; clientSecret: string };
      const sda = await run(
        join(prefix, 'bin', 'sso-oidc'),
        ['start-device-authorization', '--client-id', clientId, '--client-secret', clientSecret, '--start-url', 'https://example.awsapps.com/start', '--endpoint-url', url, '--region', 'us-east-1', '--query', 'userCode', '--output', 'text'],
        { env, cwd: dir },
      );
      assert.equal(sda.code, 0, sda.stderr);
      assert.equal(sda.stderr, '');
      assert.match(sda.stdout, /^[A-Z]{4}-[A-Z]{4}\n$/);
    } finally {
      child?.kill('SIGTERM');
      const stopped = await emulator;
      assert.equal(stopped.code, 0, stopped.stderr);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

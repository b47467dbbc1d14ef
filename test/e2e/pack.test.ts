/**
 * `npm pack` produces a package that installs and runs: with `npm install -g`, the installed
 * sso-oidc talks to the installed emulator, with nothing from this checkout on the path; as a
 * dependency, `sso-oidc/emulator` imports by name and type-checks. One tarball for both, packed
 * from the dist/ that `npm run build` made (run it first; npm test does).
 */
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, run } from '../helpers/cli.js';

const NPM_ENV = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
let dir = '';
let tgz = '';

before(
  () => {
    dir = mkdtempSync(join(tmpdir(), 'sso-oidc-pack-'));
    // --ignore-scripts: npm test built dist/ already, and prepack's rebuild would rewrite the bundle
    // under the other test files that are running the CLI at the same moment.
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf-8', env: NPM_ENV });
    assert.equal(pack.status, 0, pack.stderr);
    const name = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    assert.ok(name, 'a tarball');
    tgz = join(dir, name);
  },
  { timeout: 300_000 },
);

after(() => rmSync(dir, { recursive: true, force: true }));

test('npm pack, npm install -g, run', { timeout: 300_000 }, async () => {
  const listing = spawnSync('tar', ['-tzf', tgz], { encoding: 'utf-8' }).stdout;
  assert.match(listing, /package\/dist\/cli\/entry\.cjs/);
  assert.match(listing, /package\/dist\/cli\/entry\.cjs\.map/, 'source maps for --debug stack traces');
  assert.match(listing, /package\/dist\/emulator\/cli\.js/);
  assert.doesNotMatch(listing, /meta\.json|package\/dist\/(src|bench|dev)\//, 'only the shipped bundles');
  assert.doesNotMatch(listing, /package\/(test|src\/.*\.ts|node_modules)\//, 'no tests, sources or modules in the package');

  const prefix = join(dir, 'prefix');
  const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', tgz], { encoding: 'utf-8', env: NPM_ENV });
  assert.equal(install.status, 0, install.stderr);

  const env = {
    PATH: `${join(prefix, 'bin')}:/usr/bin:/bin`,
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
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
    const reg = await run(
      join(prefix, 'bin', 'sso-oidc'),
      ['register-client', '--client-name', 'pack', '--client-type', 'public', '--endpoint-url', url, '--region', 'us-east-1'],
      { env, cwd: dir },
    );
    assert.equal(reg.code, 0, reg.stderr);
    assert.equal(reg.stderr, '');
    const { clientId, clientSecret } = JSON.parse(reg.stdout) as { clientId: string; clientSecret: string };
    const sda = await run(
      join(prefix, 'bin', 'sso-oidc'),
      [
        'start-device-authorization',
        '--client-id',
        clientId,
        '--client-secret',
        clientSecret,
        '--start-url',
        'https://example.awsapps.com/start',
        '--endpoint-url',
        url,
        '--region',
        'us-east-1',
        '--query',
        'userCode',
        '--output',
        'text',
      ],
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
});

const SCRIPT = `
import { startEmulator } from 'sso-oidc/emulator';
const emu = await startEmulator({ port: 0 });
try {
  const res = await fetch(emu.url + '/client/register', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientName: 'export', clientType: 'public' }),
  });
  const body = await res.json();
  console.log(JSON.stringify({ url: emu.url, status: res.status, clientId: typeof body.clientId }));
} finally {
  await emu.close();
}
`;

// Uses the types a consumer sees; the @ts-expect-error lines fail the check if the types go missing (any).
const TYPED = `
import { startEmulator, seededRandom, type Emulator, type EmulatorOptions } from 'sso-oidc/emulator';
const options: EmulatorOptions = { port: 0, random: seededRandom('export') };
const emu: Emulator = await startEmulator(options);
const url: string = emu.url;
// @ts-expect-error port is a number
await startEmulator({ port: 'x' });
// @ts-expect-error an Emulator has no such member
emu.nothing();
await emu.close();
export { url };
`;

test('sso-oidc/emulator: installed from the tarball as a dependency, imported by name, typed', { timeout: 300_000 }, () => {
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tgz], { cwd: app, encoding: 'utf-8', env: NPM_ENV });
  assert.equal(install.status, 0, install.stderr);

  writeFileSync(join(app, 'check.mjs'), SCRIPT);
  const script = spawnSync(process.execPath, ['check.mjs'], { cwd: app, encoding: 'utf-8', timeout: 60_000 });
  assert.equal(script.status, 0, script.stderr);
  assert.equal(script.stderr, '');
  const out = JSON.parse(script.stdout) as { url: string; status: number; clientId: string };
  assert.match(out.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(out.status, 200);
  assert.equal(out.clientId, 'string');

  const version = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "import p from 'sso-oidc/package.json' with { type: 'json' }; console.log(p.name)"],
    { cwd: app, encoding: 'utf-8' },
  );
  assert.equal(version.stdout, 'sso-oidc\n', version.stderr);

  writeFileSync(join(app, 'check.ts'), TYPED);
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules', '@types')],
      },
      files: ['check.ts'],
    }),
  );
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
    cwd: app,
    encoding: 'utf-8',
  });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});

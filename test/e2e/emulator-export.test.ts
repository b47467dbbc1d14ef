/**
 * `sso-oidc/emulator` as another project uses it: the packed tarball installed (offline) into an
 * empty project, imported by package name from an ESM script that starts it on port 0, registers
 * a client and closes it; and the same import type-checked by tsc against the shipped .d.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/cli.js';

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

test('sso-oidc/emulator: installed from the tarball, imported by name, typed', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sso-oidc-export-'));
  try {
    const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    const pack = spawnSync('npm', ['pack', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf-8', env: npmEnv });
    assert.equal(pack.status, 0, pack.stderr);
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    assert.ok(tgz, 'a tarball');

    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(dir, tgz)], { cwd: app, encoding: 'utf-8', env: npmEnv });
    assert.equal(install.status, 0, install.stderr);

    writeFileSync(join(app, 'check.mjs'), SCRIPT);
    const run = spawnSync(process.execPath, ['check.mjs'], { cwd: app, encoding: 'utf-8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
    const out = JSON.parse(run.stdout) as { url: string; status: number; clientId: string };
    assert.match(out.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(out.status, 200);
    assert.equal(out.clientId, 'string');

    const version = spawnSync(process.execPath, ['--input-type=module', '-e', "import p from 'sso-oidc/package.json' with { type: 'json' }; console.log(p.name)"], { cwd: app, encoding: 'utf-8' });
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
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf-8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

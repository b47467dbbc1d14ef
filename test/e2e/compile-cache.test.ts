/**
 * The compile cache of the shipped bundle (src/cli/compile-cache.ts): written under
 * $XDG_CACHE_HOME/sso-oidc on the first run, used by the next, and never a warning or a failure
 * when it cannot be written or holds garbage.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeSandbox, runCli } from '../helpers/cli.js';

const SKELETON = ['start-device-authorization', '--generate-cli-skeleton'];

/** The cache directories of the CLI bundle under `base`. */
function cacheDirs(base: string): string[] {
  const root = join(base, 'sso-oidc');
  return existsSync(root) ? readdirSync(root).filter((d) => d.startsWith(`cli-node-${process.version}-`)) : [];
}

test('the first run writes the cache, the next runs from it, output unchanged', async () => {
  const sb = makeSandbox();
  try {
    const env = { ...sb.env, XDG_CACHE_HOME: join(sb.dir, 'cache') };
    const first = await runCli(SKELETON, { env });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stderr, '');
    const dirs = cacheDirs(env.XDG_CACHE_HOME);
    assert.equal(dirs.length, 1, 'one directory, keyed by Node version and bundle hash');
    assert.ok(readdirSync(join(env.XDG_CACHE_HOME, 'sso-oidc', dirs[0] ?? '')).length > 0, 'cache files written');
    const second = await runCli(SKELETON, { env });
    assert.deepEqual(second, first);
  } finally {
    sb.cleanup();
  }
});

test('an unwritable cache location is skipped silently', async () => {
  const sb = makeSandbox();
  try {
    // A file where the directory should be: mkdir fails (ENOTDIR) even for root.
    const blocker = sb.write('not-a-dir', '');
    const env = { ...sb.env, XDG_CACHE_HOME: join(blocker, 'cache') };
    for (const args of [['--version'], SKELETON]) {
      const r = await runCli(args, { env });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.notEqual(r.stdout, '');
    }
  } finally {
    sb.cleanup();
  }
});

test('a corrupt cache is ignored and replaced, without a warning', async () => {
  const sb = makeSandbox();
  try {
    const env = { ...sb.env, XDG_CACHE_HOME: join(sb.dir, 'cache') };
    const clean = await runCli(SKELETON, { env });
    const dir = join(env.XDG_CACHE_HOME, 'sso-oidc', cacheDirs(env.XDG_CACHE_HOME)[0] ?? '');
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (f.isFile()) writeFileSync(join(f.parentPath, f.name), 'garbage');
    }
    const r = await runCli(SKELETON, { env });
    assert.deepEqual(r, clean);
  } finally {
    sb.cleanup();
  }
});

test('NODE_DISABLE_COMPILE_CACHE turns it off', async () => {
  const sb = makeSandbox();
  try {
    const env = { ...sb.env, XDG_CACHE_HOME: join(sb.dir, 'cache'), NODE_DISABLE_COMPILE_CACHE: '1' };
    const r = await runCli(['--version'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(cacheDirs(env.XDG_CACHE_HOME), []);
  } finally {
    sb.cleanup();
  }
});

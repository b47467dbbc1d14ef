/**
 * The compile cache of the shipped bundle (src/cli/compile-cache.ts): written under
 * $XDG_CACHE_HOME/sso-oidc on the first run, used by the next, and never a warning or a failure
 * when it cannot be written or holds garbage.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeSandbox, runCli } from '../helpers/cli.js';

/**
 * A run through main() and the compile cache that sends nothing: the output skeleton (the parser,
 * the operation, the configuration and the formatter). The input skeletons, help and completion
 * load quick.cjs alone, through the same cache (test/e2e/startup-modules.test.ts).
 */
const SKELETON = [
  'start-device-authorization',
  '--client-id',
  'c',
  '--client-secret',
  's',
  '--start-url',
  'https://example.awsapps.com/start',
  '--generate-cli-skeleton',
  'output',
];

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

test("another bundle's cache is kept (two installs used in turn), and only the newest three others", async () => {
  const sb = makeSandbox();
  try {
    const env = { ...sb.env, XDG_CACHE_HOME: join(sb.dir, 'cache') };
    const root = join(env.XDG_CACHE_HOME, 'sso-oidc');
    // Other bundles' directories, as other installs or earlier versions left them, oldest first.
    const others = ['0000000000000001', '0000000000000002', '0000000000000003', '0000000000000004'].map(
      (hash) => `cli-node-${process.version}-${process.arch}-${hash}`,
    );
    others.forEach((name, i) => {
      mkdirSync(join(root, name), { recursive: true });
      const t = new Date(Date.now() - (others.length - i) * 60_000);
      utimesSync(join(root, name), t, t);
    });
    const r = await runCli(SKELETON, { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const left = cacheDirs(env.XDG_CACHE_HOME);
    assert.equal(left.length, 4, left.join(' '));
    assert.deepEqual(
      others.filter((o) => left.includes(o)),
      others.slice(1),
      'the oldest other is removed, the newest three stay',
    );
  } finally {
    sb.cleanup();
  }
});

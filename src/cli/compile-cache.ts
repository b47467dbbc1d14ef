/**
 * The compile cache of the shipped bundle (dist/cli/*.cjs), so a run does not compile the same
 * JavaScript again: V8's code cache through Script `cachedData` for our CommonJS chunks, as
 * v8-compile-cache does, on every Node version. It is made at exit, so it holds every function
 * the run compiled; Node's own cache (module.enableCompileCache, 22.8+) is made right after a
 * file's top level compiles and holds almost none of them: measured on Node 22 (CPU time,
 * medians), --version 56 ms with Node's cache, 55 ms with none, 45 ms with ours; a call 130 ms
 * against 103 ms; on Node 24 --version 54.5 against 50.7 ms. Stored under $XDG_CACHE_HOME or ~/.cache, in a directory keyed by the
 * Node version and the bundle's hash. Anything that goes wrong (no HOME, a read-only or full
 * disk, a rejected cache) only means compiling as usual: never a warning, never a failure.
 * Skipped when NODE_DISABLE_COMPILE_CACHE is set, as Node's own cache is. A new bundle (an upgrade)
 * removes the directories of other bundles under the same Node but for the newest three.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import { homeDirectory } from './home.js';

/** Replaced by scripts/build.mjs with the hash of the bundle's files (same length). */
const BUNDLE_HASH = '@@BUNDLE_HASH@@@';

/** The cache directory of this bundle under this Node, or undefined when there is no home. */
export function cacheDirectory(bundleDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  let base = env['XDG_CACHE_HOME'];
  if (!base || !base.startsWith('/')) {
    let home: string;
    try {
      home = homeDirectory(env);
    } catch {
      return undefined;
    }
    if (!home) return undefined;
    base = join(home, '.cache');
  }
  return join(base, 'sso-oidc', `${basename(bundleDir)}-node-${process.version}-${process.arch}-${BUNDLE_HASH}`);
}

interface ModuleInternals {
  _compile(content: string, filename: string): unknown;
  require(id: string): unknown;
  exports: unknown;
  filename: string;
  paths: string[];
  loaded: boolean;
}

interface ModuleClass {
  new (id: string, parent: ModuleInternals): ModuleInternals;
  prototype: ModuleInternals;
  _cache: Record<string, ModuleInternals | undefined>;
  wrap(code: string): string;
}

/**
 * Loads one file of the bundle by its path, as require() would but without the CommonJS resolver,
 * which stats the path, walks it for symlinks and looks for a package.json in every directory
 * above it (~0.5 ms for the first file of a run). Our files name each other by path below the
 * file that loads them, whose path is already real.
 */
export function loadBundleFile(parent: Pick<NodeJS.Module, 'paths' | 'require'>, filename: string): unknown {
  const M = moduleClass();
  const cached = M._cache[filename];
  if (cached) return cached.exports;
  const child = new M(filename, parent as unknown as ModuleInternals);
  child.filename = filename;
  child.paths = parent.paths;
  M._cache[filename] = child;
  try {
    child._compile(readFileSync(filename, 'utf-8'), filename);
  } catch (e) {
    delete M._cache[filename];
    throw e;
  }
  child.loaded = true;
  return child.exports;
}

/**
 * CommonJS's Module class, as any module's constructor: requiring node:module for it loads the
 * ES-module loader and the source-map support behind it (~0.4 ms of every run).
 */
const moduleClass = (): ModuleClass => (module as unknown as { constructor: ModuleClass }).constructor;

/** How many other bundles' directories (under this same Node) a new one leaves in place. */
const KEEP_OTHER_BUNDLES = 3;

/**
 * A new cache directory (an upgrade, or another install): the directories of other bundles under
 * this same Node are removed but for the newest few, so two installs used in turn (a global one
 * and a project's, say) keep a cache each instead of removing each other's on every run.
 */
function pruneOlderBundles(dir: string): void {
  try {
    const parent = dirname(dir);
    const ours = basename(dir);
    const prefix = ours.slice(0, -BUNDLE_HASH.length);
    const others = readdirSync(parent)
      .filter((name) => name !== ours && name.startsWith(prefix))
      .map((name) => ({ name, mtime: statSync(join(parent, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const { name } of others.slice(KEEP_OTHER_BUNDLES)) rmSync(join(parent, name), { recursive: true, force: true });
  } catch {
    // Nothing there yet, or not ours to remove.
  }
}

/** Writes a file whole or not at all (temp file + rename); errors are the caller's to ignore. */
function writeAtomic(path: string, data: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/**
 * V8's code cache for the CommonJS files under `bundleDir`: each is compiled with its cached
 * data when there is some; files compiled without (first run, a rejected cache) get theirs
 * written at exit, when the functions the run needed have been compiled too.
 */
function enableCodeCache(bundleDir: string, cacheDir: string): void {
  const M = moduleClass();
  const proto = M.prototype;
  // Kept unbound on purpose: the wrapper calls it with .call(this) on each module.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = proto._compile;
  const pending: { script: Script; file: string }[] = [];
  /**
   * require() for a chunk's own imports: the bundle's files by path (the chunks name each other
   * "./chunks/x.cjs" or "./x.cjs"), without the CommonJS resolver; anything else is an ordinary
   * require.
   */
  const requireFor = (parent: ModuleInternals, dir: string) =>
    Object.assign(
      (id: string): unknown =>
        id.startsWith('./') && id.endsWith('.cjs') ? loadBundleFile(parent, dir + id.slice(1)) : parent.require(id),
      { main: mainModule(), cache: M._cache },
    );
  proto._compile = function (this: ModuleInternals, content: string, filename: string): unknown {
    if (!filename.startsWith(bundleDir + sep) || !filename.endsWith('.cjs')) return original.call(this, content, filename);
    const file = join(cacheDir, `${basename(filename)}.v8`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    let script: Script;
    try {
      script = new Script(M.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    } catch {
      return original.call(this, content, filename);
    }
    if (cachedData === undefined || script.cachedDataRejected === true) pending.push({ script, file });
    const fn = script.runInThisContext() as (...args: unknown[]) => unknown;
    const dir = dirname(filename);
    return fn.call(this.exports, this.exports, requireFor(this, dir), this, filename, dir);
  };
  process.once('exit', () => {
    if (pending.length === 0) return;
    try {
      mkdirSync(cacheDir, { recursive: true });
      for (const { script, file } of pending) writeAtomic(file, script.createCachedData());
    } catch {
      // Not writable: next run compiles again.
    }
  });
}

function mainModule(): unknown {
  return (process as unknown as { mainModule?: unknown }).mainModule;
}

/** Turns the compile cache on for the bundle in `bundleDir` (dist/cli); never throws. */
export function enableCompileCache(bundleDir: string): void {
  try {
    if (process.env['NODE_DISABLE_COMPILE_CACHE']) return;
    const dir = cacheDirectory(bundleDir);
    if (dir === undefined) return;
    if (!existsSync(dir)) pruneOlderBundles(dir);
    enableCodeCache(bundleDir, dir);
  } catch {
    // A cache is an optimisation: without it we compile as usual.
  }
}

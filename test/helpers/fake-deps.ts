/**
 * A Deps a test holds in its hand, for calling `main(argv, deps)` in-process:
 *
 *   const r = await runMain(['start-device-authorization', '--endpoint-url', emu.url, ...]);
 *   assert.equal(r.code, 0); assert.equal(r.stderr, '');
 *
 *   const deps = fakeDeps({ stdoutTTY: true, columns: 60 });
 *   try { const r = await runMain(argv, { deps }); ... deps.opened ... } finally { deps.cleanup(); }
 *
 * - stdout/stderr are buffers (`.text`), each with its own isTTY and columns;
 * - HOME is a fresh temp dir holding `config` and `credentials` (as makeSandbox), with env built
 *   from scratch: nothing from the developer's shell leaks in;
 * - files are real files (the real atomic writer of systemDeps), so a test can read what was written;
 * - the clock is fixed and moves only with `advance(s)` or a `sleep(ms)`: sleeps return at once
 *   (at once too when the signal is aborted) and are recorded in `sleeps`;
 * - `interrupt()` aborts the signal, as SIGINT does in a process;
 * - openBrowser records the URLs it was given and answers `browserOpens` (default true).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { systemDeps } from '../../src/cli/system.js';
import type { Deps, OutStream } from '../../src/deps.js';

export interface BufferedStream extends OutStream {
  /** Everything written so far. */
  readonly text: string;
  isTTY: boolean;
  columns: number | undefined;
}

export function bufferedStream(isTTY = false, columns: number | undefined = isTTY ? 80 : undefined): BufferedStream {
  let text = '';
  return {
    write: (t) => void (text += t),
    get text() {
      return text;
    },
    isTTY,
    columns,
  };
}

export interface FakeDepsOptions {
  /** Added to (or, with undefined, removed from) the sandbox env. */
  env?: Record<string, string | undefined>;
  /** The content of $HOME/config (AWS_CONFIG_FILE). Default: region us-east-1, no URL following. */
  config?: string;
  /**
   * An existing sandbox dir (e.g. makeSandbox's) to use as HOME and cwd instead of a fresh one: its
   * config and credentials stay unless `config` is given, and cleanup() leaves it in place.
   */
  dir?: string;
  /** Extra files, relative to the sandbox dir, written before the run. */
  files?: Record<string, string>;
  /** Default: the sandbox dir. */
  cwd?: string;
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  /** Terminal columns of a TTY stdout (default 80). */
  columns?: number;
  /** Start of the fixed clock (default 2025-01-01T00:00:00Z). */
  now?: Date;
  /** What openBrowser answers (default true). */
  browserOpens?: boolean;
  platform?: Partial<Deps['platform']>;
}

export interface FakeDeps extends Deps {
  stdout: BufferedStream;
  stderr: BufferedStream;
  /** The sandbox directory (also HOME and, by default, cwd). */
  dir: string;
  /** Writes a file under dir; returns its absolute path. */
  write(name: string, content: string): string;
  /** Moves the fixed clock on. */
  advance(seconds: number): void;
  /** Aborts the signal, as SIGINT does. */
  interrupt(): void;
  /** Every ms given to sleep, in order. */
  readonly sleeps: number[];
  /** Every URL given to openBrowser, in order. */
  readonly opened: string[];
  /** Called on each sleep after it is recorded (e.g. to interrupt after the first poll). */
  onSleep: ((ms: number) => void) | undefined;
  cleanup(): void;
}

export const DEFAULT_CONFIG = '[default]\nregion = us-east-1\ncli_follow_urlparam = false\n';

export function fakeDeps(options: FakeDepsOptions = {}): FakeDeps {
  const owned = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'sso-oidc-fake-'));
  if (owned || options.config !== undefined) writeFileSync(join(dir, 'config'), options.config ?? DEFAULT_CONFIG);
  if (owned) writeFileSync(join(dir, 'credentials'), '');
  const env: Record<string, string | undefined> = {
    PATH: '/usr/bin:/bin',
    HOME: dir,
    LANG: 'C.UTF-8',
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const write = (name: string, content: string): string => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  for (const [name, content] of Object.entries(options.files ?? {})) write(name, content);

  const controller = new AbortController();
  const real = systemDeps(controller.signal);
  let t = (options.now ?? new Date('2025-01-01T00:00:00Z')).getTime();
  const sleeps: number[] = [];
  const opened: string[] = [];
  const deps: FakeDeps = {
    env,
    cwd: options.cwd ?? dir,
    homedir: dir,
    fs: real.fs,
    stdout: bufferedStream(options.stdoutTTY ?? false, options.stdoutTTY ? (options.columns ?? 80) : undefined),
    stderr: bufferedStream(options.stderrTTY ?? false),
    now: () => new Date(t),
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
      deps.onSleep?.(ms);
    },
    signal: controller.signal,
    openBrowser: async (url) => {
      opened.push(url);
      return options.browserOpens ?? true;
    },
    platform: { ...real.platform, ...options.platform },
    dir,
    write,
    advance: (seconds) => void (t += seconds * 1000),
    interrupt: () => controller.abort(),
    sleeps,
    opened,
    onSleep: undefined,
    cleanup: () => void (owned && rmSync(dir, { recursive: true, force: true })),
  };
  return deps;
}

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs main(argv, deps) in-process. With `deps` given the caller owns it (and cleans it up);
 * otherwise a fresh fakeDeps(options) is made and removed afterwards.
 *
 * A process test sees everything on stderr; in-process, only what went through deps.stderr. So
 * that nothing slips past, a write to the real process.stderr or a process warning during the run
 * (an SDK or Node warning, a stray console.error) fails it.
 */
export async function runMain(argv: readonly string[], options: FakeDepsOptions & { deps?: FakeDeps } = {}): Promise<MainResult> {
  const deps = options.deps ?? fakeDeps(options);
  const leaked: string[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- saved to be put back as it was, with its own `this`
  const write = process.stderr.write;
  process.stderr.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    leaked.push(String(chunk));
    return (write as (this: NodeJS.WriteStream, ...a: unknown[]) => boolean).call(this, chunk, ...rest);
  };
  const onWarning = (w: Error): void => void leaked.push(`(warning) ${w.name}: ${w.message}`);
  process.on('warning', onWarning);
  try {
    const code = await main(argv, deps);
    // A warning emitted as main() returned is delivered on a later tick: wait for it here, or it
    // would be blamed on whatever test runs next in this process.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (leaked.length > 0)
      throw new Error(`main(${JSON.stringify(argv)}) wrote to the process's stderr, not deps.stderr:\n${leaked.join('')}`);
    return { code, stdout: deps.stdout.text, stderr: deps.stderr.text };
  } finally {
    process.stderr.write = write;
    process.off('warning', onWarning);
    if (options.deps === undefined) deps.cleanup();
  }
}

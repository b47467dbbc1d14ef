/** The real Deps: process streams, environment, files, clock, and SIGINT as an AbortSignal. */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, release, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deps, OutStream } from '../deps.js';

function stream(s: NodeJS.WriteStream): OutStream {
  return {
    write: (text) => void s.write(text),
    get isTTY() {
      return s.isTTY === true;
    },
    get columns() {
      return s.isTTY ? s.columns : undefined;
    },
  };
}

export function systemDeps(signal: AbortSignal): Deps {
  return {
    env: process.env,
    cwd: process.cwd(),
    homedir: homedir(),
    fs: { readFile: (p) => readFileSync(p), exists: (p) => existsSync(p), writeFileAtomic },
    openBrowser,
    stdout: stream(process.stdout),
    stderr: stream(process.stderr),
    now: () => new Date(),
    sleep,
    signal,
    platform: { version: packageVersion(), system: type(), release: release(), node: process.version },
  };
}

/** Our version, from the package.json above this file (dist/src/cli/ when built, src/cli/ under tsx). */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf-8')) as { version: string }).version;
}

/** Resolves after ms, or at once when the signal aborts; leaves no listener behind (login polls). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** temp file + rename, so a reader never sees half a token; 0600 from the first byte. */
function writeFileAtomic(path: string, data: string, mode: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, data, { mode, flag: 'wx' });
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** xdg-open / open / start, detached; a missing opener is not an error (the URL is printed too). */
function openBrowser(url: string): Promise<boolean> {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

/** The real Deps: process streams, environment, files, clock, and SIGINT as an AbortSignal. */
// The bundle replaces child_process with a lazy stub (scripts/bundle/child-process.cjs) that
// loads it on first use; its members are getters, so default and named imports both work.
import childProcess from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Deps } from '../deps.js';
import { homeDirectory } from './home.js';
import { readCapped } from './read-file.js';
import { fdStream } from './stdio.js';
import { timerMs } from '../timer.js';
import { systemPlatform } from './version.js';

export function systemDeps(signal: AbortSignal): Deps {
  let platform: Deps['platform'] | undefined;
  return {
    env: process.env,
    cwd: process.cwd(),
    homedir: homeDirectory(),
    fs: {
      readFile: (p) => readFileSync(p),
      read: readCapped,
      exists: (p) => existsSync(p),
      writeFileAtomic,
      ensureDir,
      listDir: (p) => (existsSync(p) ? readdirSync(p) : []),
      remove: (p) => unlinkSync(p),
    },
    openBrowser,
    stdout: fdStream(1),
    stderr: fdStream(2),
    now: () => new Date(),
    sleep,
    signal,
    // Its system and release come from node:os: read when a version line is printed.
    get platform() {
      return (platform ??= systemPlatform());
    },
  };
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
    const timer = setTimeout(done, timerMs(ms));
    signal?.addEventListener('abort', done, { once: true });
  });
}

function ensureDir(path: string, mode: number): { created: boolean; mode: number } {
  const existed = existsSync(path);
  if (!existed) mkdirSync(path, { recursive: true, mode });
  const st = statSync(path);
  if (!st.isDirectory()) throw Object.assign(new Error(`EEXIST: file already exists, mkdir '${path}'`), { code: 'EEXIST', path });
  return { created: !existed, mode: st.mode & 0o777 };
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

/**
 * Opens a URL as Python's webbrowser does (the AWS CLI's way): each $BROWSER entry in turn (one
 * that exits non-zero or cannot start passes to the next), then the platform's opener. Only
 * http(s) URLs, always as a single argument. Nothing here keeps the process alive.
 */
async function openBrowser(url: string): Promise<boolean> {
  const { browserCommands, isBrowserUrl } = await import('../sso/browser.js');
  if (!isBrowserUrl(url)) return false;
  for (const c of browserCommands(process.env, process.platform, url)) {
    if (await runBrowser(c.command, c.args, c.wait)) return true;
  }
  return false;
}

function runBrowser(command: string, args: string[], wait: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const child = childProcess.spawn(command, args, { stdio: 'ignore', detached: !wait, shell: false });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        if (!wait) resolve(true);
      });
      if (wait) child.once('exit', (code) => resolve(code === 0));
    } catch {
      resolve(false);
    }
  });
}

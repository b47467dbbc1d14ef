/** The real Deps: process streams, environment, files, clock, and SIGINT as an AbortSignal. */
import { existsSync, readFileSync } from 'node:fs';
import { homedir, release, type } from 'node:os';
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
    fs: { readFile: (p) => readFileSync(p), exists: (p) => existsSync(p) },
    stdout: stream(process.stdout),
    stderr: stream(process.stderr),
    now: () => new Date(),
    sleep: (ms, sig) =>
      new Promise((resolve) => {
        const t = setTimeout(resolve, ms);
        sig?.addEventListener('abort', () => {
          clearTimeout(t);
          resolve();
        });
      }),
    signal,
    platform: { system: type(), release: release(), node: process.version },
  };
}

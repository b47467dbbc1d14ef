/**
 * Runs the AWS CLI (v1 or v2, both Python scripts) through test/helpers/aws-forkserver.py: one
 * Python process per script per test process imports awscli and botocore once, and forks a child
 * per run that executes the script with the run's arguments, environment, directory and stdin.
 * Each run still parses, reads its config, builds its session and sends, as a fresh process would;
 * only the imports (most of its CPU) are shared. `SSO_OIDC_TEST_AWS=process` runs every one as a
 * process of its own, as the oracle tables did before (to check that both ways agree).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ForkRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ForkRequest {
  args: readonly string[];
  env: Record<string, string>;
  cwd: string;
  input?: string;
  timeoutMs?: number;
}

const SERVER = join(dirname(fileURLToPath(import.meta.url)), 'aws-forkserver.py');

/**
 * What the interpreter (or botocore's import) reads as it starts: runs whose environments differ
 * in these get servers of their own, each started with exactly those variables.
 */
const startSensitive = (key: string): boolean => /^(LANG|LANGUAGE|LC_\w+|PYTHON\w*|BOTO_DISABLE_CRT)$/.test(key);
const startEnv = (env: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env)
      .filter(([k]) => startSensitive(k))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

/** The interpreter a Python script's `#!` line names (`#!/usr/bin/env python3` resolved by PATH), or undefined. */
export function pythonOf(script: string): string | undefined {
  let head: string;
  try {
    head = readFileSync(script, 'utf-8').slice(0, 2000);
  } catch {
    return undefined;
  }
  const m = /^#!(\S+)(?:[ \t]+(\S+))?[ \t]*\n/.exec(head);
  if (!m?.[1]) return undefined;
  const interpreter = m[1].endsWith('/env') ? m[2] : m[1];
  return interpreter && /python/.test(interpreter) && /^import awscli\.clidriver$/m.test(head) ? interpreter : undefined;
}

/** Whether runs go through fork servers (else: each a process of its own). */
export function forking(): boolean {
  return process.env['SSO_OIDC_TEST_AWS'] !== 'process';
}

class ForkServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting = new Map<number, (run: ForkRun) => void>();
  private nextId = 1;
  private buffer = '';
  private failure: Error | undefined;

  constructor(python: string, script: string, start: Record<string, string>) {
    this.child = spawn(python, [SERVER, script], {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: '/nonexistent', ...start },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    this.child.stderr.setEncoding('utf-8').on('data', (d: string) => (stderr += d));
    this.child.stdout.setEncoding('utf-8').on('data', (d: string) => this.receive(d));
    const fail = (why: string): void => {
      this.failure = new Error(`aws fork server (${script}) ${why}${stderr ? `:\n${stderr}` : ''}`);
      for (const [, resolve] of this.waiting) resolve({ code: null, signal: null, stdout: '', stderr: this.failure.message });
      this.waiting.clear();
    };
    this.child.on('error', (e) => fail(`did not start: ${e.message}`));
    this.child.on('exit', (code, signal) => fail(`exited (${signal ?? code})`));
    this.idle();
  }

  run(request: ForkRequest): Promise<ForkRun> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const line = JSON.stringify({
      id,
      args: request.args,
      env: request.env,
      cwd: request.cwd,
      input: Buffer.from(request.input ?? '').toString('base64'),
      timeout_ms: request.timeoutMs ?? 60_000,
    });
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.busy();
      this.child.stdin.write(`${line}\n`);
    });
  }

  private receive(data: string): void {
    this.buffer += data;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const answer = JSON.parse(this.buffer.slice(0, nl)) as {
        id: number;
        code: number | null;
        signal: string | null;
        stdout: string;
        stderr: string;
      };
      this.buffer = this.buffer.slice(nl + 1);
      const resolve = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      resolve?.({
        code: answer.code,
        signal: answer.signal as NodeJS.Signals | null,
        stdout: Buffer.from(answer.stdout, 'base64').toString('utf-8'),
        stderr: Buffer.from(answer.stderr, 'base64').toString('utf-8'),
      });
    }
    if (this.waiting.size === 0) this.idle();
  }

  /** Nothing waiting: the server must not keep the test process alive (it exits when its stdin closes). */
  private idle(): void {
    this.child.unref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as unknown as { unref?: () => void }).unref?.();
  }

  private busy(): void {
    this.child.ref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as unknown as { ref?: () => void }).ref?.();
  }
}

const servers = new Map<string, ForkServer>();

/** Runs `script` (with `python`) through its fork server for the run's start-up variables, started on first use. */
export function forkRun(python: string, script: string, request: ForkRequest): Promise<ForkRun> {
  const start = startEnv(request.env);
  const key = JSON.stringify([python, script, start]);
  let server = servers.get(key);
  if (!server) servers.set(key, (server = new ForkServer(python, script, start)));
  return server.run(request);
}

/**
 * Run the built `sso-oidc` and the installed AWS CLI v1 (`aws`) as a user would: as processes,
 * each with an environment built from scratch (the developer's shell may carry AWS_CA_BUNDLE,
 * NODE_EXTRA_CA_CERTS and other variables that must not leak into a test).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forking, forkRun, pythonOf } from './aws-forkserver.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/sso-oidc.js');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  cwd?: string;
  input?: string;
  /** Kill after this many ms (a safety net; tests must not depend on it). */
  timeoutMs?: number;
  /** Called once the process has started (e.g. to send it a signal later). */
  onSpawn?: (child: ChildProcess) => void;
}

/** A scratch HOME with an AWS config that can never reach the network by itself. */
export interface Sandbox {
  dir: string;
  env: Record<string, string>;
  write(name: string, content: string): string;
  cleanup(): void;
}

export function makeSandbox(config = '[default]\nregion = us-east-1\ncli_follow_urlparam = false\n'): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'sso-oidc-test-'));
  writeFileSync(join(dir, 'config'), config);
  writeFileSync(join(dir, 'credentials'), '');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: dir,
    LANG: 'C.UTF-8',
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  return {
    dir,
    env,
    write(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env: options.env ?? {}, cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf-8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf-8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
    options.onSpawn?.(child);
  });
}

/** Runs the built sso-oidc (npm run build first). */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return run(process.execPath, [BIN, ...args], options);
}

/** How to start the AWS CLI v1: its interpreter and the script, or the command as found on PATH. */
export interface AwsCli {
  command: string;
  /** Arguments before the CLI's own: the script when run through its interpreter. */
  prefix: string[];
}

let awsCli: AwsCli | null | undefined;

/**
 * The installed AWS CLI, or null when `aws` is not on PATH. Under pyenv, `aws` is a shim (bash,
 * then `pyenv exec`, a second bash) costing ~0.1 s of CPU per run: we take the real script from
 * `pyenv which aws` and run it with the python its `#!` line names, as the shim finally does.
 */
export function findAws(): AwsCli | null {
  if (awsCli !== undefined) return awsCli;
  const onPath = spawnSync('sh', ['-c', 'command -v aws'], { encoding: 'utf-8' });
  if (onPath.status !== 0) return (awsCli = null);
  const found = onPath.stdout.trim();
  awsCli = { command: found, prefix: [] };
  const viaPyenv = spawnSync('pyenv', ['which', 'aws'], { encoding: 'utf-8' });
  if (viaPyenv.status === 0) {
    const script = viaPyenv.stdout.trim();
    const shebang = /^#!(\S+)[ \t]*\n/.exec(readFileSync(script, 'utf-8').slice(0, 300));
    awsCli =
      shebang?.[1] !== undefined && !shebang[1].endsWith('/env')
        ? { command: shebang[1], prefix: [script] }
        : { command: script, prefix: [] };
  }
  return awsCli;
}

/**
 * Runs a Python AWS CLI script: through a fork server (test/helpers/aws-forkserver.ts: the
 * imports shared, everything else fresh per run) unless the run wants its child process.
 */
function runPythonCli(
  script: string,
  fallback: () => Promise<RunResult>,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const python = pythonOf(script);
  const env = options.env ?? {};
  if (python === undefined || options.onSpawn !== undefined || !forking()) return fallback();
  return forkRun(python, script, { args, env, cwd: options.cwd ?? ROOT, input: options.input, timeoutMs: options.timeoutMs });
}

/** Runs the AWS CLI v1 (`aws` on PATH). */
export function runAws(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const aws = findAws();
  if (aws === null) throw new Error('aws is not on PATH');
  const script = aws.prefix[0] ?? aws.command;
  return runPythonCli(script, () => run(aws.command, [...aws.prefix, ...args], options), args, options);
}

/** Where ../shared/awscli-v2/install.sh puts the AWS CLI v2 (and .ci/run installs it). */
export const AWS_V2 = '/opt/awscli2/bin/aws';

/** Runs the AWS CLI v2 at AWS_V2. */
export function runAwsV2(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runPythonCli(AWS_V2, () => run(AWS_V2, args, options), args, options);
}

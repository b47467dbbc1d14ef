// The installed AWS CLI v1 as oracle: each case of fixtures/config/oracle-cases.ts runs `aws` and
// resolveConfig on the same scratch files and environment, and compares where the request went
// (or which error was printed). Safety: `aws` only ever talks to a server on 127.0.0.1 — custom
// endpoints point at it, and for AWS endpoints HTTPS_PROXY points at it, so we see only the
// CONNECT line and answer 502. Skipped when `aws` (or, for the parser check, botocore) is missing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/config/resolve.js';
import { proxyFor } from '../../src/config/proxy.js';
import { defaultGlobals, type GlobalArgs } from '../../src/cli/spec.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { silentLog } from '../../src/debug/log.js';
import { ORACLE_CASES, type OracleCase } from '../fixtures/config/oracle-cases.js';
import { findAws, runAws } from '../helpers/cli.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'config');
const AWS = findAws();
const botocoreMissing = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status !== 0;

interface Seen {
  connects: string[];
  posts: Array<{ url: string; host: string }>;
}

/** Answers POSTs with a StartDeviceAuthorization body (or `status`), CONNECTs with 502. */
function startServer(status: number): Promise<{ server: Server; port: number; seen: Seen }> {
  const seen: Seen = { connects: [], posts: [] };
  const body = JSON.stringify({
    deviceCode: 'd',
    userCode: 'u',
    verificationUri: 'v',
    verificationUriComplete: 'vc',
    expiresIn: 600,
    interval: 5,
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.posts.push({ url: req.url ?? '', host: req.headers.host ?? '' });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? body : '{"message":"fail"}');
    });
  });
  server.on('connect', (req, socket) => {
    seen.connects.push(req.url ?? '');
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, seen })),
  );
}

function globalArgs(argv: string[]): GlobalArgs {
  const out: GlobalArgs = { ...defaultGlobals(), signRequest: false };
  const keys: Record<string, 'region' | 'profile' | 'endpointUrl' | 'output'> = {
    '--region': 'region',
    '--profile': 'profile',
    '--endpoint-url': 'endpointUrl',
    '--output': 'output',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const key = keys[argv[i] ?? ''];
    // As typed, unchecked: an --output the parser would refuse still reaches resolveConfig here.
    if (key) Object.assign(out, { [key]: argv[i + 1] ?? '' });
  }
  return out;
}

interface Run {
  rc: number;
  stdout: string;
  lastErrorLine: string;
  seen: Seen;
  ours: ResolvedConfig | Error;
}

async function runCase(c: OracleCase): Promise<Run> {
  const { server, port, seen } = await startServer(c.status ?? 200);
  const dir = mkdtempSync(join(tmpdir(), 'sso-oidc-oracle-'));
  try {
    const fill = (s: string): string => s.replaceAll('{E}', `http://127.0.0.1:${port}`).replaceAll('{PORT}', String(port));
    if (c.config !== undefined) writeFileSync(join(dir, 'config'), fill(c.config));
    if (c.credentials !== undefined) writeFileSync(join(dir, 'credentials'), fill(c.credentials));
    writeFileSync(join(dir, 'start-url.txt'), 'https://example.awsapps.com/start');
    const guard = { HTTPS_PROXY: `http://127.0.0.1:${port}`, HTTP_PROXY: `http://127.0.0.1:${port}`, NO_PROXY: '127.0.0.1,localhost' };
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      ...guard,
      ...(c.ownAttempts ? {} : { AWS_MAX_ATTEMPTS: '1' }),
      ...Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, fill(v)])),
    };
    const argv = (c.argv ?? []).map(fill);
    const ours = await ourResolution(argv, env, dir);
    const cmd = [
      'sso-oidc',
      'start-device-authorization',
      '--client-id',
      'c',
      '--client-secret',
      's',
      '--start-url',
      `file://${join(dir, 'start-url.txt')}`,
      '--no-sign-request',
      ...argv,
    ];
    const { code, stdout, stderr } = await runAws(cmd, { env, timeoutMs: 45_000 });
    const rc = code ?? 1;
    const lastErrorLine =
      stderr
        .split('\n')
        .filter((l) => l.trim() !== '')
        .at(-1) ?? '';
    return { rc, stdout, lastErrorLine, seen, ours };
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ourResolution(argv: string[], env: Record<string, string>, dir: string): Promise<ResolvedConfig | Error> {
  const fs = { read: async (p: string) => readFileSync(p), exists: (p: string) => existsSync(p) };
  try {
    return await resolveConfig(globalArgs(argv), { env, fs, homedir: dir, cwd: dir }, silentLog);
  } catch (e) {
    return e as Error;
  }
}

function formatOf(stdout: string): string {
  if (stdout.startsWith('{')) return 'json';
  if (stdout.startsWith('-')) return 'table';
  return 'text';
}

/** What aws did must be what our configuration says it should do. */
function compare(run: Run): void {
  const { ours } = run;
  if (ours instanceof Error) {
    assert.notEqual(run.rc, 0, 'aws succeeded where we refuse');
    assert.ok(
      run.lastErrorLine.endsWith(ours.message),
      `aws said ${JSON.stringify(run.lastErrorLine)}, we say ${JSON.stringify(ours.message)}`,
    );
    return;
  }
  const url = new URL(ours.endpoint.url);
  if (ours.endpoint.source === 'default') {
    assert.deepEqual(run.seen.connects, [`${url.hostname}:443`]);
    return;
  }
  const viaProxy = proxyFor(ours.endpoint.url, ours.proxy) !== undefined;
  const path = `${url.pathname.replace(/\/$/, '')}/device_authorization`;
  const want = viaProxy ? `${url.protocol}//${url.host}${path}` : path;
  assert.ok(run.seen.posts.length > 0, `no request reached the server; aws said ${run.lastErrorLine}`);
  for (const post of run.seen.posts) assert.equal(post.url, want);
  if (run.seen.posts.length > 1 || run.rc !== 0) assert.equal(run.seen.posts.length, ours.retry.maxAttempts);
  if (run.rc === 0) assert.equal(formatOf(run.stdout), ours.output);
}

describe('resolveConfig agrees with aws (v1) on the oracle cases', { skip: AWS === null && 'aws is not on PATH', concurrency: 3 }, () => {
  for (const c of ORACLE_CASES) {
    it(c.name, { timeout: 60_000 }, async () => compare(await runCase(c)));
  }
});

describe('botocore parses the INI fixtures as recorded', { skip: botocoreMissing && 'python3 with botocore is not available' }, () => {
  let recorded: unknown;
  let live: unknown;
  before(() => {
    const files = readdirSync(join(FIXTURES, 'ini'))
      .filter((f) => f.endsWith('.ini'))
      .map((f) => join(FIXTURES, 'ini', f));
    const r = spawnSync('python3', [join(FIXTURES, 'botocore-parse.py'), ...files.sort()], { encoding: 'utf8' });
    live = JSON.parse(r.stdout);
    recorded = JSON.parse(readFileSync(join(FIXTURES, 'botocore-expected.json'), 'utf8'));
  });
  after(() => undefined);
  it('botocore-expected.json is current', () => assert.deepEqual(live, recorded));
});

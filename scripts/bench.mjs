#!/usr/bin/env node
// `npm run bench`: how fast sso-oidc is, next to the AWS CLI v1 where it is installed.
// Measures wall time (median of N runs) of whole processes as a user starts them, and the
// --query engine against the npm `jmespath` package. Never asserted in tests: numbers only.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'sso-oidc-bench-'));
writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\ncli_follow_urlparam = false\n');
const env = { PATH: process.env.PATH, HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'), AWS_EC2_METADATA_DISABLED: 'true' };
const hasAws = spawnSync('sh', ['-c', 'command -v aws'], { encoding: 'utf-8' }).status === 0;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(cmd, args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { env, cwd: dir, encoding: 'utf-8' });
    samples.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(samples);
}

// The emulator runs as its own process: spawnSync below blocks this one's event loop.
const emuProcess = spawn(process.execPath, [join(root, 'bin/sso-oidc-emulator.js'), '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
const emu = {
  url: await new Promise((resolve) => emuProcess.stdout.once('data', (d) => resolve(d.toString().split('\n')[0]))),
  close: () => new Promise((resolve) => emuProcess.once('close', resolve).kill('SIGTERM')),
};
const reg = await (await fetch(`${emu.url}/client/register`, { method: 'POST', body: '{"clientName":"bench","clientType":"public"}' })).json();
const call = ['start-device-authorization', '--client-id', reg.clientId, '--client-secret', reg.clientSecret, '--start-url', 'https://example.awsapps.com/start', '--endpoint-url', emu.url];

const cases = [
  ['--version', ['--version']],
  ['skeleton (no request)', ['start-device-authorization', '--generate-cli-skeleton']],
  ['start-device-authorization', call],
  ['... --query userCode --output text', [...call, '--query', 'userCode', '--output', 'text']],
  ['... --output table', [...call, '--output', 'table']],
];
const rows = [];
try {
  for (const [name, args] of cases) {
    const ours = time(process.execPath, [join(root, 'bin/sso-oidc.js'), ...args]);
    const theirs = hasAws ? time('aws', ['sso-oidc', ...args].filter((a, i) => !(i === 0 && args[0] === '--version'))) : undefined;
    rows.push([name, ours, theirs]);
  }
} finally {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`Whole-process wall time, median of ${runs} runs (ms)${hasAws ? '' : ' — aws not on PATH, no comparison'}`);
console.log(`${'case'.padEnd(38)} ${'sso-oidc'.padStart(9)} ${'aws v1'.padStart(9)} ${'speed-up'.padStart(9)}`);
for (const [name, ours, theirs] of rows) {
  console.log(`${name.padEnd(38)} ${ours.toFixed(0).padStart(9)} ${(theirs?.toFixed(0) ?? '-').padStart(9)} ${(theirs ? `${(theirs / ours).toFixed(1)}x` : '-').padStart(9)}`);
}

// The query engine: the compliance suite's benchmark expressions, compile + search.
const { compileQuery } = await import(join(root, 'dist/src/query/index.js'));
const { parsePyJson } = await import(join(root, 'dist/src/value/pyjson.js'));
const jmespath = (await import('jmespath')).default;
const { readFileSync } = await import('node:fs');
const suites = JSON.parse(readFileSync(join(root, 'test/fixtures/jmespath-compliance/benchmarks.json'), 'utf-8'));
const work = suites.flatMap((s) => s.cases.map((c) => ({ given: s.given, value: parsePyJson(JSON.stringify(s.given)), expr: c.expression })));
function perOp(fn, n = 200) {
  const t = performance.now();
  for (let i = 0; i < n; i++) for (const w of work) fn(w);
  return ((performance.now() - t) * 1000) / (n * work.length);
}
const oursUs = perOp((w) => compileQuery(w.expr).search(w.value));
const npmUs = perOp((w) => jmespath.search(w.given, w.expr));
console.log(`\n--query engine on ${work.length} benchmark expressions (compile + search, µs per expression)`);
console.log(`  ours (jmespath.py semantics): ${oursUs.toFixed(1)}   npm jmespath 0.16.0: ${npmUs.toFixed(1)}`);

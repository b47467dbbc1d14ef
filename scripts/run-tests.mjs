#!/usr/bin/env node
// Runs test/**/*.test.ts with Node's own test runner (through tsx, so tests stay in TypeScript).
//
//   node scripts/run-tests.mjs                   every test
//   node scripts/run-tests.mjs emulator login    the files whose path contains "emulator" or "login"
//   node scripts/run-tests.mjs --fast            only the files that start no process (npm run test:fast)
//   node scripts/run-tests.mjs --also typecheck,lint
//                                                also runs those npm scripts, beside the tests
//
// Where the time goes, and what this does about it:
// - Every test process pays a tsx start (and, for many, loading the SDK): the files that start no
//   process (no node:child_process, no test/helpers/cli.ts, no browser) share a few processes,
//   one per core, instead of one each.
// - Files run in parallel, twice as many as os.availableParallelism(), the longest first: many
//   files spend much of their time waiting (a poll interval, a read timeout, Chromium, npm), and
//   with one file per core the cores idled through those waits (npm test on 2 cores: 111.8 s at
//   2 files, 106.5 s at 3, 102.3 s at 4, CPU 193-203 s). The conformance tables run their cases
//   in parallel inside their file.
// - `--also` runs checks that use one core each (tsc, eslint) beside the tests rather than
//   before them; their output is printed after the tests', and any failure fails the run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** A file that starts no process (no child_process, runCli/runAws/run from helpers/cli, browser) can share one. */
const startsProcesses = (file) =>
  /node:child_process|\b(runCli|runAws)\b|import \{[^}]*\brun\b[^}]*\} from '\.\.\/helpers\/cli|playwright/.test(
    readFileSync(file, 'utf-8'),
  );

/** Run first: the files that take longest (the rest fill the other cores around them). */
const LONGEST = [
  'test/conformance/aws-cli-conformance',
  'test/conformance/aws-cli-v2',
  'test/unit/config-aws-oracle',
  'test/conformance/aws-cli-transport',
  'test/conformance/login-v2',
  'test/e2e/login-flows',
  'test/e2e/pack',
  'test/emulator/browser',
  'test/e2e/hostile-inputs',
];
const rank = (f) => {
  const i = LONGEST.findIndex((p) => f.startsWith(p));
  return i === -1 ? LONGEST.length : i;
};

const args = process.argv.slice(2);
const fast = args.includes('--fast');
const alsoAt = args.indexOf('--also');
const also = alsoAt === -1 ? [] : (args[alsoAt + 1] ?? '').split(',').filter(Boolean);
const filters = args.filter((a, i) => !a.startsWith('--') && (alsoAt === -1 || i !== alsoAt + 1));

let files = walk('test').filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
const shared = files.filter((f) => !startsProcesses(f));
if (fast) files = shared;
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

const cores = availableParallelism();
const groupsDir = mkdtempSync(join(tmpdir(), 'sso-oidc-test-groups-'));

/** The shared files, in `cores` groups of about the same size; each group is one module importing its files. */
function groups(list) {
  const n = Math.min(cores, list.length);
  const bins = Array.from({ length: n }, () => ({ size: 0, files: [] }));
  for (const f of [...list].sort((a, b) => statSync(b).size - statSync(a).size)) {
    const bin = bins.reduce((a, b) => (b.size < a.size ? b : a));
    bin.size += statSync(f).size;
    bin.files.push(f);
  }
  return bins.map((bin, i) => {
    const path = join(groupsDir, `group-${i + 1}.test.mjs`);
    const lines = bin.files.sort().map((f) => `await import(${JSON.stringify(pathToFileURL(resolve(f)).href)});`);
    writeFileSync(path, `// ${bin.files.join(', ')}\n${lines.join('\n')}\n`);
    return path;
  });
}

const own = files.filter((f) => !shared.includes(f)).sort((a, b) => rank(a) - rank(b));
const plan = [
  ...own.filter((f) => rank(f) < LONGEST.length),
  ...groups(files.filter((f) => shared.includes(f))),
  ...own.filter((f) => rank(f) === LONGEST.length),
];

const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

function exec(command, argv, options) {
  return new Promise((done) => {
    const child = spawn(command, argv, { env, ...options });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (out += d));
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), out }));
  });
}

const started = Date.now();
const checks = also.map((name) =>
  exec('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] }).then((r) => ({ name, ...r })),
);
const tests = exec(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${cores * 2}`, ...plan], { stdio: 'inherit' });

const { code } = await tests;
rmSync(groupsDir, { recursive: true, force: true });
let failed = code !== 0;
for (const check of await Promise.all(checks)) {
  process.stdout.write(`\n# npm run ${check.name}: ${check.code === 0 ? 'ok' : `FAILED (exit ${check.code})`}\n${check.out}`);
  failed ||= check.code !== 0;
}
console.log(
  `\n# ${files.length} test files in ${plan.length} processes${also.length ? ` and ${also.join(', ')}` : ''}: ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed ? 1 : 0);

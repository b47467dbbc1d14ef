/**
 * Property-based fuzzing of the whole CLI, in-process through main(argv, deps) against a real
 * emulator on 127.0.0.1 (issue 10): generated argv, --cli-input-json documents, --query
 * expressions, scripted server responses and Ctrl-C at random moments. Every run must end, exit
 * with a documented code, print no stack trace or raw JavaScript error, and never show a secret
 * we sent.
 *
 * `npm test` runs it with a fixed seed and a small count (a few seconds); `npm run fuzz` runs
 * more: FUZZ_RUNS (default 40 here, 1000 there) and FUZZ_SEED (default 20260210) choose.
 * A failure prints the seed and the path to replay it (fast-check's shrunk counterexample).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator, ScriptedResponse } from '../../src/emulator/types.js';
import { fakeDeps, type FakeDeps } from '../helpers/fake-deps.js';
import { main } from '../../src/cli/main.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 40);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20260210);
/** A run that has not ended after this long has hung (a safety net, not a timed assertion). */
const HANG_MS = 20_000;

const EXIT_CODES = new Set([0, 130, 252, 253, 254, 255]);
/** Marked so they cannot occur by chance in anything the CLI prints. */
const SECRET_SENT = 'sEcReT-sent-' + 'Q7xk2';
const TOKEN_SENT = 'tOkEn-sent-' + 'Z9pw4';

const COMMANDS = ['start-device-authorization', 'register-client', 'create-token', 'login', 'logout', 'help', 'start-device-auth', 'nope'];
const FLAGS = [
  '--client-id',
  '--client-name',
  '--client-type',
  '--start-url',
  '--scopes',
  '--grant-type',
  '--device-code',
  '--code',
  '--redirect-uri',
  '--code-verifier',
  '--refresh-token',
  '--grant-types',
  '--redirect-uris',
  '--issuer-url',
  '--output',
  '--query',
  '--region',
  '--profile',
  '--debug',
  '--no-verify-ssl',
  '--no-paginate',
  '--color',
  '--cli-read-timeout',
  '--cli-connect-timeout',
  '--cli-input-json',
  '--cli-input-yaml',
  '--generate-cli-skeleton',
  '--no-browser',
  '--sso-session',
  '--version',
  '--ca-bundle',
  '--client',
  '-x',
  '--',
  'help',
];
const VALUES = [
  '',
  ' ',
  '-1',
  '0',
  '1',
  '2147484',
  '99999999999999999999',
  'NaN',
  'json',
  'text',
  'table',
  'yaml',
  'input',
  'output',
  'us-east-1',
  'bad region!',
  'default',
  'nope',
  'public',
  'confidential',
  'refresh_token',
  'urn:ietf:params:oauth:grant-type:device_code',
  'authorization_code',
  'https://example.awsapps.com/start',
  'file:///dev/null',
  'file://missing.txt',
  'fileb:///dev/null',
  'file:///dev/zero',
  'file:///etc/hostname',
  'file://.',
  '[]',
  '["a","b"]',
  '[1]',
  '{}',
  '{"a":',
  '\u001b[2J',
  'é',
  '\u0000',
  'a b',
  'on',
  'off',
  'auto',
  '--region',
];
const QUERIES = [
  'deviceCode',
  'clientId',
  '*',
  '@',
  '[]',
  'keys(@)',
  'length(@)',
  'abs(@)',
  'sort_by(@, &a)',
  '[?a==`1`]',
  '`{"a":1}`',
  'a.b.c',
  '{a: a, b: b}',
  '[0]',
  '[-1:]',
  'to_number(expiresIn)',
  'join(`,`, @)',
  '"',
  '[',
  '((',
  'a || b && !c',
  'merge(@, `{}`)',
  'not_null(a, b)',
  'max_by(@, &x)',
  '&a',
  '`',
  "'x'",
  '['.repeat(300),
  'a' + '.a'.repeat(300),
];
const STATUSES = [200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 413, 429, 500, 502, 503, 504];

/** A JSON-ish body: real JSON of any shape, a near-valid service answer, or garbage. */
const bodyArb: fc.Arbitrary<string> = fc.oneof(
  fc.json({ depthSize: 'small' }),
  fc
    .record(
      {
        deviceCode: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        userCode: fc.string(),
        verificationUri: fc.oneof(fc.webUrl(), fc.string()),
        expiresIn: fc.oneof(fc.integer(), fc.constant(1e21), fc.string(), fc.double()),
        interval: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(2147484), fc.double()),
        clientId: fc.string(),
        clientSecret: fc.string(),
        clientSecretExpiresAt: fc.oneof(fc.integer(), fc.constant(1e20)),
        accessToken: fc.string(),
        error: fc.string(),
        error_description: fc.string(),
        message: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
  fc.constantFrom(
    '',
    'null',
    '[]',
    '{',
    '<html>oops</html>',
    '{"__proto__":{"x":1}}',
    `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    '"\\ud800"',
  ),
  fc.string({ maxLength: 200 }),
);

const scriptedArb: fc.Arbitrary<ScriptedResponse> = fc.record(
  {
    status: fc.constantFrom(...STATUSES),
    headers: fc.dictionary(
      fc.constantFrom('content-type', 'x-amzn-ErrorType', 'x-amzn-requestid', 'retry-after', 'x-foo'),
      fc.oneof(
        fc.constantFrom(
          'application/json',
          'text/plain',
          'AuthorizationPendingException',
          'SlowDownException',
          'ExpiredTokenException',
          'InvalidClientException',
          'ThrottlingException',
          'x:y',
        ),
        fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
      ),
      { maxKeys: 3 },
    ),
    body: bodyArb,
  },
  { requiredKeys: ['status'] },
);

/** --cli-input-json: a document with the members, any JSON, deep nesting, or broken text. */
const cliInputArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .record(
      {
        clientId: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())),
        clientSecret: fc.constant(SECRET_SENT),
        startUrl: fc.oneof(fc.string(), fc.constant('https://example.awsapps.com/start')),
        clientName: fc.string(),
        clientType: fc.constantFrom('public', 'x'),
        scopes: fc.oneof(fc.array(fc.string()), fc.string()),
        grantType: fc.constantFrom('refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'),
        refreshToken: fc.constant(TOKEN_SENT),
        bogus: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
  fc.json(),
  fc.integer({ min: 0, max: 3000 }).map((n) => `{"clientId":${'['.repeat(n)}${']'.repeat(n)},"clientSecret":"${SECRET_SENT}"}`),
  fc.string().map((s) => `{"clientSecret":"${SECRET_SENT}",${s}`),
);

/** Command lines that reach the server: each command with what it requires, then a few extras. */
const VALID: string[][] = [
  ['start-device-authorization', '--client-id', 'cid', '--client-secret', SECRET_SENT, '--start-url', 'https://example.awsapps.com/start'],
  ['register-client', '--client-name', 'fuzz', '--client-type', 'public'],
  ['create-token', '--client-id', 'cid', '--client-secret', SECRET_SENT, '--grant-type', 'refresh_token', '--refresh-token', TOKEN_SENT],
  [
    'create-token',
    '--client-id',
    'cid',
    '--client-secret',
    SECRET_SENT,
    '--grant-type',
    'urn:ietf:params:oauth:grant-type:device_code',
    '--device-code',
    TOKEN_SENT,
  ],
  ['login', '--start-url', 'https://example.awsapps.com/start', '--region', 'us-east-1', '--no-browser'],
];
const extraArb: fc.Arbitrary<string[]> = fc.oneof(
  fc.constantFrom(...['json', 'text', 'table', 'yaml', 'yaml-stream'].map((o) => ['--output', o])),
  fc.constantFrom(...QUERIES).map((q) => ['--query', q]),
  fc.constantFrom<string[]>(
    ['--debug'],
    ['--color', 'on'],
    ['--no-paginate'],
    ['--generate-cli-skeleton', 'output'],
    ['--scopes', 'a', 'b'],
  ),
  cliInputArb.map((j) => ['--cli-input-json', j]),
  // JSON is YAML; plus YAML's own traps: aliases, tags, deep flow nesting.
  fc
    .oneof(
      cliInputArb,
      fc.constantFrom(
        'a: &a [*a]\nclientId: *a',
        '!!python/object:os.system x',
        `clientId: ${'['.repeat(3000)}`,
        'clientSecret: ' + SECRET_SENT + '\n  bad: [',
      ),
    )
    .map((y) => ['--cli-input-yaml', y]),
);
const validArb: fc.Arbitrary<string[]> = fc
  .tuple(fc.constantFrom(...VALID), fc.array(extraArb, { maxLength: 3 }))
  .map(([base, extras]) => [...base, ...extras.flat()]);

/** Argv: a command, then flags with values from the pools or anything at all. */
const randomArb: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.constantFrom(...COMMANDS),
    fc.array(
      fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .tuple(fc.constantFrom(...FLAGS), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 20 })))
            .map(([f, v]) => [f, v]),
        },
        { weight: 1, arbitrary: fc.constantFrom(...FLAGS).map((f) => [f]) },
        { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => [s]) },
        { weight: 2, arbitrary: fc.constantFrom(...QUERIES).map((q) => ['--query', q]) },
        { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((q) => ['--query', q]) },
        { weight: 2, arbitrary: cliInputArb.map((j) => ['--cli-input-json', j]) },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            ['--client-secret', SECRET_SENT],
            ['--refresh-token', TOKEN_SENT],
            ['--device-code', TOKEN_SENT],
            ['--code-verifier', SECRET_SENT],
          ),
        },
      ),
      { maxLength: 8 },
    ),
  )
  .map(([command, pairs]) => [command, ...pairs.flat()]);

const argvArb: fc.Arbitrary<string[]> = fc.oneof({ weight: 3, arbitrary: validArb }, { weight: 1, arbitrary: randomArb });

interface Case {
  argv: string[];
  script: ScriptedResponse[];
  /** Ctrl-C after this many ms, or never. */
  interruptAfterMs: number | null;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  argv: argvArb,
  script: fc.array(scriptedArb, { maxLength: 4 }),
  // One run in six is interrupted, at a random moment of its first 40 ms.
  interruptAfterMs: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }) }),
});

/** Long values (2,000-deep JSON) would bury the report: cut each string down. */
function short(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' && x.length > 120 ? `${x.slice(0, 100)}…(${x.length} chars)` : x));
}

/** fast-check's report, with the counterexample shortened and the replay settings. */
function report(d: fc.RunDetails<[Case]>): void {
  if (!d.failed) return;
  const why = d.errorInstance instanceof Error ? d.errorInstance.message : String(d.errorInstance);
  throw new Error(
    `Property failed after ${d.numRuns} run(s); replay with FUZZ_SEED=${d.seed} (path ${d.counterexamplePath ?? '?'})\n` +
      `counterexample: ${short(d.counterexample)}\n${why.slice(0, 3000)}`,
  );
}

/** Text no message of ours may contain: a stack frame or a raw JavaScript error. */
const STACK = /\n\s+at .+(:\d+:\d+\)?|\(native\))$/m;
const RAW_ERROR =
  /\b(Type|Range|Reference|Syntax)?Error:|TypeError|RangeError|ReferenceError|Maximum call stack|Cannot read propert|is not a function|undefined is not|\[object Object\]/;

describe('fuzz: main(argv, deps) against the emulator', () => {
  let emu: Emulator;

  before(async () => {
    // Auto-approve, so `login` ends after one poll instead of polling until expiry.
    emu = await startEmulator({ host: '127.0.0.1', port: 0, autoApproveSeconds: 0 });
  });
  after(async () => {
    await emu.close();
  });

  async function runCase(c: Case): Promise<{ code: number; stdout: string; stderr: string; deps: FakeDeps }> {
    emu.clearFaults();
    emu.clearRequests();
    if (c.script.length > 0) emu.script(c.script);
    // The endpoint is always the emulator (or a loopback URL the argv gave): never the network.
    const argv = [...c.argv, '--endpoint-url', emu.url, '--cli-connect-timeout', '5', '--cli-read-timeout', '5'];
    const deps = fakeDeps({ env: { AWS_ENDPOINT_URL: emu.url, AWS_MAX_ATTEMPTS: '2' } });
    const timer = c.interruptAfterMs === null ? undefined : setTimeout(() => deps.interrupt(), c.interruptAfterMs);
    let hang: NodeJS.Timeout | undefined;
    try {
      const code = await Promise.race([
        main(argv, deps),
        new Promise<never>((_, reject) => {
          hang = setTimeout(() => reject(new Error(`the run did not end within ${HANG_MS} ms`)), HANG_MS);
        }),
      ]);
      return { code, stdout: deps.stdout.text, stderr: deps.stderr.text, deps };
    } finally {
      clearTimeout(timer);
      clearTimeout(hang);
      deps.cleanup();
    }
  }

  test(`${RUNS} generated runs (seed ${SEED})`, { timeout: Math.max(120_000, RUNS * 2_000) }, async (t) => {
    const codes = new Map<number, number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        // FUZZ_TRACE=file: each case is written there before it runs (for a crash that kills the process).
        if (process.env['FUZZ_TRACE']) writeFileSync(process.env['FUZZ_TRACE'], JSON.stringify(c));
        const r = await runCase(c);
        codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
        if (emu.requests().length > 0) sent++;
        const where = `exit ${r.code}, stderr ${JSON.stringify(r.stderr.slice(0, 1500))}`;
        assert.ok(EXIT_CODES.has(r.code), `exit code ${r.code}: ${where}`);
        // --debug prints the stack of a bug on purpose; without it nothing may.
        if (!c.argv.includes('--debug')) {
          assert.doesNotMatch(r.stderr, STACK, `a stack trace: ${where}`);
          assert.doesNotMatch(r.stderr, RAW_ERROR, `a raw JavaScript error: ${where}`);
        }
        for (const secret of [SECRET_SENT, TOKEN_SENT]) {
          assert.ok(!r.stdout.includes(secret), `a secret on stdout: ${where}`);
          assert.ok(!r.stderr.includes(secret), `a secret on stderr: ${where}`);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, interruptAfterTimeLimit: Math.max(100_000, RUNS * 1_500), reporter: report },
    );
    // What the runs reached, so a generator that stops reaching the server shows.
    t.diagnostic(`exit codes ${JSON.stringify(Object.fromEntries([...codes].sort()))}; ${sent} run(s) reached the emulator`);
  });
});

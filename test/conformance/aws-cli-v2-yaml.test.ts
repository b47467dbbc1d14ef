/**
 * Conformance with AWS CLI v2 for what v2 adds to output and input: `--output yaml`,
 * `yaml-stream` and `off` (from the flag, the config and AWS_DEFAULT_OUTPUT), every YAML quoting
 * class through a real response, `--generate-cli-skeleton yaml-input`, and `--cli-input-yaml`.
 * v2 (/opt/awscli2/bin/aws) and the built sso-oidc run side by side against the same scripted
 * emulator: stdout byte for byte, the exit code, the request bodies each sent, and, for parameter
 * errors, the message (v2 prints it after "aws: [ERROR]: An error occurred (ParamValidation): ",
 * we in the AWS CLI v1 layout, which we keep by default; --cli-error-format is tested elsewhere).
 * Skips, saying why, when v2 is not installed.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { ScriptedResponse } from '../../src/emulator/types.js';
import { AWS_V2 as AWS2, makeSandbox, runAwsV2, runCli, type RunResult, type Sandbox } from '../helpers/cli.js';
import { SDA, START_URL_FILE } from './cases.js';

const haveV2 = existsSync(AWS2);

type StderrRule =
  | 'empty' // both empty
  | 'message' // the same parameter-error message in each CLI's layout
  | 'any'; // the error's layout is --cli-error-format's business; the exit code and stdout are compared

interface V2Case {
  name: string;
  args: string[];
  responses?: ScriptedResponse[];
  env?: Record<string, string>;
  /** An AWS config for this case (else the sandbox's [default] with a region). */
  config?: string;
  code: number;
  stderr: StderrRule;
  /** Requests each must send (default: the same number as v2, whatever it is). */
  requests?: number;
}

const RC = ['register-client', '--endpoint-url', 'URL'];
const json = { 'content-type': 'application/json' };

const SDA_BODY = {
  deviceCode: 'DEVCODE-123',
  userCode: 'ABCD-EFGH',
  verificationUri: 'https://device.sso.us-east-1.amazonaws.com/',
  verificationUriComplete: 'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
  expiresIn: 600,
  interval: 1,
};
const sdaOk = (body: object = SDA_BODY): ScriptedResponse[] => [
  { path: '/device_authorization', status: 200, headers: json, body: JSON.stringify(body) },
];
const rcOk: ScriptedResponse[] = [
  {
    path: '/client/register',
    status: 200,
    headers: json,
    body: JSON.stringify({
      clientId: 'cid-123',
      clientSecret: 'csecret-456',
      clientIdIssuedAt: 1700000000,
      clientSecretExpiresAt: 1707776000,
    }),
  },
];

const LONG = Array.from({ length: 24 }, (_, i) => `word${i}`).join(' ');

/** The four string members of a device authorization, each carrying one string of a quoting class. */
const QUOTING: [string, [string, string, string, string]][] = [
  ['booleans by YAML 1.2 and 1.1', ['true', 'yes', 'on', 'No']],
  ['nulls', ['null', '~', '', 'Null']],
  ['number-like', ['123', '0o17', '1:20', '1.5e3']],
  ['dates and YAML 1.2 ints', ['2020-01-01', '2001-12-14t21:59:43.10-05:00', '0x1F', '1_000']],
  ['indicators', ['#x', '- a', 'a: b', '*a']],
  ['leading and trailing spaces', [' a', 'a ', 'a  b', '  ']],
  ['newlines', ['a\nb', 'a\n', '\n', 'a \nb']],
  ['control characters', ['\x1b[0m', 'bell\x07', 'a\tb', 'nul\x00']],
  ['unicode', ['\u{1F600}', 'caf\u00e9', 'NEL\u0085', 'line\u2028sep']],
  ['long strings', [LONG, 'x'.repeat(120), `${LONG} \u{1F600}`, `'${LONG}': ${LONG}`]],
];

function quotingBody(values: [string, string, string, string]): object {
  const [deviceCode, userCode, verificationUri, verificationUriComplete] = values;
  return { ...SDA_BODY, deviceCode, userCode, verificationUri, verificationUriComplete };
}

const OUTPUT_QUERIES = [
  'userCode',
  'expiresIn',
  'nonexistent',
  '`1.5`',
  '`true`',
  '`""`',
  '`[]`',
  '`{}`',
  '`600.0`',
  '[userCode, deviceCode]',
  '{code: userCode, uri: verificationUri}',
  '{a: userCode, b: {c: deviceCode, d: interval}}',
  '[{a: userCode, n: interval}, {a: deviceCode, n: expiresIn}]',
  'keys(@)',
  'avg([expiresIn, interval])',
  '`[[]]`',
  '[@, @]',
];
const STREAM_QUERIES = ['userCode', 'nonexistent', '`{}`', '`[]`', '[userCode, deviceCode]', '{u: userCode, n: `null`}'];

function outputCases(): V2Case[] {
  const cases: V2Case[] = [];
  for (const output of ['yaml', 'yaml-stream', 'off']) {
    cases.push({
      name: `success --output ${output}`,
      args: [...SDA, '--output', output],
      responses: sdaOk(),
      code: 0,
      stderr: 'empty',
      requests: 1,
    });
  }
  for (const q of OUTPUT_QUERIES) {
    cases.push({
      name: `--output yaml --query ${q}`,
      args: [...SDA, '--output', 'yaml', '--query', q],
      responses: sdaOk(),
      code: 0,
      stderr: 'empty',
      requests: 1,
    });
  }
  for (const q of STREAM_QUERIES) {
    cases.push({
      name: `--output yaml-stream --query ${q}`,
      args: [...SDA, '--output', 'yaml-stream', '--query', q],
      responses: sdaOk(),
      code: 0,
      stderr: 'empty',
      requests: 1,
    });
  }
  for (const [name, values] of QUOTING) {
    for (const output of ['yaml', 'yaml-stream']) {
      cases.push({
        name: `quoting: ${name} (${output})`,
        args: [...SDA, '--output', output],
        responses: sdaOk(quotingBody(values)),
        code: 0,
        stderr: 'empty',
        requests: 1,
      });
    }
  }
  cases.push(
    {
      name: 'off: a query that fails while evaluating is never run',
      args: [...SDA, '--output', 'off', '--query', 'abs(userCode)'],
      responses: sdaOk(),
      code: 0,
      stderr: 'empty',
      requests: 1,
    },
    {
      name: 'off: a query syntax error is still 252, nothing sent',
      args: [...SDA, '--output', 'off', '--query', '[['],
      responses: sdaOk(),
      code: 252,
      stderr: 'any',
      requests: 0,
    },
    {
      name: 'off: a service error still exits 254',
      args: [...SDA, '--output', 'off'],
      responses: [
        {
          path: '/device_authorization',
          status: 400,
          headers: { ...json, 'x-amzn-ErrorType': 'InvalidClientException' },
          body: '{"error":"invalid_client","error_description":"bad"}',
        },
      ],
      code: 254,
      stderr: 'any',
      requests: 1,
    },
    {
      name: 'yaml: a query that fails while evaluating is 255',
      args: [...SDA, '--output', 'yaml', '--query', 'abs(userCode)'],
      responses: sdaOk(),
      code: 255,
      stderr: 'any',
      requests: 1,
    },
    {
      name: 'yaml: an empty response prints nothing',
      args: [...SDA, '--output', 'yaml'],
      responses: sdaOk({}),
      code: 0,
      stderr: 'empty',
      requests: 1,
    },
    {
      name: 'yaml-stream: an empty response prints nothing',
      args: [...SDA, '--output', 'yaml-stream'],
      responses: sdaOk({}),
      code: 0,
      stderr: 'empty',
      requests: 1,
    },
  );
  return cases;
}

function configCases(): V2Case[] {
  const cfg = (output: string) => `[default]\nregion = us-east-1\ncli_follow_urlparam = false\noutput = ${output}\n`;
  return [
    { name: 'config output = yaml', args: SDA, config: cfg('yaml'), responses: sdaOk(), code: 0, stderr: 'empty', requests: 1 },
    {
      name: 'config output = yaml-stream',
      args: SDA,
      config: cfg('yaml-stream'),
      responses: sdaOk(),
      code: 0,
      stderr: 'empty',
      requests: 1,
    },
    { name: 'config output = off', args: SDA, config: cfg('off'), responses: sdaOk(), code: 0, stderr: 'empty', requests: 1 },
    {
      name: 'AWS_DEFAULT_OUTPUT=yaml beats config output = text',
      args: SDA,
      config: cfg('text'),
      env: { AWS_DEFAULT_OUTPUT: 'yaml' },
      responses: sdaOk(),
      code: 0,
      stderr: 'empty',
      requests: 1,
    },
    {
      name: 'AWS_DEFAULT_OUTPUT=off',
      args: SDA,
      env: { AWS_DEFAULT_OUTPUT: 'off' },
      responses: sdaOk(),
      code: 0,
      stderr: 'empty',
      requests: 1,
    },
    {
      name: '--output json beats AWS_DEFAULT_OUTPUT=yaml-stream',
      args: [...SDA, '--output', 'json'],
      env: { AWS_DEFAULT_OUTPUT: 'yaml-stream' },
      responses: sdaOk(),
      code: 0,
      stderr: 'empty',
      requests: 1,
    },
    {
      name: '--output yaml beats config output = off',
      args: [...SDA, '--output', 'yaml', '--query', 'userCode'],
      config: cfg('off'),
      responses: sdaOk(),
      code: 0,
      stderr: 'empty',
      requests: 1,
    },
  ];
}

function skeletonCases(): V2Case[] {
  const cases: V2Case[] = ['start-device-authorization', 'register-client', 'create-token'].map((op) => ({
    name: `${op} --generate-cli-skeleton yaml-input`,
    args: [op, '--generate-cli-skeleton', 'yaml-input'],
    code: 0,
    stderr: 'empty' as const,
    requests: 0,
  }));
  cases.push(
    {
      name: 'skeleton output as yaml',
      args: [...SDA, '--generate-cli-skeleton', 'output', '--output', 'yaml'],
      code: 0,
      stderr: 'empty',
      requests: 0,
    },
    {
      name: 'skeleton output as yaml-stream',
      args: [...SDA, '--generate-cli-skeleton', 'output', '--output', 'yaml-stream'],
      code: 0,
      stderr: 'empty',
      requests: 0,
    },
    {
      name: 'register-client skeleton output as yaml',
      args: [...RC, '--client-name', 'n', '--client-type', 'public', '--generate-cli-skeleton', 'output', '--output', 'yaml'],
      code: 0,
      stderr: 'empty',
      requests: 0,
    },
    {
      name: 'skeleton input stays JSON with --output yaml',
      args: ['create-token', '--generate-cli-skeleton', 'input', '--output', 'yaml'],
      code: 0,
      stderr: 'empty',
      requests: 0,
    },
    {
      name: 'yaml-input skeleton with --output off still prints',
      args: ['register-client', '--generate-cli-skeleton', 'yaml-input', '--output', 'off'],
      code: 0,
      stderr: 'empty',
      requests: 0,
    },
  );
  return cases;
}

function inputCases(): V2Case[] {
  const base = [...RC, '--output', 'yaml'];
  const ok = (name: string, yaml: string, extra: string[] = []): V2Case => ({
    name,
    args: [...base, ...extra, '--cli-input-yaml', yaml],
    responses: rcOk,
    code: 0,
    stderr: 'empty',
    requests: 1,
  });
  const bad = (name: string, yaml: string, extra: string[] = []): V2Case => ({
    name,
    args: [...base, ...extra, '--cli-input-yaml', yaml],
    responses: rcOk,
    code: 252,
    stderr: 'message',
    requests: 0,
  });
  return [
    ok('cli-input-yaml inline', 'clientName: myapp\nclientType: public'),
    ok('cli-input-yaml: yes is a string (YAML 1.2)', 'clientName: yes\nclientType: public\nscopes: [on, off, 1:20]'),
    ok('cli-input-yaml: flags win over YAML', 'clientName: fromyaml\nclientType: private', [
      '--client-type',
      'public',
      '--client-name',
      'flag',
    ]),
    ok('cli-input-yaml: anchors and aliases', 'clientName: &n shared\nclientType: public\nscopes: [*n, x]'),
    ok('cli-input-yaml: comments', '# a comment\nclientName: app # trailing\nclientType: public\n# end\n'),
    ok('cli-input-yaml: block scalars', 'clientName: |\n  two\n  lines\nclientType: >-\n  pub\n  lic\n'),
    ok('cli-input-yaml: quoted scalars and escapes', 'clientName: "caf\\u00e9 \\U0001F600"\nclientType: \'public\''),
    ok('cli-input-yaml: merge key', '<<: {clientType: public, clientName: base}\nclientName: merged'),
    ok('cli-input-yaml: explicit document markers', '---\nclientName: doc\nclientType: public\n...\n'),
    {
      name: 'cli-input-yaml from file://',
      args: [...base, '--cli-input-yaml', 'file://input.yaml'],
      responses: rcOk,
      code: 0,
      stderr: 'empty',
      requests: 1,
    },
    bad('cli-input-yaml: duplicate keys', 'clientName: a\nclientName: b\nclientType: public'),
    bad('cli-input-yaml: several documents', 'clientName: a\nclientType: public\n---\nclientName: b'),
    bad('cli-input-yaml: a syntax error', 'clientName: [a'),
    bad('cli-input-yaml: an undefined alias', 'clientName: *nope\nclientType: public'),
    bad('cli-input-yaml: an unknown tag', 'clientName: !foo x\nclientType: public'),
    bad('cli-input-yaml: a date fails validation', 'clientName: 2020-01-01\nclientType: public'),
    bad('cli-input-yaml: a datetime fails validation', 'clientName: 2001-12-14 21:59:43.10 -5\nclientType: public'),
    bad('cli-input-yaml: ints, bools and nulls fail validation', 'clientName: 0o17\nclientType: ~\nscopes: [a, 1_000, true]'),
    bad('cli-input-yaml: %YAML 1.1 makes yes a bool', '%YAML 1.1\n---\nclientName: yes\nclientType: public'),
    bad('cli-input-yaml: a list is not a map', '- clientName'),
    bad('cli-input-yaml: a scalar is not a map', 'just text'),
    bad('cli-input-yaml: an empty document is None', ''),
    bad('cli-input-yaml: missing required members after the merge', 'clientName: a'),
    {
      name: 'cli-input-yaml and cli-input-json together',
      args: [...base, '--cli-input-yaml', 'clientName: a', '--cli-input-json', '{"clientType": "public"}'],
      code: 252,
      stderr: 'message',
      requests: 0,
    },
    {
      name: 'cli-input-yaml: a missing file',
      args: [...base, '--cli-input-yaml', 'file://nope.yaml'],
      code: 252,
      stderr: 'message',
      requests: 0,
    },
  ];
}

const CASES: V2Case[] = [...outputCases(), ...configCases(), ...skeletonCases(), ...inputCases()];

/** v2: "\naws: [ERROR]: An error occurred (ParamValidation): MESSAGE\n"; ours (v1 layout): "\nMESSAGE\n". */
function v2Message(stderr: string): string {
  const m = /^\n?aws: \[ERROR\]: An error occurred \(ParamValidation\): ([\s\S]*?)\n*$/.exec(stderr);
  assert.ok(m, `v2 stderr: ${JSON.stringify(stderr)}`);
  return m[1] as string;
}

/** Cases run in parallel: each side of each case has an emulator of its own, and both sides run at once. */
describe(
  'sso-oidc and AWS CLI v2 side by side: yaml, yaml-stream, off, --cli-input-yaml',
  {
    skip: haveV2 ? false : `AWS CLI v2 is not installed at ${AWS2}: v2 yaml conformance cases skipped`,
    concurrency: availableParallelism() + 1,
  },
  () => {
    let box: Sandbox;
    before(() => {
      box = makeSandbox();
      box.write(START_URL_FILE, 'https://example.awsapps.com/start');
      box.write('input.yaml', '# from a file\nclientName: fromfile\nclientType: public\nscopes:\n  - a\n  - b\n');
    });
    after(() => box.cleanup());

    async function side(c: V2Case, v2: boolean): Promise<{ result: RunResult; bodies: unknown[] }> {
      const emu = await startEmulator({ host: '127.0.0.1', port: 0 });
      try {
        if (c.responses) emu.script(c.responses);
        const args = c.args.map((a) => (a === 'URL' ? emu.url : a));
        const env: Record<string, string> = { ...box.env, AWS_PAGER: '', ...c.env };
        if (c.config !== undefined) env['AWS_CONFIG_FILE'] = box.write(`config-${c.name.replace(/[^a-z0-9]+/gi, '-')}`, c.config);
        const options = { env, cwd: box.dir };
        const r = v2 ? await runAwsV2(['sso-oidc', ...args], options) : await runCli(args, options);
        // Each side has its own port: the emulator's URL reads `URL` in what both print.
        const unport = (t: string) => t.replaceAll(emu.url, 'URL');
        return { result: { ...r, stdout: unport(r.stdout), stderr: unport(r.stderr) }, bodies: emu.requests().map((q) => q.json) };
      } finally {
        await emu.close();
      }
    }

    test(`the table has at least 40 cases (${CASES.length})`, () => assert.ok(CASES.length >= 40));

    for (const c of CASES) {
      test(c.name, async () => {
        const [v2, ours] = await Promise.all([side(c, true), side(c, false)]);
        assert.equal(v2.result.code, c.code, `aws v2 exit code (stderr: ${v2.result.stderr})`);
        assert.equal(ours.result.code, c.code, `sso-oidc exit code (stderr: ${ours.result.stderr})`);
        assert.equal(ours.result.stdout, v2.result.stdout, 'stdout');
        if (c.stderr === 'empty') {
          assert.equal(v2.result.stderr, '', 'aws v2 stderr');
          assert.equal(ours.result.stderr, '', 'sso-oidc stderr');
        } else if (c.stderr === 'message') {
          assert.equal(ours.result.stderr.replace(/^\n/, '').replace(/\n$/, ''), v2Message(v2.result.stderr));
        }
        if (c.requests !== undefined) {
          assert.equal(v2.bodies.length, c.requests, 'requests aws v2 sent');
          assert.equal(ours.bodies.length, c.requests, 'requests sso-oidc sent');
        }
        assert.deepEqual(ours.bodies, v2.bodies, 'request bodies');
      });
    }
  },
);

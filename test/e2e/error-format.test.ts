/**
 * AWS CLI v2's error formats, as the built CLI prints them, with the exact texts measured from
 * AWS CLI v2 2.36.7 (the side-by-side table in test/conformance runs v2 itself when installed;
 * these hold without it). No format anywhere keeps the AWS CLI v1 wording.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator, ScriptedResponse } from '../../src/emulator/types.js';
import { makeSandbox, runCli, type Sandbox } from '../helpers/cli.js';

const USAGE =
  'usage: sso-oidc [options] <command> [parameters]\nTo see help text, you can run:\n\n  sso-oidc help\n  sso-oidc <command> help\n';
const REASON: ScriptedResponse[] = [
  {
    status: 400,
    headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': 'InvalidRequestException' },
    body: '{"error":"invalid_request","error_description":"Bad thing","reason":"KMS_AccessDeniedException"}',
  },
];
const OK: ScriptedResponse[] = [
  { status: 200, headers: { 'content-type': 'application/json' }, body: '{"deviceCode":"D","userCode":"ABCD-EFGH","expiresIn":600}' },
];
const HEAD = 'An error occurred (InvalidRequestException) when calling the StartDeviceAuthorization operation:';

describe('--cli-error-format', () => {
  let emu: Emulator;
  let box: Sandbox;
  before(async () => {
    emu = await startEmulator({ port: 0 });
    box = makeSandbox();
  });
  after(async () => {
    await emu.close();
    box.cleanup();
  });
  const sda = (): string[] => [
    'start-device-authorization',
    '--client-id',
    'c',
    '--client-secret',
    'SECRET-VALUE',
    '--start-url',
    'https://x.awsapps.com/start',
    '--endpoint-url',
    emu.url,
  ];
  async function run(args: string[], env: Record<string, string> = {}, script?: ScriptedResponse[]) {
    emu.clearFaults();
    if (script) emu.script(script);
    return runCli(args, { env: { ...box.env, ...env }, cwd: box.dir });
  }

  test('no format anywhere: the AWS CLI v1 wording', async () => {
    const r = await run(sda(), {}, REASON);
    assert.equal(r.code, 254);
    assert.equal(r.stderr, `\n${HEAD} Bad thing\n`);
  });

  test('enhanced, legacy, json, text', async () => {
    const enhanced = await run([...sda(), '--cli-error-format', 'enhanced'], {}, REASON);
    assert.equal(
      enhanced.stderr,
      `\nsso-oidc: [ERROR]: ${HEAD}\n\nAdditional error details:\nerror: invalid_request\nreason: KMS_AccessDeniedException\nerror_description: Bad thing\n`,
    );
    assert.equal((await run([...sda(), '--cli-error-format', 'legacy'], {}, REASON)).stderr, `\nsso-oidc: [ERROR]: ${HEAD}\n`);
    const json = await run([...sda(), '--cli-error-format', 'json'], {}, REASON);
    assert.equal(
      json.stderr,
      '{\n    "Message": "",\n    "Code": "InvalidRequestException",\n    "error": "invalid_request",\n    "reason": "KMS_AccessDeniedException",\n    "error_description": "Bad thing"\n}\n',
    );
    assert.equal(json.stdout, '');
    assert.equal(json.code, 254);
    const text = await run([...sda(), '--cli-error-format', 'text'], {}, REASON);
    assert.equal(text.stderr, 'InvalidRequestException\t\tinvalid_request\tBad thing\tKMS_AccessDeniedException\n');
  });

  test('a usage error carries the usage text inside the message', async () => {
    const r = await run(['start-device-authorization', '--client-id', 'c', '--cli-error-format', 'json']);
    assert.equal(r.code, 252);
    assert.deepEqual(JSON.parse(r.stderr), {
      Code: 'ParamValidation',
      Message: `the following arguments are required: --client-secret, --start-url\n\n${USAGE}`,
    });
  });

  test('unknown options are never formatted', async () => {
    const r = await run([...sda(), '--nope', '--cli-error-format', 'json']);
    assert.equal(r.stderr, `\n${USAGE}\n\nsso-oidc: [ERROR]: Unknown options: --nope\n`);
  });

  test('an invalid flag value is reported in the env format; the flag value is case-sensitive', async () => {
    const r = await run([...sda(), '--cli-error-format', 'JSON'], { AWS_CLI_ERROR_FORMAT: 'Json' });
    assert.equal(r.code, 252);
    assert.deepEqual(JSON.parse(r.stderr), {
      Code: 'ParamValidation',
      Message: `argument --cli-error-format: Found invalid choice 'JSON'\n\n\n${USAGE}`,
    });
  });

  test('cli_error_format from the config, only when an error is printed', async () => {
    const config = box.write('fmt-config', '[default]\nregion = us-east-1\ncli_error_format = TEXT\n');
    const r = await run(sda(), { AWS_CONFIG_FILE: config }, REASON);
    assert.equal(r.stderr, 'InvalidRequestException\t\tinvalid_request\tBad thing\tKMS_AccessDeniedException\n');
    const ok = await run([...sda(), '--query', 'userCode', '--output', 'text'], { AWS_CONFIG_FILE: config }, OK);
    assert.equal(ok.code, 0);
    assert.equal(ok.stderr, '');
  });

  test('connection errors keep the one-line form', async () => {
    const r = await run([...sda().slice(0, -1), 'http://127.0.0.1:1', '--cli-error-format', 'json']);
    assert.equal(r.code, 255);
    assert.equal(r.stderr, '\nsso-oidc: [ERROR]: Could not connect to the endpoint URL: "http://127.0.0.1:1/device_authorization"\n');
  });

  test('an invalid --cli-input-json is not echoed (it may hold a secret)', async () => {
    const r = await run([
      'start-device-authorization',
      '--cli-input-json',
      '{"clientSecret": "SECRET-VALUE",',
      '--cli-error-format',
      'json',
    ]);
    assert.equal(r.code, 252);
    assert.doesNotMatch(r.stderr, /SECRET-VALUE/);
    assert.deepEqual(JSON.parse(r.stderr), {
      Code: 'ParamValidation',
      Message: "Error parsing parameter 'cli-input-json': Invalid JSON received.",
    });
  });

  test('the v2-only flags are accepted and change nothing; AWS_PAGER is ignored', async () => {
    const r = await run(
      [...sda(), '--no-cli-pager', '--cli-binary-format', 'raw-in-base64-out', '--no-cli-auto-prompt', '--query', 'userCode'],
      { AWS_PAGER: 'false' },
      OK,
    );
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '"ABCD-EFGH"\n');
    assert.equal(r.stderr, '');
  });
});

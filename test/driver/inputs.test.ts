/**
 * Every bad input, through main(argv, deps) in-process against a real emulator: the message, the
 * exit code, and that nothing reached the server. Plus the happy paths of the inputs: file://,
 * --cli-input-json, skeletons and their round trip.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator } from '../../src/emulator/types.js';
import { makeSandbox, type Sandbox } from '../helpers/cli.js';
import { runMain } from '../helpers/fake-deps.js';

const USAGE =
  'usage: sso-oidc [options] <command> [parameters]\nTo see help text, you can run:\n\n  sso-oidc help\n  sso-oidc <command> help\n';

describe('inputs through main()', () => {
  let emu: Emulator;
  let box: Sandbox;
  let base: string[];
  let creds: { clientId: string; clientSecret: string };

  before(async () => {
    emu = await startEmulator({ host: '127.0.0.1', port: 0 });
    box = makeSandbox();
    const r = await fetch(`${emu.url}/client/register`, {
      method: 'POST',
      body: JSON.stringify({ clientName: 'e2e', clientType: 'public' }),
    });
    creds = (await r.json()) as { clientId: string; clientSecret: string };
    base = ['start-device-authorization', '--endpoint-url', emu.url];
  });
  after(async () => {
    await emu.close();
    box.cleanup();
  });

  async function cli(args: string[], env: Record<string, string> = {}) {
    emu.clearRequests();
    const result = await runMain(args, { dir: box.dir, env: { ...box.env, ...env } });
    return { ...result, sent: emu.requests().length };
  }

  async function expectUsage(args: string[], tail: string, code = 252) {
    const r = await cli(args);
    assert.equal(r.code, code, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `${USAGE}sso-oidc: error: ${tail}\n`);
    assert.equal(r.sent, 0, 'nothing sent');
  }

  test('missing required options are listed in declaration order', async () => {
    await expectUsage(base, 'the following arguments are required: --client-id, --client-secret, --start-url');
    await expectUsage([...base, '--client-id', 'x'], 'the following arguments are required: --client-secret, --start-url');
  });

  test('invalid choices', async () => {
    const pad = (s: string) => s.padEnd(40);
    await expectUsage(
      [...base, '--output', 'bogus'],
      `argument --output: Invalid choice, valid choices are:\n\n${pad('json')} | ${pad('text')}\n${pad('table')} | ${pad('yaml')}\n${pad('yaml-stream')} | ${pad('off')}`,
    );
    await expectUsage(
      [...base, '--generate-cli-skeleton', 'bogus'],
      `argument --generate-cli-skeleton: Invalid choice, valid choices are:\n\n${pad('input')} | ${pad('output')}\n${pad('yaml-input')}`,
    );
    await expectUsage(
      [...base, '--color', 'maybe'],
      `argument --color: Invalid choice, valid choices are:\n\n${pad('on')} | ${pad('off')}\n${pad('auto')}`,
    );
  });

  test('a value missing, a timeout that is not an integer, an option given twice', async () => {
    await expectUsage([...base, '--output'], 'argument --output: expected one argument');
    await expectUsage([...base, '--cli-read-timeout', 'abc'], "argument --cli-read-timeout: invalid literal for int() with base 10: 'abc'");
    await expectUsage(
      [...base, '--cli-connect-timeout', '1.5'],
      "argument --cli-connect-timeout: invalid literal for int() with base 10: '1.5'",
    );
    await expectUsage([...base, '--client-id', 'a', '--client-id', 'b'], 'argument --client-id: may be given only once');
  });

  test('unknown and misspelt options', async () => {
    const r = await cli([...base, '--client-id', 'a', '--client-secret', 's', '--start-url', 'u', '--bogus', '1', '--regoin', 'x']);
    assert.equal(r.code, 252);
    assert.equal(r.sent, 0);
    assert.equal(r.stderr, `${USAGE}\nUnknown options: --bogus, --regoin, x, 1\n--regoin: did you mean --region?\n`);
  });

  test('a misspelt command suggests the closest', async () => {
    const r = await cli(['start-device-authorizatio']);
    assert.equal(r.code, 252);
    assert.match(r.stderr, /Invalid choice: 'start-device-authorizatio', maybe you meant:\n\n {2}\* start-device-authorization\n$/);
  });

  test('--endpoint-url without a scheme: every command refuses it the same way, before reading anything', async () => {
    const message =
      '\nBad value for --endpoint-url "127.0.0.1:1": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/\n';
    const lines = [
      ['start-device-authorization', '--client-id', 'a', '--client-secret', 's', '--start-url', 'u'],
      ['register-client', '--client-name', 'n', '--client-type', 'public'],
      ['login', '--start-url', 'https://example.awsapps.com/start'],
      ['login'], // no start URL anywhere: the endpoint check comes first
    ];
    for (const line of lines) {
      const r = await cli([...line, '--endpoint-url', '127.0.0.1:1']);
      assert.equal(r.code, 252, line.join(' '));
      assert.equal(r.stderr, message, line.join(' '));
      assert.equal(r.stdout, '', line.join(' '));
    }
  });

  test('--version', async () => {
    const r = await cli(['--version']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^sso-oidc\/\d+\.\d+\.\d+ Node\.js\/\d+\.\d+\.\d+ \w+\/\S+\n$/);
    assert.equal(r.stderr, '');
  });

  test('secrets from file:// reach the server, and never stderr', async () => {
    box.write('secret.txt', creds.clientSecret);
    box.write('id.txt', creds.clientId);
    const r = await cli([
      ...base,
      '--client-id',
      'file://id.txt',
      '--client-secret',
      'file://secret.txt',
      '--start-url',
      'https://example.awsapps.com/start',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const body = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ['deviceCode', 'userCode', 'verificationUri', 'verificationUriComplete', 'expiresIn', 'interval']);
    assert.deepEqual(emu.requests()[0]?.json, {
      clientId: creds.clientId,
      clientSecret: creds.clientSecret,
      startUrl: 'https://example.awsapps.com/start',
    });
  });

  test('a missing parameter file names the path', async () => {
    const r = await cli([...base, '--client-id', 'a', '--client-secret', 'file://missing-secret.txt', '--start-url', 'u']);
    assert.equal(r.code, 252);
    assert.equal(r.sent, 0);
    assert.equal(
      r.stderr,
      "\nError parsing parameter '--client-secret': Unable to load paramfile file://missing-secret.txt: [Errno 2] No such file or directory: 'missing-secret.txt'\n",
    );
  });

  test('bad --cli-input-json never echoes a secret', async () => {
    const r = await cli([...base, '--cli-input-json', '{"clientSecret": "hunter2", "clientId": 1,']);
    assert.equal(r.code, 252);
    assert.equal(r.sent, 0);
    assert.doesNotMatch(r.stderr, /hunter2/);
    assert.match(r.stderr, /^\nError parsing parameter 'cli-input-json': Invalid JSON: Expecting property name enclosed in double quotes/);
    const t = await cli([...base, '--cli-input-json', '{"clientSecret": 42, "clientId": "a", "startUrl": "u"}']);
    assert.equal(t.code, 252);
    assert.equal(
      t.stderr,
      "\nParameter validation failed:\nInvalid type for parameter clientSecret, value: ***, type: <class 'int'>, valid types: <class 'str'>\n",
    );
  });

  test('a skeleton saved, filled in and fed back is accepted', async () => {
    const skel = await cli(['start-device-authorization', '--generate-cli-skeleton']);
    assert.equal(skel.code, 0);
    assert.equal(skel.stdout, '{\n    "clientId": "",\n    "clientSecret": "",\n    "startUrl": ""\n}\n');
    assert.equal(skel.sent, 0);
    const filled = JSON.parse(skel.stdout) as Record<string, string>;
    filled['clientId'] = creds.clientId;
    filled['clientSecret'] = creds.clientSecret;
    filled['startUrl'] = 'https://example.awsapps.com/start';
    box.write('input.json', JSON.stringify(filled, null, 4));
    const r = await cli([...base, '--cli-input-json', 'file://input.json', '--query', 'userCode', '--output', 'text']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^[A-Z]{4}-[A-Z]{4}\n$/);
    assert.equal(r.sent, 1);
  });

  test('--generate-cli-skeleton output sends nothing', async () => {
    const r = await cli([
      ...base,
      '--client-id',
      'a',
      '--client-secret',
      's',
      '--start-url',
      'u',
      '--generate-cli-skeleton',
      'output',
      '--output',
      'text',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'deviceCode\t0\t0\tuserCode\tverificationUri\tverificationUriComplete\n');
    assert.equal(r.sent, 0);
  });

  test('a bad --query is refused before sending', async () => {
    const r = await cli([...base, '--client-id', 'a', '--client-secret', 's', '--start-url', 'u', '--query', 'foo[']);
    assert.equal(r.code, 252);
    assert.equal(r.sent, 0);
    assert.equal(r.stderr, '\nBad value for --query foo[: Invalid jmespath expression: Incomplete expression:\n"foo["\n     ^\n');
  });

  test('service errors exit 254 with the AWS wording', async () => {
    const r = await cli([...base, '--client-id', 'nope', '--client-secret', 's', '--start-url', 'https://example.awsapps.com/start']);
    assert.equal(r.code, 254);
    assert.match(r.stderr, /^\nAn error occurred \(InvalidClientException\) when calling the StartDeviceAuthorization operation: .+\n$/);
  });

  test('no region: exit 253 and nothing sent', async () => {
    const r = await cli([...base, '--client-id', 'a', '--client-secret', 's', '--start-url', 'u'], { AWS_CONFIG_FILE: `${box.dir}/none` });
    assert.equal(r.code, 253);
    assert.equal(r.stderr, 'You must specify a region. You can also configure your region by running "aws configure".\n');
    assert.equal(r.sent, 0);
  });
});

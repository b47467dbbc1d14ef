/**
 * Issue 10, items 7, 9 and 11: what we print when the input or the server is hostile. URL
 * credentials never show (errors, --debug), a server that quotes our secrets back does not get
 * them printed, and control characters from the server are escaped on a terminal (on a pipe
 * the bytes stay the AWS CLI's). In-process against real local servers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeServer, type Scripted } from '../helpers/fake-server.js';
import { fakeDeps, runMain } from '../helpers/fake-deps.js';
import { findAws, makeSandbox, runAws } from '../helpers/cli.js';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const SECRET = 'SECRET-client-7d41';
const DEVICE_CODE = 'DEVICE-code-99af';
const NASTY = '\x1b]8;;http://evil.example\x07click\x1b]8;; \x1b[2J\x9b31m';

const createToken = (url: string, extra: string[] = []): string[] => [
  'create-token',
  '--client-id',
  'C',
  '--client-secret',
  SECRET,
  '--grant-type',
  DEVICE_GRANT,
  '--device-code',
  DEVICE_CODE,
  '--endpoint-url',
  url,
  ...extra,
];

/** A service error that quotes the request's secrets (and some terminal controls) back. */
function reflecting(): (req: { body: string }) => Scripted {
  return (req) => {
    const j = JSON.parse(req.body || '{}') as Record<string, string>;
    return {
      status: 400,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidClientException' },
      body: { error: 'invalid_client', error_description: `secret ${j.clientSecret} device ${j.deviceCode} ${NASTY}` },
    };
  };
}

test('item 9: secrets a server quotes back are scrubbed from the error and the --debug Outcome line', async () => {
  const server = await startFakeServer(reflecting());
  try {
    const r = await runMain(createToken(server.url, ['--debug']));
    assert.equal(r.code, 254);
    assert.ok(server.requests[0]?.body.includes(SECRET), 'the secret was sent');
    assert.ok(!r.stderr.includes(SECRET), r.stderr);
    assert.ok(!r.stderr.includes(DEVICE_CODE), r.stderr);
    assert.match(
      r.stderr,
      /Outcome: service error after 1 attempt\(s\): An error occurred \(InvalidClientException\) when calling the CreateToken operation: secret \*\*\* device \*\*\* /,
    );
    assert.match(
      r.stderr,
      /\nAn error occurred \(InvalidClientException\) when calling the CreateToken operation: secret \*\*\* device \*\*\* /,
    );
  } finally {
    await server.close();
  }
});

test('item 11: control characters in a service error are escaped on a terminal, raw on a pipe', async () => {
  const server = await startFakeServer(reflecting());
  try {
    const deps = fakeDeps({ stderrTTY: true });
    try {
      const r = await runMain(createToken(server.url), { deps });
      assert.equal(r.code, 254);
      assert.ok(r.stderr.endsWith('\\x1b]8;;http://evil.example\\x07click\\x1b]8;; \\x1b[2J\\x9b31m\n'), JSON.stringify(r.stderr));
      // eslint-disable-next-line no-control-regex -- the point
      assert.doesNotMatch(r.stderr, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    } finally {
      deps.cleanup();
    }
    const piped = await runMain(createToken(server.url));
    assert.ok(piped.stderr.endsWith(`${NASTY}\n`), JSON.stringify(piped.stderr));
  } finally {
    await server.close();
  }
});

const SDA_ARGS = [
  'start-device-authorization',
  '--client-id',
  'C',
  '--client-secret',
  'S3cr3t-value',
  '--start-url',
  'https://x.example/start',
];

test('item 11: text and table output escape server control characters on a terminal only', async () => {
  const body = { deviceCode: 'dc', userCode: `AB\x1b[2JCD`, verificationUri: `https://v.example/${NASTY}`, expiresIn: 600, interval: 1 };
  const server = await startFakeServer([{ status: 200, headers: { 'content-type': 'application/json' }, body }]);
  try {
    for (const output of ['text', 'table']) {
      const deps = fakeDeps({ stdoutTTY: true, columns: 200 });
      try {
        const r = await runMain([...SDA_ARGS, '--endpoint-url', server.url, '--output', output, '--color', 'off'], { deps });
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /AB\\x1b\[2JCD/, output);
        assert.match(r.stdout, /\\x1b\]8;;http:\/\/evil\.example\\x07click/, output);
        // eslint-disable-next-line no-control-regex -- the point
        assert.doesNotMatch(r.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/, output);
      } finally {
        deps.cleanup();
      }
      const piped = await runMain([...SDA_ARGS, '--endpoint-url', server.url, '--output', output]);
      assert.ok(piped.stdout.includes('AB\x1b[2JCD'), `${output} on a pipe keeps the bytes`);
    }
    // A coloured table on a terminal keeps its own colours.
    const deps = fakeDeps({ stdoutTTY: true, columns: 200 });
    try {
      const r = await runMain([...SDA_ARGS, '--endpoint-url', server.url, '--output', 'table', '--color', 'on'], { deps });
      assert.ok(r.stdout.includes('\x1b['), 'coloured');
      assert.match(r.stdout, /AB\\x1b\[2JCD/);
    } finally {
      deps.cleanup();
    }
  } finally {
    await server.close();
  }
});

test('item 7: URL credentials are masked in "Invalid endpoint:" and in every --debug line', async () => {
  const bad = await runMain([...SDA_ARGS, '--endpoint-url', 'http://alice:PW-9f3@']);
  assert.equal(bad.code, 253);
  assert.equal(bad.stderr, '\nInvalid endpoint: http://***:***@\n');
  const server = await startFakeServer([
    { status: 200, headers: { 'content-type': 'application/json' }, body: { deviceCode: 'd', userCode: 'u' } },
  ]);
  try {
    const url = server.url.replace('http://', 'http://alice:PW-9f3@');
    const r = await runMain([...SDA_ARGS, '--endpoint-url', url, '--debug']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /No proxy for http:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:\d+/);
    assert.match(r.stderr, /Arguments entered to CLI: .*"http:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:\d+"/);
    assert.ok(!r.stderr.includes('PW-9f3'), r.stderr);
    assert.ok(!r.stderr.includes('alice'), r.stderr);
  } finally {
    await server.close();
  }
});

test('item 7 side by side: the AWS CLI v1 layout of "Invalid endpoint:" (it shows the password; we do not)', async (t) => {
  if (findAws() === null) {
    t.skip('aws is not on PATH');
    return;
  }
  const box = makeSandbox();
  try {
    const aws = await runAws(['sso-oidc', ...SDA_ARGS, '--endpoint-url', 'http://alice:PW-9f3@'], { env: box.env, timeoutMs: 60_000 });
    assert.equal(aws.stderr, '\nInvalid endpoint: http://alice:PW-9f3@\n');
    const ours = await runMain([...SDA_ARGS, '--endpoint-url', 'http://alice:PW-9f3@']);
    assert.equal(ours.stderr, aws.stderr.replace('alice:PW-9f3', '***:***'));
  } finally {
    box.cleanup();
  }
});

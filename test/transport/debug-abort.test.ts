import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InterruptedError } from '../../src/errors.js';
import { abortableSleep } from '../../src/aws/retry.js';
import { createToken } from '../../src/model/operations/create-token.js';
import { startFakeServer, type FakeServer, type Scripted } from '../helpers/fake-server.js';
import { makeConfig, recordingLog, rejection, SDA_INPUT, send, testOptions } from './support.js';

const SECRETS = {
  clientSecret: 'CLIENT-SECRET-0001',
  deviceCode: 'DEVICE-CODE-0002',
  code: 'AUTH-CODE-0003',
  codeVerifier: 'VERIFIER-0004',
  refreshToken: 'REFRESH-IN-0005',
};
const RECEIVED = {
  accessToken: 'ACCESS-TOKEN-0006',
  refreshToken: 'REFRESH-OUT-0007',
  idToken: 'ID-TOKEN-0008',
  deviceCode: 'DEVICE-OUT-0009',
};

/** Runs `fn` and fails if anything (e.g. an SDK warning) reached the console or stderr meanwhile. */
async function withoutConsole<T>(fn: () => Promise<T>): Promise<T> {
  const seen: string[] = [];
  // Saved unbound on purpose: put back exactly as they were.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const saved = { warn: console.warn, log: console.log, error: console.error, write: process.stderr.write };
  console.warn = console.log = console.error = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  process.stderr.write = (chunk: unknown) => seen.push(String(chunk)) > 0;
  try {
    return await fn();
  } finally {
    Object.assign(console, { warn: saved.warn, log: saved.log, error: saved.error });
    process.stderr.write = saved.write;
    assert.deepEqual(seen, [], 'nothing may reach the console');
  }
}

describe('--debug output', () => {
  let server: FakeServer;
  let script: Scripted[] = [];
  before(async () => {
    server = await startFakeServer((_r, i) => script[i] ?? {});
  });
  after(() => server.close());

  it('shows requests, responses and retries, but never a secret, code or token', async () => {
    script = [
      // A non-JSON error echoing a secret, a JSON error, then the tokens.
      { status: 500, body: `upstream failed for ${SECRETS.clientSecret} with code ${SECRETS.deviceCode}` },
      { status: 503, body: `busy: ${SECRETS.clientSecret}` },
      { status: 500, body: { message: 'x', refresh_token: SECRETS.refreshToken, nested: [{ code: SECRETS.code }] } },
      { status: 200, headers: { 'set-cookie': 'session=COOKIE-0010' }, body: { ...RECEIVED, tokenType: 'Bearer', expiresIn: 28800 } },
    ];
    const log = recordingLog();
    const input = { clientId: 'cid', grantType: 'authorization_code', redirectUri: 'http://127.0.0.1/cb', ...SECRETS };
    const res = await withoutConsole(() =>
      send(makeConfig(server.url, { retry: { mode: 'standard', maxAttempts: 4 } }), testOptions({ log }), createToken, input),
    );
    assert.equal(res.attempts, 4);
    const all = log.lines.join('\n');
    for (const secret of [...Object.values(SECRETS), ...Object.values(RECEIVED), 'COOKIE-0010']) {
      assert.ok(!all.includes(secret), `${secret} leaked into:\n${all}`);
    }
    assert.match(all, /client - Region: us-east-1; endpoint: http:\/\/127\.0\.0\.1:\d+ \(from cli\)/);
    assert.match(all, /client - Retry mode: standard; max attempts: 4/);
    assert.match(all, /http - Sending http request \(attempt 1\): POST http:\/\/127\.0\.0\.1:\d+\/token/);
    assert.match(all, /http - Request body: \{"clientId":"cid",.*"clientSecret":"\*\*\*"/);
    assert.match(all, /http - Response received \(attempt 1\): 500 Internal Server Error/);
    assert.match(all, /http - Response body: \(\d+ bytes, not JSON: not shown because it may hold secrets\)/);
    assert.match(all, /http - Response body: busy: \*\*\*/);
    assert.match(all, /"refresh_token":"\*\*\*"/);
    assert.match(all, /"accessToken":"\*\*\*"/);
    assert.match(all, /"tokenType":"Bearer"/);
    assert.match(all, /"set-cookie":"\*\*\*"/);
    assert.match(all, /retry - Retry needed \(attempt 3 of 4: HTTP 500 500\), sleeping for/);
    assert.match(all, /send - Outcome: HTTP 200 after 4 attempt\(s\)\./);
  });

  it('logs nothing when disabled', async () => {
    script = [{ body: '{}' }];
    const log = recordingLog(false);
    await send(makeConfig(server.url), testOptions({ log }));
    assert.deepEqual(log.lines, []);
  });
});

describe('Ctrl-C', () => {
  let server: FakeServer;
  let script: Scripted = {};
  before(async () => {
    server = await startFakeServer(() => script);
  });
  after(() => server.close());

  it('interrupts a slow request quickly', async () => {
    script = { delayMs: 10_000, body: '{}' };
    const ac = new AbortController();
    const started = Date.now();
    setTimeout(() => ac.abort(), 200);
    const e = await rejection(() =>
      send(makeConfig(server.url, { retry: { mode: 'legacy', maxAttempts: 5 } }), testOptions({ signal: ac.signal })),
    );
    assert.ok(e instanceof InterruptedError, String(e));
    assert.equal(e.exitCode, 130);
    assert.ok(Date.now() - started < 1500);
  });

  it('interrupts the back-off sleep quickly', async () => {
    script = { status: 503, body: '{}' };
    const ac = new AbortController();
    const started = Date.now();
    setTimeout(() => ac.abort(), 300);
    const options = testOptions({ signal: ac.signal, random: () => 1, sleep: abortableSleep });
    const e = await rejection(() => send(makeConfig(server.url, { retry: { mode: 'legacy', maxAttempts: 5 } }), options));
    assert.ok(e instanceof InterruptedError, String(e));
    assert.ok(Date.now() - started < 1000);
  });

  it('sends nothing when already interrupted', async () => {
    const before = server.requests.length;
    const e = await rejection(() => send(makeConfig(server.url), testOptions({ signal: AbortSignal.abort() })));
    assert.ok(e instanceof InterruptedError);
    assert.equal(server.requests.length, before);
  });

  it('keeps SDA secrets out of the request log line too', async () => {
    script = { body: '{}' };
    const log = recordingLog();
    await send(makeConfig(server.url), testOptions({ log }));
    assert.ok(!log.lines.join('\n').includes(SDA_INPUT.clientSecret));
  });
});

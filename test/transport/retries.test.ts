import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ServiceError } from '../../src/errors.js';
import { backoffSeconds, decideRetry } from '../../src/aws/retry.js';
import { startFakeServer, type FakeServer, type Scripted } from '../helpers/fake-server.js';
import { makeConfig, recordingLog, send, testOptions } from './support.js';

const status = (s: number, code?: string): Scripted => ({
  status: s,
  headers: code ? { 'x-amzn-ErrorType': code } : {},
  body: { message: `status ${s} body` },
});

describe('retries', () => {
  let server: FakeServer;
  let script: Scripted[] = [];
  let offset = 0;
  before(async () => {
    server = await startFakeServer((_req, i) => script[Math.min(i - offset, script.length - 1)] ?? {});
  });
  after(() => server.close());
  const run = async (s: Scripted[], mode: 'legacy' | 'standard' | 'adaptive', maxAttempts: number, options = testOptions()) => {
    script = s;
    offset = server.requests.length;
    const config = makeConfig(server.url, { retry: { mode, maxAttempts } });
    try {
      return { result: await send(config, options), requests: server.requests.slice(offset) };
    } catch (e) {
      return { error: e as Error, requests: server.requests.slice(offset) };
    }
  };

  it('500 twice then 200: success on attempt 3, one invocation id, amz-sdk-request per attempt', async () => {
    const { result, requests } = await run([status(500), status(500), { body: '{"ok":1}' }], 'standard', 3);
    assert.equal(result?.attempts, 3);
    assert.equal(result?.body.toString(), '{"ok":1}');
    assert.equal(new Set(requests.map((r) => r.headers['amz-sdk-invocation-id'])).size, 1);
    assert.deepEqual(
      requests.map((r) => r.headers['amz-sdk-request']),
      ['attempt=1; max=3', 'attempt=2; max=3', 'attempt=3; max=3'],
    );
  });

  it('500 always in standard mode: (reached max retries: 2) after 3 attempts', async () => {
    const { error, requests } = await run([status(500)], 'standard', 3);
    assert.ok(error instanceof ServiceError);
    assert.equal(
      error.message,
      'An error occurred (500) when calling the StartDeviceAuthorization operation (reached max retries: 2): status 500 body',
    );
    assert.equal(requests.length, 3);
  });

  it('legacy mode with maxAttempts 5: 5 attempts, (reached max retries: 4)', async () => {
    const { error, requests } = await run([status(503)], 'legacy', 5);
    assert.match(String(error?.message), /\(reached max retries: 4\)/);
    assert.equal(requests.length, 5);
  });

  it('429 without a code: not retried in standard, retried in legacy', async () => {
    const std = await run([status(429)], 'standard', 3);
    assert.equal(std.requests.length, 1);
    assert.equal(std.error?.message, 'An error occurred (429) when calling the StartDeviceAuthorization operation: status 429 body');
    const legacy = await run([status(429)], 'legacy', 3);
    assert.equal(legacy.requests.length, 3);
  });

  it('ThrottlingException at 400 is retried in both modes; SlowDownException at 400 in neither', async () => {
    for (const mode of ['standard', 'legacy', 'adaptive'] as const) {
      assert.equal((await run([status(400, 'ThrottlingException')], mode, 3)).requests.length, 3, mode);
      assert.equal((await run([status(400, 'SlowDownException')], mode, 3)).requests.length, 1, mode);
    }
    assert.equal((await run([status(400, 'SlowDown')], 'standard', 3)).requests.length, 3);
    assert.equal((await run([status(400, 'SlowDown')], 'legacy', 3)).requests.length, 1);
  });

  it('501 and 404 are not retried', async () => {
    for (const mode of ['standard', 'legacy'] as const) {
      const r501 = await run([status(501)], mode, 3);
      assert.equal(r501.requests.length, 1);
      const r404 = await run([status(404)], mode, 3);
      assert.equal(r404.requests.length, 1);
      assert.equal(r404.error?.message, 'An error occurred (404) when calling the StartDeviceAuthorization operation: status 404 body');
    }
  });

  it('standard mode marks max attempts on the last attempt even when not retryable (as v1 does)', async () => {
    const one = await run([status(404)], 'standard', 1);
    assert.match(String(one.error?.message), /operation \(reached max retries: 0\): status 404 body/);
    const late = await run([status(500), status(500), status(404)], 'standard', 3);
    assert.match(String(late.error?.message), /\(reached max retries: 2\): status 404 body/);
    const legacy = await run([status(500), status(500), status(404)], 'legacy', 3);
    assert.doesNotMatch(String(legacy.error?.message), /reached max retries/);
  });

  it('logs each retry and sleeps the botocore back-off (legacy uncapped, standard capped at 20 s)', async () => {
    const sleeps: number[] = [];
    const log = recordingLog();
    const options = testOptions({ log, random: () => 1, sleep: async (ms) => void sleeps.push(ms) });
    await run([status(500)], 'legacy', 4, options);
    assert.deepEqual(sleeps, [1000, 2000, 4000]);
    assert.equal(log.lines.filter((l) => l.startsWith('retry - Retry needed')).length, 3);
    assert.ok(log.lines.some((l) => l.includes('sleeping for 4.000 seconds')));
    assert.equal(
      backoffSeconds('standard', 6, () => 1),
      20,
    );
    assert.equal(
      backoffSeconds('legacy', 6, () => 1),
      32,
    );
  });
});

describe('decideRetry', () => {
  it('legacy retries connection problems but not a bare HTTP client error; standard retries both', () => {
    for (const kind of ['connect', 'connect-timeout', 'read-timeout', 'closed', 'tls', 'proxy'] as const) {
      assert.equal(decideRetry('legacy', 5, 1, { type: 'failure', kind }).retry, true, kind);
      assert.equal(decideRetry('standard', 3, 1, { type: 'failure', kind }).retry, true, kind);
    }
    assert.equal(decideRetry('legacy', 5, 1, { type: 'failure', kind: 'client' }).retry, false);
    assert.equal(decideRetry('standard', 3, 1, { type: 'failure', kind: 'client' }).retry, true);
  });
  it('legacy retries 504 and 509; standard retries 504 but not 509; transient codes in standard', () => {
    assert.equal(decideRetry('legacy', 5, 1, { type: 'response', status: 509, code: '509' }).retry, true);
    assert.equal(decideRetry('standard', 5, 1, { type: 'response', status: 509, code: '509' }).retry, false);
    assert.equal(decideRetry('standard', 5, 1, { type: 'response', status: 504, code: '504' }).retry, true);
    assert.equal(decideRetry('standard', 5, 1, { type: 'response', status: 400, code: 'RequestTimeoutException' }).retry, true);
    assert.equal(decideRetry('legacy', 5, 1, { type: 'response', status: 400, code: 'RequestTimeoutException' }).retry, false);
    assert.equal(decideRetry('legacy', 5, 1, { type: 'response', status: 403, code: 'ThrottlingException' }).retry, false);
  });
});

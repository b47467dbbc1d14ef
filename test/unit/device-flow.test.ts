import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServiceError } from '../../src/errors.js';
import type { OperationDescription } from '../../src/model/types.js';
import { cacheTime, registrationCacheKey, tokenCacheKey } from '../../src/sso/cache.js';
import { pollForToken, type Authorization, type DeviceFlowIo } from '../../src/sso/device-flow.js';
import type { Value, ValueMap } from '../../src/value/types.js';

const pending = (code: string) => new ServiceError({ code, operation: 'CreateToken', message: 'm', httpStatus: 400 });

function fakeIo(replies: (ValueMap | ServiceError)[]) {
  let t = Date.parse('2026-01-01T00:00:00Z');
  const sleeps: number[] = [];
  const calls: string[] = [];
  const io: DeviceFlowIo = {
    call: async (op: OperationDescription) => {
      calls.push(op.name);
      const r = replies.shift();
      if (r === undefined) throw new Error('no more replies');
      if (r instanceof ServiceError) throw r;
      return r;
    },
    now: () => new Date(t),
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    prompt: async () => undefined,
  };
  return { io, sleeps, calls };
}

const auth: Authorization = {
  deviceCode: 'd',
  userCode: 'U',
  verificationUri: 'v',
  verificationUriComplete: undefined,
  expiresIn: 60,
  interval: 2,
};
const client = { clientId: 'c', clientSecret: 's' };

test('polls at the interval, slows down by 5 s, returns the token', async () => {
  const token: ValueMap = new Map<string, Value>([
    ['accessToken', 'aoa'],
    ['expiresIn', 28800n],
    ['refreshToken', 'aor'],
  ]);
  const { io, sleeps, calls } = fakeIo([
    pending('AuthorizationPendingException'),
    pending('SlowDownException'),
    pending('AuthorizationPendingException'),
    token,
  ]);
  assert.deepEqual(await pollForToken(io, client, auth), { accessToken: 'aoa', expiresIn: 28800, refreshToken: 'aor' });
  assert.deepEqual(sleeps, [2000, 7000, 7000]);
  assert.deepEqual(calls, ['CreateToken', 'CreateToken', 'CreateToken', 'CreateToken']);
});

test('an expired authorization ends the flow, by the service or by our clock', async () => {
  const expired = /pending authorization to retrieve an SSO token has expired/;
  await assert.rejects(pollForToken(fakeIo([pending('ExpiredTokenException')]).io, client, auth), expired);
  const many = Array.from({ length: 100 }, () => pending('AuthorizationPendingException'));
  const { io, calls } = fakeIo(many);
  await assert.rejects(pollForToken(io, client, auth), expired);
  assert.equal(calls.length, 31); // t = 0, 2, ..., 60 s
});

test('a denial is the service error itself', async () => {
  await assert.rejects(pollForToken(fakeIo([pending('AccessDeniedException')]).io, client, auth), { code: 'AccessDeniedException' });
});

test('cache keys are the AWS CLI v2 ones', () => {
  assert.equal(tokenCacheKey('https://x', 'my-sso'), '0ad374308c5a4e22f723adf10145eafad7c4031c');
  assert.equal(tokenCacheKey('https://my-sso-portal.awsapps.com/start', undefined), 'c7aaaf71fcc8777ae2475525ed049d39fe16c484');
  assert.equal(
    registrationCacheKey({
      startUrl: 'https://my-sso-portal.awsapps.com/start',
      region: 'us-east-1',
      scopes: ['sso:account:access'],
      sessionName: 'my-sso',
    }),
    'c5cfae6e3e4f067423a532368c8b514b6a4b0ace',
  );
  assert.equal(
    registrationCacheKey({ startUrl: 'https://x/é', region: 'us-east-1', scopes: undefined, sessionName: undefined }),
    '7472068d2c40ae5fbaa8afe9aa3ced89e49109e0',
  );
  assert.equal(cacheTime(new Date('2026-11-28T14:00:00.123Z')), '2026-11-28T14:00:00Z');
});

/** Wire-level tests of RegisterClient, StartDeviceAuthorization and the error format. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from '../../src/emulator/ids.js';
import { startFlow, startTestEmulator, type TestEmulator, type WireResponse } from '../helpers/emulator.js';

let emu: TestEmulator;
before(async () => {
  emu = await startTestEmulator({ now: () => new Date('2025-01-01T00:00:00Z') });
});
after(() => emu.close());

/** Asserts the service's error wire format. */
function assertError(res: WireResponse, status: number, type: string, code: string): void {
  assert.equal(res.status, status, res.text);
  assert.equal(res.headers.get('x-amzn-errortype'), type);
  assert.equal(res.headers.get('content-type'), 'application/json');
  assert.ok(res.headers.get('x-amzn-requestid'));
  assert.deepEqual(Object.keys(res.json).sort(), ['error', 'error_description']);
  assert.equal(res.json.error, code);
  assert.match(res.json.error_description as string, /^[A-Z].*\S$/, 'a sentence');
}

describe('RegisterClient', () => {
  test('returns a client with epoch-second timestamps and a 90-day secret', async () => {
    const res = await emu.post('/client/register', { clientName: 'my app', clientType: 'public' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.match(res.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(Object.keys(res.json).sort(), ['clientId', 'clientIdIssuedAt', 'clientSecret', 'clientSecretExpiresAt']);
    assert.equal(res.json.clientIdIssuedAt, 1735689600);
    assert.equal(res.json.clientSecretExpiresAt, 1735689600 + 90 * 86400);
    assert.match(res.json.clientId as string, /^[\w-]{20,}$/);
    assert.match(res.json.clientSecret as string, /^[\w-]{64,}$/);
    assert.ok(!(res.json.clientId as string).startsWith('-'));
  });

  test('adds the OAuth endpoints only for authorization-code clients', async () => {
    const res = await emu.post('/client/register', {
      clientName: 'ide',
      clientType: 'public',
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: ['http://127.0.0.1:8080/oauth/callback'],
      scopes: ['sso:account:access'],
      issuerUrl: 'https://identitycenter.amazonaws.com/ssoins-1111111111111111',
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.authorizationEndpoint, `${emu.url}/authorize`);
    assert.equal(res.json.tokenEndpoint, `${emu.url}/token`);
  });

  test('rejects a non-public client type', async () => {
    assertError(
      await emu.post('/client/register', { clientName: 'x', clientType: 'confidential' }),
      400,
      'InvalidClientMetadataException',
      'invalid_client_metadata',
    );
  });

  test('requires clientName and clientType', async () => {
    const missingName = await emu.post('/client/register', { clientType: 'public' });
    assertError(missingName, 400, 'InvalidRequestException', 'invalid_request');
    assert.match(missingName.json.error_description as string, /clientName/);
    assertError(await emu.post('/client/register', { clientName: 'x' }), 400, 'InvalidRequestException', 'invalid_request');
    assertError(
      await emu.post('/client/register', { clientName: 7, clientType: 'public' }),
      400,
      'InvalidRequestException',
      'invalid_request',
    );
  });

  test('rejects unknown grant types, bad scopes and bad redirect URIs', async () => {
    const base = { clientName: 'x', clientType: 'public' };
    assertError(
      await emu.post('/client/register', { ...base, grantTypes: ['password'] }),
      400,
      'UnsupportedGrantTypeException',
      'unsupported_grant_type',
    );
    assertError(await emu.post('/client/register', { ...base, scopes: ['a b'] }), 400, 'InvalidScopeException', 'invalid_scope');
    assertError(await emu.post('/client/register', { ...base, scopes: [''] }), 400, 'InvalidScopeException', 'invalid_scope');
    assertError(
      await emu.post('/client/register', { ...base, scopes: 'sso:account:access' }),
      400,
      'InvalidRequestException',
      'invalid_request',
    );
    assertError(
      await emu.post('/client/register', { ...base, redirectUris: ['not a url'] }),
      400,
      'InvalidRedirectUriException',
      'invalid_redirect_uri',
    );
  });
});

describe('StartDeviceAuthorization', () => {
  test('returns codes and the verification URIs of the emulator page', async () => {
    const reg = await emu.post('/client/register', { clientName: 'x', clientType: 'public' });
    const { clientId, clientSecret } = reg.json;
    const res = await emu.post('/device_authorization', { clientId, clientSecret, startUrl: 'https://d-123.awsapps.com/start' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.json).sort(), [
      'deviceCode',
      'expiresIn',
      'interval',
      'userCode',
      'verificationUri',
      'verificationUriComplete',
    ]);
    assert.match(res.json.userCode as string, /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    assert.match(res.json.deviceCode as string, /^[\w-]{40,}$/);
    assert.equal(res.json.verificationUri, `${emu.url}/`);
    assert.equal(res.json.verificationUriComplete, `${emu.url}/?user_code=${res.json.userCode as string}`);
    assert.equal(res.json.expiresIn, 600);
    assert.equal(res.json.interval, 1);
  });

  test('rejects unknown clients and wrong secrets with 401 InvalidClientException', async () => {
    const reg = await emu.post('/client/register', { clientName: 'x', clientType: 'public' });
    const startUrl = 'https://d-123.awsapps.com/start';
    const wrong = await emu.post('/device_authorization', { clientId: reg.json.clientId, clientSecret: 'nope', startUrl });
    assertError(wrong, 401, 'InvalidClientException', 'invalid_client');
    assert.equal(wrong.json.error_description, 'Invalid client credentials');
    assertError(
      await emu.post('/device_authorization', { clientId: 'unknown', clientSecret: 's', startUrl }),
      401,
      'InvalidClientException',
      'invalid_client',
    );
  });

  test('rejects a missing field or a start URL that is not absolute http(s)', async () => {
    const reg = await emu.post('/client/register', { clientName: 'x', clientType: 'public' });
    const { clientId, clientSecret } = reg.json;
    assertError(await emu.post('/device_authorization', { clientId, clientSecret }), 400, 'InvalidRequestException', 'invalid_request');
    for (const startUrl of ['d-123.awsapps.com/start', 'ftp://x/', '/start', 'file:///tmp/x']) {
      assertError(
        await emu.post('/device_authorization', { clientId, clientSecret, startUrl }),
        400,
        'InvalidRequestException',
        'invalid_request',
      );
    }
  });
});

describe('protocol errors', () => {
  test('an unknown path is a 404 JSON error', async () => {
    const res = await emu.post('/nope', {});
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.equal(res.headers.get('x-amzn-errortype'), 'UnknownOperationException');
    assert.match(res.json.message as string, /No operation/);
  });

  test('a wrong method is a 405 with Allow', async () => {
    const res = await emu.get('/token');
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
    assert.equal(res.headers.get('content-type'), 'application/json');
  });

  test('invalid JSON and non-object bodies are InvalidRequestException', async () => {
    assertError(await emu.post('/client/register', '{"clientName":'), 400, 'InvalidRequestException', 'invalid_request');
    assertError(await emu.post('/client/register', '[1,2]'), 400, 'InvalidRequestException', 'invalid_request');
    assertError(await emu.post('/client/register', ''), 400, 'InvalidRequestException', 'invalid_request');
  });

  test('a body over 64 KiB is refused with 413', async () => {
    const res = await emu.post('/client/register', { clientName: 'x'.repeat(70 * 1024), clientType: 'public' });
    assert.equal(res.status, 413);
    assert.equal(res.headers.get('x-amzn-errortype'), 'InvalidRequestException');
    const ok = await emu.post('/client/register', { clientName: 'x'.repeat(60 * 1024), clientType: 'public' });
    assert.equal(ok.status, 200);
  });

  test('an unsigned CreateTokenWithIAM is refused as AWS refuses it', async () => {
    const res = await emu.post('/token?aws_iam=t', { clientId: 'x', grantType: 'authorization_code' });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
    assert.deepEqual(res.json, { message: 'Missing Authentication Token' });
  });

  test('no response or error ever echoes a secret', async () => {
    const flow = await startFlow(emu);
    const responses = [
      await emu.post('/token', { ...flow.tokenRequest, clientSecret: 'WRONG-SECRET-VALUE' }),
      await emu.post('/token', { ...flow.tokenRequest, deviceCode: 'UNKNOWN-DEVICE-CODE' }),
      await emu.post('/token', flow.tokenRequest),
      await emu.post('/token', { ...flow.tokenRequest, grantType: 'refresh_token', refreshToken: 'SOME-REFRESH-TOKEN' }),
    ];
    for (const r of responses) {
      for (const secret of [flow.clientSecret, flow.deviceCode, 'WRONG-SECRET-VALUE', 'UNKNOWN-DEVICE-CODE', 'SOME-REFRESH-TOKEN']) {
        assert.ok(!r.text.includes(secret), `response leaks a secret: ${r.text}`);
      }
    }
  });
});

test('ids are deterministic with a seeded random source', async () => {
  const run = async (): Promise<unknown[]> => {
    const e = await startTestEmulator({ random: seededRandom('fixed'), now: () => new Date(0) });
    try {
      const flow = await startFlow(e);
      return [flow.clientId, flow.clientSecret, flow.deviceCode, flow.userCode];
    } finally {
      await e.close();
    }
  };
  assert.deepEqual(await run(), await run());
});

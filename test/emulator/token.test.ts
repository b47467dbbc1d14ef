/** CreateToken over the wire: device-flow polling semantics with an injected clock, refresh rotation. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEVICE_GRANT, manualClock, startFlow, withEmulator, type WireResponse } from '../helpers/emulator.js';

function assertError(res: WireResponse, status: number, type: string, code: string): void {
  assert.equal(res.status, status, res.text);
  assert.equal(res.headers.get('x-amzn-errortype'), type);
  assert.equal(res.json.error, code);
  assert.equal(typeof res.json.error_description, 'string');
}

const scoped = { clientName: 'scoped', clientType: 'public', scopes: ['sso:account:access', 'codewhisperer:completions'] };

test('pending until approved, then a Bearer token once; a second redemption is InvalidGrant', async () => {
  const clock = manualClock();
  await withEmulator({ now: clock.now }, async (emu) => {
    const flow = await startFlow(emu);
    const pending = await emu.post('/token', flow.tokenRequest);
    assertError(pending, 400, 'AuthorizationPendingException', 'authorization_pending');
    assert.equal(pending.json.error_description, 'Authorization is pending.');
    emu.approve(flow.userCode);
    clock.advance(1);
    const ok = await emu.post('/token', flow.tokenRequest);
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.tokenType, 'Bearer');
    assert.equal(ok.json.expiresIn, 28800);
    assert.match(ok.json.accessToken as string, /^aoa[\w-]+$/);
    assert.equal(ok.json.refreshToken, undefined, 'no refresh token without registered scopes');
    clock.advance(1);
    assertError(await emu.post('/token', flow.tokenRequest), 400, 'InvalidGrantException', 'invalid_grant');
  });
});

test('polling faster than the interval is SlowDownException; waiting the interval is pending again', async () => {
  const clock = manualClock();
  await withEmulator({ now: clock.now, interval: 5 }, async (emu) => {
    const flow = await startFlow(emu);
    assertError(await emu.post('/token', flow.tokenRequest), 400, 'AuthorizationPendingException', 'authorization_pending');
    clock.advance(4);
    assertError(await emu.post('/token', flow.tokenRequest), 400, 'SlowDownException', 'slow_down');
    clock.advance(5);
    assertError(await emu.post('/token', flow.tokenRequest), 400, 'AuthorizationPendingException', 'authorization_pending');
  });
});

test('after expiresIn the device code is ExpiredTokenException, even once approved', async () => {
  const clock = manualClock();
  await withEmulator({ now: clock.now, expiresIn: 60 }, async (emu) => {
    const flow = await startFlow(emu);
    emu.approve(flow.userCode);
    clock.advance(60);
    assertError(await emu.post('/token', flow.tokenRequest), 400, 'ExpiredTokenException', 'expired_token');
    assert.throws(() => emu.approve(flow.userCode), /expired/);
    const res = await emu.post('/emulator/approve', { userCode: flow.userCode });
    assert.equal(res.status, 404);
  });
});

test('denied is AccessDeniedException', async () => {
  await withEmulator({}, async (emu) => {
    const flow = await startFlow(emu);
    emu.deny(flow.userCode);
    assertError(await emu.post('/token', flow.tokenRequest), 400, 'AccessDeniedException', 'access_denied');
  });
});

test('unknown device codes, other clients and bad credentials', async () => {
  await withEmulator({}, async (emu) => {
    const a = await startFlow(emu);
    const b = await startFlow(emu);
    assertError(await emu.post('/token', { ...a.tokenRequest, deviceCode: 'nope' }), 400, 'InvalidGrantException', 'invalid_grant');
    assertError(await emu.post('/token', { ...a.tokenRequest, deviceCode: b.deviceCode }), 400, 'InvalidGrantException', 'invalid_grant');
    assertError(await emu.post('/token', { ...a.tokenRequest, clientSecret: 'x' }), 401, 'InvalidClientException', 'invalid_client');
    assertError(await emu.post('/token', { ...a.tokenRequest, deviceCode: undefined }), 400, 'InvalidRequestException', 'invalid_request');
    assertError(
      await emu.post('/token', { clientId: a.clientId, clientSecret: a.clientSecret }),
      400,
      'InvalidRequestException',
      'invalid_request',
    );
  });
});

test('unsupported grant types and grants the client did not register', async () => {
  await withEmulator({}, async (emu) => {
    const a = await startFlow(emu);
    for (const grantType of ['client_credentials', 'password']) {
      assertError(
        await emu.post('/token', { ...a.tokenRequest, grantType }),
        400,
        'UnsupportedGrantTypeException',
        'unsupported_grant_type',
      );
    }
    // Supported, but a registration without grantTypes allows only the device code and refresh grants.
    assertError(
      await emu.post('/token', { ...a.tokenRequest, grantType: 'authorization_code' }),
      400,
      'UnauthorizedClientException',
      'unauthorized_client',
    );
    const reg = await emu.post('/client/register', { clientName: 'r', clientType: 'public', grantTypes: ['refresh_token'] });
    const { clientId, clientSecret } = reg.json;
    const sda = await emu.post('/device_authorization', { clientId, clientSecret, startUrl: 'https://x/start' });
    assertError(sda, 400, 'UnauthorizedClientException', 'unauthorized_client');
    const deviceOnly = await startFlow(emu, { clientName: 'd', clientType: 'public', grantTypes: [DEVICE_GRANT], scopes: ['s'] });
    emu.approve(deviceOnly.userCode);
    const token = await emu.post('/token', deviceOnly.tokenRequest);
    const refresh = { ...deviceOnly.tokenRequest, grantType: 'refresh_token', refreshToken: token.json.refreshToken };
    assertError(await emu.post('/token', refresh), 400, 'UnauthorizedClientException', 'unauthorized_client');
  });
});

test('an expired client registration is InvalidClientException', async () => {
  const clock = manualClock();
  await withEmulator({ now: clock.now, clientSecretTtl: 3600 }, async (emu) => {
    const flow = await startFlow(emu);
    clock.advance(3600);
    const res = await emu.post('/token', flow.tokenRequest);
    assertError(res, 401, 'InvalidClientException', 'invalid_client');
    assert.match(res.json.error_description as string, /expired/);
    const sda = await emu.post('/device_authorization', {
      clientId: flow.clientId,
      clientSecret: flow.clientSecret,
      startUrl: 'https://x/',
    });
    assertError(sda, 401, 'InvalidClientException', 'invalid_client');
  });
});

test('scoped clients get refresh tokens that rotate and work once', async () => {
  const clock = manualClock();
  await withEmulator({ now: clock.now, tokenExpiresIn: 3600 }, async (emu) => {
    const flow = await startFlow(emu, scoped);
    emu.approve(flow.userCode);
    const first = await emu.post('/token', flow.tokenRequest);
    assert.equal(first.json.expiresIn, 3600);
    const r1 = first.json.refreshToken as string;
    assert.match(r1, /^aor[\w-]+$/);
    const refresh = { clientId: flow.clientId, clientSecret: flow.clientSecret, grantType: 'refresh_token' };
    const second = await emu.post('/token', { ...refresh, refreshToken: r1 });
    assert.equal(second.status, 200, second.text);
    const r2 = second.json.refreshToken as string;
    assert.notEqual(r2, r1);
    assert.notEqual(second.json.accessToken, first.json.accessToken);
    assertError(await emu.post('/token', { ...refresh, refreshToken: r1 }), 400, 'InvalidGrantException', 'invalid_grant');
    assertError(await emu.post('/token', { ...refresh, refreshToken: 'aorunknown' }), 400, 'InvalidGrantException', 'invalid_grant');
    assertError(await emu.post('/token', refresh), 400, 'InvalidRequestException', 'invalid_request');
    const narrowed = await emu.post('/token', { ...refresh, refreshToken: r2, scope: ['codewhisperer:completions'] });
    assert.equal(narrowed.status, 200, narrowed.text);
    const r3 = narrowed.json.refreshToken as string;
    assertError(
      await emu.post('/token', { ...refresh, refreshToken: r3, scope: ['sso:account:access'] }),
      400,
      'InvalidScopeException',
      'invalid_scope',
    );
    assert.equal(emu.store.refreshTokens.get(r3)?.used, false, 'a refused refresh does not burn the token');
  });
});

test('scope values the client did not register are InvalidScopeException', async () => {
  await withEmulator({}, async (emu) => {
    const flow = await startFlow(emu, scoped);
    emu.approve(flow.userCode);
    assertError(await emu.post('/token', { ...flow.tokenRequest, scope: ['admin'] }), 400, 'InvalidScopeException', 'invalid_scope');
    const ok = await emu.post('/token', { ...flow.tokenRequest, scope: ['sso:account:access'] });
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual(emu.store.accessTokens.get(ok.json.accessToken as string)?.scopes, ['sso:account:access']);
  });
});

test('auto-approve approves after its delay, by the emulator clock', async () => {
  const clock = manualClock();
  await withEmulator({ now: clock.now, autoApproveSeconds: 3 }, async (emu) => {
    const flow = await startFlow(emu);
    assertError(await emu.post('/token', flow.tokenRequest), 400, 'AuthorizationPendingException', 'authorization_pending');
    clock.advance(3);
    const ok = await emu.post('/token', flow.tokenRequest);
    assert.equal(ok.status, 200, ok.text);
  });
  await withEmulator({ autoApproveSeconds: 0 }, async (emu) => {
    const flow = await startFlow(emu);
    assert.equal((await emu.post('/token', flow.tokenRequest)).status, 200);
  });
});

test('admin approve and deny by user code, in any case and without the dash', async () => {
  await withEmulator({}, async (emu) => {
    const a = await startFlow(emu);
    const res = await emu.post('/emulator/approve', { userCode: a.userCode.replace('-', '').toLowerCase() });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json, {});
    assert.equal((await emu.post('/token', a.tokenRequest)).status, 200);
    const b = await startFlow(emu);
    assert.equal((await emu.post('/emulator/deny', { userCode: b.userCode })).status, 200);
    assertError(await emu.post('/token', b.tokenRequest), 400, 'AccessDeniedException', 'access_denied');
    assert.equal((await emu.post('/emulator/approve', { userCode: b.userCode })).status, 409);
    const unknown = await emu.post('/emulator/approve', { userCode: 'BBBB-BBBB' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers.get('content-type'), 'application/json');
    assert.equal((await emu.post('/emulator/deny', {})).status, 400);
    assert.throws(() => emu.deny('BBBB-BBBB'), /unknown/);
  });
});

/** The whole device flow driven through @aws-sdk/client-sso-oidc against the emulator. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

// Must be set before the SDK loads: Node 20 would otherwise print a support warning.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const sdk = await import('@aws-sdk/client-sso-oidc');

let emu: TestEmulator;
before(async () => {
  emu = await startTestEmulator();
});
after(() => emu.close());

function client(): InstanceType<typeof sdk.SSOOIDCClient> {
  // Explicit dummy credentials keep the SDK from looking anywhere for real ones (the operations are noAuth).
  return new sdk.SSOOIDCClient({
    endpoint: emu.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'unused' },
  });
}

test('RegisterClient → StartDeviceAuthorization → pending → approve → token', async () => {
  const oidc = client();
  const reg = await oidc.send(
    new sdk.RegisterClientCommand({ clientName: 'sdk test', clientType: 'public', scopes: ['sso:account:access'] }),
  );
  assert.ok(reg.clientId && reg.clientSecret);
  assert.equal(typeof reg.clientSecretExpiresAt, 'number');
  const start = await oidc.send(
    new sdk.StartDeviceAuthorizationCommand({
      clientId: reg.clientId,
      clientSecret: reg.clientSecret,
      startUrl: 'https://d-123.awsapps.com/start',
    }),
  );
  assert.equal(start.verificationUri, `${emu.url}/`);
  assert.equal(start.interval, 1);
  assert.equal(start.expiresIn, 600);
  const input = {
    clientId: reg.clientId,
    clientSecret: reg.clientSecret,
    grantType: 'urn:ietf:params:oauth:grant-type:device_code',
    deviceCode: start.deviceCode,
  };
  await assert.rejects(oidc.send(new sdk.CreateTokenCommand(input)), (e: unknown) => {
    assert.ok(e instanceof sdk.AuthorizationPendingException);
    assert.equal(e.error, 'authorization_pending');
    assert.equal(e.$metadata.httpStatusCode, 400);
    assert.ok(e.$metadata.requestId);
    return true;
  });
  emu.approve(start.userCode ?? '');
  const token = await oidc.send(new sdk.CreateTokenCommand(input));
  assert.match(token.accessToken ?? '', /^aoa/);
  assert.equal(token.tokenType, 'Bearer');
  assert.equal(token.expiresIn, 28800);
  assert.match(token.refreshToken ?? '', /^aor/);
  const refreshed = await oidc.send(
    new sdk.CreateTokenCommand({
      clientId: reg.clientId,
      clientSecret: reg.clientSecret,
      grantType: 'refresh_token',
      refreshToken: token.refreshToken,
    }),
  );
  assert.notEqual(refreshed.refreshToken, token.refreshToken);
  oidc.destroy();
});

test('modeled errors reach the SDK as their exception classes', async () => {
  const oidc = client();
  await assert.rejects(
    oidc.send(new sdk.StartDeviceAuthorizationCommand({ clientId: 'nope', clientSecret: 'nope', startUrl: 'https://x/start' })),
    (e: unknown) => e instanceof sdk.InvalidClientException && e.$metadata.httpStatusCode === 401 && e.error === 'invalid_client',
  );
  await assert.rejects(
    oidc.send(new sdk.RegisterClientCommand({ clientName: 'x', clientType: 'confidential' })),
    (e: unknown) => e instanceof sdk.InvalidClientMetadataException,
  );
  oidc.destroy();
});

test('the SDK retries through injected 500s and 429s', async () => {
  const oidc = client();
  emu.setFaults({ fail: { count: 2, status: 500 } });
  const reg = await oidc.send(new sdk.RegisterClientCommand({ clientName: 'retry', clientType: 'public' }));
  assert.ok(reg.clientId);
  emu.setFaults({ fail: { count: 5, status: 429 } });
  await assert.rejects(oidc.send(new sdk.RegisterClientCommand({ clientName: 'x', clientType: 'public' })), (e: unknown) => {
    assert.equal((e as Error).name, 'ThrottlingException');
    assert.equal((e as { $metadata: { attempts?: number } }).$metadata.attempts, 3);
    return true;
  });
  emu.clearFaults();
  oidc.destroy();
});

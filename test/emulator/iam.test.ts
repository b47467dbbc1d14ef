/**
 * The emulator's CreateTokenWithIAM (POST /token?aws_iam=t) driven by @aws-sdk/client-sso-oidc,
 * which signs it with SigV4: the grants, token rotation, PKCE, and the 403 answers to missing,
 * unknown and wrong signatures.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { parseIamCredentials } from '../../src/emulator/iam.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const sdk = await import('@aws-sdk/client-sso-oidc');

const KEY = { accessKeyId: 'AKIDIAMTEST', secretAccessKey: 'iam-test-secret' };
const APP = 'arn:aws:sso::123456789012:application/ssoins-1/apl-2';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln';
const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

let emu: TestEmulator;
before(async () => {
  emu = await startTestEmulator({ iamCredentials: KEY });
});
after(() => emu.close());

function client(credentials = KEY): InstanceType<typeof sdk.SSOOIDCClient> {
  return new sdk.SSOOIDCClient({ endpoint: emu.url, region: 'us-east-1', credentials, maxAttempts: 1 });
}

async function call(input: Record<string, unknown>, credentials = KEY) {
  const c = client(credentials);
  try {
    return await c.send(new sdk.CreateTokenWithIAMCommand(input as never));
  } finally {
    c.destroy();
  }
}

/** The SDK error's code, status and message. */
async function failure(p: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, status: err.$metadata?.httpStatusCode, message: err.message };
  }
  throw new Error('expected a failure');
}

describe('CreateTokenWithIAM', () => {
  test('jwt-bearer: the whole response shape, signed request', async () => {
    emu.clearRequests();
    const out = await call({ clientId: APP, grantType: JWT_GRANT, assertion: JWT });
    assert.match(out.accessToken ?? '', /^aoa/);
    assert.equal(out.tokenType, 'Bearer');
    assert.equal(out.expiresIn, 28800);
    assert.match(out.refreshToken ?? '', /^aor/);
    assert.equal((out.idToken ?? '').split('.').length, 3);
    assert.equal(out.issuedTokenType, 'urn:ietf:params:oauth:token-type:refresh_token');
    assert.deepEqual(out.scope, ['openid', 'aws', 'sts:identity_context']);
    assert.ok(out.awsAdditionalDetails?.identityContext);
    const [req] = emu.requests();
    assert.equal(req?.url, '/token?aws_iam=t');
    assert.match(
      req?.headers['authorization'] ?? '',
      /^AWS4-HMAC-SHA256 Credential=AKIDIAMTEST\/\d{8}\/us-east-1\/sso-oauth\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/,
    );
  });

  test('requested scopes are granted; a malformed assertion is an invalid grant', async () => {
    const out = await call({ clientId: APP, grantType: JWT_GRANT, assertion: JWT, scope: ['openid'] });
    assert.deepEqual(out.scope, ['openid']);
    const f = await failure(call({ clientId: APP, grantType: JWT_GRANT, assertion: 'not a jwt' }));
    assert.equal(f.name, 'InvalidGrantException');
    assert.equal(f.status, 400);
  });

  test('refresh_token rotates: a used token is refused, and only its own client may use it', async () => {
    const first = await call({ clientId: APP, grantType: JWT_GRANT, assertion: JWT });
    const f1 = await failure(call({ clientId: 'arn:other', grantType: 'refresh_token', refreshToken: first.refreshToken }));
    assert.equal(f1.name, 'InvalidGrantException');
    const second = await call({ clientId: APP, grantType: 'refresh_token', refreshToken: first.refreshToken });
    assert.notEqual(second.refreshToken, first.refreshToken);
    const f2 = await failure(call({ clientId: APP, grantType: 'refresh_token', refreshToken: first.refreshToken }));
    assert.equal(f2.name, 'InvalidGrantException');
  });

  test('authorization_code: issued codes, redirect URI and PKCE verifier checked, single use', async () => {
    const verifier = 'v'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const res = await emu.post('/emulator/iam/authorization-code', {
      clientId: APP,
      redirectUri: 'http://127.0.0.1:9/cb',
      codeChallenge: challenge,
    });
    const code = res.json['code'] as string;
    const base = { clientId: APP, grantType: 'authorization_code', code, redirectUri: 'http://127.0.0.1:9/cb' };
    assert.equal(
      (await failure(call({ ...base, redirectUri: 'http://127.0.0.1:9/other', codeVerifier: verifier }))).name,
      'InvalidGrantException',
    );
    assert.equal((await failure(call({ ...base, codeVerifier: 'wrong' }))).name, 'InvalidGrantException');
    const out = await call({ ...base, codeVerifier: verifier });
    assert.equal(out.tokenType, 'Bearer');
    assert.equal((await failure(call({ ...base, codeVerifier: verifier }))).name, 'InvalidGrantException');
  });

  test('token-exchange and unknown grants are unsupported; missing members are invalid requests', async () => {
    assert.equal(
      (await failure(call({ clientId: APP, grantType: 'urn:ietf:params:oauth:grant-type:token-exchange', subjectToken: 'x' }))).name,
      'UnsupportedGrantTypeException',
    );
    assert.equal((await failure(call({ clientId: APP, grantType: 'password' }))).name, 'UnsupportedGrantTypeException');
    assert.equal((await failure(call({ clientId: APP, grantType: JWT_GRANT }))).name, 'InvalidRequestException');
  });

  test('a wrong secret, an unknown key and no signature are refused with 403', async () => {
    const wrong = await failure(call({ clientId: APP, grantType: JWT_GRANT, assertion: JWT }, { ...KEY, secretAccessKey: 'wrong' }));
    assert.deepEqual([wrong.name, wrong.status], ['InvalidSignatureException', 403]);
    assert.match(wrong.message, /^The request signature we calculated does not match the signature you provided\./);
    const unknown = await failure(
      call({ clientId: APP, grantType: JWT_GRANT, assertion: JWT }, { accessKeyId: 'AKIDOTHER', secretAccessKey: 'x' }),
    );
    assert.deepEqual(
      [unknown.name, unknown.status, unknown.message],
      ['UnrecognizedClientException', 403, 'The security token included in the request is invalid.'],
    );
    const res = await emu.post('/token?aws_iam=t', { clientId: APP, grantType: JWT_GRANT, assertion: JWT });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
  });

  test('a signed request whose body was changed after signing is refused', async () => {
    const c = client();
    c.middlewareStack.add(
      (next) => async (args) => {
        const req = args.request as { body: string; headers: Record<string, string> };
        req.body = req.body.replace(JWT, `${JWT}x`);
        req.headers['content-length'] = String(Buffer.byteLength(req.body));
        delete req.headers['x-amz-content-sha256'];
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'tamper' },
    );
    try {
      const f = await failure(c.send(new sdk.CreateTokenWithIAMCommand({ clientId: APP, grantType: JWT_GRANT, assertion: JWT })));
      assert.equal(f.name, 'InvalidSignatureException');
    } finally {
      c.destroy();
    }
  });

  test('--iam-credentials parsing', () => {
    assert.deepEqual(parseIamCredentials('AKID:se:cret'), { accessKeyId: 'AKID', secretAccessKey: 'se:cret' });
    assert.equal(parseIamCredentials('AKID'), undefined);
    assert.equal(parseIamCredentials(':x'), undefined);
    assert.equal(parseIamCredentials('AKID:'), undefined);
  });
});

describe('CreateTokenWithIAM without configured credentials', () => {
  test('every signature is an unknown key', async () => {
    const bare = await startTestEmulator();
    const c = new sdk.SSOOIDCClient({ endpoint: bare.url, region: 'us-east-1', credentials: KEY, maxAttempts: 1 });
    try {
      const f = await failure(c.send(new sdk.CreateTokenWithIAMCommand({ clientId: APP, grantType: JWT_GRANT, assertion: JWT })));
      assert.equal(f.name, 'UnrecognizedClientException');
    } finally {
      c.destroy();
      await bare.close();
    }
  });
});

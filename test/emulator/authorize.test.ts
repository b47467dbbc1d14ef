/**
 * The authorization code grant with PKCE over the wire: RegisterClient's checks, GET /authorize
 * (page, errors, redirect), S256 verification in CreateToken, one-time codes, refresh rotation.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { withEmulator, type TestEmulator, type WireResponse } from '../helpers/emulator.js';

const REDIRECT = 'http://127.0.0.1/oauth/callback';
const pkceClient = {
  clientName: 'botocore-client-my-sso',
  clientType: 'public',
  grantTypes: ['authorization_code', 'refresh_token'],
  redirectUris: [REDIRECT],
  issuerUrl: 'https://my-sso-portal.awsapps.com/start',
  scopes: ['sso:account:access'],
};

function assertError(res: WireResponse, status: number, type: string): void {
  assert.equal(res.status, status, res.text);
  assert.equal(res.headers.get('x-amzn-errortype'), type);
}

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url').slice(0, 64);
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function register(emu: TestEmulator): Promise<{ clientId: string; clientSecret: string }> {
  const reg = await emu.post('/client/register', pkceClient);
  assert.equal(reg.status, 200, reg.text);
  assert.equal(reg.json.authorizationEndpoint, `${emu.url}/authorize`);
  return { clientId: reg.json.clientId as string, clientSecret: reg.json.clientSecret as string };
}

function authorizeUrl(emu: TestEmulator, clientId: string, challenge: string, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: 'http://127.0.0.1:45678/oauth/callback',
    state: 'st-1',
    code_challenge_method: 'S256',
    scopes: 'sso:account:access',
    code_challenge: challenge,
    ...extra,
  });
  return `${emu.url}/authorize?${q.toString()}`;
}

/** Follows the consent page's form with the given decision; returns the redirect Location. */
async function decide(emu: TestEmulator, url: string, decision: 'allow' | 'deny'): Promise<URL> {
  const page = await fetch(url);
  const html = await page.text();
  assert.equal(page.status, 200, html);
  assert.match(page.headers.get('content-security-policy') ?? '', /form-action 'self' http:\/\/127\.0\.0\.1:45678/);
  const token = /name="request_token" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, html);
  const res = await fetch(`${emu.url}/authorize/decision`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ request_token: token, decision }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(res.status, 302);
  return new URL(res.headers.get('location') ?? '');
}

test('RegisterClient refuses what cannot work for the authorization code grant', async () => {
  await withEmulator({}, async (emu) => {
    assertError(await emu.post('/client/register', { ...pkceClient, redirectUris: [] }), 400, 'InvalidRedirectUriException');
    assertError(
      await emu.post('/client/register', { ...pkceClient, redirectUris: ['http://example.com/cb'] }),
      400,
      'InvalidRedirectUriException',
    );
    assertError(
      await emu.post('/client/register', { ...pkceClient, redirectUris: ['http://127.0.0.1/cb#x'] }),
      400,
      'InvalidRedirectUriException',
    );
    assert.equal((await emu.post('/client/register', { ...pkceClient, redirectUris: ['https://app.example/cb'] })).status, 200);
  });
});

test('authorize, approve, exchange with the verifier; the code works once; refresh tokens rotate', async () => {
  await withEmulator({}, async (emu) => {
    const client = await register(emu);
    const { verifier, challenge } = pkce();
    const location = await decide(emu, authorizeUrl(emu, client.clientId, challenge), 'allow');
    assert.equal(`${location.origin}${location.pathname}`, 'http://127.0.0.1:45678/oauth/callback');
    assert.equal(location.searchParams.get('state'), 'st-1');
    const code = location.searchParams.get('code') ?? '';
    const exchange = {
      ...client,
      grantType: 'authorization_code',
      code,
      redirectUri: 'http://127.0.0.1:45678/oauth/callback',
      codeVerifier: verifier,
    };
    assertError(await emu.post('/token', { ...exchange, codeVerifier: pkce().verifier }), 400, 'InvalidGrantException');
    assertError(await emu.post('/token', { ...exchange, redirectUri: 'http://127.0.0.1:1/oauth/callback' }), 400, 'InvalidGrantException');
    const ok = await emu.post('/token', exchange);
    assert.equal(ok.status, 200, ok.text);
    assert.match(ok.json.accessToken as string, /^aoa/);
    assert.match(ok.json.refreshToken as string, /^aor/);
    assertError(await emu.post('/token', exchange), 400, 'InvalidGrantException');
    const refresh = { ...client, grantType: 'refresh_token', refreshToken: ok.json.refreshToken };
    const r1 = await emu.post('/token', refresh);
    assert.equal(r1.status, 200, r1.text);
    assert.notEqual(r1.json.refreshToken, ok.json.refreshToken);
    assertError(await emu.post('/token', refresh), 400, 'InvalidGrantException');
  });
});

test('authorize errors: bad client or redirect URI is a page; the rest redirect with error and state', async () => {
  await withEmulator({}, async (emu) => {
    const client = await register(emu);
    const { challenge } = pkce();
    const page = await fetch(authorizeUrl(emu, 'nope', challenge), { redirect: 'manual' });
    assert.equal(page.status, 400);
    const foreign = await fetch(authorizeUrl(emu, client.clientId, challenge, { redirect_uri: 'http://127.0.0.1:1/elsewhere' }), {
      redirect: 'manual',
    });
    assert.equal(foreign.status, 400);
    for (const [extra, error] of [
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ scopes: 'other:scope' }, 'invalid_scope'],
    ] as const) {
      const res = await fetch(authorizeUrl(emu, client.clientId, challenge, extra), { redirect: 'manual' });
      assert.equal(res.status, 302);
      const to = new URL(res.headers.get('location') ?? '');
      assert.equal(to.searchParams.get('error'), error);
      assert.equal(to.searchParams.get('state'), 'st-1');
    }
    const device = await emu.post('/client/register', { clientName: 'd', clientType: 'public' });
    const res = await fetch(authorizeUrl(emu, device.json.clientId as string, challenge), { redirect: 'manual' });
    assert.equal(res.status, 400, 'a client with no redirect URI gets a page');
    const denied = await decide(emu, authorizeUrl(emu, client.clientId, challenge), 'deny');
    assert.equal(denied.searchParams.get('error'), 'access_denied');
  });
});

test('--auto-approve redirects from /authorize with a code, no page', async () => {
  await withEmulator({ autoApproveSeconds: 0 }, async (emu) => {
    const client = await register(emu);
    const { verifier, challenge } = pkce();
    const res = await fetch(authorizeUrl(emu, client.clientId, challenge), { redirect: 'manual' });
    assert.equal(res.status, 302);
    const to = new URL(res.headers.get('location') ?? '');
    const ok = await emu.post('/token', {
      ...client,
      grantType: 'authorization_code',
      code: to.searchParams.get('code'),
      redirectUri: 'http://127.0.0.1:45678/oauth/callback',
      codeVerifier: verifier,
    });
    assert.equal(ok.status, 200, ok.text);
  });
});

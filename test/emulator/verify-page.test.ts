/** The verification page at the HTTP level: forms, escaping, CSP, and the CSRF guard. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { manualClock, readResponse, startFlow, withEmulator, type TestEmulator, type WireResponse } from '../helpers/emulator.js';

const XSS_NAME = '<script>alert(1)</script>';

function form(
  emu: TestEmulator,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<WireResponse> {
  return fetch(emu.url + path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  }).then(readResponse);
}

function hidden(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  assert.ok(m?.[1], `no hidden ${name}`);
  return m[1];
}

test('GET / is an HTML form with a strict CSP whose style hash matches the inline style', async () => {
  await withEmulator({}, async (emu) => {
    const res = await emu.get('/');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /form-action 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|script-src/);
    const css = /<style>([\s\S]*?)<\/style>/.exec(res.text)?.[1] ?? '';
    assert.ok(csp.includes(`'sha256-${createHash('sha256').update(css).digest('base64')}'`));
    assert.match(res.text, /<form method="post" action="\/verify">/);
    assert.match(res.text, /name="user_code" value=""/);
    assert.doesNotMatch(res.text, /<script/i);
    const head = await fetch(`${emu.url}/`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });
});

test('the user code from the URL is pre-filled and escaped', async () => {
  await withEmulator({}, async (emu) => {
    assert.match((await emu.get('/?user_code=ABCD-EFGH')).text, /name="user_code" value="ABCD-EFGH"/);
    const evil = await emu.get(`/?user_code=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`);
    assert.doesNotMatch(evil.text, /<img/);
    assert.match(evil.text, /value="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;"/);
  });
});

test('an unknown, expired or used code says so', async () => {
  const clock = manualClock();
  await withEmulator({ now: clock.now, expiresIn: 60 }, async (emu) => {
    const unknown = await form(emu, '/verify', { user_code: 'BBBB-BBBB' });
    assert.equal(unknown.status, 404);
    assert.match(unknown.text, /This code is unknown or has expired/);
    assert.match(unknown.text, /value="BBBB-BBBB"/, 'the form is shown again with the code');
    const evil = await form(emu, '/verify', { user_code: '"><img src=x>' });
    assert.doesNotMatch(evil.text, /<img/);
    const flow = await startFlow(emu);
    emu.approve(flow.userCode);
    const used = await form(emu, '/verify', { user_code: flow.userCode });
    assert.equal(used.status, 409);
    assert.match(used.text, /already been used/);
    const late = await startFlow(emu);
    clock.advance(60);
    assert.match((await form(emu, '/verify', { user_code: late.userCode })).text, /unknown or has expired/);
  });
});

test('consent shows the escaped client name and scopes, never a secret; Allow approves', async () => {
  await withEmulator({}, async (emu) => {
    const flow = await startFlow(emu, { clientName: XSS_NAME, clientType: 'public', scopes: ['sso:account:access', 'a<b'] });
    const consent = await form(emu, '/verify', { user_code: flow.userCode.toLowerCase() });
    assert.equal(consent.status, 200);
    assert.doesNotMatch(consent.text, /<script/);
    assert.match(consent.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(consent.text, /<code>sso:account:access<\/code>/);
    assert.match(consent.text, /<code>a&lt;b<\/code>/);
    assert.match(consent.text, new RegExp(`<code id="user-code">${flow.userCode}</code>`));
    for (const secret of [flow.clientSecret, flow.deviceCode]) assert.ok(!consent.text.includes(secret));
    const token = hidden(consent.text, 'form_token');
    const done = await form(emu, '/verify/decision', { user_code: flow.userCode, form_token: token, decision: 'allow' });
    assert.equal(done.status, 200);
    assert.match(done.text, /Request approved/);
    assert.equal((await emu.post('/token', flow.tokenRequest)).status, 200);
  });
});

test('Deny denies', async () => {
  await withEmulator({}, async (emu) => {
    const flow = await startFlow(emu);
    const token = hidden((await form(emu, '/verify', { user_code: flow.userCode })).text, 'form_token');
    const done = await form(emu, '/verify/decision', { user_code: flow.userCode, form_token: token, decision: 'deny' });
    assert.match(done.text, /Request denied/);
    assert.equal((await emu.post('/token', flow.tokenRequest)).headers.get('x-amzn-errortype'), 'AccessDeniedException');
  });
});

test('a decision without the form token, or from another origin, is refused (CSRF)', async () => {
  await withEmulator({}, async (emu) => {
    const flow = await startFlow(emu);
    const token = hidden((await form(emu, '/verify', { user_code: flow.userCode })).text, 'form_token');
    const attempts: Record<string, string>[] = [
      { decision: 'allow' },
      { decision: 'allow', form_token: 'guess' },
      { decision: 'allow', form_token: `${token}x` },
    ];
    for (const fields of attempts) {
      const res = await form(emu, '/verify/decision', { user_code: flow.userCode, ...fields });
      assert.equal(res.status, 403);
      assert.match(res.text, /no longer valid/);
    }
    const cross = await form(
      emu,
      '/verify/decision',
      { user_code: flow.userCode, form_token: token, decision: 'allow' },
      { origin: 'http://evil.example' },
    );
    assert.equal(cross.status, 403);
    assert.equal(emu.store.findByUserCode(flow.userCode)?.state, 'pending');
    const other = await startFlow(emu);
    const crossCode = await form(emu, '/verify/decision', { user_code: other.userCode, form_token: token, decision: 'allow' });
    assert.equal(crossCode.status, 403, "one authorization's token does not unlock another");
  });
});

test('page routes answer wrong methods with 405', async () => {
  await withEmulator({}, async (emu) => {
    assert.equal((await emu.get('/verify')).status, 405);
    const res = await form(emu, '/', {});
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
  });
});

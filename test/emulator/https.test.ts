/** The emulator over TLS with its own fresh CA. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { startEmulator } from '../../src/emulator/server.js';

/** POSTs JSON over https, trusting `ca` when given; resolves with status and body. */
function post(url: string, path: string, body: unknown, ca?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${url}${path}`,
      { method: 'POST', ca, agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

test('https: a client trusting the emulator CA succeeds; one that does not fails', async () => {
  const emu = await startEmulator({ https: true });
  try {
    assert.match(emu.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(emu.caPath && emu.caPem);
    assert.equal(readFileSync(emu.caPath, 'utf8'), emu.caPem);
    assert.equal(new X509Certificate(emu.caPem).ca, true);
    const ok = await post(emu.url, '/client/register', { clientName: 'tls', clientType: 'public' }, emu.caPem);
    assert.equal(ok.status, 200, ok.body);
    assert.ok((JSON.parse(ok.body) as { clientId?: string }).clientId);
    await assert.rejects(post(emu.url, '/client/register', {}), (e: NodeJS.ErrnoException) => {
      assert.match(String(e.code), /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED/);
      return true;
    });
    const sda = await post(emu.url, '/device_authorization', { clientId: 'x', clientSecret: 'y', startUrl: 'https://x/' }, emu.caPem);
    assert.equal(sda.status, 401);
  } finally {
    await emu.close();
  }
  assert.equal(existsSync(emu.caPath), false, 'close() removes the CA file');
});

test('https: the certificate is valid for localhost too', async () => {
  const emu = await startEmulator({ https: true });
  try {
    const port = new URL(emu.url).port;
    const res = await post(`https://localhost:${port}`, '/client/register', { clientName: 'x', clientType: 'public' }, emu.caPem);
    assert.equal(res.status, 200);
  } finally {
    await emu.close();
  }
});

test('two https emulators have different CAs', async () => {
  const a = await startEmulator({ https: true });
  const b = await startEmulator({ https: true });
  try {
    assert.notEqual(a.caPem, b.caPem);
    await assert.rejects(post(a.url, '/client/register', {}, b.caPem));
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

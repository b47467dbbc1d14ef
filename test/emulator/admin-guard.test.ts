/**
 * The /emulator/ admin endpoints against hostile callers (issue 10, items 15 and 16): a web page
 * the developer visits (cross-origin "simple" requests, DNS rebinding), a shared machine
 * (--admin-token), an endless stream of requests (a bounded record) and a broken request line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { startFlow, withEmulator, type TestEmulator } from '../helpers/emulator.js';

interface Raw {
  status: number;
  body: string;
}

/** One request with exactly these headers (fetch would not let a test set Host). */
function raw(emu: TestEmulator, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  const url = new URL(emu.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: url.port, method, path, headers, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('timeout', () => req.destroy(new Error('no answer')));
    req.on('error', reject);
    req.end(body);
  });
}

const own = (emu: TestEmulator): string => new URL(emu.url).host;

test('a cross-origin simple POST (text/plain, foreign Origin) cannot approve a device code', async () => {
  await withEmulator({}, async (emu) => {
    const flow = await startFlow(emu);
    const body = JSON.stringify({ userCode: flow.userCode });
    const plain = await raw(
      emu,
      'POST',
      '/emulator/approve',
      { Host: own(emu), 'Content-Type': 'text/plain', 'Content-Length': String(body.length) },
      body,
    );
    assert.equal(plain.status, 415, plain.body);
    const foreign = await raw(
      emu,
      'POST',
      '/emulator/approve',
      { Host: own(emu), Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body,
    );
    assert.equal(foreign.status, 403, foreign.body);
    const nullOrigin = await raw(
      emu,
      'POST',
      '/emulator/approve',
      { Host: own(emu), Origin: 'null', 'Content-Type': 'application/json' },
      body,
    );
    assert.equal(nullOrigin.status, 403, nullOrigin.body);
    const noType = await raw(emu, 'POST', '/emulator/faults', { Host: own(emu) });
    assert.equal(noType.status, 415, 'a POST without a body still needs the JSON type');
    assert.equal(emu.store.authorizations.get(flow.deviceCode)?.state, 'pending');
    // The emulator's own origin, with the JSON type, is served.
    const ok = await raw(
      emu,
      'POST',
      '/emulator/approve',
      { Host: own(emu), Origin: emu.url, 'Content-Type': 'application/json; charset=utf-8' },
      body,
    );
    assert.equal(ok.status, 200, ok.body);
    assert.equal(emu.store.authorizations.get(flow.deviceCode)?.state, 'approved');
  });
});

test('DNS rebinding: a foreign Host cannot read the request record, loopback names can', async () => {
  await withEmulator({}, async (emu) => {
    await startFlow(emu);
    const port = new URL(emu.url).port;
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:1`, `localhost.evil.example:${port}`]) {
      const r = await raw(emu, 'GET', '/emulator/requests', { Host: host });
      assert.equal(r.status, 403, host);
      assert.doesNotMatch(r.body, /clientSecret/, host);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const r = await raw(emu, 'GET', '/emulator/requests', { Host: host });
      assert.equal(r.status, 200, host);
    }
    // GET and DELETE without a body need no content type; the API itself is not guarded.
    assert.equal((await raw(emu, 'DELETE', '/emulator/requests', { Host: own(emu) })).status, 200);
    const api = await raw(
      emu,
      'POST',
      '/client/register',
      { Host: 'anything.example', 'Content-Type': 'application/json' },
      '{"clientName":"c","clientType":"public"}',
    );
    assert.equal(api.status, 200);
  });
});

test('--admin-token (adminToken): admin requests need the bearer token; off by default', async () => {
  await withEmulator({ adminToken: 's3cret-admin' }, async (emu) => {
    const none = await raw(emu, 'GET', '/emulator/faults', { Host: own(emu) });
    assert.equal(none.status, 401);
    const wrong = await raw(emu, 'GET', '/emulator/faults', { Host: own(emu), Authorization: 'Bearer s3cret-admiN' });
    assert.equal(wrong.status, 401);
    const right = await raw(emu, 'GET', '/emulator/faults', { Host: own(emu), Authorization: 'Bearer s3cret-admin' });
    assert.equal(right.status, 200, right.body);
  });
  await withEmulator({}, async (emu) => {
    assert.equal((await raw(emu, 'GET', '/emulator/faults', { Host: own(emu) })).status, 200);
  });
});

test('the request record keeps the last N requests (default 1000)', async () => {
  await withEmulator({ requestLogLimit: 3 }, async (emu) => {
    for (let i = 0; i < 5; i += 1) await emu.post('/client/register', { clientName: `c${i}`, clientType: 'public' });
    const names = emu.requests().map((r) => (r.json as { clientName: string }).clientName);
    assert.deepEqual(names, ['c2', 'c3', 'c4']);
    const wire = await emu.get('/emulator/requests');
    assert.equal((wire.json.requests as unknown[]).length, 3);
  });
  await withEmulator({}, async (emu) => {
    // 1005 requests, 15 at a time (one after another they took 1.5-6 s of the suite).
    for (let i = 0; i < 1005; i += 15) await Promise.all(Array.from({ length: 15 }, () => emu.post('/nope', 'x')));
    assert.equal(emu.requests().length, 1000);
  });
});

test('a bad absolute-form request line answers 400, not 500', async () => {
  await withEmulator({}, async (emu) => {
    const port = Number(new URL(emu.url).port);
    for (const target of ['http://[bad', 'http://', '//x:99999/']) {
      const answer = await new Promise<string>((resolve, reject) => {
        const s = net.connect(port, '127.0.0.1');
        let d = '';
        s.setTimeout(10_000, () => s.destroy(new Error('no answer')));
        s.on('data', (c: Buffer) => (d += c.toString()));
        s.on('close', () => resolve(d));
        s.on('error', reject);
        s.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      });
      assert.match(answer, /^HTTP\/1\.1 400 /, `${target}: ${answer}`);
    }
  });
});

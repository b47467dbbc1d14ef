/** Faults, scripted responses and request recording, through the admin endpoints and the API. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readResponse, startFlow, withEmulator } from '../helpers/emulator.js';

const register = { clientName: 'x', clientType: 'public' };

test('fail the next N requests with 500, then succeed', async () => {
  await withEmulator({}, async (emu) => {
    assert.equal((await emu.post('/emulator/faults', { fail: { count: 2, status: 500 } })).status, 200);
    for (let i = 0; i < 2; i++) {
      const res = await emu.post('/client/register', register);
      assert.equal(res.status, 500);
      assert.equal(res.headers.get('x-amzn-errortype'), 'InternalServerException');
      assert.equal(res.json.error, 'server_error');
      assert.ok(res.headers.get('x-amzn-requestid'));
    }
    assert.equal((await emu.post('/client/register', register)).status, 200);
  });
});

test('429 is a ThrottlingException; 503 a ServiceUnavailableException; faults can target one path', async () => {
  await withEmulator({}, async (emu) => {
    await emu.post('/emulator/faults', { fail: { count: 1, status: 429 }, path: '/device_authorization' });
    assert.equal((await emu.post('/client/register', register)).status, 200, 'other paths unaffected');
    const flow = await startFlow(emu).catch((e: Error) => e);
    assert.ok(flow instanceof Error && /429/.test(flow.message));
    const [r] = emu.requests().slice(-1);
    assert.equal(r?.path, '/device_authorization');
    await emu.post('/emulator/faults', { fail: { count: 1, status: 429 } });
    const throttled = await emu.post('/client/register', register);
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('x-amzn-errortype'), 'ThrottlingException');
    assert.equal(throttled.json.message, 'Rate exceeded');
    emu.setFaults({ fail: { count: 1, status: 503 } });
    assert.equal((await emu.post('/client/register', register)).headers.get('x-amzn-errortype'), 'ServiceUnavailableException');
  });
});

test('latency delays responses; DELETE /emulator/faults clears it', async () => {
  await withEmulator({}, async (emu) => {
    // A latency long enough that a busy machine's slowest local request stays well under it.
    await emu.post('/emulator/faults', { latencyMs: 1200 });
    let t = Date.now();
    assert.equal((await emu.post('/client/register', register)).status, 200);
    assert.ok(Date.now() - t >= 1180, `took ${Date.now() - t} ms`);
    assert.equal((await fetch(`${emu.url}/emulator/faults`, { method: 'DELETE' })).status, 200);
    t = Date.now();
    await emu.post('/client/register', register);
    assert.ok(Date.now() - t < 1000, `took ${Date.now() - t} ms after the latency was cleared`);
  });
  await withEmulator({ latencyMs: 200 }, async (emu) => {
    const t = Date.now();
    await emu.post('/client/register', register);
    assert.ok(Date.now() - t >= 180, 'the latencyMs option applies too');
  });
});

test('hang accepts and never answers; a client timeout fires; the next request is served; close() is prompt', async () => {
  await withEmulator({}, async (emu) => {
    await emu.post('/emulator/faults', { hang: { count: 1 } });
    const hung = fetch(`${emu.url}/client/register`, { method: 'POST', body: JSON.stringify(register), signal: AbortSignal.timeout(300) });
    await assert.rejects(hung, (e: Error) => e.name === 'TimeoutError');
    assert.equal((await emu.post('/client/register', register)).status, 200);
    await emu.post('/emulator/faults', { hang: { count: 1 } });
    const left = fetch(`${emu.url}/client/register`, { method: 'POST', body: '{}' }).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 100));
    const t = Date.now();
    await emu.close();
    assert.ok(Date.now() - t < 1000);
    assert.ok((await left) instanceof Error, 'the hung request fails when the emulator closes');
  });
});

test('scripted raw responses are served in order, by path, exactly as given', async () => {
  await withEmulator({}, async (emu) => {
    const res = await emu.post('/emulator/script', {
      responses: [
        { path: '/token', status: 200, headers: { 'content-type': 'application/json' }, body: '{"accessToken":5,"extra":true}' },
        { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>bad gateway</html>' },
        { status: 200, body: '' },
      ],
    });
    assert.equal(res.status, 200);
    const html = await fetch(`${emu.url}/client/register`, { method: 'POST', body: '{}' });
    assert.equal(html.status, 502);
    assert.equal(html.headers.get('content-type'), 'text/html');
    assert.equal(await html.text(), '<html>bad gateway</html>');
    const empty = await fetch(`${emu.url}/device_authorization`, { method: 'POST', body: '{}' });
    assert.equal(empty.status, 200);
    assert.equal(empty.headers.get('content-type'), null, 'no header unless scripted');
    assert.equal(empty.headers.get('x-amzn-requestid'), null);
    assert.equal(empty.headers.get('date'), null);
    assert.equal(await empty.text(), '');
    const odd = await emu.post('/token', {});
    assert.deepEqual(odd.json, { accessToken: 5, extra: true });
    assert.equal((await emu.post('/client/register', register)).status, 200, 'queue drained');
  });
});

test('scripted delays and the programmatic script() API', async () => {
  await withEmulator({}, async (emu) => {
    emu.script([{ status: 200, body: '{}', delayMs: 250 }]);
    const t = Date.now();
    await emu.post('/client/register', register);
    assert.ok(Date.now() - t >= 230);
    emu.script([{ status: 418, body: 'x' }]);
    emu.clearFaults();
    assert.equal((await emu.post('/client/register', register)).status, 200, 'clearFaults drops the queue');
  });
});

test('bad fault and script specs are rejected with 400', async () => {
  await withEmulator({}, async (emu) => {
    for (const body of [{ fail: { count: 1, status: 404 } }, { hang: { count: -1 } }, { path: 'token' }, '[1]']) {
      assert.equal((await emu.post('/emulator/faults', body)).status, 400, JSON.stringify(body));
    }
    for (const body of [{}, { responses: [{ status: 99 }] }, { responses: [{ status: 200, body: 5 }] }]) {
      assert.equal((await emu.post('/emulator/script', body)).status, 400, JSON.stringify(body));
    }
    assert.equal((await emu.get('/emulator/nope')).status, 404);
    const wrong = await emu.get('/emulator/approve');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'POST');
  });
});

test('requests are recorded (not admin ones) and can be cleared', async () => {
  await withEmulator({ now: () => new Date('2025-06-01T12:00:00Z') }, async (emu) => {
    await emu.post('/client/register', register, { 'X-Custom': 'yes' });
    await emu.post('/token', 'not json');
    await emu.post('/emulator/faults', {});
    const rec = emu.requests();
    assert.equal(rec.length, 2);
    assert.equal(rec[0]?.method, 'POST');
    assert.equal(rec[0]?.path, '/client/register');
    assert.equal(rec[0]?.headers['x-custom'], 'yes');
    assert.equal(rec[0]?.headers['content-type'], 'application/json');
    assert.deepEqual(rec[0]?.json, register);
    assert.equal(rec[0]?.body, JSON.stringify(register));
    assert.equal(rec[0]?.time.toISOString(), '2025-06-01T12:00:00.000Z');
    assert.equal(rec[1]?.json, undefined);
    assert.equal(rec[1]?.body, 'not json');
    const wire = await readResponse(await fetch(`${emu.url}/emulator/requests`));
    const list = wire.json.requests as Array<Record<string, unknown>>;
    assert.equal(list.length, 2);
    assert.equal(list[0]?.time, '2025-06-01T12:00:00.000Z');
    assert.equal((await fetch(`${emu.url}/emulator/requests`, { method: 'DELETE' })).status, 200);
    assert.equal(emu.requests().length, 0);
    await emu.post('/client/register', register);
    emu.clearRequests();
    assert.equal(emu.requests().length, 0);
  });
});

test('two emulators in one process share nothing', async () => {
  await withEmulator({}, async (a) => {
    await withEmulator({}, async (b) => {
      await a.post('/emulator/faults', { fail: { count: 1, status: 500 } });
      const flow = await startFlow(a).catch(() => undefined);
      assert.equal(flow, undefined);
      const other = await startFlow(b);
      assert.equal(a.store.findByUserCode(other.userCode), undefined);
      assert.equal(b.requests().length, 2);
    });
  });
});

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { TransportError } from '../../src/errors.js';
import { classifyError } from '../../src/aws/failure.js';
import { makeSelfSignedServerCertificate } from '../../src/emulator/certs.js';
import { startFakeServer, type FakeServer } from '../helpers/fake-server.js';
import { makeConfig, rejection, send } from './support.js';

/** A port that was free a moment ago: nothing listens there now. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function expectTransport(fn: () => Promise<unknown>, message: string): Promise<void> {
  const e = await rejection(fn);
  assert.ok(e instanceof TransportError, `${e.name}: ${e.message}`);
  assert.equal(e.message, message);
  assert.equal(e.exitCode, 255);
}

describe('transport errors', () => {
  let tlsServer: FakeServer;
  before(async () => {
    tlsServer = await startFakeServer([{ body: '{}' }], makeSelfSignedServerCertificate(['127.0.0.1']));
  });
  after(() => tlsServer.close());

  it('connection refused', async () => {
    const port = await closedPort();
    await expectTransport(
      () => send(makeConfig(`http://127.0.0.1:${port}`, { retry: { mode: 'standard', maxAttempts: 2 } })),
      `Could not connect to the endpoint URL: "http://127.0.0.1:${port}/device_authorization"`,
    );
  });

  it('connection refused over https', async () => {
    const port = await closedPort();
    await expectTransport(
      () => send(makeConfig(`https://127.0.0.1:${port}`)),
      `Could not connect to the endpoint URL: "https://127.0.0.1:${port}/device_authorization"`,
    );
  });

  it('a stalled TLS handshake is a read timeout under the connect timeout, as urllib3 reports it', async () => {
    const silent = net.createServer((s) => s.on('data', () => undefined));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    const started = Date.now();
    await expectTransport(
      () => send(makeConfig(`https://127.0.0.1:${port}`, { timeouts: { connectMs: 400, readMs: 10_000 } })),
      `Read timeout on endpoint URL: "https://127.0.0.1:${port}/device_authorization"`,
    );
    assert.ok(Date.now() - started < 2000);
    await new Promise<void>((r) => silent.close(() => r()));
  });

  it('read timeout while waiting for the response', async () => {
    const slow = await startFakeServer([{ delayMs: 3000, body: '{}' }]);
    const started = Date.now();
    await expectTransport(
      () => send(makeConfig(slow.url, { timeouts: { readMs: 1000 } })),
      `Read timeout on endpoint URL: "${slow.url}/device_authorization"`,
    );
    assert.ok(Date.now() - started < 2500);
    await slow.close();
  });

  it('read timeout while the body stalls', async () => {
    const stall = await startFakeServer([{ stallBody: true, body: '{"partial":' }]);
    await expectTransport(
      () => send(makeConfig(stall.url, { timeouts: { readMs: 500 } })),
      `Read timeout on endpoint URL: "${stall.url}/device_authorization"`,
    );
    await stall.close();
  });

  it('connection closed without a response (retried in legacy mode)', async () => {
    const rude = await startFakeServer([{ destroy: true }]);
    await expectTransport(
      () => send(makeConfig(rude.url, { retry: { mode: 'legacy', maxAttempts: 2 } })),
      `Connection was closed before we received a valid response from endpoint URL: "${rude.url}/device_authorization".`,
    );
    assert.equal(rude.requests.length, 2);
    await rude.close();
  });

  it('http:// aimed at a TLS port', async () => {
    const url = tlsServer.url.replace('https:', 'http:');
    await expectTransport(
      () => send(makeConfig(url)),
      `Connection was closed before we received a valid response from endpoint URL: "${url}/device_authorization".`,
    );
  });

  it('unsupported URL scheme', async () => {
    await expectTransport(
      () => send(makeConfig('ftp://127.0.0.1:21')),
      'An HTTP Client raised an unhandled exception: Not supported URL scheme ftp',
    );
  });

  describe('connect timeout (a listener whose accept queue is full)', () => {
    let child: ChildProcess;
    let port = 0;
    const fillers: net.Socket[] = [];
    before(async () => {
      // The child listens with backlog 1 and then blocks its event loop, so it never accepts:
      // once the kernel's accept queue is full, further SYNs are dropped and connect() hangs.
      const script = `const s=require('net').createServer().listen({port:0,host:'127.0.0.1',backlog:1},()=>{process.stdout.write(s.address().port+'\\n');Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0)})`;
      child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      port = await new Promise<number>((resolve) => child.stdout?.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
      for (let i = 0; i < 4; i++) fillers.push(net.connect(port, '127.0.0.1').on('error', () => undefined));
      await new Promise((r) => setTimeout(r, 300));
    });
    after(() => {
      for (const f of fillers) f.destroy();
      child.kill('SIGKILL');
    });
    it('reports a connect timeout', async () => {
      const started = Date.now();
      await expectTransport(
        () => send(makeConfig(`http://127.0.0.1:${port}`, { timeouts: { connectMs: 500 } })),
        `Connect timeout on endpoint URL: "http://127.0.0.1:${port}/device_authorization"`,
      );
      assert.ok(Date.now() - started < 3000);
    });
  });

  it('classifies Node errors the botocore way', () => {
    const ctx = { url: 'http://h/x' };
    const err = (code: string): Error => Object.assign(new Error(code), { code });
    assert.equal(classifyError(err('ENOTFOUND'), ctx).message, 'Could not connect to the endpoint URL: "http://h/x"');
    assert.equal(classifyError(err('ECONNRESET'), ctx).kind, 'closed');
    assert.equal(classifyError(err('HPE_INVALID_CONSTANT'), ctx).kind, 'closed');
    assert.equal(classifyError(new Error('boom'), ctx).message, 'An HTTP Client raised an unhandled exception: boom');
  });
});

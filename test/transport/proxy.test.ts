import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ServiceError, TransportError } from '../../src/errors.js';
import { maskProxyCredentials } from '../../src/aws/proxy.js';
import { issueServerCertificate, makeCertificateAuthority } from '../../src/emulator/certs.js';
import { startFakeServer, type FakeServer } from '../helpers/fake-server.js';
import { startProxy, type TestProxy } from '../helpers/proxy.js';
import { makeConfig, recordingLog, rejection, send, testOptions } from './support.js';

const OK = { body: '{"deviceCode":"d"}' };
// "us@er" / "p:ss w" percent-encoded in the proxy URL; the proxy must see them decoded.
const USER = 'us@er';
const PASS = 'p:ss w';
const withCreds = (p: TestProxy): string => `http://us%40er:p%3Ass%20w@127.0.0.1:${p.port}`;

describe('proxies', () => {
  let dir: string;
  let caFile: string;
  let httpsServer: FakeServer;
  let httpServer: FakeServer;
  let proxy: TestProxy;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sso-oidc-proxy-'));
    const ca = makeCertificateAuthority();
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, ca.cert);
    httpsServer = await startFakeServer([OK], issueServerCertificate(ca, ['127.0.0.1']));
    httpServer = await startFakeServer([OK]);
    proxy = await startProxy({ user: USER, pass: PASS });
  });
  after(async () => {
    await Promise.all([httpsServer.close(), httpServer.close(), proxy.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('tunnels an https:// endpoint through CONNECT, with Basic credentials', async () => {
    const before = proxy.requests.length;
    const res = await send(
      makeConfig(httpsServer.url, { tls: { verify: true, caBundle: caFile }, proxy: { httpsProxy: withCreds(proxy) } }),
    );
    assert.equal(res.body.toString(), OK.body);
    const seen = proxy.requests.slice(before);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.method, 'CONNECT');
    assert.equal(seen[0]?.target, `127.0.0.1:${httpsServer.port}`);
    assert.equal(seen[0]?.headers['proxy-authorization'], 'Basic ' + Buffer.from(`${USER}:${PASS}`).toString('base64'));
  });

  it('sends an http:// endpoint to the proxy as an absolute URI', async () => {
    const before = proxy.requests.length;
    const res = await send(
      makeConfig(`${httpServer.url}/p?x=1`, { proxy: { httpProxy: withCreds(proxy), httpsProxy: 'http://127.0.0.1:1' } }),
    );
    assert.equal(res.status, 200);
    const seen = proxy.requests.slice(before);
    assert.equal(seen[0]?.method, 'POST');
    assert.equal(seen[0]?.target, `${httpServer.url}/p/device_authorization?x=1`);
    assert.ok(seen[0]?.headers['proxy-authorization']?.startsWith('Basic '));
    assert.equal(httpServer.requests.at(-1)?.url, '/p/device_authorization?x=1');
  });

  it('NO_PROXY bypasses the proxy', async () => {
    const before = proxy.requests.length;
    await send(makeConfig(httpServer.url, { proxy: { httpProxy: withCreds(proxy), noProxy: 'example.com, .0.0.1' } }));
    await send(
      makeConfig(httpsServer.url, {
        tls: { verify: true, caBundle: caFile },
        proxy: { httpsProxy: withCreds(proxy), noProxy: '127.0.0.1' },
      }),
    );
    assert.equal(proxy.requests.length, before);
  });

  it('a proxy that is down: botocore wording, credentials masked, everywhere', async () => {
    const dead = net.createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as net.AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const log = recordingLog();
    for (const endpoint of [httpsServer.url, httpServer.url]) {
      const proxyUrl = `http://us%40er:p%3Ass%20w@127.0.0.1:${port}`;
      const e = await rejection(() =>
        send(
          makeConfig(endpoint, { retry: { mode: 'standard', maxAttempts: 2 }, proxy: { httpsProxy: proxyUrl, httpProxy: proxyUrl } }),
          testOptions({ log }),
        ),
      );
      assert.ok(e instanceof TransportError);
      assert.equal(e.message, `Failed to connect to proxy URL: "http://***:***@127.0.0.1:${port}"`);
    }
    const all = log.lines.join('\n');
    assert.doesNotMatch(all, /us%40er|p%3Ass|us@er|p:ss/);
    assert.match(all, /Proxy: http:\/\/\*\*\*:\*\*\*@127\.0\.0\.1/);
  });

  it('a tunnel the proxy refuses (407) is a proxy failure; a plain-HTTP 407 is the response', async () => {
    const bad = `http://us%40er:wrong@127.0.0.1:${proxy.port}`;
    const e = await rejection(() =>
      send(makeConfig(httpsServer.url, { tls: { verify: true, caBundle: caFile }, proxy: { httpsProxy: bad } })),
    );
    assert.equal(e.message, `Failed to connect to proxy URL: "http://***:***@127.0.0.1:${proxy.port}"`);
    const plain = await rejection(() => send(makeConfig(httpServer.url, { proxy: { httpProxy: bad } })));
    assert.ok(plain instanceof ServiceError);
    assert.equal(plain.message, 'An error occurred (407) when calling the StartDeviceAuthorization operation: ');
  });

  it('rejects an https:// proxy URL clearly', async () => {
    const e = await rejection(() => send(makeConfig(httpsServer.url, { proxy: { httpsProxy: 'https://u:p@127.0.0.1:1' } })));
    assert.equal(
      e.message,
      'Failed to connect to proxy URL: "https://***:***@127.0.0.1:1": https:// proxy URLs are not supported, use http://',
    );
  });
});

describe('maskProxyCredentials (botocore mask_proxy_url)', () => {
  it('masks user and password separately', () => {
    assert.equal(maskProxyCredentials('http://user:pass@h:1'), 'http://***:***@h:1');
    assert.equal(maskProxyCredentials('http://user@h:1'), 'http://***@h:1');
    assert.equal(maskProxyCredentials('http://h:1'), 'http://h:1');
  });
});

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TransportError } from '../../src/errors.js';
import { issueServerCertificate, makeCertificateAuthority, makeSelfSignedServerCertificate, type Pem } from '../../src/emulator/certs.js';
import { startFakeServer, type FakeServer } from '../helpers/fake-server.js';
import { makeConfig, rejection, send, testOptions } from './support.js';

const OK = { body: '{"deviceCode":"d"}' };

describe('TLS', () => {
  let dir: string;
  let caA: Pem;
  let selfSigned: Pem;
  let servers: FakeServer[];
  let byCaA: FakeServer, bySelf: FakeServer, expired: FakeServer, wrongHost: FakeServer, plain: FakeServer;
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sso-oidc-tls-'));
    caA = makeCertificateAuthority('Test CA A');
    selfSigned = makeSelfSignedServerCertificate(['127.0.0.1', 'localhost']);
    const hour = 3600_000;
    byCaA = await startFakeServer([OK], issueServerCertificate(caA, ['127.0.0.1', 'localhost']));
    bySelf = await startFakeServer([OK], selfSigned);
    expired = await startFakeServer(
      [OK],
      issueServerCertificate(caA, ['127.0.0.1'], {
        notBefore: new Date(Date.now() - 48 * hour),
        notAfter: new Date(Date.now() - 24 * hour),
      }),
    );
    wrongHost = await startFakeServer([OK], issueServerCertificate(caA, ['localhost']));
    plain = await startFakeServer([OK]);
    servers = [byCaA, bySelf, expired, wrongHost, plain];
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const tlsFailure = async (endpoint: string, tls: { verify?: boolean; caBundle?: string }, reason: RegExp): Promise<void> => {
    const e = await rejection(() => send(makeConfig(endpoint, { tls })));
    assert.ok(e instanceof TransportError, `${e.name}: ${e.message}`);
    // botocore's layout: no colon after the URL.
    const prefix = `SSL validation failed for ${endpoint}/device_authorization `;
    assert.ok(e.message.startsWith(prefix), e.message);
    assert.match(e.message.slice(prefix.length), reason);
    assert.doesNotMatch(e.message, /\n/);
  };

  it('trusts the CA bundle', async () => {
    const res = await send(makeConfig(byCaA.url, { tls: { verify: true, caBundle: file('ca-a.pem', caA.cert) } }));
    assert.equal(res.body.toString(), OK.body);
  });

  it('rejects a self-signed certificate without a bundle', async () => {
    await tlsFailure(bySelf.url, {}, /^\[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed: self-signed certificate$/);
  });

  it('rejects a certificate from an unknown CA, and with the wrong CA bundle', async () => {
    await tlsFailure(
      byCaA.url,
      {},
      /^\[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed: unable to (verify the first certificate|get local issuer certificate)$/,
    );
    const other = makeCertificateAuthority('Test CA B');
    await tlsFailure(
      byCaA.url,
      { caBundle: file('ca-b.pem', other.cert) },
      /^\[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed: /,
    );
  });

  it('rejects an expired certificate', async () => {
    await tlsFailure(
      expired.url,
      { caBundle: file('ca-a2.pem', caA.cert) },
      /^\[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed: certificate has expired$/,
    );
  });

  it('rejects a certificate for another host', async () => {
    await tlsFailure(
      wrongHost.url,
      { caBundle: file('ca-a3.pem', caA.cert) },
      /^\[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed: hostname mismatch/,
    );
  });

  it('names the missing bundle file, and ignores it for http:// endpoints', async () => {
    const missing = join(dir, 'missing.pem');
    await tlsFailure(
      byCaA.url,
      { caBundle: missing },
      new RegExp(`^\\[Errno 2\\] No such file or directory: '${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'$`),
    );
    const res = await send(makeConfig(plain.url, { tls: { verify: true, caBundle: missing } }));
    assert.equal(res.status, 200);
  });

  it('rejects a bundle without certificates', async () => {
    await tlsFailure(
      byCaA.url,
      { caBundle: file('junk.pem', 'not a certificate') },
      /^\[X509: NO_CERTIFICATE_OR_CRL_FOUND\] no certificate or crl found in CA bundle '/,
    );
  });

  it('--no-verify-ssl: succeeds with exactly one warning; none for http://', async () => {
    const options = testOptions();
    const res = await send(makeConfig(bySelf.url, { tls: { verify: false, caBundle: join(dir, 'missing.pem') } }), options);
    assert.equal(res.status, 200);
    assert.deepEqual(options.warnings, [
      'Warning: TLS certificate verification is disabled (--no-verify-ssl): the connection to 127.0.0.1 is not secure.',
    ]);
    const plainOptions = testOptions();
    await send(makeConfig(plain.url, { tls: { verify: false } }), plainOptions);
    assert.deepEqual(plainOptions.warnings, []);
  });

  it('https:// aimed at a plain-HTTP port', async () => {
    await tlsFailure(plain.url.replace('http:', 'https:'), {}, /^\[SSL: WRONG_VERSION_NUMBER\] wrong version number/);
  });

  it('NODE_EXTRA_CA_CERTS neither makes a self-signed certificate trusted nor survives a bundle', async () => {
    // A child process, because Node reads NODE_EXTRA_CA_CERTS once at start-up. It trusts both
    // the self-signed certificate and CA A; we must not, unless the bundle says so.
    const selfFile = file('self.pem', selfSigned.cert);
    const extra = file('extra.pem', selfSigned.cert + caA.cert);
    const cases = [
      { endpoint: bySelf.url },
      { endpoint: bySelf.url, caBundle: selfFile },
      { endpoint: byCaA.url, caBundle: file('ca-c.pem', makeCertificateAuthority('C').cert) },
    ];
    const child = join('test', 'transport', 'child-send.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, JSON.stringify(cases)], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: extra },
      encoding: 'utf8',
    });
    const [noBundle, ownBundle, otherBundle] = JSON.parse(stdout) as { ok?: boolean; message?: string }[];
    assert.match(String(noBundle?.message), /^SSL validation failed for .*self-signed certificate$/);
    assert.equal(ownBundle?.ok, true);
    assert.match(String(otherBundle?.message), /^SSL validation failed/);
  });
});

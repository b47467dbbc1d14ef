import { test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { run } from '../helpers/cli.js';
import { issueServerCertificate, makeCertificateAuthority, makeSelfSignedServerCertificate, type Pem } from '../../src/emulator/certs.js';

/** Serves "ok" over TLS with `pem` on 127.0.0.1 and an ephemeral port, for one test body. */
async function withTlsServer(pem: Pem, fn: (port: number) => Promise<void>): Promise<void> {
  const server = https.createServer({ cert: pem.cert, key: pem.key }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await fn((server.address() as AddressInfo).port);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** GETs / and resolves with the body, or rejects with the TLS error. */
function get(port: number, opts: { ca?: string; servername?: string; host?: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      { host: opts.host ?? '127.0.0.1', port, path: '/', ca: opts.ca, servername: opts.servername, agent: false },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      },
    );
    req.on('error', reject);
  });
}

const ca = makeCertificateAuthority('test CA');
const leaf = issueServerCertificate(ca, ['127.0.0.1', '::1', 'localhost']);

test('the CA is a CA and the leaf is issued by it with the requested SANs', () => {
  const caX = new X509Certificate(ca.cert);
  const leafX = new X509Certificate(leaf.cert);
  assert.equal(caX.ca, true);
  assert.equal(leafX.ca, false);
  assert.ok(leafX.checkIssued(caX));
  assert.ok(leafX.verify(caX.publicKey));
  assert.equal(leafX.subjectAltName, 'IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1, DNS:localhost');
  assert.match(leafX.subject, /CN=127\.0\.0\.1/);
  assert.equal(leafX.checkIP('127.0.0.1'), '127.0.0.1');
  assert.equal(leafX.checkHost('localhost'), 'localhost');
});

test('a client trusting the CA accepts the issued certificate, by IP and by name', async () => {
  await withTlsServer(leaf, async (port) => {
    assert.equal(await get(port, { ca: ca.cert }), 'ok');
    assert.equal(await get(port, { ca: ca.cert, servername: 'localhost' }), 'ok');
  });
});

test('a client that does not trust the CA rejects the certificate', async () => {
  const otherCa = makeCertificateAuthority('other CA');
  await withTlsServer(leaf, async (port) => {
    await assert.rejects(get(port, {}), (e: NodeJS.ErrnoException) => {
      assert.match(String(e.code), /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/);
      return true;
    });
    await assert.rejects(get(port, { ca: otherCa.cert }), /unable to (verify|get)/i);
  });
});

test('a certificate for another host is rejected by hostname checks', async () => {
  const wrong = issueServerCertificate(ca, ['example.test']);
  await withTlsServer(wrong, async (port) => {
    await assert.rejects(get(port, { ca: ca.cert }), (e: NodeJS.ErrnoException) => {
      assert.equal(e.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
      return true;
    });
  });
});

test('an expired certificate is rejected', async () => {
  const day = 24 * 3600_000;
  const expired = issueServerCertificate(ca, ['127.0.0.1'], {
    notBefore: new Date(Date.now() - 10 * day),
    notAfter: new Date(Date.now() - day),
  });
  await withTlsServer(expired, async (port) => {
    await assert.rejects(get(port, { ca: ca.cert }), (e: NodeJS.ErrnoException) => {
      assert.equal(e.code, 'CERT_HAS_EXPIRED');
      return true;
    });
  });
});

test('validity dates after 2049 are written as GeneralizedTime and read back', () => {
  const late = issueServerCertificate(ca, ['localhost'], {
    notBefore: new Date('2051-01-01T00:00:00Z'),
    notAfter: new Date('2052-01-01T00:00:00Z'),
    commonName: 'late.example',
  });
  const x = new X509Certificate(late.cert);
  assert.equal(new Date(x.validFrom).toISOString(), '2051-01-01T00:00:00.000Z');
  assert.match(x.subject, /CN=late\.example/);
});

test('a self-signed server certificate is trusted when it is its own CA', async () => {
  const self = makeSelfSignedServerCertificate(['127.0.0.1', 'localhost']);
  const x = new X509Certificate(self.cert);
  assert.equal(x.issuer, x.subject);
  assert.ok(x.verify(x.publicKey));
  await withTlsServer(self, async (port) => {
    assert.equal(await get(port, { ca: self.cert }), 'ok');
    await assert.rejects(get(port, { ca: ca.cert }));
  });
});

const hasPython = spawnSync('python3', ['-c', 'import ssl'], { stdio: 'ignore' }).status === 0;

test('OpenSSL 3 through Python accepts the chain in strict X.509 mode', { skip: !hasPython && 'python3 not on PATH' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tls-certs-'));
  try {
    const caPath = join(dir, 'ca.pem');
    writeFileSync(caPath, ca.cert);
    const script = [
      'import ssl, socket, sys',
      'ctx = ssl.create_default_context(cafile=sys.argv[1])',
      'ctx.verify_flags |= ssl.VERIFY_X509_STRICT',
      "s = ctx.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[2]))), server_hostname=sys.argv[3])",
      "print('handshake', s.version())",
      's.close()',
    ].join('\n');
    await withTlsServer(leaf, async (port) => {
      for (const host of ['127.0.0.1', 'localhost']) {
        const out = await run('python3', ['-c', script, caPath, String(port), host], {
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
        });
        assert.equal(out.code, 0, out.stderr);
        assert.match(out.stdout, /^handshake TLSv1\.[23]/);
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

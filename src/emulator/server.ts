/**
 * startEmulator(): a local IAM Identity Center OIDC service (SSO-OIDC REST-JSON API plus a
 * verification page) on node:http or node:https. Each call makes an independent instance.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueServerCertificate, makeCertificateAuthority } from './certs.js';
import { createContext, type EmulatorContext } from './context.js';
import { configureIam } from './iam.js';
import { createHandler } from './routes.js';
import type { Emulator, EmulatorOptions } from './types.js';

type AnyServer = http.Server | https.Server;

interface TlsMaterial {
  cert: string;
  key: string;
  caPem: string;
  caPath: string;
  dir: string;
}

/** A fresh CA and a server certificate for the loopback names (and `host`), the CA written to a temp dir. */
function makeTls(host: string): TlsMaterial {
  const ca = makeCertificateAuthority('sso-oidc emulator CA');
  const hosts = [...new Set(['127.0.0.1', '::1', 'localhost', host].filter((h) => h !== '0.0.0.0' && h !== '::'))];
  const leaf = issueServerCertificate(ca, hosts, { commonName: 'sso-oidc emulator' });
  const dir = mkdtempSync(join(tmpdir(), 'sso-oidc-emulator-'));
  const caPath = join(dir, 'ca.pem');
  writeFileSync(caPath, ca.cert, { mode: 0o644 });
  return { cert: leaf.cert, key: leaf.key, caPem: ca.cert, caPath, dir };
}

/** The base URL clients use: a wildcard bind address becomes loopback, IPv6 gets brackets. */
function baseUrl(scheme: string, host: string, port: number): string {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `${scheme}://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

function listen(server: AnyServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts an emulator and resolves once it listens. Rejects when it cannot listen (for example
 * EADDRINUSE), leaving nothing behind.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const timers = new Set<NodeJS.Timeout>();
  const ctx = createContext(options, timers);
  configureIam(ctx, options.iamCredentials);
  const tls = options.https === true ? makeTls(host) : undefined;
  const handler = createHandler(ctx);
  const server: AnyServer = tls === undefined ? http.createServer(handler) : https.createServer({ cert: tls.cert, key: tls.key }, handler);
  const cleanup = (): void => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
    if (tls !== undefined) rmSync(tls.dir, { recursive: true, force: true });
  };
  let port: number;
  try {
    port = await listen(server, options.port ?? 0, host);
  } catch (err) {
    cleanup();
    throw err;
  }
  ctx.baseUrl = baseUrl(tls === undefined ? 'http' : 'https', host, port);
  return makeHandle(ctx, server, tls, cleanup);
}

function makeHandle(ctx: EmulatorContext, server: AnyServer, tls: TlsMaterial | undefined, cleanup: () => void): Emulator {
  let closing: Promise<void> | undefined;
  const decide = (userCode: string, decision: 'approved' | 'denied'): void => {
    const result = ctx.store.decide(userCode, decision, ctx.now());
    if (result !== 'ok') throw new Error(`Cannot ${decision === 'approved' ? 'approve' : 'deny'} user code ${userCode}: ${result}`);
  };
  return {
    url: ctx.baseUrl,
    ...(tls === undefined ? {} : { caPath: tls.caPath, caPem: tls.caPem }),
    store: ctx.store,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hung requests and keep-alive sockets would hold close() open forever.
        server.closeAllConnections();
        cleanup();
      });
      return closing;
    },
    approve: (userCode) => decide(userCode, 'approved'),
    deny: (userCode) => decide(userCode, 'denied'),
    requests: () => ctx.recorded.map((r) => ({ ...r, headers: { ...r.headers } })),
    clearRequests: () => {
      ctx.recorded.length = 0;
    },
    script: (responses) => ctx.faults.script(responses),
    setFaults: (faults) => ctx.faults.set(faults),
    clearFaults: () => ctx.faults.clear(),
  };
}

/**
 * Conformance for configuration and transport, side by side with the installed AWS CLI v1:
 * endpoints from env and config, CA bundles from each source, certificate failures,
 * --no-verify-ssl, read timeouts and legacy retries. Skips (saying why) without `aws`.
 */
import assert from 'node:assert/strict';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { FaultSpec } from '../../src/emulator/types.js';
import { findAws, makeSandbox, runAws, runCli, type RunResult } from '../helpers/cli.js';
import { SUCCESS_BODY } from './cases.js';

interface TransportCase {
  name: string;
  tls: boolean;
  /** `URL` is the emulator's base URL, `CA` its CA bundle path. */
  args: string[];
  env?: Record<string, string>;
  faults?: FaultSpec;
  scripted?: boolean;
  v1Code: number;
  ourCode: number;
  /** 'same': byte-identical; a RegExp: both must match it (ours may word the reason differently); 'stdout-only'. */
  stderr: 'same' | 'empty' | RegExp | 'stdout-only';
}

const SDA = ['start-device-authorization', '--client-id', 'ok', '--client-secret', 's3cr3t', '--start-url', 'file://starturl.txt'];
const ONE = { AWS_MAX_ATTEMPTS: '1' };

const CASES: TransportCase[] = [
  {
    name: 'endpoint from AWS_ENDPOINT_URL',
    tls: false,
    args: SDA,
    env: { AWS_ENDPOINT_URL: 'URL' },
    scripted: true,
    v1Code: 0,
    ourCode: 0,
    stderr: 'empty',
  },
  {
    name: 'endpoint from AWS_ENDPOINT_URL_SSO_OIDC over AWS_ENDPOINT_URL',
    tls: false,
    args: SDA,
    env: { AWS_ENDPOINT_URL_SSO_OIDC: 'URL', AWS_ENDPOINT_URL: 'http://127.0.0.1:1' },
    scripted: true,
    v1Code: 0,
    ourCode: 0,
    stderr: 'empty',
  },
  {
    name: 'endpoint from a [services] section',
    tls: false,
    args: [...SDA, '--profile', 'svc'],
    scripted: true,
    v1Code: 0,
    ourCode: 0,
    stderr: 'empty',
  },
  {
    name: 'endpoint_url in the profile',
    tls: false,
    args: [...SDA, '--profile', 'ep'],
    scripted: true,
    v1Code: 0,
    ourCode: 0,
    stderr: 'empty',
  },
  {
    name: 'ignore_configured_endpoint_urls',
    tls: false,
    args: [...SDA, '--profile', 'ep', '--endpoint-url', 'URL'],
    env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://127.0.0.1:1' },
    scripted: true,
    v1Code: 0,
    ourCode: 0,
    stderr: 'empty',
  },
  {
    name: 'https with --ca-bundle',
    tls: true,
    args: [...SDA, '--endpoint-url', 'URL', '--ca-bundle', 'CA'],
    scripted: true,
    v1Code: 0,
    ourCode: 0,
    stderr: 'empty',
  },
  {
    name: 'https with AWS_CA_BUNDLE',
    tls: true,
    args: [...SDA, '--endpoint-url', 'URL'],
    env: { AWS_CA_BUNDLE: 'CA' },
    scripted: true,
    v1Code: 0,
    ourCode: 0,
    stderr: 'empty',
  },
  {
    name: 'https with ca_bundle in the profile',
    tls: true,
    args: [...SDA, '--endpoint-url', 'URL', '--profile', 'tls'],
    scripted: true,
    v1Code: 0,
    ourCode: 0,
    stderr: 'empty',
  },
  {
    name: 'https without the CA fails validation',
    tls: true,
    args: [...SDA, '--endpoint-url', 'URL'],
    env: ONE,
    v1Code: 255,
    ourCode: 255,
    stderr: /^\nSSL validation failed for URL\/device_authorization \[SSL: CERTIFICATE_VERIFY_FAILED\] certificate verify failed: .*\n$/,
  },
  {
    name: '--no-verify-ssl',
    tls: true,
    args: [...SDA, '--endpoint-url', 'URL', '--no-verify-ssl'],
    scripted: true,
    v1Code: 0,
    ourCode: 0,
    stderr: 'stdout-only',
  },
  {
    name: 'read timeout',
    tls: false,
    args: [...SDA, '--endpoint-url', 'URL', '--cli-read-timeout', '1'],
    env: ONE,
    faults: { hang: { count: 1 } },
    v1Code: 255,
    ourCode: 255,
    stderr: 'same',
  },
  {
    name: 'legacy retries: (reached max retries: 1)',
    tls: false,
    args: [...SDA, '--endpoint-url', 'URL'],
    env: { AWS_RETRY_MODE: 'legacy', AWS_MAX_ATTEMPTS: '2' },
    faults: { fail: { count: 2, status: 500 } },
    v1Code: 255,
    ourCode: 254,
    stderr: 'same',
  },
  {
    name: 'legacy retries: 429 throttling retried',
    tls: false,
    args: [...SDA, '--endpoint-url', 'URL'],
    env: { AWS_RETRY_MODE: 'legacy', AWS_MAX_ATTEMPTS: '2' },
    faults: { fail: { count: 2, status: 429 } },
    v1Code: 255,
    ourCode: 254,
    stderr: 'same',
  },
];

const aws = findAws();

/** The sandbox config: profiles pointing at `url` and trusting `ca`. */
const config = (url: string, ca: string): string =>
  '[default]\nregion = us-east-1\ncli_follow_urlparam = false\n\n' +
  `[profile svc]\nregion = us-east-1\ncli_follow_urlparam = false\nservices = local\n\n[services local]\nsso_oidc =\n  endpoint_url = ${url}\n\n` +
  `[profile ep]\nregion = us-east-1\ncli_follow_urlparam = false\nendpoint_url = ${url}\n\n` +
  `[profile tls]\nregion = us-east-1\ncli_follow_urlparam = false\nca_bundle = ${ca}\n`;

/** Each side of each case has its own emulator and sandbox, so sides and cases run at once. */
describe(
  'config and transport, sso-oidc and aws side by side',
  { skip: aws === null ? 'the AWS CLI (aws) is not on PATH: conformance cases skipped' : false, concurrency: availableParallelism() + 1 },
  () => {
    async function side(c: TransportCase, runner: typeof runCli): Promise<{ r: RunResult; sent: number }> {
      const emu = await startEmulator({ host: '127.0.0.1', port: 0, https: c.tls });
      const box = makeSandbox(config(emu.url, emu.caPath ?? join(tmpdir(), 'no-ca.pem')));
      try {
        box.write('starturl.txt', 'https://example.awsapps.com/start');
        if (c.faults) emu.setFaults(c.faults);
        if (c.scripted)
          emu.script([{ path: '/device_authorization', status: 200, headers: { 'content-type': 'application/json' }, body: SUCCESS_BODY }]);
        const sub = (v: string) => v.replace(/^URL$/, emu.url).replace(/^CA$/, emu.caPath ?? '');
        const env = { ...box.env, ...Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, sub(v)])) };
        const args = [...(runner === runAws ? ['sso-oidc'] : []), ...c.args.map(sub)];
        const r = await runner(args, { env, cwd: box.dir });
        // Each side has its own port: the emulator's URL reads `URL` in what both print.
        const unport = (t: string) => t.replaceAll(emu.url, 'URL');
        return { r: { ...r, stdout: unport(r.stdout), stderr: unport(r.stderr) }, sent: emu.requests().length };
      } finally {
        await emu.close();
        box.cleanup();
      }
    }

    for (const c of CASES) {
      test(c.name, async () => {
        const [v1, ours] = await Promise.all([side(c, runAws), side(c, runCli)]);
        assert.equal(v1.r.code, c.v1Code, `aws exit code (stderr: ${v1.r.stderr})`);
        assert.equal(ours.r.code, c.ourCode, `sso-oidc exit code (stderr: ${ours.r.stderr})`);
        assert.equal(ours.r.stdout, v1.r.stdout, 'stdout');
        if (c.stderr === 'same') assert.equal(ours.r.stderr, v1.r.stderr);
        else if (c.stderr === 'empty') assert.deepEqual([v1.r.stderr, ours.r.stderr], ['', '']);
        else if (c.stderr instanceof RegExp) {
          assert.match(v1.r.stderr, c.stderr);
          assert.match(ours.r.stderr, c.stderr);
        }
        assert.equal(ours.sent, v1.sent, 'requests that reached the server');
      });
    }
  },
);

// resolveConfig end to end over in-memory files: the result, the order of errors (as aws 1.45
// reports them), TLS, and the --debug lines.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveConfig, loadProfile } from '../../src/config/resolve.js';
import { ConfigError } from '../../src/errors.js';
import { silentLog } from '../../src/debug/log.js';
import { args, CWD, HOME, memIo, recordingLog } from '../fixtures/config/harness.js';

describe('resolveConfig result', () => {
  it('defaults', async () => {
    const cfg = await resolveConfig(args(), memIo({ config: '[default]\nregion = eu-west-1\n' }), silentLog);
    assert.deepEqual(cfg, {
      profile: 'default',
      region: 'eu-west-1',
      endpoint: { url: 'https://oidc.eu-west-1.amazonaws.com', source: 'default' },
      retry: { mode: 'standard', maxAttempts: 3 },
      tls: { verify: true },
      timeouts: { connectMs: 60_000, readMs: 60_000 },
      proxy: {},
      output: 'json',
    });
  });

  it('everything set', async () => {
    const io = memIo({
      config: '[profile dev]\nregion = cn-north-1\noutput = table\nretry_mode = legacy\nca_bundle = ca.pem\nsdk_ua_app_id = app1\n',
      env: { AWS_PROFILE: 'dev', HTTPS_PROXY: 'http://p:1', no_proxy: 'x' },
    });
    const cfg = await resolveConfig(args({ cliConnectTimeout: 0, cliReadTimeout: 10 }), io, silentLog);
    assert.deepEqual(cfg, {
      profile: 'dev',
      region: 'cn-north-1',
      endpoint: { url: 'https://oidc.cn-north-1.amazonaws.com.cn', source: 'default' },
      retry: { mode: 'legacy', maxAttempts: 5 },
      tls: { verify: true, caBundle: `${CWD}/ca.pem` },
      timeouts: { connectMs: 0, readMs: 10_000 },
      proxy: { httpsProxy: 'http://p:1', noProxy: 'x' },
      output: 'table',
      userAgentAppId: 'app1',
    });
  });

  it('no [default] and nothing asked: profile undefined, env region', async () => {
    const cfg = await resolveConfig(args(), memIo({ env: { AWS_DEFAULT_REGION: 'us-west-2' } }), silentLog);
    assert.equal(cfg.profile, undefined);
    assert.equal(cfg.region, 'us-west-2');
  });

  it('a FIPS pseudo-region is normalised', async () => {
    const cfg = await resolveConfig(args({ region: 'fips-us-east-1' }), memIo(), silentLog);
    assert.equal(cfg.region, 'us-east-1');
    assert.equal(cfg.endpoint.url, 'https://oidc-fips.us-east-1.amazonaws.com');
  });

  it("--region '' works with --endpoint-url and cannot make an AWS host without it", async () => {
    const io = memIo({ config: '[default]\nregion = eu-west-1\n' });
    const cfg = await resolveConfig(args({ region: '', endpointUrl: 'http://127.0.0.1:1' }), memIo(), silentLog);
    assert.equal(cfg.region, '');
    await assert.rejects(async () => resolveConfig(args({ region: '' }), io, silentLog), {
      message: 'Invalid endpoint: https://oidc..amazonaws.com',
    });
  });

  it('--no-verify-ssl drops the CA bundle', async () => {
    const cfg = await resolveConfig(args({ region: 'us-east-1', verifySsl: false, caBundle: '/missing.pem' }), memIo(), silentLog);
    assert.deepEqual(cfg.tls, { verify: false });
  });

  it('the partition lookup can be injected', async () => {
    const partitionOf = () => ({
      name: 'aws-test',
      dnsSuffix: 'example.test',
      dualStackDnsSuffix: 'ds.test',
      supportsFIPS: true,
      supportsDualStack: true,
    });
    const cfg = await resolveConfig(args({ region: 'zz-1' }), memIo(), silentLog, { partitionOf });
    assert.equal(cfg.endpoint.url, 'https://oidc.zz-1.example.test');
  });
});

describe('resolveConfig errors, in the AWS CLI order', () => {
  const NO_REGION = 'You must specify a region. You can also configure your region by running "aws configure".';
  const cases: Array<[string, Parameters<typeof memIo>[0], Partial<Parameters<typeof args>[0]>, string]> = [
    ['unparsable file first', { config: 'junk', env: { AWS_PROFILE: 'nope' } }, {}, `Unable to parse config file: ${HOME}/.aws/config`],
    [
      'unknown profile before region',
      { env: { AWS_PROFILE: 'nope', AWS_MAX_ATTEMPTS: 'x' } },
      { region: 'bad region' },
      'The config profile (nope) could not be found',
    ],
    [
      'bad region before retry',
      { env: { AWS_MAX_ATTEMPTS: 'x' } },
      { region: 'bad region' },
      "Provided region_name 'bad region' doesn't match a supported format.",
    ],
    [
      'services section before no region',
      { config: '[default]\nservices = nope\n' },
      {},
      'The profile is configured to use the services section but the "nope" services configuration does not exist.',
    ],
    ['no region before retry', { env: { AWS_MAX_ATTEMPTS: 'x' } }, {}, NO_REGION],
    ['no region even with --endpoint-url', {}, { endpointUrl: 'http://127.0.0.1:1' }, NO_REGION],
    ['no region before a bad endpoint', { env: { AWS_ENDPOINT_URL: 'bad' } }, {}, NO_REGION],
    [
      'retry before a bad endpoint',
      { env: { AWS_RETRY_MODE: 'bogus', AWS_ENDPOINT_URL: 'bad' } },
      { region: 'us-east-1' },
      `Invalid value provided to "mode": "bogus" must be one of: ('legacy', 'standard', 'adaptive')`,
    ],
    [
      'bad endpoint before output',
      { env: { AWS_ENDPOINT_URL: 'bad', AWS_DEFAULT_OUTPUT: 'xml' } },
      { region: 'us-east-1' },
      'Invalid endpoint: bad',
    ],
    ['output last', { env: { AWS_DEFAULT_OUTPUT: 'xml' } }, { region: 'us-east-1' }, 'Unknown output type: xml'],
  ];
  for (const [name, io, extra, message] of cases) {
    it(name, async () => {
      await assert.rejects(
        async () => resolveConfig(args(extra), memIo(io), silentLog),
        (e: unknown) => e instanceof ConfigError && e.exitCode === 253 && e.message === message,
      );
    });
  }

  it('only the no-region message is laid out plain', async () => {
    const layoutOf = async (fn: () => Promise<unknown>): Promise<string | undefined> => {
      try {
        await fn();
      } catch (e) {
        return (e as ConfigError).layout;
      }
      return undefined;
    };
    assert.equal(await layoutOf(() => resolveConfig(args(), memIo(), silentLog)), 'plain');
    assert.equal(await layoutOf(() => resolveConfig(args({ profile: 'x' }), memIo(), silentLog)), 'aws');
  });
});

describe('loadProfile', () => {
  it('gives the selected profile settings and the sso-session sections', async () => {
    const io = memIo({
      config:
        '[profile sso]\nsso_session = corp\n[sso-session corp]\nsso_region = us-east-2\nsso_start_url = https://x.awsapps.com/start\n',
    });
    const { profile, shared } = await loadProfile({ profile: 'sso' }, io, silentLog);
    assert.equal(profile.values.get('sso_session'), 'corp');
    assert.equal(shared.ssoSessions.get('corp')?.get('sso_region'), 'us-east-2');
  });
});

describe('--debug lines', () => {
  it('logs files, profile, region, retry, endpoint, output, TLS and proxy, masking proxy credentials', async () => {
    const log = recordingLog();
    const io = memIo({
      config: '[profile p]\nregion = eu-west-1\n',
      env: { AWS_PROFILE: 'p', HTTPS_PROXY: 'http://bob:hunter2@proxy:3128', AWS_CA_BUNDLE: '/ca.pem' },
    });
    await resolveConfig(args(), io, log);
    assert.deepEqual(log.lines, [
      `config: Read ${HOME}/.aws/config: 1 section(s)`,
      `config: Not reading ${HOME}/.aws/credentials: ENOENT`,
      'config: Profile: p (from AWS_PROFILE)',
      'config: Region: eu-west-1 (from config region)',
      'config: Retry mode: standard (from default), max attempts: 3 (from default for standard)',
      'config: No configured endpoint; using the AWS endpoint for eu-west-1 (fips: false, dualstack: false)',
      'config: Endpoint: https://oidc.eu-west-1.amazonaws.com (source: default)',
      'config: Output: json (from default)',
      'config: TLS: CA bundle /ca.pem (from AWS_CA_BUNDLE)',
      'config: Proxy for https://oidc.eu-west-1.amazonaws.com: http://***:***@proxy:3128',
    ]);
    assert.ok(!log.lines.join('\n').includes('hunter2'));
  });

  it('says when NO_PROXY bypasses the proxy', async () => {
    const log = recordingLog();
    await resolveConfig(
      args({ region: 'us-east-1', endpointUrl: 'http://localhost:1' }),
      memIo({ env: { HTTP_PROXY: 'p:1', NO_PROXY: 'localhost' } }),
      log,
    );
    assert.equal(log.lines.at(-1), 'config: No proxy for http://localhost:1 (NO_PROXY=localhost)');
  });
});

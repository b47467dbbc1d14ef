// Endpoint resolution: overrides and their precedence, and the AWS endpoint per partition, checked
// against the installed SSO-OIDC client's own endpoint resolver.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { resolveConfig } from '../../src/config/resolve.js';
import { defaultEndpointUrl, isValidEndpointUrl, ssoOidcEndpointRule, urlHostname } from '../../src/config/endpoint.js';
import type { GlobalArgs } from '../../src/cli/spec.js';
import { silentLog } from '../../src/debug/log.js';
import { args, memIo } from '../fixtures/config/harness.js';

interface Case {
  name: string;
  args?: Partial<GlobalArgs>;
  env?: Record<string, string>;
  config?: string;
  want: string | { url: string; source: string };
}

async function endpointOf(c: Case): Promise<{ url: string; source: string }> {
  const io = memIo({ env: c.env ?? {}, config: c.config ?? '' });
  return (await resolveConfig(args({ region: 'us-east-1', ...c.args }), io, silentLog)).endpoint;
}

function runTable(cases: Case[]): void {
  for (const c of cases) {
    it(c.name, async () => {
      const got = await endpointOf(c);
      console.log(`  ${c.name.padEnd(48)} → ${got.url} (${got.source})`);
      const want = typeof c.want === 'string' ? { url: c.want, source: 'default' } : c.want;
      assert.deepEqual(got, want);
    });
  }
}

describe('default AWS endpoints', () => {
  runTable([
    { name: 'us-east-1', want: 'https://oidc.us-east-1.amazonaws.com' },
    { name: 'eu-west-1', args: { region: 'eu-west-1' }, want: 'https://oidc.eu-west-1.amazonaws.com' },
    { name: 'cn-north-1', args: { region: 'cn-north-1' }, want: 'https://oidc.cn-north-1.amazonaws.com.cn' },
    { name: 'cn-northwest-1', args: { region: 'cn-northwest-1' }, want: 'https://oidc.cn-northwest-1.amazonaws.com.cn' },
    { name: 'us-gov-west-1', args: { region: 'us-gov-west-1' }, want: 'https://oidc.us-gov-west-1.amazonaws.com' },
    { name: 'us-iso-east-1', args: { region: 'us-iso-east-1' }, want: 'https://oidc.us-iso-east-1.c2s.ic.gov' },
    { name: 'eusc-de-east-1', args: { region: 'eusc-de-east-1' }, want: 'https://oidc.eusc-de-east-1.amazonaws.eu' },
    { name: 'unknown region in the aws partition', args: { region: 'xx-fake-9' }, want: 'https://oidc.xx-fake-9.amazonaws.com' },
    { name: 'FIPS (env)', env: { AWS_USE_FIPS_ENDPOINT: 'true' }, want: 'https://oidc-fips.us-east-1.amazonaws.com' },
    { name: 'FIPS (config, any case)', config: '[default]\nuse_fips_endpoint = TRUE\n', want: 'https://oidc-fips.us-east-1.amazonaws.com' },
    {
      name: 'FIPS env false beats config true',
      env: { AWS_USE_FIPS_ENDPOINT: 'false' },
      config: '[default]\nuse_fips_endpoint = true\n',
      want: 'https://oidc.us-east-1.amazonaws.com',
    },
    { name: 'FIPS "yes" is not true', env: { AWS_USE_FIPS_ENDPOINT: 'yes' }, want: 'https://oidc.us-east-1.amazonaws.com' },
    { name: 'FIPS pseudo-region fips-us-east-1', args: { region: 'fips-us-east-1' }, want: 'https://oidc-fips.us-east-1.amazonaws.com' },
    { name: 'FIPS pseudo-region us-east-1-fips', args: { region: 'us-east-1-fips' }, want: 'https://oidc-fips.us-east-1.amazonaws.com' },
    {
      name: 'FIPS GovCloud (the ruleset keeps the plain name)',
      args: { region: 'us-gov-west-1' },
      env: { AWS_USE_FIPS_ENDPOINT: 'true' },
      want: 'https://oidc.us-gov-west-1.amazonaws.com',
    },
    {
      name: 'FIPS China',
      args: { region: 'cn-north-1' },
      env: { AWS_USE_FIPS_ENDPOINT: 'true' },
      want: 'https://oidc-fips.cn-north-1.amazonaws.com.cn',
    },
    { name: 'dual-stack', env: { AWS_USE_DUALSTACK_ENDPOINT: 'true' }, want: 'https://oidc.us-east-1.api.aws' },
    { name: 'dual-stack (config)', config: '[default]\nuse_dualstack_endpoint = true\n', want: 'https://oidc.us-east-1.api.aws' },
    {
      name: 'dual-stack China',
      args: { region: 'cn-north-1' },
      env: { AWS_USE_DUALSTACK_ENDPOINT: 'true' },
      want: 'https://oidc.cn-north-1.api.amazonwebservices.com.cn',
    },
    {
      name: 'FIPS + dual-stack',
      env: { AWS_USE_FIPS_ENDPOINT: 'true', AWS_USE_DUALSTACK_ENDPOINT: 'true' },
      want: 'https://oidc-fips.us-east-1.api.aws',
    },
    {
      name: 'FIPS + dual-stack GovCloud',
      args: { region: 'us-gov-west-1' },
      env: { AWS_USE_FIPS_ENDPOINT: 'true', AWS_USE_DUALSTACK_ENDPOINT: 'true' },
      want: 'https://oidc-fips.us-gov-west-1.api.aws',
    },
  ]);
});

const SERVICES = '[services local]\nsso_oidc =\n  endpoint_url = http://127.0.0.1:4/config-service\n';
const ALL_CONFIG = `[default]\nservices = local\nendpoint_url = http://127.0.0.1:5/config-profile\n${SERVICES}`;
const ALL_ENV = { AWS_ENDPOINT_URL_SSO_OIDC: 'http://127.0.0.1:2/env-service', AWS_ENDPOINT_URL: 'http://127.0.0.1:3/env-global' };
const CLI = 'http://127.0.0.1:1/cli';

describe('configured endpoints and their precedence', () => {
  runTable([
    {
      name: '--endpoint-url beats everything',
      args: { endpointUrl: CLI },
      env: ALL_ENV,
      config: ALL_CONFIG,
      want: { url: CLI, source: 'cli' },
    },
    {
      name: 'AWS_ENDPOINT_URL_SSO_OIDC',
      env: ALL_ENV,
      config: ALL_CONFIG,
      want: { url: 'http://127.0.0.1:2/env-service', source: 'env-service' },
    },
    {
      name: 'AWS_ENDPOINT_URL beats the config file',
      env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:3/env-global' },
      config: ALL_CONFIG,
      want: { url: 'http://127.0.0.1:3/env-global', source: 'env-global' },
    },
    {
      name: '[services] sso_oidc endpoint_url',
      config: ALL_CONFIG,
      want: { url: 'http://127.0.0.1:4/config-service', source: 'config-service' },
    },
    {
      name: 'profile endpoint_url',
      config: '[default]\nendpoint_url = http://127.0.0.1:5/config-profile\n',
      want: { url: 'http://127.0.0.1:5/config-profile', source: 'config-profile' },
    },
    {
      name: 'services section without sso_oidc → profile',
      config: '[default]\nservices = s\nendpoint_url = http://127.0.0.1:5/p\n[services s]\ns3 =\n  endpoint_url = http://x\n',
      want: { url: 'http://127.0.0.1:5/p', source: 'config-profile' },
    },
    {
      name: 'empty env values are skipped',
      env: { AWS_ENDPOINT_URL_SSO_OIDC: '', AWS_ENDPOINT_URL: '' },
      config: ALL_CONFIG,
      want: { url: 'http://127.0.0.1:4/config-service', source: 'config-service' },
    },
    {
      name: 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true',
      env: { ...ALL_ENV, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' },
      config: ALL_CONFIG,
      want: 'https://oidc.us-east-1.amazonaws.com',
    },
    {
      name: 'ignore_configured_endpoint_urls in the profile',
      config: ALL_CONFIG.replace('[services', 'ignore_configured_endpoint_urls = True\n[services'),
      want: 'https://oidc.us-east-1.amazonaws.com',
    },
    {
      name: 'ignoring keeps --endpoint-url',
      args: { endpointUrl: CLI },
      env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' },
      want: { url: CLI, source: 'cli' },
    },
    {
      name: 'env ignore=false beats profile ignore=true',
      env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false' },
      config: '[default]\nignore_configured_endpoint_urls = true\nendpoint_url = http://127.0.0.1:5/p\n',
      want: { url: 'http://127.0.0.1:5/p', source: 'config-profile' },
    },
    {
      name: 'FIPS/dual-stack do not apply to a custom endpoint',
      args: { endpointUrl: CLI },
      env: { AWS_USE_FIPS_ENDPOINT: 'true', AWS_USE_DUALSTACK_ENDPOINT: 'true' },
      want: { url: CLI, source: 'cli' },
    },
  ]);

  const errors: Array<[string, Case, string]> = [
    [
      'services names a missing section',
      { name: '', config: '[default]\nservices = nope\n', want: '' },
      'The profile is configured to use the services section but the "nope" services configuration does not exist.',
    ],
    [
      'services names an empty section',
      { name: '', config: '[default]\nservices = e\n[services e]\n', want: '' },
      'The profile is configured to use the services section but the "e" services configuration does not exist.',
    ],
    [
      'configured URL without a scheme',
      { name: '', env: { AWS_ENDPOINT_URL: '127.0.0.1:4566' }, want: '' },
      'Invalid endpoint: 127.0.0.1:4566',
    ],
    [
      'configured URL host:port without //',
      { name: '', config: '[default]\nendpoint_url = localhost:4566\n', want: '' },
      'Invalid endpoint: localhost:4566',
    ],
    [
      'configured URL with a space',
      { name: '', env: { AWS_ENDPOINT_URL_SSO_OIDC: 'http://bad host' }, want: '' },
      'Invalid endpoint: http://bad host',
    ],
    [
      'an empty region cannot make an AWS host',
      { name: '', env: { AWS_DEFAULT_REGION: '' }, args: { region: undefined }, want: '' },
      'Invalid endpoint: https://oidc..amazonaws.com',
    ],
  ];
  for (const [name, c, message] of errors) it(name, () => assert.rejects(async () => endpointOf(c), { name: 'ConfigError', message }));

  it('an env endpoint saves a profile whose services section is missing', async () => {
    assert.equal(
      (await endpointOf({ name: '', env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:3/' }, config: '[default]\nservices = nope\n', want: '' }))
        .source,
      'env-global',
    );
  });
});

describe('endpoint URL helpers', () => {
  const hosts: Array<[string, string | undefined]> = [
    ['http://Example.COM:80/p', 'example.com'],
    ['https://user:pw@h:1', 'h'],
    ['http://[::1]:8080/', '::1'],
    ['http://[::1', undefined],
    ['127.0.0.1:80', undefined],
    ['localhost:80', undefined],
    ['ftp://h/', 'h'],
  ];
  for (const [url, host] of hosts) it(`urlHostname(${url})`, () => assert.equal(urlHostname(url), host));
  it('isValidEndpointUrl accepts IPv6 and a trailing dot, rejects control characters', async () => {
    assert.equal(isValidEndpointUrl('http://[::1]:8080'), true);
    assert.equal(isValidEndpointUrl('http://example.com./'), true);
    assert.equal(isValidEndpointUrl('http://h\n'), false);
    assert.equal(isValidEndpointUrl('http://-h'), false);
  });
  it('the partition errors of the ruleset', async () => {
    const none = { name: 'p', dnsSuffix: 'd', dualStackDnsSuffix: 'ds', supportsFIPS: false, supportsDualStack: false };
    assert.throws(() => ssoOidcEndpointRule('r', { useFips: true, useDualstack: false }, none), {
      message: 'FIPS is enabled but this partition does not support FIPS',
    });
    assert.throws(() => ssoOidcEndpointRule('r', { useFips: false, useDualstack: true }, none), {
      message: 'DualStack is enabled but this partition does not support DualStack',
    });
    assert.throws(() => ssoOidcEndpointRule('r', { useFips: true, useDualstack: true }, none), {
      message: 'FIPS and DualStack are enabled, but this partition does not support one or both',
    });
  });
});

describe('defaultEndpointUrl equals the SDK client resolver', () => {
  const regions = [
    'us-east-1',
    'eu-west-1',
    'ap-southeast-7',
    'cn-north-1',
    'cn-northwest-1',
    'us-gov-west-1',
    'us-gov-east-1',
    'us-iso-east-1',
    'us-isob-east-1',
    'eu-isoe-west-1',
    'us-isof-south-1',
    'eusc-de-east-1',
    'xx-fake-9',
    'local',
    'aws-global',
    'aws-cn-global',
    'aws-us-gov-global',
  ];
  const client = new SSOOIDCClient({ region: 'us-east-1' });
  for (const region of regions) {
    for (const useFips of [false, true]) {
      for (const useDualstack of [false, true]) {
        it(`${region} fips=${useFips} dualstack=${useDualstack}`, async () => {
          const sdk = client.config.endpointProvider({ Region: region, UseFIPS: useFips, UseDualStack: useDualstack }).url.href;
          assert.equal(`${defaultEndpointUrl(region, { useFips, useDualstack })}/`, sdk);
        });
      }
    }
  }
});

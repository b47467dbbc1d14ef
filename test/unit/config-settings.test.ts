// Profile, region, output, CA bundle, app id and timeouts: one table per rule.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  normalizeFipsRegion,
  resolveCaBundle,
  resolveOutput,
  resolveRegion,
  resolveTimeouts,
  resolveUserAgentAppId,
  selectProfile,
  validateRegionName,
} from '../../src/config/settings.js';
import type { GlobalArgs } from '../../src/cli/spec.js';
import type { Section } from '../../src/config/ini.js';
import { CWD, HOME } from '../fixtures/config/harness.js';

const section = (o: Record<string, string> = {}): Section => new Map(Object.entries(o));
const profiles = new Map<string, Section>([
  ['default', section({ region: 'us-east-1' })],
  ['dev', section({ region: 'eu-west-1' })],
  ['', section()],
]);
const noDefault = new Map<string, Section>([['dev', section()]]);

describe('selectProfile: --profile > AWS_DEFAULT_PROFILE > AWS_PROFILE > default', () => {
  const cases: Array<[string, string | undefined, Record<string, string>, ReadonlyMap<string, Section>, string | undefined | Error]> = [
    ['flag wins', 'dev', { AWS_DEFAULT_PROFILE: 'x', AWS_PROFILE: 'y' }, profiles, 'dev'],
    ['AWS_DEFAULT_PROFILE before AWS_PROFILE', undefined, { AWS_DEFAULT_PROFILE: 'dev', AWS_PROFILE: 'nope' }, profiles, 'dev'],
    ['AWS_PROFILE', undefined, { AWS_PROFILE: 'dev' }, profiles, 'dev'],
    ['default when nothing asked', undefined, {}, profiles, 'default'],
    ['no default is fine when nothing asked', undefined, {}, noDefault, undefined],
    ['empty --profile is ignored', '', { AWS_PROFILE: 'dev' }, profiles, 'dev'],
    ['unknown flag profile', 'nope', {}, profiles, new Error('The config profile (nope) could not be found')],
    ['unknown env profile', undefined, { AWS_PROFILE: 'nope' }, profiles, new Error('The config profile (nope) could not be found')],
    ['asking for a missing default by name', 'default', {}, noDefault, new Error('The config profile (default) could not be found')],
    [
      'an empty AWS_PROFILE is a name too',
      undefined,
      { AWS_PROFILE: '' },
      noDefault,
      new Error('The config profile () could not be found'),
    ],
  ];
  for (const [name, flag, env, map, want] of cases) {
    it(name, () => {
      const run = (): string | undefined => selectProfile({ profile: flag }, env, map).name;
      if (want instanceof Error) assert.throws(run, { name: 'ConfigError', message: want.message });
      else assert.equal(run(), want);
    });
  }
});

describe('resolveRegion: --region > AWS_REGION > AWS_DEFAULT_REGION > profile', () => {
  const cfg = section({ region: 'ap-south-1' });
  const cases: Array<[string, string | undefined, Record<string, string>, Section, { value: string; source: string } | undefined]> = [
    ['flag', 'eu-west-1', { AWS_REGION: 'x', AWS_DEFAULT_REGION: 'y' }, cfg, { value: 'eu-west-1', source: '--region' }],
    [
      'AWS_REGION (v2) over AWS_DEFAULT_REGION',
      undefined,
      { AWS_REGION: 'eu-west-2', AWS_DEFAULT_REGION: 'y' },
      cfg,
      { value: 'eu-west-2', source: 'AWS_REGION' },
    ],
    [
      'AWS_DEFAULT_REGION over config',
      undefined,
      { AWS_DEFAULT_REGION: 'eu-west-3' },
      cfg,
      { value: 'eu-west-3', source: 'AWS_DEFAULT_REGION' },
    ],
    ['config', undefined, {}, cfg, { value: 'ap-south-1', source: 'config region' }],
    [
      "--region '' is a region (awscli passes it on as is)",
      '',
      { AWS_DEFAULT_REGION: 'eu-west-3' },
      cfg,
      { value: '', source: '--region' },
    ],
    ['an empty env value is kept (botocore)', undefined, { AWS_DEFAULT_REGION: '' }, cfg, { value: '', source: 'AWS_DEFAULT_REGION' }],
    ['none', undefined, {}, section(), undefined],
  ];
  for (const [name, flag, env, values, want] of cases) it(name, () => assert.deepEqual(resolveRegion({ region: flag }, env, values), want));

  it('validates wherever the region came from', () => {
    assert.throws(() => resolveRegion({}, {}, section({ region: 'bad region!' })), {
      message: "Provided region_name 'bad region!' doesn't match a supported format.",
    });
  });
});

describe('validateRegionName (botocore host-label rule)', () => {
  const good = ['us-east-1', 'xx-fake-9', 'local', 'a'.repeat(63), 'fips-us-east-1', 'US-EAST-1', '', 'us-east-1\n'];
  const bad = ['bad region!', 'us_east_1', '-us', 'us-', '123', 'a'.repeat(64), 'us.east', '123\n', 'us-east-1\n\n'];
  for (const r of good) it(`accepts ${JSON.stringify(r)}`, () => validateRegionName(r));
  for (const r of bad) {
    it(`rejects ${JSON.stringify(r)}`, () =>
      assert.throws(() => validateRegionName(r), { message: `Provided region_name '${r}' doesn't match a supported format.` }));
  }
});

describe('normalizeFipsRegion', () => {
  const cases: Array<[string, string, boolean]> = [
    ['us-east-1', 'us-east-1', false],
    ['fips-us-east-1', 'us-east-1', true],
    ['us-gov-west-1-fips', 'us-gov-west-1', true],
    ['fips', 'fips', false],
  ];
  for (const [input, region, fips] of cases) it(input, () => assert.deepEqual(normalizeFipsRegion(input), { region, fips }));
});

describe('resolveOutput: --output > AWS_DEFAULT_OUTPUT > profile > json', () => {
  const cases: Array<[string, string | undefined, Record<string, string>, Record<string, string>, string | Error]> = [
    ['flag', 'table', { AWS_DEFAULT_OUTPUT: 'text' }, { output: 'json' }, 'table'],
    ['env', undefined, { AWS_DEFAULT_OUTPUT: 'text' }, { output: 'table' }, 'text'],
    ['config', undefined, {}, { output: 'text' }, 'text'],
    ['default', undefined, {}, {}, 'json'],
    ['v2 formats: yaml from env', undefined, { AWS_DEFAULT_OUTPUT: 'yaml' }, { output: 'text' }, 'yaml'],
    ['v2 formats: yaml-stream from config', undefined, {}, { output: 'yaml-stream' }, 'yaml-stream'],
    ['v2 formats: off from config', undefined, {}, { output: 'off' }, 'off'],
    ['bad env', undefined, { AWS_DEFAULT_OUTPUT: 'xml' }, {}, new Error('Unknown output type: xml')],
    ['case matters for v2 formats too', undefined, {}, { output: 'YAML' }, new Error('Unknown output type: YAML')],
    ['bad config', undefined, {}, { output: 'bogus' }, new Error('Unknown output type: bogus')],
    ['case matters', undefined, { AWS_DEFAULT_OUTPUT: 'JSON' }, {}, new Error('Unknown output type: JSON')],
    ['empty env is a value', undefined, { AWS_DEFAULT_OUTPUT: '' }, { output: 'text' }, new Error('Unknown output type: ')],
  ];
  for (const [name, flag, env, cfg, want] of cases) {
    it(name, () => {
      const run = (): string => resolveOutput({ output: flag as GlobalArgs['output'] }, env, section(cfg)).value;
      if (want instanceof Error) assert.throws(run, { name: 'ConfigError', message: want.message });
      else assert.equal(run(), want);
    });
  }
});

describe('resolveCaBundle: --ca-bundle > AWS_CA_BUNDLE > ca_bundle > REQUESTS_CA_BUNDLE', () => {
  const io = (env: Record<string, string>) => ({ env, homedir: HOME, cwd: CWD });
  const cases: Array<
    [string, string | undefined, Record<string, string>, Record<string, string>, { value: string; source: string } | undefined]
  > = [
    ['flag', '/a.pem', { AWS_CA_BUNDLE: '/b.pem' }, { ca_bundle: '/c.pem' }, { value: '/a.pem', source: '--ca-bundle' }],
    ['env', undefined, { AWS_CA_BUNDLE: '/b.pem' }, { ca_bundle: '/c.pem' }, { value: '/b.pem', source: 'AWS_CA_BUNDLE' }],
    ['config', undefined, { REQUESTS_CA_BUNDLE: '/r.pem' }, { ca_bundle: '/c.pem' }, { value: '/c.pem', source: 'config ca_bundle' }],
    ['REQUESTS_CA_BUNDLE last', undefined, { REQUESTS_CA_BUNDLE: '/r.pem' }, {}, { value: '/r.pem', source: 'REQUESTS_CA_BUNDLE' }],
    ['relative to cwd', 'certs/ca.pem', {}, {}, { value: `${CWD}/certs/ca.pem`, source: '--ca-bundle' }],
    ['~ expanded', undefined, {}, { ca_bundle: '~/ca.pem' }, { value: `${HOME}/ca.pem`, source: 'config ca_bundle' }],
    ['empty values skipped', '', { AWS_CA_BUNDLE: '' }, { ca_bundle: '/c.pem' }, { value: '/c.pem', source: 'config ca_bundle' }],
    ['none', undefined, {}, {}, undefined],
  ];
  for (const [name, flag, env, cfg, want] of cases)
    it(name, () => assert.deepEqual(resolveCaBundle({ caBundle: flag }, io(env), section(cfg)), want));
});

describe('resolveUserAgentAppId and resolveTimeouts', () => {
  it('env beats config', () => assert.equal(resolveUserAgentAppId({ AWS_SDK_UA_APP_ID: 'env' }, section({ sdk_ua_app_id: 'cfg' })), 'env'));
  it('config', () => assert.equal(resolveUserAgentAppId({}, section({ sdk_ua_app_id: 'cfg' })), 'cfg'));
  it('empty env means none', () =>
    assert.equal(resolveUserAgentAppId({ AWS_SDK_UA_APP_ID: '' }, section({ sdk_ua_app_id: 'cfg' })), undefined));
  it('timeouts default to 60 s, 0 stays 0', () => {
    assert.deepEqual(resolveTimeouts({}), { connectMs: 60_000, readMs: 60_000 });
    assert.deepEqual(resolveTimeouts({ cliConnectTimeout: 0, cliReadTimeout: 5 }), { connectMs: 0, readMs: 5_000 });
  });
});

// The INI parser against botocore: test/fixtures/config/botocore-expected.json was produced by
// running botocore's own loader (fixtures/config/botocore-parse.py) over fixtures/config/ini/*.ini;
// config-aws-oracle.test.ts re-runs that script when Python and botocore are at hand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseIni, parseIniBytes, type RawIni, type Section } from '../../src/config/ini.js';
import { loadSharedConfig } from '../../src/config/files.js';
import { ConfigError } from '../../src/errors.js';
import { silentLog } from '../../src/debug/log.js';
import { memIo } from '../fixtures/config/harness.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'config');

type Plain = Record<string, unknown>;

/** Maps (ours) → plain objects in the same key order (botocore's dicts). */
function plain(map: ReadonlyMap<string, unknown>): Plain {
  const out: Plain = {};
  for (const [k, v] of map) out[k] = v instanceof Map ? plain(v) : v;
  return out;
}

/** What the fixtures JSON holds for one file. */
function ours(bytes: Buffer): Plain {
  try {
    return { raw: plain(parseIniBytes(bytes, '<path>')) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** build_profile_map through loadSharedConfig, fed the exact bytes. */
async function profileMaps(bytes: Buffer): Promise<Plain> {
  const io = memIo();
  io.fs = { read: async () => bytes };
  const shared = await loadSharedConfig({ ...io, env: { AWS_SHARED_CREDENTIALS_FILE: '' } }, silentLog);
  return { profiles: plain(shared.profiles), sso_sessions: plain(shared.ssoSessions), services: plain(shared.services) };
}

function expectedFromBotocore(): Record<string, Plain> {
  return JSON.parse(readFileSync(join(FIXTURES, 'botocore-expected.json'), 'utf8')) as Record<string, Plain>;
}

describe('parseIni matches botocore raw_config_parse / build_profile_map on every fixture', () => {
  const expected = expectedFromBotocore();
  const files = readdirSync(join(FIXTURES, 'ini')).filter((f) => f.endsWith('.ini'));
  it('has an expectation for every fixture', () => assert.deepEqual(Object.keys(expected).sort(), files.sort()));
  for (const file of files) {
    it(file, async () => {
      const bytes = readFileSync(join(FIXTURES, 'ini', file));
      const want = expected[file] ?? {};
      const got = ours(bytes);
      if ('error' in want) {
        assert.deepEqual(got, { error: want['error'] });
        return;
      }
      assert.deepEqual(got['raw'], want['raw']);
      assert.deepEqual(await profileMaps(bytes), {
        profiles: want['profiles'],
        sso_sessions: want['sso_sessions'],
        services: want['services'],
      });
    });
  }
});

describe('parseIni details', () => {
  const section = (ini: RawIni, name: string): Section => ini.get(name) ?? new Map();

  it('lower-cases option names but not section names or nested keys', async () => {
    const ini = parseIni('[Profile X]\nRegion = a\ns3 =\n  Key = v\n', 'f');
    assert.deepEqual([...ini.keys()], ['Profile X']);
    assert.equal(section(ini, 'Profile X').get('region'), 'a');
    assert.deepEqual(section(ini, 'Profile X').get('s3'), new Map([['Key', 'v']]));
  });

  it('inherits [DEFAULT] values, the section winning', async () => {
    const ini = parseIni('[DEFAULT]\nregion = d\noutput = text\n[a]\nregion = a\n', 'f');
    assert.deepEqual(plain(section(ini, 'a')), { region: 'a', output: 'text' });
    assert.equal(ini.has('DEFAULT'), false);
  });

  it('treats "__proto__" as an ordinary name', async () => {
    const ini = parseIni('[__proto__]\n__proto__ = x\n', 'f');
    assert.equal(section(ini, '__proto__').get('__proto__'), 'x');
  });

  it('an empty file has no sections', () => assert.equal(parseIni('', 'f').size, 0));

  it('errors name the file and exit 253', async () => {
    assert.throws(
      () => parseIni('[a]\nno delimiter\n', '/x/config'),
      (e: unknown) => e instanceof ConfigError && e.message === 'Unable to parse config file: /x/config' && e.exitCode === 253,
    );
  });
});

// Locating and merging the shared files (botocore Session.full_config), all in memory.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expandUser, expandVars, loadSharedConfig, sharedFilePaths } from '../../src/config/files.js';
import { ConfigError } from '../../src/errors.js';
import { silentLog } from '../../src/debug/log.js';
import { CONFIG, CREDENTIALS, HOME, memIo, recordingLog } from '../fixtures/config/harness.js';

describe('file locations', () => {
  const cases: Array<[string, Record<string, string>, { configPath: string; credentialsPath: string }]> = [
    ['defaults under ~/.aws', {}, { configPath: CONFIG, credentialsPath: CREDENTIALS }],
    [
      'env paths as given',
      { AWS_CONFIG_FILE: '/etc/c', AWS_SHARED_CREDENTIALS_FILE: 'rel/creds' },
      { configPath: '/etc/c', credentialsPath: 'rel/creds' },
    ],
    ['~ expanded', { AWS_CONFIG_FILE: '~/x/config' }, { configPath: `${HOME}/x/config`, credentialsPath: CREDENTIALS }],
    [
      '$VAR and ${VAR} expanded, unknown kept',
      { AWS_CONFIG_FILE: '$D/${N}/$NOPE', D: '/d', N: 'n' },
      { configPath: '/d/n/$NOPE', credentialsPath: CREDENTIALS },
    ],
    ['empty value kept empty', { AWS_CONFIG_FILE: '' }, { configPath: '', credentialsPath: CREDENTIALS }],
  ];
  for (const [name, env, want] of cases) it(name, () => assert.deepEqual(sharedFilePaths(env, HOME), want));

  it('expandUser leaves ~user and inner ~ alone', async () => {
    assert.equal(expandUser('~bob/x', HOME), '~bob/x');
    assert.equal(expandUser('a/~/b', HOME), 'a/~/b');
    assert.equal(expandUser('~', `${HOME}/`), HOME);
    assert.equal(expandUser('~/x', '/'), '/x');
  });
  it('expandVars handles empty braces like Python', () => assert.equal(expandVars('${}', {}), '${}'));
});

describe('loadSharedConfig', () => {
  it('missing files are empty, not errors', async () => {
    const shared = await loadSharedConfig(memIo(), silentLog);
    assert.equal(shared.profiles.size, 0);
  });

  it('reads a relative AWS_CONFIG_FILE from cwd, and names it as written in errors', async () => {
    const io = memIo({ env: { AWS_CONFIG_FILE: 'cfg/config' }, files: { '/work/dir/cfg/config': '[default]\nregion = a\n' } });
    assert.equal((await loadSharedConfig(io, silentLog)).profiles.get('default')?.get('region'), 'a');
    const bad = memIo({ env: { AWS_CONFIG_FILE: 'cfg/config' }, files: { '/work/dir/cfg/config': 'junk' } });
    await assert.rejects(async () => loadSharedConfig(bad, silentLog), new ConfigError('Unable to parse config file: cfg/config'));
  });

  it('a malformed credentials file is an error too', async () => {
    const io = memIo({ credentials: '[default]\naws_access_key_id\n' });
    await assert.rejects(async () => loadSharedConfig(io, silentLog), { message: `Unable to parse config file: ${CREDENTIALS}` });
  });

  it('merges credentials sections into profiles, credentials winning', async () => {
    const io = memIo({
      config: '[default]\nregion = eu-west-1\noutput = json\n[profile p]\nregion = a\n',
      credentials: '[default]\nregion = ap-south-1\n[c]\nregion = c\n[profile p]\nregion = not-p\n',
    });
    const { profiles } = await loadSharedConfig(io, silentLog);
    assert.deepEqual(Object.fromEntries(profiles.get('default') ?? []), { region: 'ap-south-1', output: 'json' });
    assert.equal(profiles.get('c')?.get('region'), 'c');
    // `[profile p]` in the credentials file is a profile literally named "profile p".
    assert.equal(profiles.get('p')?.get('region'), 'a');
    assert.equal(profiles.get('profile p')?.get('region'), 'not-p');
  });

  it('services and sso-session sections come from the config file only', async () => {
    const io = memIo({
      config: '[services s]\nsso_oidc =\n  endpoint_url = http://x\n[sso-session corp]\nsso_region = us-east-2\n',
      credentials: '[services t]\nk = v\n',
    });
    const shared = await loadSharedConfig(io, silentLog);
    assert.deepEqual([...shared.services.keys()], ['s']);
    assert.deepEqual([...shared.ssoSessions.keys()], ['corp']);
    assert.ok(shared.profiles.has('services t'));
  });

  it('logs which files were read', async () => {
    const log = recordingLog();
    await loadSharedConfig(memIo({ config: '[default]\n' }), log);
    assert.deepEqual(log.lines, [`config: Read ${CONFIG}: 1 section(s)`, `config: Not reading ${CREDENTIALS}: ENOENT`]);
  });
});

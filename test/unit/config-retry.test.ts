// Retry mode and attempts, with botocore's messages for bad values (verified against aws 1.45).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveRetry } from '../../src/config/retry.js';
import type { Section } from '../../src/config/ini.js';

const section = (o: Record<string, string> = {}): Section => new Map(Object.entries(o));

describe('resolveRetry', () => {
  const ok: Array<[string, Record<string, string>, Record<string, string>, { mode: string; maxAttempts: number }]> = [
    ['default: standard, 3 (AWS CLI v2)', {}, {}, { mode: 'standard', maxAttempts: 3 }],
    ['legacy defaults to 5 attempts', { AWS_RETRY_MODE: 'legacy' }, {}, { mode: 'legacy', maxAttempts: 5 }],
    ['adaptive defaults to 3', {}, { retry_mode: 'adaptive' }, { mode: 'adaptive', maxAttempts: 3 }],
    ['env mode beats config', { AWS_RETRY_MODE: 'legacy' }, { retry_mode: 'adaptive' }, { mode: 'legacy', maxAttempts: 5 }],
    ['env attempts beat config', { AWS_MAX_ATTEMPTS: '4' }, { max_attempts: '2' }, { mode: 'standard', maxAttempts: 4 }],
    ['config attempts', {}, { max_attempts: '2', retry_mode: 'legacy' }, { mode: 'legacy', maxAttempts: 2 }],
    ['Python int(): spaces, sign, underscores', { AWS_MAX_ATTEMPTS: ' +1_0 ' }, {}, { mode: 'standard', maxAttempts: 10 }],
    ['1 is allowed', { AWS_MAX_ATTEMPTS: '1' }, {}, { mode: 'standard', maxAttempts: 1 }],
  ];
  for (const [name, env, cfg, want] of ok) {
    it(name, () => {
      const r = resolveRetry(env, section(cfg));
      assert.deepEqual({ mode: r.mode, maxAttempts: r.maxAttempts }, want);
    });
  }

  const bad: Array<[string, Record<string, string>, Record<string, string>, string]> = [
    ['zero', { AWS_MAX_ATTEMPTS: '0' }, {}, 'Value provided to "max_attempts": 0 must be an integer greater than or equal to 1.'],
    ['negative', { AWS_MAX_ATTEMPTS: '-1' }, {}, 'Value provided to "max_attempts": -1 must be an integer greater than or equal to 1.'],
    ['not a number', { AWS_MAX_ATTEMPTS: 'abc' }, {}, "invalid literal for int() with base 10: 'abc'"],
    ['a float', { AWS_MAX_ATTEMPTS: '1.5' }, {}, "invalid literal for int() with base 10: '1.5'"],
    ['empty env value', { AWS_MAX_ATTEMPTS: '' }, { max_attempts: '2' }, "invalid literal for int() with base 10: ''"],
    ['bad config value', {}, { max_attempts: 'zz' }, "invalid literal for int() with base 10: 'zz'"],
    [
      'bad mode',
      { AWS_RETRY_MODE: 'bogus' },
      {},
      `Invalid value provided to "mode": "bogus" must be one of: ('legacy', 'standard', 'adaptive')`,
    ],
    [
      'mode is case-sensitive',
      { AWS_RETRY_MODE: 'Standard' },
      {},
      `Invalid value provided to "mode": "Standard" must be one of: ('legacy', 'standard', 'adaptive')`,
    ],
    ['empty mode', { AWS_RETRY_MODE: '' }, {}, `Invalid value provided to "mode": "" must be one of: ('legacy', 'standard', 'adaptive')`],
    [
      'attempts are checked before mode',
      { AWS_MAX_ATTEMPTS: '0', AWS_RETRY_MODE: 'bogus' },
      {},
      'Value provided to "max_attempts": 0 must be an integer greater than or equal to 1.',
    ],
  ];
  for (const [name, env, cfg, message] of bad) {
    it(`rejects ${name}`, () => assert.throws(() => resolveRetry(env, section(cfg)), { name: 'ConfigError', message }));
  }

  it('reports its sources', () => {
    assert.deepEqual(resolveRetry({ AWS_MAX_ATTEMPTS: '2' }, section({ retry_mode: 'legacy' })).sources, {
      mode: 'config retry_mode',
      maxAttempts: 'AWS_MAX_ATTEMPTS',
    });
  });
});

/**
 * Retry settings: `AWS_RETRY_MODE` > `retry_mode`, `AWS_MAX_ATTEMPTS` > `max_attempts`. The default
 * mode is standard (AWS CLI v2; v1 defaults to legacy). Without a configured attempt count,
 * standard and adaptive make 3 attempts and legacy 5 (botocore's `_retry.json`).
 */
import type { Env } from '../deps.js';
import { ConfigError } from '../errors.js';
import type { RetryMode } from './types.js';
import { stringSetting } from './files.js';
import type { Section } from './ini.js';
import { PyException } from '../value/exception.js';
import { pyInt } from '../value/pynum.js';
import { envSetting, type Sourced } from './settings.js';

const MODES: readonly RetryMode[] = ['legacy', 'standard', 'adaptive'];

export interface RetrySettings {
  mode: RetryMode;
  maxAttempts: number;
  /** Where each came from, for --debug. */
  sources: { mode: string; maxAttempts: string };
}

function setting(env: Env, envName: string, profile: Section, key: string): Sourced<string> | undefined {
  const fromEnv = envSetting(env, envName);
  if (fromEnv) return fromEnv;
  const value = stringSetting(profile, key);
  return value === undefined ? undefined : { value, source: `config ${key}` };
}

/** Python int() then botocore's `total_max_attempts >= 1` check, with botocore's messages. */
export function parseMaxAttempts(raw: string): number {
  let n: bigint;
  try {
    n = pyInt(raw);
  } catch (e) {
    if (e instanceof PyException) throw new ConfigError(e.message, { cause: e });
    throw e;
  }
  if (n < 1n) throw new ConfigError(`Value provided to "max_attempts": ${n} must be an integer greater than or equal to 1.`);
  return Number(n);
}

/** Exact, case-sensitive match on the three mode names (botocore's InvalidRetryModeError otherwise). */
export function parseRetryMode(raw: string): RetryMode {
  const mode = MODES.find((m) => m === raw);
  if (!mode) throw new ConfigError(`Invalid value provided to "mode": "${raw}" must be one of: ('legacy', 'standard', 'adaptive')`);
  return mode;
}

/**
 * Resolves and validates both settings. The attempt count is checked before the mode, the order
 * in which botocore validates its retries dict.
 */
export function resolveRetry(env: Env, profile: Section): RetrySettings {
  const attempts = setting(env, 'AWS_MAX_ATTEMPTS', profile, 'max_attempts');
  const maxAttempts = attempts === undefined ? undefined : parseMaxAttempts(attempts.value);
  const modeSetting = setting(env, 'AWS_RETRY_MODE', profile, 'retry_mode');
  const mode = modeSetting === undefined ? 'standard' : parseRetryMode(modeSetting.value);
  return {
    mode,
    maxAttempts: maxAttempts ?? (mode === 'legacy' ? 5 : 3),
    sources: { mode: modeSetting?.source ?? 'default', maxAttempts: attempts?.source ?? `default for ${mode}` },
  };
}

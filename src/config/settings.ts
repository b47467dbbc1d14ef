/**
 * The single-value settings: profile, region, output, CA bundle, app id and timeouts. Each follows
 * botocore's provider chain, where an environment variable that is set — even to an empty
 * string — ends the chain. Of the command-line options, `--profile ''` is ignored (awscli tests
 * `if args.profile:`) but `--region ''` is not (see resolveRegion).
 */
import { resolve } from 'node:path';
import type { Env } from '../deps.js';
import { ConfigError } from '../errors.js';
import { OUTPUT_CHOICES, type GlobalArgs, type OutputKind } from '../cli/spec.js';
import { expandUser, stringSetting, type ConfigIo } from './files.js';
import type { Section } from './ini.js';

/** A resolved value and where it came from (for --debug). */
export interface Sourced<T> {
  value: T;
  source: string;
}

export interface SelectedProfile {
  /** undefined when no profile was asked for and there is no [default]. */
  name: string | undefined;
  /** `--profile`, `AWS_DEFAULT_PROFILE`, `AWS_PROFILE` or `default`. */
  source: string;
  /** Its settings (empty when name is undefined). */
  values: Section;
}

/** First environment variable of `names` that is set, even to ''. */
export function envSetting(env: Env, ...names: string[]): Sourced<string> | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined) return { value, source: name };
  }
  return undefined;
}

/** A profile setting, with the source written as `config region` for the log. */
function profileSetting(values: Section, key: string): Sourced<string> | undefined {
  const value = stringSetting(values, key);
  return value === undefined ? undefined : { value, source: `config ${key}` };
}

/**
 * `--profile` > `AWS_DEFAULT_PROFILE` > `AWS_PROFILE` > `default`. A profile asked for by name
 * (even `default`, even an empty AWS_PROFILE) must exist in one of the files.
 */
export function selectProfile(args: Pick<GlobalArgs, 'profile'>, env: Env, profiles: ReadonlyMap<string, Section>): SelectedProfile {
  const asked = args.profile ? { value: args.profile, source: '--profile' } : envSetting(env, 'AWS_DEFAULT_PROFILE', 'AWS_PROFILE');
  if (!asked) {
    const values = profiles.get('default');
    return values ? { name: 'default', source: 'default', values } : { name: undefined, source: 'none', values: new Map() };
  }
  const values = profiles.get(asked.value);
  if (!values) throw new ConfigError(`The config profile (${asked.value}) could not be found`);
  return { name: asked.value, source: asked.source, values };
}

/**
 * botocore's host-label rule for region names. Python's `$` also matches before a final newline,
 * hence the `\n?`.
 */
const REGION_RE = /^(?![0-9]+\n?$)(?!-)[a-zA-Z0-9-]{0,63}(?<!-)\n?$/;

/** Throws botocore's InvalidRegionError text when the name is not a host label. */
export function validateRegionName(region: string): void {
  if (!REGION_RE.test(region)) throw new ConfigError(`Provided region_name '${region}' doesn't match a supported format.`);
}

/**
 * `--region` > `AWS_REGION` > `AWS_DEFAULT_REGION` > profile `region`, validated. AWS_REGION is
 * read by AWS CLI v2 (and the SDKs); v1 ignores it. undefined when nothing sets a region: the caller
 * raises NoRegion later, because botocore reports a bad `services` section first.
 *
 * `--region ''` is a region too, unlike `--profile ''`: awscli passes `parsed_globals.region`
 * straight to create_client, so '' works with --endpoint-url and otherwise fails as
 * `Invalid endpoint: https://oidc..amazonaws.com` (both checked against aws 1.45).
 */
export function resolveRegion(args: Pick<GlobalArgs, 'region'>, env: Env, profile: Section): Sourced<string> | undefined {
  const found =
    args.region !== undefined
      ? { value: args.region, source: '--region' }
      : (envSetting(env, 'AWS_REGION', 'AWS_DEFAULT_REGION') ?? profileSetting(profile, 'region'));
  if (found) validateRegionName(found.value);
  return found;
}

/** The error for no region at all; awscli prints it without the usual leading blank line. */
export function noRegionError(): ConfigError {
  return new ConfigError('You must specify a region. You can also configure your region by running "aws configure".', {
    layout: 'plain',
    v2: { form: 'structured', code: 'NoRegion' },
  });
}

/**
 * botocore's `_normalize_fips_region`: `fips-us-east-1` / `us-east-1-fips` become `us-east-1`
 * with FIPS endpoints switched on (over any use_fips_endpoint setting).
 */
export function normalizeFipsRegion(region: string): { region: string; fips: boolean } {
  const normalized = region.replaceAll('fips-', '').replaceAll('-fips', '');
  return { region: normalized, fips: normalized !== region };
}

/**
 * `--output` > `AWS_DEFAULT_OUTPUT` > profile `output` > `json`. The AWS CLI finds a bad value
 * from env/config only when formatting, after the request was sent; we refuse it up front.
 */
export function resolveOutput(args: Pick<GlobalArgs, 'output'>, env: Env, profile: Section): Sourced<OutputKind> {
  const found = args.output
    ? { value: args.output, source: '--output' }
    : (envSetting(env, 'AWS_DEFAULT_OUTPUT') ?? profileSetting(profile, 'output') ?? { value: 'json', source: 'default' });
  const value = OUTPUT_CHOICES.find((c) => c === found.value);
  if (value === undefined) throw new ConfigError(`Unknown output type: ${found.value}`);
  return { value, source: found.source };
}

/** `AWS_SDK_UA_APP_ID` > profile `sdk_ua_app_id`; empty means none (the User-Agent skips it). */
export function resolveUserAgentAppId(env: Env, profile: Section): string | undefined {
  const found = envSetting(env, 'AWS_SDK_UA_APP_ID') ?? profileSetting(profile, 'sdk_ua_app_id');
  return found?.value ? found.value : undefined;
}

/** Seconds from the command line (validated >= 0) to ms; 60 s when not given, 0 = no limit. */
export function resolveTimeouts(args: Pick<GlobalArgs, 'cliConnectTimeout' | 'cliReadTimeout'>): { connectMs: number; readMs: number } {
  return { connectMs: (args.cliConnectTimeout ?? 60) * 1000, readMs: (args.cliReadTimeout ?? 60) * 1000 };
}

/**
 * `--ca-bundle` > `AWS_CA_BUNDLE` > profile `ca_bundle` > `REQUESTS_CA_BUNDLE` (botocore's
 * endpoint falls back to the requests variable). `~` is expanded and a relative path is taken from
 * cwd; the file is not read here. Deliberate difference: an empty value is skipped, where botocore
 * would pass '' as `verify` and so switch certificate checking off.
 */
export function resolveCaBundle(
  args: Pick<GlobalArgs, 'caBundle'>,
  io: Pick<ConfigIo, 'env' | 'homedir' | 'cwd'>,
  profile: Section,
): Sourced<string> | undefined {
  const candidates: Array<Sourced<string> | undefined> = [
    args.caBundle === undefined ? undefined : { value: args.caBundle, source: '--ca-bundle' },
    envSetting(io.env, 'AWS_CA_BUNDLE'),
    profileSetting(profile, 'ca_bundle'),
    envSetting(io.env, 'REQUESTS_CA_BUNDLE'),
  ];
  const found = candidates.find((c) => c !== undefined && c.value !== '');
  if (!found) return undefined;
  const expanded = expandUser(found.value, io.homedir);
  return { value: resolve(io.cwd, expanded), source: found.source };
}

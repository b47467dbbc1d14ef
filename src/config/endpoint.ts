/**
 * Which URL the requests go to. A configured endpoint (command line, environment, config file)
 * wins; otherwise the AWS endpoint for the region, as the SSO-OIDC endpoint rules give it for the
 * region's partition (aws, aws-cn, aws-us-gov, the ISO partitions, aws-eusc, ...), with the FIPS
 * and dual-stack variants.
 */
import { isIPv6 } from 'node:net';
import { partition } from '@aws-sdk/core/client';
import type { Env } from '../deps.js';
import { ConfigError } from '../errors.js';
import type { GlobalArgs } from '../cli/spec.js';
import type { EndpointSource } from './types.js';
import { stringSetting } from './files.js';
import type { Section } from './ini.js';
import { envSetting } from './settings.js';

export interface EndpointFlags {
  useFips: boolean;
  useDualstack: boolean;
}

export interface Endpoint {
  url: string;
  source: EndpointSource;
}

/** What the endpoint rules read from a partition (the SDK's `aws.partition` result). */
export interface PartitionInfo {
  name: string;
  dnsSuffix: string;
  dualStackDnsSuffix: string;
  supportsFIPS: boolean;
  supportsDualStack: boolean;
}

/** botocore.utils.ensure_boolean for a string: true only for a case-insensitive "true". */
export function ensureBoolean(value: string): boolean {
  return value.toLowerCase() === 'true';
}

/** env > profile, each through botocore's ensure_boolean (only "true", any case, is true). */
function boolSetting(env: Env, envName: string, profile: Section, key: string): boolean {
  const raw = envSetting(env, envName)?.value ?? stringSetting(profile, key);
  return raw === undefined ? false : ensureBoolean(raw);
}

/** `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` > profile `ignore_configured_endpoint_urls`. */
export function ignoreConfiguredEndpointUrls(env: Env, profile: Section): boolean {
  return boolSetting(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', profile, 'ignore_configured_endpoint_urls');
}

/**
 * The `[services NAME]` section's `sso_oidc = \n endpoint_url = ...`, NAME from the profile's
 * `services`. Naming a section that is missing or empty is botocore's InvalidConfigError.
 */
export function servicesEndpointUrl(profile: Section, services: ReadonlyMap<string, Section>): string | undefined {
  const name = stringSetting(profile, 'services');
  if (name === undefined) return undefined;
  const section = services.get(name);
  if (!section || section.size === 0) {
    throw new ConfigError(`The profile is configured to use the services section but the "${name}" services configuration does not exist.`);
  }
  const sub = section.get('sso_oidc');
  return typeof sub === 'string' ? undefined : sub?.get('endpoint_url');
}

/**
 * `--endpoint-url` > `AWS_ENDPOINT_URL_SSO_OIDC` > `AWS_ENDPOINT_URL` > services section >
 * profile `endpoint_url`; all but the first are skipped when configured endpoints are ignored.
 * Empty values are skipped (botocore tests them with `if endpoint_url:`).
 */
export function configuredEndpoint(
  args: Pick<GlobalArgs, 'endpointUrl'>,
  env: Env,
  profile: Section,
  services: ReadonlyMap<string, Section>,
): Endpoint | undefined {
  if (args.endpointUrl !== undefined) return { url: args.endpointUrl, source: 'cli' };
  if (ignoreConfiguredEndpointUrls(env, profile)) return undefined;
  const lookups: Array<[EndpointSource, () => string | undefined]> = [
    ['env-service', () => env['AWS_ENDPOINT_URL_SSO_OIDC']],
    ['env-global', () => env['AWS_ENDPOINT_URL']],
    ['config-service', () => servicesEndpointUrl(profile, services)],
    ['config-profile', () => stringSetting(profile, 'endpoint_url')],
  ];
  for (const [source, lookup] of lookups) {
    const url = lookup();
    if (url) return { url, source };
  }
  return undefined;
}

/** `use_fips_endpoint` / `use_dualstack_endpoint` (env first); a fips pseudo-region forces FIPS on. */
export function endpointFlags(env: Env, profile: Section, fipsRegion: boolean): EndpointFlags {
  return {
    useFips: fipsRegion || boolSetting(env, 'AWS_USE_FIPS_ENDPOINT', profile, 'use_fips_endpoint'),
    useDualstack: boolSetting(env, 'AWS_USE_DUALSTACK_ENDPOINT', profile, 'use_dualstack_endpoint'),
  };
}

/** urllib.parse.urlsplit(url).hostname: lower-cased, brackets and port removed; undefined when none. */
export function urlHostname(url: string): string | undefined {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(url);
  const rest = scheme ? url.slice(scheme[0].length) : url;
  if (!rest.startsWith('//')) return undefined;
  const netloc = rest.slice(2).split(/[/?#]/, 1)[0] ?? '';
  const hostport = netloc.slice(netloc.lastIndexOf('@') + 1);
  const close = hostport.indexOf(']');
  if (hostport.startsWith('[') && close < 0) return undefined; // urlsplit: "Invalid IPv6 URL"
  const host = hostport.startsWith('[') ? hostport.slice(1, close) : hostport.split(':', 1)[0];
  return host ? host.toLowerCase() : undefined;
}

const HOST_RE = /^((?!-)[a-z\d-]{1,63}(?<!-)\.)*((?!-)[a-z\d-]{1,63}(?<!-))$/i;

/** botocore's is_valid_endpoint_url / is_valid_ipv6_endpoint_url. The scheme itself is not checked. */
export function isValidEndpointUrl(url: string): boolean {
  if (/[\t\r\n]/.test(url)) return false;
  const host = urlHostname(url);
  if (host === undefined || host.length > 255) return false;
  // Every IPv6 address has a colon; net.isIPv6 compiles a large regex on its first call (~4 ms).
  if (host.includes(':') && isIPv6(host.replace(/%.*$/, ''))) return true;
  return HOST_RE.test(host.endsWith('.') ? host.slice(0, -1) : host);
}

/** Throws `Invalid endpoint: <url>` (botocore's ValueError text) for a URL with no usable host. */
export function validateEndpointUrl(url: string): void {
  if (!isValidEndpointUrl(url)) throw new ConfigError(`Invalid endpoint: ${url}`);
}

/**
 * The SSO-OIDC endpoint rules (the ruleset in @aws-sdk/client-sso-oidc and botocore's
 * `sso-oidc/.../endpoint-rule-set-1.json`) for a region already known to be set. GovCloud's FIPS
 * endpoint is the plain regional name: that is the ruleset's rule, not a mistake here.
 */
export function ssoOidcEndpointRule(region: string, flags: EndpointFlags, p: PartitionInfo): string {
  if (flags.useFips && flags.useDualstack) {
    if (p.supportsFIPS && p.supportsDualStack) return `https://oidc-fips.${region}.${p.dualStackDnsSuffix}`;
    throw new ConfigError('FIPS and DualStack are enabled, but this partition does not support one or both');
  }
  if (flags.useFips) {
    if (!p.supportsFIPS) throw new ConfigError('FIPS is enabled but this partition does not support FIPS');
    return p.name === 'aws-us-gov' ? `https://oidc.${region}.amazonaws.com` : `https://oidc-fips.${region}.${p.dnsSuffix}`;
  }
  if (flags.useDualstack) {
    if (!p.supportsDualStack) throw new ConfigError('DualStack is enabled but this partition does not support DualStack');
    return `https://oidc.${region}.${p.dualStackDnsSuffix}`;
  }
  return `https://oidc.${region}.${p.dnsSuffix}`;
}

/**
 * The SDK's partition data: `aws.partition` from @aws-sdk/core, which the SSO-OIDC client's own
 * endpoint resolver calls (the bundle holds one copy of it, shared with the client's chunk).
 * (Building an SSOOIDCClient just to ask its resolver would print Node-version warnings.)
 */
export function sdkPartition(region: string): PartitionInfo {
  return partition(region);
}

/** The AWS endpoint for a region, e.g. `https://oidc.cn-north-1.amazonaws.com.cn`. */
export function defaultEndpointUrl(
  region: string,
  flags: EndpointFlags,
  partitionOf: (region: string) => PartitionInfo = sdkPartition,
): string {
  return ssoOidcEndpointRule(region, flags, partitionOf(region));
}

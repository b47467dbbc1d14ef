/**
 * resolveConfig: every setting the request and the transport need, resolved once from the
 * command line, the environment and the shared files. Errors come out in the order the AWS CLI
 * reports them: unreadable file, unknown profile, bad region name, bad `services` section, no
 * region, bad retry settings, bad endpoint URL, then (checked by us before sending; the AWS CLI
 * only after) a bad output format.
 */
import type { DebugLog } from '../debug/log.js';
import type { GlobalArgs } from '../cli/spec.js';
import type { ResolvedConfig } from './types.js';
import {
  configuredEndpoint,
  defaultEndpointUrl,
  endpointFlags,
  validateEndpointUrl,
  type Endpoint,
  type PartitionInfo,
} from './endpoint.js';
import { loadSharedConfig, type ConfigIo, type SharedConfig } from './files.js';
import { maskProxyCredentials, proxiesFromEnv, proxyFor, type ProxySettings } from './proxy.js';
import { resolveRetry } from './retry.js';
import {
  noRegionError,
  normalizeFipsRegion,
  resolveCaBundle,
  resolveOutput,
  resolveRegion,
  resolveTimeouts,
  resolveUserAgentAppId,
  selectProfile,
  type SelectedProfile,
} from './settings.js';

export interface ResolveOptions {
  /** Partition lookup for the default endpoint; the SDK's data when not given (tests may stub it). */
  partitionOf?: (region: string) => PartitionInfo;
  /** The files and profile, when the caller has loaded them already (login reads its SSO settings first). */
  loaded?: LoadedProfile;
}

export interface LoadedProfile {
  shared: SharedConfig;
  profile: SelectedProfile;
}

/** Loads the files and picks the profile, nothing else: for commands that need only profile settings (login). */
export async function loadProfile(args: Pick<GlobalArgs, 'profile'>, io: ConfigIo, log: DebugLog): Promise<LoadedProfile> {
  const shared = await loadSharedConfig(io, log);
  const profile = selectProfile(args, io.env, shared.profiles);
  log.debug(
    'config',
    profile.name === undefined ? 'Profile: none (no [default] profile)' : `Profile: ${profile.name} (from ${profile.source})`,
  );
  return { shared, profile };
}

/** Resolves the whole configuration; throws ConfigError (exit 253) for anything the AWS CLI rejects. */
export async function resolveConfig(args: GlobalArgs, io: ConfigIo, log: DebugLog, options: ResolveOptions = {}): Promise<ResolvedConfig> {
  const { shared, profile } = options.loaded ?? (await loadProfile(args, io, log));
  const values = profile.values;
  const regionSetting = resolveRegion(args, io.env, values);
  const configured = configuredEndpoint(args, io.env, values, shared.services);
  if (!regionSetting) throw noRegionError();
  const { region, fips } = normalizeFipsRegion(regionSetting.value);
  log.debug('config', `Region: ${region} (from ${regionSetting.source}${fips ? `; FIPS pseudo-region ${regionSetting.value}` : ''})`);
  const retry = resolveRetry(io.env, values);
  log.debug(
    'config',
    `Retry mode: ${retry.mode} (from ${retry.sources.mode}), max attempts: ${retry.maxAttempts} (from ${retry.sources.maxAttempts})`,
  );
  const endpoint = configured ?? defaultEndpoint(region, endpointFlags(io.env, values, fips), log, options);
  validateEndpointUrl(endpoint.url);
  log.debug('config', `Endpoint: ${maskProxyCredentials(endpoint.url)} (source: ${endpoint.source})`);
  const output = resolveOutput(args, io.env, values);
  log.debug('config', `Output: ${output.value} (from ${output.source})`);
  const tls = resolveTls(args, io, values, log);
  const proxy = proxiesFromEnv(io.env);
  logProxy(endpoint.url, proxy, log);
  const userAgentAppId = resolveUserAgentAppId(io.env, values);
  if (userAgentAppId !== undefined) log.debug('config', `User agent app id: ${userAgentAppId}`);
  return {
    profile: profile.name,
    region,
    endpoint,
    retry: { mode: retry.mode, maxAttempts: retry.maxAttempts },
    tls,
    timeouts: resolveTimeouts(args),
    proxy,
    output: output.value,
    ...(userAgentAppId === undefined ? {} : { userAgentAppId }),
  };
}

function defaultEndpoint(region: string, flags: ReturnType<typeof endpointFlags>, log: DebugLog, options: ResolveOptions): Endpoint {
  log.debug(
    'config',
    `No configured endpoint; using the AWS endpoint for ${region} (fips: ${flags.useFips}, dualstack: ${flags.useDualstack})`,
  );
  return { url: defaultEndpointUrl(region, flags, options.partitionOf), source: 'default' };
}

/** `--no-verify-ssl` drops the CA bundle too: the AWS CLI ignores even a missing bundle file then. */
function resolveTls(args: GlobalArgs, io: ConfigIo, values: SelectedProfile['values'], log: DebugLog): ResolvedConfig['tls'] {
  if (!args.verifySsl) {
    log.debug('config', 'TLS: certificate verification disabled (--no-verify-ssl)');
    return { verify: false };
  }
  const bundle = resolveCaBundle(args, io, values);
  log.debug('config', bundle ? `TLS: CA bundle ${bundle.value} (from ${bundle.source})` : 'TLS: default CA certificates');
  return bundle ? { verify: true, caBundle: bundle.value } : { verify: true };
}

function logProxy(url: string, proxy: ProxySettings, log: DebugLog): void {
  if (!log.enabled) return;
  const chosen = proxyFor(url, proxy);
  const noProxy = proxy.noProxy === undefined ? '' : ` (NO_PROXY=${proxy.noProxy})`;
  log.debug('config', chosen ? `Proxy for ${url}: ${maskProxyCredentials(chosen)}${noProxy}` : `No proxy for ${url}${noProxy}`);
}

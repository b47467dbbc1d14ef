/** Configuration resolution: the one entry point is resolveConfig; the pieces are exported for tests and reuse. */
export { resolveConfig, loadProfile, type ResolveOptions } from './resolve.js';
export type { GlobalArgs, ResolvedConfig, EndpointSource, OutputFormat, RetryMode } from './types.js';
export { parseIni, parseIniBytes, type ConfigValue, type Section, type RawIni } from './ini.js';
export { loadSharedConfig, sharedFilePaths, expandUser, expandVars, stringSetting, type ConfigIo, type SharedConfig } from './files.js';
export {
  selectProfile,
  resolveRegion,
  validateRegionName,
  normalizeFipsRegion,
  noRegionError,
  resolveOutput,
  resolveUserAgentAppId,
  resolveTimeouts,
  resolveCaBundle,
  envSetting,
  type SelectedProfile,
  type Sourced,
} from './settings.js';
export { resolveRetry, parseMaxAttempts, parseRetryMode, type RetrySettings } from './retry.js';
export {
  configuredEndpoint,
  servicesEndpointUrl,
  ignoreConfiguredEndpointUrls,
  endpointFlags,
  defaultEndpointUrl,
  ssoOidcEndpointRule,
  sdkPartition,
  validateEndpointUrl,
  isValidEndpointUrl,
  urlHostname,
  type Endpoint,
  type EndpointFlags,
  type PartitionInfo,
} from './endpoint.js';
export { proxiesFromEnv, proxyFor, bypassProxy, normalizeProxyUrl, maskProxyCredentials, type ProxySettings } from './proxy.js';

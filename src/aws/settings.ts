/** What a call needs before it sends: URL, TLS trust, proxy, the user agent, and their --debug lines. */
import type { ResolvedConfig } from '../config/types.js';
import type { DebugLog } from '../debug/log.js';
import { TransportError } from '../errors.js';
import type { ConnectionSettings } from './socket.js';
import { failureMessage } from './failure.js';
import { proxyFor } from '../config/proxy.js';
import type { ProxyTarget } from './proxy.js';
import { maskProxyCredentials, parseProxy } from './proxy.js';
import type { ReadFile } from './tls.js';
import { loadCaBundle } from './tls.js';

/**
 * botocore's _urljoin: the endpoint's path prefixes the operation path, with one trailing slash
 * of the prefix dropped (`/prefix/` + `/token` → `/prefix/token`). The SDK would send
 * `/prefix//token`, so the capture middleware sets this path on the request.
 */
export function operationPath(endpoint: string, path: string): string {
  // WHATWG gives "/" for both "http://h" and "http://h/"; Python's "" and "/" join the same way.
  const prefix = new URL(endpoint).pathname;
  return prefix.endsWith('/') ? prefix.slice(0, -1) + path : prefix + path;
}

/** The URL botocore prints in transport errors: `http://h:1` + `/token` → `http://h:1/token` (endpoint query kept). */
export function operationUrl(endpoint: string, path: string): string {
  const u = new URL(endpoint);
  return `${u.protocol}//${u.host}${operationPath(endpoint, path)}${u.search}`;
}

/**
 * botocore's _urljoin on the text of the URL, for a URL WHATWG cannot parse (a port over
 * 65535, `:abc`): urlsplit, join the path as above, urlunsplit. urllib3 then refuses it as
 * "Failed to parse: <this>".
 */
export function joinUnparsedUrl(endpoint: string, path: string): string {
  const m = /^([^:/?#]+:)?(\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?(#.*)?$/.exec(endpoint) ?? [];
  const prefix = m[3] ?? '';
  const joined = prefix.endsWith('/') ? prefix.slice(0, -1) + path : prefix + path;
  const query = m[4] !== undefined && m[4] !== '?' ? m[4] : '';
  const fragment = m[5] !== undefined && m[5] !== '#' ? m[5] : '';
  return `${m[1] ?? ''}${m[2] ?? ''}${joined}${query}${fragment}`;
}

/** The AWS CLI's error for an endpoint URL its HTTP client cannot parse, or undefined when it parses. */
export function unparsableEndpoint(endpoint: string, path: string): TransportError | undefined {
  if (URL.canParse(endpoint)) return undefined;
  return new TransportError(failureMessage('client', { url: endpoint }, `Failed to parse: ${joinUnparsedUrl(endpoint, path)}`));
}

/** "sso-oidc/0.1.0 md/foo#1" → [["sso-oidc/0.1.0"], ["md/foo", "1"]], which the SDK escapes and joins back. */
export function userAgentPairs(userAgent: string): [string, string?][] {
  return userAgent
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const hash = token.indexOf('#');
      return hash < 0 ? [token] : [token.slice(0, hash), token.slice(hash + 1)];
    });
}

/** The connection settings of a call, without its per-call state. */
export interface PreparedTransport {
  settings: Omit<ConnectionSettings, 'state'>;
  /** For --debug: where the CA bundle came from, or undefined for the default trust store. */
  caBundle?: string;
}

export interface PrepareOptions {
  warn: (text: string) => void;
  read: ReadFile;
  signal?: AbortSignal;
}

/**
 * Reads the CA bundle (https endpoints only, as v1), warns once when verification is off for an
 * https endpoint, and picks the proxy. Throws TransportError for a bad bundle or proxy URL.
 */
export async function prepareTransport(config: ResolvedConfig, url: string, o: PrepareOptions): Promise<PreparedTransport> {
  const host = new URL(url).hostname;
  const https = url.startsWith('https:');
  let ca: string | undefined;
  if (https && config.tls.verify && config.tls.caBundle !== undefined) {
    ca = await loadCaBundle(config.tls.caBundle, url, o.read, o.signal);
  }
  if (https && !config.tls.verify) {
    o.warn(`Warning: TLS certificate verification is disabled (--no-verify-ssl): the connection to ${host} is not secure.`);
  }
  const proxy = pickProxy(url, config.proxy);
  return {
    settings: {
      connectMs: config.timeouts.connectMs,
      readMs: config.timeouts.readMs,
      tls: { verify: config.tls.verify, ...(ca === undefined ? {} : { ca }) },
      ...(proxy ? { proxy } : {}),
    },
    ...(ca === undefined ? {} : { caBundle: config.tls.caBundle }),
  };
}

function pickProxy(url: string, proxies: ResolvedConfig['proxy']): ProxyTarget | undefined {
  const proxyUrl = proxyFor(url, proxies);
  if (proxyUrl === undefined) return undefined;
  const proxy = parseProxy(proxyUrl);
  const ctx = { url, maskedProxy: maskProxyCredentials(proxyUrl) };
  if (!proxy) throw new TransportError(`${failureMessage('proxy', ctx)}: not a valid http:// proxy URL`);
  // urllib3 can also speak TLS to the proxy itself; we only tunnel through plain-HTTP proxies.
  if (proxy.secure) throw new TransportError(`${failureMessage('proxy', ctx)}: https:// proxy URLs are not supported, use http://`);
  return proxy;
}

/** The client settings, AWS-style, for --debug (proxy credentials masked). */
export function logSettings(log: DebugLog, config: ResolvedConfig, t: PreparedTransport): void {
  if (!log.enabled) return;
  const limit = (ms: number): string => (ms === 0 ? 'none' : `${ms / 1000} s`);
  const s = t.settings;
  const endpoint = maskProxyCredentials(config.endpoint.url); // an endpoint could carry user:password@ too
  log.debug('client', `Region: ${config.region}; endpoint: ${endpoint} (from ${config.endpoint.source})`);
  log.debug('client', `Retry mode: ${config.retry.mode}; max attempts: ${config.retry.maxAttempts}`);
  log.debug('client', `Timeouts: connect ${limit(s.connectMs)}, read ${limit(s.readMs)}`);
  const trust = t.caBundle === undefined ? "Node's bundled Mozilla CA certificates" : `CA bundle ${t.caBundle}`;
  log.debug('client', `TLS verification: ${s.tls.verify ? `on (${trust})` : 'off'}`);
  const noProxy = config.proxy.noProxy ? ` (NO_PROXY=${config.proxy.noProxy})` : '';
  log.debug('client', `Proxy: ${s.proxy ? s.proxy.masked : 'none'}${noProxy}`);
}

/**
 * Proxy settings from the environment, read as botocore reads them: Python's
 * `urllib.request.getproxies_environment` for the variables and `proxy_bypass_environment` for
 * NO_PROXY. botocore deliberately uses urllib's matching, not requests': NO_PROXY entries are
 * host-name suffixes and exact `host:port` strings only, so a CIDR such as `10.0.0.0/8` never
 * matches (botocore.utils.should_bypass_proxies says as much).
 */
import type { Env } from '../deps.js';

export interface ProxySettings {
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
}

/**
 * getproxies_environment, limited to the https, http and no entries botocore uses. Two passes:
 * any `*_proxy` name in any case with a non-empty value, then names whose `_proxy` suffix is
 * lower-case override (an empty one removes), so `https_proxy` beats `HTTPS_PROXY`. Under CGI
 * (REQUEST_METHOD set) the first pass drops `http`, as Python does against httpoxy.
 */
export function proxiesFromEnv(env: Env): ProxySettings {
  const found = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    const lower = name.toLowerCase();
    if (value && lower.endsWith('_proxy')) found.set(lower.slice(0, -6), value);
  }
  if (env['REQUEST_METHOD'] !== undefined) found.delete('http');
  for (const [name, value] of Object.entries(env)) {
    if (!name.endsWith('_proxy')) continue;
    const scheme = name.toLowerCase().slice(0, -6);
    if (value) found.set(scheme, value);
    else found.delete(scheme);
  }
  const out: ProxySettings = {};
  const https = found.get('https');
  const http = found.get('http');
  const no = found.get('no');
  if (https !== undefined) out.httpsProxy = https;
  if (http !== undefined) out.httpProxy = http;
  if (no !== undefined) out.noProxy = no;
  return out;
}

/** The `netloc` of a URL (userinfo@host:port), lower-cased, as urlparse gives it. */
function netlocOf(url: string): string {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url);
  return (m?.[1] ?? '').toLowerCase();
}

/** urllib's `_splitport`: `host:123` → host, `123`; the port part may be empty. */
function splitPort(host: string): string {
  const m = /^([\s\S]*):([0-9]*)$/.exec(host);
  return m ? (m[1] ?? '') : host;
}

/**
 * proxy_bypass_environment(host): true when NO_PROXY is exactly `*`, or an entry (leading dots
 * ignored, case-insensitive) equals the host or host:port, or is a dot-suffix of either.
 */
export function bypassProxy(netloc: string, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  if (noProxy === '*') return true;
  const host = netloc.toLowerCase();
  const hostOnly = splitPort(host);
  for (const raw of noProxy.split(',')) {
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const name = trimmed.replace(/^\.+/, '').toLowerCase();
    if (hostOnly === name || host === name) return true;
    if (hostOnly.endsWith(`.${name}`) || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** botocore's `_fix_proxy_url`: a proxy without a scheme is taken as http. */
export function normalizeProxyUrl(proxy: string): string {
  if (proxy.startsWith('http:') || proxy.startsWith('https:')) return proxy;
  return proxy.startsWith('//') ? `http:${proxy}` : `http://${proxy}`;
}

/**
 * The proxy to use for a request URL, or undefined for a direct connection: NO_PROXY is tested
 * on the URL's host[:port], then the proxy for its scheme (https → HTTPS_PROXY, http →
 * HTTP_PROXY) is returned with botocore's scheme fix-up.
 */
export function proxyFor(url: string, proxy: ProxySettings): string | undefined {
  if (bypassProxy(netlocOf(url), proxy.noProxy)) return undefined;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  const chosen = scheme === 'https' ? proxy.httpsProxy : scheme === 'http' ? proxy.httpProxy : undefined;
  return chosen ? normalizeProxyUrl(chosen) : undefined;
}

/**
 * botocore's mask_proxy_url: user and password each become `***` (`http://***:***@host:3128`), as
 * its "Failed to connect to proxy URL" message shows them. The userinfo runs to the LAST `@`
 * before the path: a password may hold an unencoded `@`. Also used for endpoint URLs in logs.
 */
export function maskProxyCredentials(url: string): string {
  return url.replace(/^((?:[a-z][a-z0-9+.-]*:)?\/\/)?([^/?#]*)@/i, (_all, scheme: string | undefined, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    if (colon < 0) return `${scheme ?? ''}${userinfo ? '***' : ''}@`;
    const user = userinfo.slice(0, colon) ? '***' : '';
    const pass = userinfo.slice(colon + 1) ? '***' : '';
    return `${scheme ?? ''}${user}:${pass}@`;
  });
}

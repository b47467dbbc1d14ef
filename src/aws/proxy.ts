import { maskProxyCredentials } from '../config/proxy.js';

export { maskProxyCredentials };

/**
 * What we need to talk to a proxy. Which proxy a request uses (and NO_PROXY) is decided by
 * src/config/proxy.ts proxyFor, the one copy of urllib's rules; this module only uses it.
 */

/** A proxy ready to use. `masked` is safe to print and log; `authorization` is not. */
export interface ProxyTarget {
  /** The proxy URL with a scheme (botocore's _fix_proxy_url), credentials included. */
  url: string;
  /** The same URL with user and password shown as `***` (botocore's mask_proxy_url). */
  masked: string;
  host: string;
  port: number;
  /** https:// proxy: TLS to the proxy itself. */
  secure: boolean;
  /** `Basic …` when the URL has both a user and a password (percent-decoded), else undefined. */
  authorization?: string;
}

/** Parses a (fixed) proxy URL; undefined when it is not a usable http(s) URL. */
export function parseProxy(url: string): ProxyTarget | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) return undefined;
  const secure = u.protocol === 'https:';
  const host = u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname;
  const target: ProxyTarget = { url, masked: maskProxyCredentials(url), host, port: u.port ? Number(u.port) : secure ? 443 : 80, secure };
  const user = safeDecode(u.username);
  const pass = safeDecode(u.password);
  // botocore sends credentials only when both parts are non-empty.
  if (user && pass) target.authorization = 'Basic ' + Buffer.from(`${user}:${pass}`, 'utf8').toString('base64');
  return target;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

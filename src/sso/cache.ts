/**
 * The SSO token cache the AWS CLI v2 and the SDKs read: ~/.aws/sso/cache/<sha1(key)>.json.
 * Token key: the sso-session name, else the start URL exactly as configured. Registration key:
 * sha1 of Python's json.dumps(..., sort_keys=True) of the registration's identity, so the AWS CLI
 * v2 and we share registrations. Files are written 0600 and atomically (see the reference
 * /work/shared/reference/sso-login-and-token-cache.md: other SDKs moved to that in 2026).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FileSystem } from '../deps.js';
import { dumpPyJson } from '../value/pyjson.js';
import type { Value } from '../value/types.js';

export function cacheDir(homedir: string): string {
  return join(homedir, '.aws', 'sso', 'cache');
}

const sha1 = (text: string): string => createHash('sha1').update(text, 'utf-8').digest('hex');

export function tokenCacheKey(startUrl: string, sessionName: string | undefined): string {
  return sha1(sessionName ?? startUrl);
}

export interface RegistrationIdentity {
  startUrl: string;
  region: string;
  scopes: string[] | undefined;
  sessionName: string | undefined;
}

/** botocore's _registration_cache_key: json.dumps(args, sort_keys=True) with Python's separators. */
export function registrationCacheKey(id: RegistrationIdentity): string {
  const args = new Map<string, Value>([
    ['region', id.region],
    ['scopes', id.scopes ?? null],
    ['session_name', id.sessionName ?? null],
    ['startUrl', id.startUrl],
    ['tool', 'botocore'],
  ]);
  return sha1(dumpPyJson(args, { ensureAscii: true }));
}

/** `%Y-%m-%dT%H:%M:%SZ`, as the AWS CLI v2 writes cache times. */
export function cacheTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface Registration {
  clientId: string;
  clientSecret: string;
  expiresAt: string;
  scopes?: string[];
}

export interface Token {
  startUrl: string;
  region: string;
  accessToken: string;
  expiresAt: string;
  clientId: string;
  clientSecret: string;
  registrationExpiresAt: string;
  refreshToken?: string;
}

function readJson(fs: FileSystem, path: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(fs.readFile(path).toString('utf-8')) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A cached device-flow registration with more than 15 minutes left, as the AWS CLI v2 reuses them. */
export function readRegistration(fs: FileSystem, dir: string, key: string, now: Date): Registration | undefined {
  const r = readJson(fs, join(dir, `${key}.json`));
  if (!r || typeof r['clientId'] !== 'string' || typeof r['clientSecret'] !== 'string' || typeof r['expiresAt'] !== 'string') return undefined;
  if (r['grantTypes'] !== undefined) return undefined; // an authorization-code (PKCE) registration
  const expires = Date.parse(r['expiresAt']);
  if (!(expires - now.getTime() > 15 * 60 * 1000)) return undefined;
  return r as unknown as Registration;
}

/** One line, Python's default separators: what `aws sso login` writes. */
function serialize(record: object): string {
  return dumpPyJson(new Map(Object.entries(record).filter(([, v]) => v !== undefined)) as Map<string, Value>);
}

export function writeRegistration(fs: FileSystem, dir: string, key: string, r: Registration): string {
  const path = join(dir, `${key}.json`);
  fs.writeFileAtomic(path, serialize(r), 0o600);
  return path;
}

export function writeToken(fs: FileSystem, dir: string, key: string, token: Token): string {
  const path = join(dir, `${key}.json`);
  fs.writeFileAtomic(path, serialize(token), 0o600);
  return path;
}


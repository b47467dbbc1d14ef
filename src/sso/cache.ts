/**
 * The SSO token cache the AWS CLI v2 and the SDKs read: ~/.aws/sso/cache/<sha1(key)>.json.
 * Token key: the sso-session name, else the start URL exactly as configured. Registration key:
 * sha1 of Python's json.dumps(..., sort_keys=True) of the registration's identity, so the AWS CLI
 * v2 and we share registrations. Files are written 0600 and atomically (see the reference
 * /work/shared/reference/sso-login-and-token-cache.md: other SDKs moved to that in 2026).
 */
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { FileSystem } from '../deps.js';
import { CliError, EXIT } from '../errors.js';
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

/**
 * The latest time we write: 9999-12-31T23:59:59Z. A server may answer an expiresIn or
 * clientSecretExpiresAt of 10^20; JavaScript dates end in year 275760, but Python's datetime
 * (botocore, the AWS CLI) ends in 9999, so every reader of the cache can parse this one.
 */
export const LATEST_CACHE_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/** The time `seconds` after `from` (negative, NaN or huge values clamped to [from, LATEST]). */
export function secondsAfter(from: Date, seconds: number): Date {
  const ms = from.getTime() + (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0);
  return new Date(Math.min(Number.isFinite(ms) ? ms : LATEST_CACHE_TIME_MS, LATEST_CACHE_TIME_MS));
}

/** An epoch-seconds value (clientSecretExpiresAt) as a date, clamped like secondsAfter. */
export function epochSeconds(seconds: number): Date {
  return secondsAfter(new Date(0), seconds);
}

/** `%Y-%m-%dT%H:%M:%SZ`, as the AWS CLI v2 writes cache times. */
export function cacheTime(d: Date): string {
  const t = Number.isNaN(d.getTime()) ? LATEST_CACHE_TIME_MS : Math.min(d.getTime(), LATEST_CACHE_TIME_MS);
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A cache time as the readers accept it: RFC 3339 (with or without fraction), and the `UTC`
 * suffix the AWS CLI wrote before 2.1.14. NaN when it is not a time.
 */
export function parseCacheTime(text: unknown): number {
  if (typeof text !== 'string') return Number.NaN;
  const t = text.trim().replace(/ ?UTC$/, 'Z');
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/.test(t) ? Date.parse(t) : Number.NaN;
}

export interface Registration {
  clientId: string;
  clientSecret: string;
  expiresAt: string;
  scopes?: string[];
  /** Only on authorization-code (PKCE) registrations: ["authorization_code", "refresh_token"]. */
  grantTypes?: string[];
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

/** Reused while more than 15 minutes are left, as the AWS CLI v2 and botocore do. */
export const EXPIRY_WINDOW_MS = 15 * 60 * 1000;

export type RegistrationKind = 'device' | 'authorization-code';

/**
 * A cached registration of the given kind with more than 15 minutes left, as the AWS CLI v2
 * reuses them: one with `grantTypes` holding authorization_code is for PKCE, any other for the
 * device flow (the CLI did not cache grantTypes before).
 */
export function readRegistration(
  fs: FileSystem,
  dir: string,
  key: string,
  now: Date,
  kind: RegistrationKind = 'device',
): Registration | undefined {
  const r = readJson(fs, join(dir, `${key}.json`));
  if (!r || typeof r['clientId'] !== 'string' || typeof r['clientSecret'] !== 'string' || typeof r['expiresAt'] !== 'string')
    return undefined;
  const grants = r['grantTypes'];
  const forCode = Array.isArray(grants) && grants.includes('authorization_code');
  if (forCode !== (kind === 'authorization-code')) return undefined;
  if (!(parseCacheTime(r['expiresAt']) - now.getTime() > EXPIRY_WINDOW_MS)) return undefined;
  return r as unknown as Registration;
}

/** A cached token as login needs it; undefined when there is none or it lacks accessToken/expiresAt. */
export interface CachedToken {
  path: string;
  /** Every member as read, so a refresh keeps what it does not change (as the SDKs do). */
  record: Record<string, unknown>;
  expiresAtMs: number;
  refreshToken: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  registrationExpiresAtMs: number;
}

export function readToken(fs: FileSystem, dir: string, key: string): CachedToken | undefined {
  const path = join(dir, `${key}.json`);
  const r = readJson(fs, path);
  if (!r || typeof r['accessToken'] !== 'string' || r['accessToken'] === '') return undefined;
  const expiresAtMs = parseCacheTime(r['expiresAt']);
  if (Number.isNaN(expiresAtMs)) return undefined;
  const str = (k: string): string | undefined => (typeof r[k] === 'string' && r[k] !== '' ? r[k] : undefined);
  return {
    path,
    record: r,
    expiresAtMs,
    refreshToken: str('refreshToken'),
    clientId: str('clientId'),
    clientSecret: str('clientSecret'),
    registrationExpiresAtMs: parseCacheTime(r['registrationExpiresAt']),
  };
}

/** One line, Python's default separators: what `aws sso login` writes. */
function serialize(record: object): string {
  return dumpPyJson(new Map(Object.entries(record).filter(([, v]) => v !== undefined)) as Map<string, Value>);
}

/** Node's error codes in words, for cache failures (the code itself is no message). */
const IN_WORDS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EEXIST: 'a file (not a directory) is in the way',
  ENOTDIR: 'a file (not a directory) is in the way',
  EISDIR: 'a directory is in the way',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
};

function errorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A cache failure as a sentence with the path; exit 255 (not configuration, not the service). */
export function cacheError(what: string, path: string, e: unknown): CliError {
  const code = errorCode(e);
  const why = (code && IN_WORDS[code]) ?? (code ? `error ${code}` : ((e as Error)?.message ?? String(e)));
  return new CliError(`${what} ${path}: ${why}.`, EXIT.other, { cause: e });
}

/**
 * The cache directory, made sure of: created 0700 (with any missing parents) when absent; an
 * existing one that group or others may write gets one warning per run, since whoever can write
 * it can plant a token or registration for the next login.
 */
export function prepareCacheDir(fs: FileSystem, dir: string, warn: (text: string) => void): void {
  let r: { created: boolean; mode: number };
  try {
    r = fs.ensureDir(dir, 0o700);
  } catch (e) {
    throw cacheError('Cannot create the SSO token cache directory', dir, e);
  }
  if (!r.created && (r.mode & 0o022) !== 0) {
    warn(
      `Warning: the SSO token cache directory ${dir} is writable by group or others (mode ${r.mode.toString(8).padStart(4, '0')}); run: chmod 700 ${dir}`,
    );
  }
}

function writeCacheFile(fs: FileSystem, path: string, record: object): string {
  try {
    fs.writeFileAtomic(path, serialize(record), 0o600);
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOTDIR' || code === 'EEXIST') throw cacheError('Cannot create the SSO token cache directory', dirname(path), e);
    throw cacheError('Cannot write the SSO token cache file', path, e);
  }
  return path;
}

export function writeRegistration(fs: FileSystem, dir: string, key: string, r: Registration): string {
  return writeCacheFile(fs, join(dir, `${key}.json`), r);
}

export function writeToken(fs: FileSystem, dir: string, key: string, token: Token | Record<string, unknown>): string {
  return writeCacheFile(fs, join(dir, `${key}.json`), token);
}

/** A cached token file found by logout. */
export interface TokenFile {
  path: string;
  name: string;
  startUrl: string | undefined;
}

/** Every file of the cache directory that holds a token (an `accessToken`): what `aws sso logout` removes. */
export function listTokenFiles(fs: FileSystem, dir: string): TokenFile[] {
  const out: TokenFile[] = [];
  for (const name of fs.listDir(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const path = join(dir, name);
    const r = readJson(fs, path);
    if (r === undefined || !('accessToken' in r)) continue;
    out.push({ path, name, startUrl: typeof r['startUrl'] === 'string' ? r['startUrl'] : undefined });
  }
  return out;
}

export function removeCacheFile(fs: FileSystem, path: string): void {
  try {
    fs.remove(path);
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') throw cacheError('Cannot remove the SSO token cache file', path, e);
  }
}

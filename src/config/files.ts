/**
 * Locating and loading the shared config and credentials files, and turning their sections into
 * profiles, sso-sessions and services the way botocore's `load_config` / `build_profile_map` and
 * `Session.full_config` do.
 */
import { resolve } from 'node:path';
import type { Env, FileSystem } from '../deps.js';
import type { DebugLog } from '../debug/log.js';
import { ConfigError, InterruptedError } from '../errors.js';
import { parseIniBytes, type ConfigValue, type RawIni, type Section } from './ini.js';
import { PyException } from '../value/exception.js';
import { shlexSplit } from '../value/shlex.js';
import { expandUser, expandVars } from './paths.js';

export { expandUser, expandVars };

/** What resolveConfig needs from the outside world (Deps fits; only reading is needed). */
export interface ConfigIo {
  env: Env;
  fs: Pick<FileSystem, 'read'>;
  homedir: string;
  cwd: string;
  /** Ctrl-C: stops a read that waits (a FIFO nobody writes). */
  signal?: AbortSignal;
}

/** The most the config or credentials file may hold: 16 MiB, thousands of profiles. */
export const MAX_CONFIG_FILE_BYTES = 16 * 1024 * 1024;

export interface SharedConfig {
  /** The config file path after `$VAR` and `~` expansion, as botocore names it in messages. */
  configPath: string;
  credentialsPath: string;
  /** Profiles from both files; a credentials-file profile's values override the config file's. */
  profiles: ReadonlyMap<string, Section>;
  /** `[sso-session NAME]` sections of the config file. */
  ssoSessions: ReadonlyMap<string, Section>;
  /** `[services NAME]` sections of the config file. */
  services: ReadonlyMap<string, Section>;
}

/** `AWS_CONFIG_FILE` else `~/.aws/config`; `AWS_SHARED_CREDENTIALS_FILE` else `~/.aws/credentials`. */
export function sharedFilePaths(env: Env, homedir: string): { configPath: string; credentialsPath: string } {
  const expand = (p: string): string => expandUser(expandVars(p, env), homedir);
  return {
    configPath: expand(env['AWS_CONFIG_FILE'] ?? '~/.aws/config'),
    credentialsPath: expand(env['AWS_SHARED_CREDENTIALS_FILE'] ?? '~/.aws/credentials'),
  };
}

/**
 * Reads one file; a file that cannot be read counts as empty (botocore: a missing file is
 * ConfigNotFound and skipped, an unreadable one is skipped by configparser). Returns undefined then.
 */
export async function readIniFile(path: string, io: ConfigIo, log: DebugLog): Promise<RawIni | undefined> {
  if (path === '') return undefined;
  let bytes: Buffer;
  try {
    bytes = await io.fs.read(resolve(io.cwd, path), { maxBytes: MAX_CONFIG_FILE_BYTES, ...(io.signal ? { signal: io.signal } : {}) });
  } catch (e) {
    if (io.signal?.aborted) throw new InterruptedError();
    const code = (e as { code?: unknown }).code;
    if (code === 'EFBIG')
      throw new ConfigError(`Unable to parse config file: ${path}: the file is larger than 16 MiB (${MAX_CONFIG_FILE_BYTES} bytes)`);
    log.debug('config', `Not reading ${path}: ${typeof code === 'string' ? code : String(e)}`);
    return undefined;
  }
  const ini = parseIniBytes(bytes, path);
  log.debug('config', `Read ${path}: ${ini.size} section(s)`);
  return ini;
}

/** `[profile "my name"]` → `my name`; only a two-word header names anything (botocore `_parse_section`). */
function sectionName(header: string): string | undefined {
  try {
    const parts = shlexSplit(header);
    return parts.length === 2 ? parts[1] : undefined;
  } catch (e) {
    if (e instanceof PyException) return undefined; // botocore skips a section shlex cannot split
    throw e;
  }
}

/** build_profile_map: note the prefix tests are startswith, so `[profilex a]` names profile `a`. */
function buildProfileMap(ini: RawIni | undefined): {
  profiles: Map<string, Section>;
  ssoSessions: Map<string, Section>;
  services: Map<string, Section>;
} {
  const out = { profiles: new Map<string, Section>(), ssoSessions: new Map<string, Section>(), services: new Map<string, Section>() };
  for (const [header, values] of ini ?? []) {
    const target = header.startsWith('profile')
      ? out.profiles
      : header.startsWith('sso-session')
        ? out.ssoSessions
        : header.startsWith('services')
          ? out.services
          : undefined;
    const name = target ? sectionName(header) : header === 'default' ? 'default' : undefined;
    // A later [default] / [profile default] replaces an earlier one wholesale, as dict assignment does.
    if (name !== undefined) (target ?? out.profiles).set(name, values);
  }
  return out;
}

/** Loads both files and merges credentials-file sections into the profiles (Session.full_config). */
export async function loadSharedConfig(io: ConfigIo, log: DebugLog): Promise<SharedConfig> {
  const { configPath, credentialsPath } = sharedFilePaths(io.env, io.homedir);
  const maps = buildProfileMap(await readIniFile(configPath, io, log));
  const creds = await readIniFile(credentialsPath, io, log);
  for (const [name, values] of creds ?? []) {
    const merged = new Map<string, ConfigValue>(maps.profiles.get(name) ?? []);
    for (const [k, v] of values) merged.set(k, v);
    maps.profiles.set(name, merged);
  }
  return { configPath, credentialsPath, ...maps };
}

/** A setting as a string; a nested sub-section where a plain value is expected counts as unset. */
export function stringSetting(section: Section | undefined, key: string): string | undefined {
  const v = section?.get(key);
  return typeof v === 'string' ? v : undefined;
}

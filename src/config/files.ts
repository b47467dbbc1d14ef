/**
 * Locating and loading the shared config and credentials files, and turning their sections into
 * profiles, sso-sessions and services the way botocore's `load_config` / `build_profile_map` and
 * `Session.full_config` do.
 */
import { resolve } from 'node:path';
import type { Env, FileSystem } from '../deps.js';
import type { DebugLog } from '../debug/log.js';
import { parseIniBytes, type ConfigValue, type RawIni, type Section } from './ini.js';
import { shlexSplit } from './py.js';

/** What resolveConfig needs from the outside world (Deps fits; only reading is needed). */
export interface ConfigIo {
  env: Env;
  fs: Pick<FileSystem, 'readFile'>;
  homedir: string;
  cwd: string;
}

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

/** os.path.expanduser for `~` and `~/...` only (`~user` is left alone: there is no passwd lookup here). */
export function expandUser(path: string, homedir: string): string {
  if (path !== '~' && !path.startsWith('~/')) return path;
  return homedir.replace(/\/+$/, '') + path.slice(1) || '/';
}

/** os.path.expandvars: `$NAME` and `${NAME}` are replaced when set, left as written when not. */
export function expandVars(path: string, env: Env): string {
  return path.replace(/\$(\w+|\{[^}]*\})/g, (whole: string, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    return env[key] ?? whole;
  });
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
export function readIniFile(path: string, io: ConfigIo, log: DebugLog): RawIni | undefined {
  if (path === '') return undefined;
  let bytes: Buffer;
  try {
    bytes = io.fs.readFile(resolve(io.cwd, path));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
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
  } catch {
    return undefined;
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
export function loadSharedConfig(io: ConfigIo, log: DebugLog): SharedConfig {
  const { configPath, credentialsPath } = sharedFilePaths(io.env, io.homedir);
  const maps = buildProfileMap(readIniFile(configPath, io, log));
  const creds = readIniFile(credentialsPath, io, log);
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

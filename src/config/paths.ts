/**
 * Python's os.path.expanduser/expandvars, as the AWS CLI applies them to file paths. A module of
 * their own: `file://` parameters need them, and must not load the config loader for that.
 */
import type { Env } from '../deps.js';

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

/**
 * `sso-oidc logout`, as `aws sso logout`: removes cached tokens (files of ~/.aws/sso/cache that
 * hold an accessToken) and keeps the client registrations. --sso-session NAME removes the file
 * keyed by that name; --start-url URL the file keyed by the URL and any token whose startUrl is
 * it; neither removes every token. One line per removed token on stdout.
 */
import type { LogoutInvocation } from '../cli/program.js';
import { COMMANDS } from '../cli/spec.js';
import { terminalSafe } from '../debug/terminal-safe.js';
import { cacheDir, listTokenFiles, removeCacheFile, tokenCacheKey } from '../sso/cache.js';
import type { RunDeps } from './command.js';
import { checkUnknown } from './common.js';

export const spec = COMMANDS.logout;

// async by the command-module contract: whatever it throws reaches the caller as a rejection.
// eslint-disable-next-line @typescript-eslint/require-await
export async function run(inv: LogoutInvocation, deps: RunDeps): Promise<void> {
  checkUnknown(inv.unknown, spec);
  const { log } = deps;
  const dir = cacheDir(deps.homedir);
  const { ssoSession, startUrl } = inv.options;
  const byName = (key: string): string => `${tokenCacheKey(key, undefined)}.json`;
  const files = listTokenFiles(deps.fs, dir).filter((f) => {
    if (ssoSession !== undefined && f.name === byName(ssoSession)) return true;
    if (startUrl !== undefined && (f.name === byName(startUrl) || f.startUrl === startUrl)) return true;
    return ssoSession === undefined && startUrl === undefined;
  });
  if (files.length === 0) {
    deps.stdout.write('No cached SSO tokens to remove.\n');
    return;
  }
  for (const f of files) {
    removeCacheFile(deps.fs, f.path);
    log.debug('logout', `Removed ${f.path}`);
    const what = f.startUrl === undefined ? '' : ` for Start URL: ${terminalSafe(f.startUrl, { multiline: false })}`;
    deps.stdout.write(`Removed the cached token${what} (${f.path})\n`);
  }
}

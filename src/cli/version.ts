/** `sso-oidc --version`, in the AWS CLI's style: `aws-cli/1.45.11 Python/3.11.7 Linux/6.x botocore/1.43.11`. */
import { existsSync, readFileSync } from 'node:fs';
import { release, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deps } from '../deps.js';
import { fdStream } from './stdio.js';

export function versionLine(platform: Deps['platform']): string {
  return `sso-oidc/${platform.version} Node.js/${platform.node.replace(/^v/, '')} ${platform.system}/${platform.release}`;
}

/** The User-Agent product token. */
export function userAgent(platform: Deps['platform']): string {
  return `sso-oidc/${platform.version}`;
}

/** This machine, as the version line and the User-Agent name it (systemDeps' platform). */
export function systemPlatform(): Deps['platform'] {
  return { version: packageVersion(), system: type(), release: release(), node: process.version };
}

/** Set by scripts/build.mjs to package.json's version; absent when the sources run under tsx. */
declare const __SSO_OIDC_VERSION__: string | undefined;

/** Our version: the bundle's, else from the package.json above this file (src/cli/ under tsx). */
function packageVersion(): string {
  if (typeof __SSO_OIDC_VERSION__ === 'string') return __SSO_OIDC_VERSION__;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf-8')) as { version: string }).version;
}

/**
 * `sso-oidc --version` and nothing else, answered by start.ts before the CLI loads (the compile
 * cache, entry.cjs, main(): ~5 ms of a 30 ms run), with what main() prints for the same words
 * (quick-parse.ts: { kind: 'version' }, then commands/version.ts), through the same stdout
 * (stdio.ts: a reader gone ends the run with 0, a full non-blocking pipe or a terminal gets Node's
 * stream). Returns false for other words, and when the write failed (a closed descriptor, a full
 * disk: nothing went out), which main() then meets and reports as it always does.
 */
export function answerVersion(argv: readonly string[]): boolean {
  if (argv.length !== 1 || argv[0] !== '--version') return false;
  try {
    fdStream(1).write(versionLine(systemPlatform()) + '\n');
  } catch {
    return false;
  }
  return true;
}

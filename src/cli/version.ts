/** `sso-oidc --version`, in the AWS CLI's style: `aws-cli/1.45.11 Python/3.11.7 Linux/6.x botocore/1.43.11`. */
import { existsSync, readFileSync, writeSync } from 'node:fs';
import { release, type } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Deps } from '../deps.js';

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
 * (quick-parse.ts: { kind: 'version' }, then commands/version.ts). Returns false when it did not
 * answer: other words, or a write that failed before any byte went out (a closed descriptor, a
 * full non-blocking pipe), which main() then meets and handles as it always does. A reader that
 * went away (EPIPE) ends the run with 0, as stdio.ts does.
 */
export function answerVersion(argv: readonly string[]): boolean {
  if (argv.length !== 1 || argv[0] !== '--version') return false;
  const line = Buffer.from(versionLine(systemPlatform()) + '\n', 'utf-8');
  let written = 0;
  try {
    while (written < line.length) written += writeSync(1, line, written);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return true;
    return written > 0;
  }
  return true;
}

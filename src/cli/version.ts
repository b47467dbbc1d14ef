/** `sso-oidc --version`, in the AWS CLI's style: `aws-cli/1.45.11 Python/3.11.7 Linux/6.x botocore/1.43.11`. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** Our package version, read once from package.json beside dist/. */
export function packageVersion(): string {
  if (cached === undefined) {
    // dist/src/cli/ when built, src/cli/ under tsx: walk up to our package.json.
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf-8')) as { version: string };
    cached = pkg.version;
  }
  return cached;
}

export function versionLine(platform: { system: string; release: string; node: string }): string {
  return `sso-oidc/${packageVersion()} Node.js/${platform.node.replace(/^v/, '')} ${platform.system}/${platform.release}`;
}

/** The User-Agent product token. */
export function userAgent(): string {
  return `sso-oidc/${packageVersion()}`;
}

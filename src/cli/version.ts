/** `sso-oidc --version`, in the AWS CLI's style: `aws-cli/1.45.11 Python/3.11.7 Linux/6.x botocore/1.43.11`. */
import type { Deps } from '../deps.js';

export function versionLine(platform: Deps['platform']): string {
  return `sso-oidc/${platform.version} Node.js/${platform.node.replace(/^v/, '')} ${platform.system}/${platform.release}`;
}

/** The User-Agent product token. */
export function userAgent(platform: Deps['platform']): string {
  return `sso-oidc/${platform.version}`;
}

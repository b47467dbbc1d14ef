/** `sso-oidc --version`: one line, in the AWS CLI's style. */
import type { VersionInvocation } from '../cli/program.js';
import { VERSION_OPTION } from '../cli/spec.js';
import { versionLine } from '../cli/version.js';
import type { Deps } from '../deps.js';

export const spec = VERSION_OPTION;

export function run(_inv: VersionInvocation, deps: Deps): Promise<void> {
  deps.stdout.write(versionLine(deps.platform) + '\n');
  return Promise.resolve();
}

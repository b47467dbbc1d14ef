/**
 * What bin/sso-oidc.js runs: wires the process to main(). SIGINT aborts the run (exit 130); a
 * closed stdout (`| head -c1`) ends the process quietly with 0, as the AWS CLI does. A closed
 * stderr only silences further messages: the run keeps its own exit code, so
 * `set -o pipefail; sso-oidc ... 2>&1 | head -c1` still sees a failure (both in stdio.ts, which
 * writes to the descriptors without creating process.stdout and process.stderr).
 */
import { main } from './main.js';
import { systemDeps } from './system.js';

export async function entry(): Promise<number> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  return main(process.argv.slice(2), systemDeps(controller.signal));
}

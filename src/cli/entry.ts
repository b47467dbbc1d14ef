/**
 * What bin/sso-oidc.js runs: wires the process to main(). SIGINT aborts the run (exit 130); a
 * closed stdout (`| head -c1`) ends the process quietly with 0, as the AWS CLI does. A closed
 * stderr only silences further messages: the run keeps its own exit code, so
 * `set -o pipefail; sso-oidc ... 2>&1 | head -c1` still sees a failure.
 */
import { main } from './main.js';
import { systemDeps } from './system.js';

export async function entry(): Promise<number> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  // With `2>&1 | head`, stdout and stderr are the same pipe: whichever write fails first says
  // EPIPE. On stderr, swallow it and let main's exit code stand; nothing more reaches it anyway.
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  return main(process.argv.slice(2), systemDeps(controller.signal));
}

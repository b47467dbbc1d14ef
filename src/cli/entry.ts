/**
 * What bin/sso-oidc.js runs: wires the process to main(). SIGINT aborts the run (exit 130); a
 * closed stdout (`| head -c1`) ends the process quietly.
 */
import { main } from './main.js';
import { systemDeps } from './system.js';

export async function entry(): Promise<number> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  return main(process.argv.slice(2), systemDeps(controller.signal));
}

/** The user's home directory, for the real Deps and the compile cache. */
import { homedir } from 'node:os';

/**
 * os.homedir(), which outside Windows is $HOME whenever it is set: node:os (~0.35 ms) loads
 * only when it is not (the bundle imports it lazily: scripts/build.mjs).
 */
export function homeDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return (process.platform !== 'win32' ? env['HOME'] : undefined) ?? homedir();
}

/** Decide colour once: --color, then NO_COLOR, then whether stdout is a terminal. */
import type { Env } from '../deps.js';

export function useColour(flag: 'on' | 'off' | 'auto' | undefined, env: Env, stdoutIsTTY: boolean): boolean {
  if (flag === 'on') return true;
  if (flag === 'off') return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return stdoutIsTTY;
}

/**
 * A response made safe to show on a terminal: every string in it (keys too) passed through
 * terminalSafe, so a server cannot clear the screen, retitle the window or dress a link as
 * another through text or table output. Only for a terminal: on a pipe the bytes stay the AWS
 * CLI's. JSON output needs none of this (json.dumps escapes every control character).
 */
import type { Value } from '../value/types.js';
import { hasTerminalControls, terminalSafe } from '../debug/terminal-safe.js';

function safeString(s: string): string {
  return hasTerminalControls(s) ? terminalSafe(s) : s;
}

export function terminalSafeValue(v: Value): Value {
  if (typeof v === 'string') return safeString(v);
  if (Array.isArray(v)) return v.map(terminalSafeValue);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [safeString(k), terminalSafeValue(x)]));
  return v;
}

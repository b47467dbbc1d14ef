/**
 * --debug logging: AWS-style lines on stderr,
 * `2026-11-28 06:34:09,971 - MainThread - sso_oidc.<component> - DEBUG - <message>`.
 * Secrets never reach it in clear: callers pass values through `redact` (see redact.ts).
 */

export interface DebugLog {
  readonly enabled: boolean;
  /** component: a dotted name such as 'config', 'endpoint', 'http', 'retry'. */
  debug(component: string, message: string): void;
}

export const silentLog: DebugLog = { enabled: false, debug: () => undefined };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Local time with comma milliseconds, as Python logging's asctime. */
export function formatTimestamp(d: Date): string {
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())},${pad(d.getMilliseconds(), 3)}`
  );
}

export function createDebugLog(write: (text: string) => void, now: () => Date): DebugLog {
  return {
    enabled: true,
    debug(component, message) {
      write(`${formatTimestamp(now())} - MainThread - sso_oidc.${component} - DEBUG - ${message}\n`);
    },
  };
}

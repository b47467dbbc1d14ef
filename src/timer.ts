/**
 * Node keeps timer delays in a signed 32-bit integer: a longer delay becomes 1 ms and prints a
 * TimeoutOverflowWarning. Every delay we arm (options, values from the server, the emulator's
 * --latency) goes through timerMs, so a huge value waits as long as Node can (about 24.8 days)
 * instead of not at all.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay Node accepts: at most MAX_TIMER_MS, at least 0 (NaN counts as 0). */
export function timerMs(ms: number): number {
  if (!(ms > 0)) return 0;
  return Math.min(Math.ceil(ms), MAX_TIMER_MS);
}

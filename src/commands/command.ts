/** What every command module under src/commands/ is: its spec and one `run(invocation, deps)`. */
import type { DebugLog } from '../debug/log.js';
import type { Deps } from '../deps.js';

/** The deps a command runs with: the process's Deps and the run's debug log (silent without --debug). */
export interface RunDeps extends Deps {
  log: DebugLog;
}

export interface CommandModule<I> {
  run(invocation: I, deps: RunDeps): Promise<void>;
}

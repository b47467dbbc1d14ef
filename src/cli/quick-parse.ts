/**
 * The invocations that need no parser: `--version`, `help` and `COMMAND help`, typed exactly so.
 * For them main() skips commander (its module and the command tree it builds: ~1 ms of each
 * start-up); what they return is what parseArgv returns for the same words, which
 * test/unit/quick-parse.test.ts checks for every command. Anything else: undefined.
 */
import type { Invocation } from './program.js';
import { COMMANDS, findCommand } from './spec.js';

export function quickParse(argv: readonly string[]): Invocation | undefined {
  if (argv.length === 1 && argv[0] === '--version') return { kind: 'version' };
  if (argv.length === 1 && argv[0] === 'help') return { kind: 'help', [COMMANDS.help.positional.name]: undefined };
  if (argv.length === 2 && argv[1] === 'help') {
    const spec = findCommand(argv[0] as string);
    if (spec?.globals === true) return { kind: 'help', command: spec.name };
  }
  return undefined;
}

/**
 * The invocations that need no parser: `--version`, `help`, `COMMAND help`, `completion SHELL`
 * and an operation's skeleton (`OPERATION --generate-cli-skeleton [input|output|yaml-input]`),
 * typed exactly so (their shapes: quick-words.ts). For them no commander tree is built and no
 * parse runs, and start.ts answers most of them before main() loads (quick.ts); what they return
 * is what parseArgv returns for the same words, which test/unit/quick-parse.test.ts checks for
 * every command. Anything else: undefined.
 */
import { OPERATIONS } from '../model/operations/index.js';
import type { Invocation } from './program.js';
import { quickShaped, SKELETON_FLAG } from './quick-words.js';
import {
  COMMANDS,
  COMPLETION_SHELLS,
  defaultGlobals,
  findCommand,
  OPERATION_OPTIONS,
  optionKey,
  optionValues,
  SKELETON_CHOICES,
} from './spec.js';

export function quickParse(argv: readonly string[]): Invocation | undefined {
  if (!quickShaped(argv)) return undefined;
  if (argv.length === 1 && argv[0] === '--version') return { kind: 'version' };
  if (argv.length === 1 && argv[0] === 'help') return { kind: 'help', [COMMANDS.help.positional.name]: undefined };
  if (argv.length === 2 && argv[1] === 'help') {
    const spec = findCommand(argv[0] as string);
    if (spec?.globals === true) return { kind: 'help', command: spec.name };
  }
  if (argv.length === 2 && argv[0] === COMMANDS.completion.name) {
    const shell = COMPLETION_SHELLS.find((s) => s === argv[1]);
    if (shell !== undefined) return { kind: 'completion', [COMMANDS.completion.positional.name]: shell };
  }
  if ((argv.length === 2 || argv.length === 3) && argv[1] === SKELETON_FLAG) {
    const op = OPERATIONS.find((o) => o.cliName === argv[0]);
    const choice = argv[2] ?? true; // bare: the option's implied value (input)
    if (op === undefined || (choice !== true && !(SKELETON_CHOICES as readonly string[]).includes(choice))) return undefined;
    return {
      kind: 'operation',
      op,
      members: {},
      options: optionValues(OPERATION_OPTIONS, { [optionKey(SKELETON_FLAG)]: choice }),
      globals: defaultGlobals(),
      unknown: [],
      argv,
    };
  }
  return undefined;
}

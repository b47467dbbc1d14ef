/**
 * The shapes of the words quick-parse.ts may answer without a parser, told from the words alone
 * (no spec, no model): start.ts asks this before it loads anything else, quickParse() before it
 * looks a word up. A yes is only a maybe (`bogus help` has the shape); a no is final.
 */

/** The one flag of an operation's options that quick-parse.ts answers for. */
export const SKELETON_FLAG = '--generate-cli-skeleton';

/** `--version`, `help`, `COMMAND help`, `completion SHELL`, `OPERATION --generate-cli-skeleton [CHOICE]`. */
export function quickShaped(argv: readonly string[]): boolean {
  switch (argv.length) {
    case 1:
      return argv[0] === '--version' || argv[0] === 'help';
    case 2:
      return argv[1] === 'help' || argv[1] === SKELETON_FLAG || argv[0] === 'completion';
    case 3:
      return argv[1] === SKELETON_FLAG;
    default:
      return false;
  }
}

/**
 * The answers that depend on the words alone: `help`, `COMMAND help`, `completion SHELL` and the
 * input skeletons (`OPERATION --generate-cli-skeleton [input|yaml-input]`). start.ts loads this
 * file (dist/cli/quick.cjs, self-contained: one file, no shared chunks), through the compile
 * cache but without entry.cjs, when the words have one of these shapes (quick-words.ts): for a
 * few kilobytes of text, the CLI's chunks cost more than they save. What it prints is what
 * main() prints for the same words (quickParse(), then the same functions the command modules
 * call), which test/unit/quick.test.ts checks for every command.
 */
import { completionScript } from '../commands/completion.js';
import { helpText } from '../commands/help.js';
import type { OutStream } from '../deps.js';
import { skeletonText } from '../input/skeleton.js';
import { OPERATIONS } from '../model/operations/index.js';
import type { Invocation } from './program.js';
import { quickParse } from './quick-parse.js';
import { commandNames, COMPLETION_SHELLS, SKELETON_CHOICES } from './spec.js';
import { fdStream } from './stdio.js';

export { answerFileName } from './stored-answers.js';

/** The text for `inv` when the words alone decide it, else undefined (main() runs it). */
function wordsOnlyText(inv: Invocation, stdout: OutStream): string | undefined {
  switch (inv.kind) {
    case 'help':
      return helpText(inv, stdout);
    case 'completion':
      return completionScript(inv.shell);
    case 'operation':
      return inv.options.generateCliSkeleton === undefined ? undefined : skeletonText(inv.op, inv.options.generateCliSkeleton);
    default:
      return undefined;
  }
}

/**
 * Writes the answer for `argv` and returns true. Returns false for any other words, and when
 * making or writing the text failed (a closed descriptor, a full disk): main() then meets the
 * same failure and reports it as it always does. A reader gone (EPIPE) ends the process with 0
 * inside stdio.ts, as in main().
 */
export function answerQuick(argv: readonly string[], stdout: OutStream = fdStream(1)): boolean {
  try {
    const inv = quickParse(argv);
    const text = inv === undefined ? undefined : wordsOnlyText(inv, stdout);
    if (text === undefined) return false;
    stdout.write(text);
  } catch {
    return false;
  }
  return true;
}

/**
 * The command lines to try answering: every manual, completion script and input skeleton, with
 * some answerQuick() leaves to main() (`help help`, the output skeleton).
 */
export function quickWords(): string[][] {
  return [
    ['help'],
    ...commandNames().map((c) => [c, 'help']),
    ...COMPLETION_SHELLS.map((s) => ['completion', s]),
    ...OPERATIONS.flatMap((o) => [
      [o.cliName, '--generate-cli-skeleton'],
      ...SKELETON_CHOICES.map((choice) => [o.cliName, '--generate-cli-skeleton', choice]),
    ]),
  ];
}

/** What answerQuick() writes for `argv` to a pipe or a file, or undefined when it leaves it to main(). */
export function pipeAnswer(argv: readonly string[]): string | undefined {
  let text = '';
  const pipe: OutStream = { write: (t) => void (text += t), isTTY: false, columns: undefined };
  return answerQuick(argv, pipe) ? text : undefined;
}

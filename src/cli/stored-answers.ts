/**
 * What quick.ts answers for a pipe or a file (help, a manual, completion, an input skeleton), as
 * the build stored it: dist/cli/answers/, one file per command line (scripts/build.mjs writes
 * them with quick.cjs's own pipeAnswer()). start.ts copies the file to stdout before the compile
 * cache or quick.cjs load: those answers depend on the words alone, and on a terminal's width,
 * which is why a terminal still gets them rendered by quick.cjs.
 */
import { readFileSync } from 'node:fs';
import { quickShaped } from './quick-words.js';
import { fdStream } from './stdio.js';

/** The directory beside start.cjs that holds the answers. */
export const ANSWERS_DIR = 'answers';

/** The file name of the answer for `argv`, or undefined for words no answer is stored for. */
export function answerFileName(argv: readonly string[]): string | undefined {
  // A command first, then words of commands, shells and flags only: no path can come out of them.
  const plain = /^[a-z][a-z0-9-]*$/.test(argv[0] ?? '') && argv.every((w) => /^[a-z0-9-]+$/.test(w));
  return plain && quickShaped(argv) ? `${argv.join('+')}.txt` : undefined;
}

/**
 * Writes the stored answer for `argv` and returns true. Returns false where there is none (other
 * words, words that only look like it: `bogus help`), for a terminal, and when the write failed,
 * which main() then meets and reports (as answerVersion() does).
 */
export function answerStored(bundleDir: string, argv: readonly string[]): boolean {
  const name = answerFileName(argv);
  if (name === undefined) return false;
  const stdout = fdStream(1);
  let text: string;
  try {
    if (stdout.isTTY) return false;
    text = readFileSync(`${bundleDir}/${ANSWERS_DIR}/${name}`, 'utf-8');
  } catch {
    return false;
  }
  try {
    stdout.write(text);
  } catch {
    return false;
  }
  return true;
}

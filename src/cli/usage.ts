/** The AWS CLI's argparse-style usage texts, with our program name. */
import { UsageError } from '../errors.js';

export const PROG = 'sso-oidc';

export const USAGE_BLOCK =
  `usage: ${PROG} [options] <command> [parameters]\n` +
  'To see help text, you can run:\n\n' +
  `  ${PROG} help\n` +
  `  ${PROG} <command> help\n`;

/** argparse's "Invalid choice" list: each choice padded to 40 columns, two per line. */
export function formatChoices(choices: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < choices.length; i += 2) {
    lines.push(choices.slice(i, i + 2).map((c) => c.padEnd(40)).join(' | '));
  }
  return lines.join('\n');
}

export function invalidChoice(flag: string, choices: readonly string[]): UsageError {
  return new UsageError(`argument ${flag}: Invalid choice, valid choices are:\n\n${formatChoices(choices)}`);
}

/** Levenshtein distance, for "maybe you meant" suggestions. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The close matches, best first, as difflib.get_close_matches would pick them (roughly). */
export function closeMatches(word: string, candidates: readonly string[], max = 3): string[] {
  return candidates
    .map((c) => ({ c, d: editDistance(word, c) }))
    .filter(({ c, d }) => d <= Math.max(2, Math.floor(Math.max(c.length, word.length) * 0.4)))
    .sort((x, y) => x.d - y.d)
    .slice(0, max)
    .map(({ c }) => c);
}

/** "maybe you meant:" block, as the AWS CLI prints it for a misspelt command. */
export function suggestion(kind: string, word: string, matches: readonly string[]): string {
  if (matches.length === 0) return '';
  return `\n\nInvalid ${kind}: '${word}', maybe you meant:\n\n${matches.map((m) => `  * ${m}`).join('\n')}`;
}

/** argparse's error for a command word that is none of `names`, with "maybe you meant". */
export function unknownCommand(word: string, names: readonly string[]): UsageError {
  return new UsageError(
    `argument command: Invalid choice, valid choices are:\n\n${formatChoices(names)}` +
      suggestion('choice', word, closeMatches(word, names)),
  );
}

/** The AWS CLI's "Unknown options: ..." error, with a "did you mean" hint per misspelt flag. */
export function unknownOptionsError(unknown: readonly string[], known: readonly string[]): UsageError {
  const hints = unknown
    .filter((u) => u.startsWith('--'))
    .map((u) => {
      const word = u.split('=')[0] as string;
      const best = closeMatches(word, known, 1)[0];
      return best === undefined ? undefined : `${word}: did you mean ${best}?`;
    })
    .filter((h): h is string => h !== undefined);
  return new UsageError(`${USAGE_BLOCK}\nUnknown options: ${unknown.join(', ')}${hints.length ? '\n' + hints.join('\n') : ''}`, {
    showUsage: false,
  });
}

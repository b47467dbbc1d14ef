/** The AWS CLI's argparse-style usage texts, with our program name. */
import { UsageError } from '../errors.js';
import { pyStrRepr } from '../value/pystr.js';
import { getCloseMatches } from './difflib.js';

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
    lines.push(
      choices
        .slice(i, i + 2)
        .map((c) => c.padEnd(40))
        .join(' | '),
    );
  }
  return lines.join('\n');
}

/**
 * AWS CLI v2's invalid-choice message (awscli/argparser.py `_check_value`), with the usage block
 * after it as its ArgParseException carries it.
 */
export function v2InvalidChoice(dest: string, value: string, choices: readonly string[]): string {
  const msg = [`Found invalid choice '${value}'\n`];
  const possible = getCloseMatches(value, choices, 3, 0.8);
  if (possible.length > 0) msg.push('Maybe you meant:\n', ...possible.map((w) => `  * ${w}`));
  return `argument ${dest}: ${msg.join('\n')}\n\n${USAGE_BLOCK}`;
}

export function invalidChoice(flag: string, choices: readonly string[], value?: string): UsageError {
  return new UsageError(`argument ${flag}: Invalid choice, valid choices are:\n\n${formatChoices(choices)}`, {
    ...(value === undefined ? {} : { v2: { message: v2InvalidChoice(flag, value, choices) } }),
  });
}

/**
 * The close matches, best first: botocore's argparser calls
 * `difflib.get_close_matches(value, choices, cutoff=0.8)`, ported exactly in difflib.ts.
 */
export function closeMatches(word: string, candidates: readonly string[], max = 3): string[] {
  return getCloseMatches(word, candidates, max, 0.8);
}

/**
 * The "maybe you meant:" block, as the AWS CLI's argparser joins it onto the choices list:
 * `'\n'.join([..., '\n\nInvalid choice: %r, maybe you meant:\n', '  * x'])`, so two blank lines
 * before it and the value as Python's repr.
 */
export function suggestion(kind: string, word: string, matches: readonly string[]): string {
  if (matches.length === 0) return '';
  return `\n\n\nInvalid ${kind}: ${pyStrRepr(word)}, maybe you meant:\n\n${matches.map((m) => `  * ${m}`).join('\n')}`;
}

/** argparse's error for a command word that is none of `names`, with "maybe you meant". */
export function unknownCommand(word: string, names: readonly string[]): UsageError {
  return new UsageError(
    `argument command: Invalid choice, valid choices are:\n\n${formatChoices(names)}` +
      suggestion('choice', word, closeMatches(word, names)),
    // Our commands are v2's operations of `aws sso-oidc`: its operation parser reports them.
    { v2: { message: v2InvalidChoice('operation', word, names) } },
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
    v2: { form: 'unknown-options', message: `Unknown options: ${unknown.join(', ')}` },
  });
}

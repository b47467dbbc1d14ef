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

/** difflib.SequenceMatcher(None, a, b).ratio() for short strings (no autojunk below 200 chars). */
export function sequenceRatio(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  const longest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let best: [number, number, number] = [alo, blo, 0];
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (let j = blo; j < bhi; j++) {
        if (a[i] !== b[j]) continue;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > best[2]) best = [i - k + 1, j - k + 1, k];
      }
      j2len = next;
    }
    return best;
  };
  let matches = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k === 0) continue;
    matches += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return (2 * matches) / (a.length + b.length);
}

/** difflib.get_close_matches: best score first, ties by the larger string (heapq.nlargest). */
export function getCloseMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.6): string[] {
  return possibilities
    .map((x) => ({ x, score: sequenceRatio(x, word) }))
    .filter(({ score }) => score >= cutoff)
    .sort((p, q) => q.score - p.score || (p.x < q.x ? 1 : p.x > q.x ? -1 : 0))
    .slice(0, n)
    .map(({ x }) => x);
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

/**
 * argparse's option rules, applied to argv before commander sees it, the way the AWS CLI's two
 * parsers apply them: first the main parser (global options) over every word, then the
 * command's parser over the words after the command that the main parser left. In each:
 *
 * - allow_abbrev: an unambiguous prefix of an option is that option (`--reg` is `--region`,
 *   `--client-i=ID` is `--client-id=ID`); a prefix of several is
 *   `ambiguous option: --client could match --client-id, --client-secret` (options in the
 *   parser's order);
 * - an option that takes a value does not take a word that looks like an option: `-x`, or a
 *   prefix of this parser's options, is not a value (`argument --client-id: expected one
 *   argument`), but a negative number (`-5`, `-.5`), a word with a space, `-` and the empty
 *   string are (CPython 3.11's `_parse_optional`, `_negative_number_matcher`; no option here
 *   looks like a negative number, so `_has_negative_number_optionals` is false);
 * - `--` ends the options.
 *
 * The result is argv with abbreviations written out; errors are UsageErrors with argparse's text.
 */
import { isSecretKey, maskSecretsInJsonText } from '../debug/redact.js';
import { UsageError } from '../errors.js';
import { pyStrRepr as pyRepr } from '../value/pystr.js';
import { getCloseMatches } from './difflib.js';

/** How many values an option takes, as argparse's nargs: none, one, `?` or `*` (the AWS CLI's lists). */
export type Arity = 'none' | 'one' | 'optional' | 'many';

export interface OptionArity {
  flag: string;
  arity: Arity;
}

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

/** What argparse makes of one word in a parser with these options. */
type Kind = { kind: 'value' } | { kind: 'option'; flag: string | undefined; inline: string | undefined };

function classify(word: string, options: readonly OptionArity[]): Kind {
  if (word === '' || !word.startsWith('-')) return { kind: 'value' };
  if (options.some((o) => o.flag === word)) return { kind: 'option', flag: word, inline: undefined };
  if (word.length === 1) return { kind: 'value' };
  const eq = word.indexOf('=');
  if (eq >= 0 && options.some((o) => o.flag === word.slice(0, eq)))
    return { kind: 'option', flag: word.slice(0, eq), inline: word.slice(eq + 1) };
  if (word.startsWith('--')) {
    const prefix = eq >= 0 ? word.slice(0, eq) : word;
    const matches = options.filter((o) => o.flag.startsWith(prefix));
    if (matches.length > 1) {
      throw new UsageError(`ambiguous option: ${word} could match ${matches.map((o) => o.flag).join(', ')}`);
    }
    if (matches.length === 1) return { kind: 'option', flag: matches[0]?.flag, inline: eq >= 0 ? word.slice(eq + 1) : undefined };
  }
  if (NEGATIVE_NUMBER.test(word)) return { kind: 'value' };
  if (word.includes(' ')) return { kind: 'value' };
  return { kind: 'option', flag: undefined, inline: undefined };
}

/**
 * One parser's pass over the words at `indexes` (in order): resolves its options in place and
 * returns the indexes it did not consume, for the next parser. As argparse, every word is
 * classified first (so the first ambiguous word wins over any other error), then consumed.
 */
function pass(argv: string[], indexes: readonly number[], options: readonly OptionArity[], drop: Set<number>): number[] {
  /** A list option's latest occurrence (its word and values): argparse keeps only the last one. */
  const lastList = new Map<string, number[]>();
  const end = indexes.findIndex((i) => argv[i] === '--');
  const active = end < 0 ? indexes : indexes.slice(0, end);
  const kinds = active.map((i) => classify(argv[i] as string, options));
  const left: number[] = [];
  for (let n = 0; n < active.length; n++) {
    const i = active[n] as number;
    const c = kinds[n] as Kind;
    if (c.kind === 'value' || c.flag === undefined) {
      left.push(i);
      continue;
    }
    const arity = options.find((o) => o.flag === c.flag)?.arity ?? 'none';
    argv[i] = c.inline === undefined ? c.flag : `${c.flag}=${c.inline}`;
    const occurrence = [i];
    if (arity === 'many') {
      for (const earlier of lastList.get(c.flag) ?? []) drop.add(earlier);
      lastList.set(c.flag, occurrence);
    }
    if (c.inline !== undefined) {
      if (arity === 'none') throw new UsageError(`argument ${c.flag}: ignored explicit argument ${pyRepr(c.inline)}`);
      continue;
    }
    if (arity === 'none') continue;
    // The values it takes: the following words that are not options, as argparse's pattern match.
    let taken = 0;
    while (n + 1 < active.length && kinds[n + 1]?.kind === 'value' && (arity === 'many' || taken === 0)) {
      n++;
      taken++;
      occurrence.push(active[n] as number);
    }
    if (taken === 0 && arity === 'one') throw new UsageError(`argument ${c.flag}: expected one argument`);
  }
  return end < 0 ? left : [...left, ...indexes.slice(end)];
}

/**
 * argv with abbreviations written out, after checking it as the AWS CLI's parsers would:
 * `globals` over every word; the command is the first word that pass left as a value; then that
 * command's options (`commandOptions(word)`, undefined for a command without options) over the
 * words after it that the first pass left. Throws UsageError.
 */
export function prepassArgv(
  argv: readonly string[],
  globals: readonly OptionArity[],
  commandOptions: (command: string) => readonly OptionArity[] | undefined,
): string[] {
  const out = [...argv];
  // Earlier occurrences of a list option (`--scopes a --scopes b` sends ["b"], as argparse's nargs='*').
  const drop = new Set<number>();
  const left = pass(
    out,
    out.map((_, i) => i),
    globals,
    drop,
  );
  const kept = (): string[] => out.filter((_, i) => !drop.has(i));
  const commandIndex = left.find((i) => classify(out[i] as string, globals).kind === 'value');
  if (commandIndex === undefined) return kept();
  const options = commandOptions(out[commandIndex] as string);
  if (options === undefined) return kept();
  pass(
    out,
    left.filter((i) => i > commandIndex),
    options,
    drop,
  );
  return kept();
}

/**
 * A misspelt secret option must not echo its value (`--refresh-tokn VALUE` would print
 * `Unknown options: --refresh-tokn, VALUE`): an unknown option whose closest known option
 * (difflib, the default cutoff 0.6) is sensitive, or whose name speaks of a secret, has its
 * value shown as `***`, inline (`--client-secrt=***`) or as the next word. A JSON or YAML
 * document among them (`login --cli-input-json '{"clientSecret": ...}'`: login takes no such
 * option) has its secret keys masked. Everything else keeps the AWS CLI's wording.
 */
export function maskSecretValues(tokens: readonly string[], known: readonly string[], sensitive: ReadonlySet<string>): string[] {
  const out = tokens.map((t) => maskSecretsInYamlText(t.includes('"') ? maskSecretsInJsonText(t) : t));
  for (let i = 0; i < out.length; i++) {
    const word = out[i] as string;
    if (!word.startsWith('--') || word === '--') continue;
    const eq = word.indexOf('=');
    const flag = eq < 0 ? word : word.slice(0, eq);
    if (!looksSecret(flag, known, sensitive)) continue;
    if (eq >= 0) out[i] = `${flag}=${REDACTED}`;
    else if (i + 1 < out.length && !(out[i + 1] as string).startsWith('-')) out[++i] = REDACTED;
  }
  return out;
}

const REDACTED = '***';

/** `clientSecret: VALUE` lines of a YAML text (block style) show `clientSecret: ***`. */
function maskSecretsInYamlText(text: string): string {
  if (!text.includes(':')) return text;
  return text.replace(/^(\s*(?:-\s+)?["']?([A-Za-z_][\w-]*)["']?\s*:[ \t]+)(\S.*)$/gm, (whole, head: string, key: string) =>
    isSecretKey(key) ? `${head}${REDACTED}` : whole,
  );
}

/** A secret option, or an unknown one that is most likely a misspelling of one. */
export function looksSecret(flag: string, known: readonly string[], sensitive: ReadonlySet<string>): boolean {
  if (sensitive.has(flag)) return true;
  if (known.includes(flag)) return false;
  if (/secr|tok|code|verif|pass/i.test(flag)) return true;
  const best = getCloseMatches(flag, known, 1, 0.6)[0];
  return best !== undefined && sensitive.has(best);
}

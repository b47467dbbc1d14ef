/**
 * An operation typed plainly, parsed from the spec without commander: `OPERATION` first, then
 * only exact flags of that operation or global ones, each given once, each value one word that
 * does not start with `-` (a list option's values: the words up to the next flag). That is how
 * scripts and CI steps type a call, so the call (and the check of its required members) loads
 * no commander tree: commander and its tree cost ~2.5 ms of a 70 ms call.
 *
 * Anything else is undefined, and parseArgv decides: global options before the command, `help`
 * or `--version` anywhere, `--`, `--flag=value`, abbreviations, repeated options, a value that
 * starts with `-`, a choice that is not one, a timeout that is not digits, an unknown word, the
 * input skeleton's optional value. Where it answers, it answers what parseArgv does for the same
 * words, which test/unit/fast-parse.test.ts checks against parseArgv over generated command lines.
 */
import { OPERATIONS } from '../model/operations/index.js';
import type { OperationInvocation } from './program.js';
import { GLOBAL_OPTIONS, OPERATION_OPTIONS, operationCommand, optionKey, optionValues, type OptionSpec } from './spec.js';

/** The value words a flag may take: one word, not option-like, not the help word. */
const plainValue = (word: string | undefined): word is string => word !== undefined && !word.startsWith('-') && word !== 'help';

export function fastParse(argv: readonly string[]): OperationInvocation | undefined {
  const op = OPERATIONS.find((o) => o.cliName === argv[0]);
  if (op === undefined) return undefined;
  const flags = new Map<string, OptionSpec>();
  for (const o of [...operationCommand(op).options, ...GLOBAL_OPTIONS]) {
    if (flags.has(o.flag)) return undefined; // an operation flag that is also a global one: the parser's to decide
    flags.set(o.flag, o);
  }
  const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (let i = 1; i < argv.length; i++) {
    const o = flags.get(argv[i] as string);
    if (o === undefined || o.implied !== undefined || o.flag === '--version') return undefined;
    const key = optionKey(o.flag);
    if (key in values) return undefined;
    switch (o.kind) {
      case 'boolean':
        values[key] = true;
        continue;
      case 'negated':
        values[key] = false;
        continue;
      case 'list': {
        const list: string[] = [];
        while (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('-')) {
          if (!plainValue(argv[i + 1])) return undefined;
          list.push(argv[++i] as string);
        }
        values[key] = list;
        continue;
      }
      default: {
        const value = argv[i + 1];
        if (!plainValue(value)) return undefined;
        if (o.kind === 'choice' && !(o.choices ?? []).includes(value)) return undefined;
        if (o.kind === 'integer' && !/^[0-9]+$/.test(value)) return undefined;
        values[key] = o.kind === 'integer' ? Number.parseInt(value, 10) : value;
        i++;
      }
    }
  }
  const members: Record<string, string | string[]> = {};
  for (const m of op.input) {
    const v = values[m.name];
    if (v !== undefined) members[m.name] = v as string | string[];
  }
  const { version: _version, ...globals } = optionValues(GLOBAL_OPTIONS, values);
  return { kind: 'operation', op, members, options: optionValues(OPERATION_OPTIONS, values), globals, unknown: [], argv };
}

/**
 * Parse: argv -> Invocation. The command tree is commander's, built from the spec (spec.ts): one
 * `addOption` for every option of every command; commander's errors are turned into the AWS CLI's
 * argparse wording. Nothing here reads files, the environment or the network.
 */
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import { OPERATIONS } from '../model/operations/index.js';
import type { OperationDescription } from '../model/types.js';
import { maskSecretValues, prepassArgv, type Arity, type OptionArity } from './argv-prepass.js';
import {
  allOptions,
  COMMANDS,
  commandFlags,
  commandNames,
  EXTRA_COMMANDS,
  findCommand,
  GLOBAL_OPTIONS,
  OPERATION_OPTIONS,
  operationCommand,
  optionKey,
  optionValues,
  type CommandSpec,
  type ExtraCommand,
  type GlobalArgs,
  type OperationOptions,
  type OptionValues,
  type OptionSpec,
} from './spec.js';
import { invalidChoice, unknownCommand } from './usage.js';

/** What every command that takes the global options is invoked with. */
interface WithGlobals {
  globals: GlobalArgs;
  /** Unknown options and stray words, in argparse's reporting order. */
  unknown: string[];
  /** The argv as typed, for --debug (secret values are masked before logging). */
  argv: readonly string[];
}

export interface OperationInvocation extends WithGlobals {
  kind: 'operation';
  op: OperationDescription;
  /** Values typed for the members, by API name (raw strings; file:// not yet loaded). */
  members: Record<string, string | string[]>;
  /** The values of OPERATION_OPTIONS (--cli-input-json, --generate-cli-skeleton). */
  options: OperationOptions;
}

type Extra = typeof COMMANDS;

/**
 * A command of COMMANDS as invoked, derived from its spec: its positional word when it has one
 * (help, completion), else its options' values and the global options (login).
 */
export type CommandInvocation<K extends ExtraCommand> = Extra[K] extends { positional: { name: infer P extends string } }
  ? { kind: K } & { [X in P]?: string | undefined }
  : { kind: K; options: OptionValues<Extra[K]['options']> } & WithGlobals;

export type LoginInvocation = CommandInvocation<'login'>;
export type LogoutInvocation = CommandInvocation<'logout'>;
export type HelpInvocation = CommandInvocation<'help'>;
export type CompletionInvocation = CommandInvocation<'completion'>;
export type VersionInvocation = { kind: 'version' };

export type Invocation = OperationInvocation | VersionInvocation | { [K in ExtraCommand]: CommandInvocation<K> }[ExtraCommand];

function onceParser(flag: string, convert: (v: string) => unknown = (v) => v) {
  return (value: string, previous: unknown): unknown => {
    if (previous !== undefined) throw new UsageError(`argument ${flag}: may be given only once`);
    return convert(value);
  };
}

/** Python's int() on a timeout value, with the AWS CLI's messages (the integer options are the two timeouts). */
function timeoutValue(flag: string, v: string): number {
  if (!/^\s*[-+]?[0-9]+\s*$/.test(v)) throw new UsageError(`argument ${flag}: invalid literal for int() with base 10: '${v}'`);
  const n = Number.parseInt(v, 10);
  if (n < 0) {
    const what = flag === '--cli-read-timeout' ? 'read' : 'connect';
    throw new UsageError(`Attempted to set ${what} timeout to ${n}, but the timeout cannot be set to a value less than or equal to 0.`, {
      showUsage: false,
    });
  }
  return n;
}

/** What commander passes a list option's parser for the flag given alone. */
const NO_VALUES = Symbol('no values');

/** One option of the spec as a commander Option, whatever its kind. */
function toCommander(o: OptionSpec): Option {
  const { flag } = o;
  switch (o.kind) {
    case 'boolean':
    case 'negated':
      return new Option(flag);
    case 'list':
      // argparse's nargs='*': the flag alone is an empty list (commander hands the preset to the parser).
      return new Option(`${flag} [values...]`)
        .preset(NO_VALUES)
        .argParser((v: string | typeof NO_VALUES, prev: unknown) =>
          v === NO_VALUES ? [] : [...(Array.isArray(prev) ? (prev as string[]) : []), v],
        );
    case 'integer':
      return new Option(`${flag} <value>`).argParser(onceParser(flag, (v) => timeoutValue(flag, v)));
    case 'choice': {
      const choices = o.choices ?? [];
      const parse = onceParser(flag, (v) => {
        if (!choices.includes(v)) throw invalidChoice(flag, choices, v);
        return v;
      });
      return new Option(o.implied === undefined ? `${flag} <value>` : `${flag} [value]`).argParser(parse);
    }
    case 'string':
      return new Option(`${flag} <value>`).argParser(onceParser(flag));
  }
}

function addOptions(cmd: Command, options: readonly OptionSpec[]): void {
  for (const o of options) cmd.addOption(toCommander(o));
}

/**
 * The global options: their value errors come from AWS CLI v2's main parser, which leaves no
 * parsed globals, so a --cli-error-format on the same line does not apply to them.
 */
function addGlobalOptions(cmd: Command): void {
  for (const o of GLOBAL_OPTIONS) {
    const opt = toCommander(o);
    const parse = opt.parseArg;
    if (parse !== undefined) {
      opt.argParser((value: string, previous: unknown) => {
        try {
          return parse(value, previous);
        } catch (e) {
          if (e instanceof UsageError) e.globalParse = true;
          throw e;
        }
      });
    }
    cmd.addOption(opt);
  }
}

/** argparse reports the first run of stray words after the unknown options. */
export function argparseOrder(tokens: readonly string[]): string[] {
  const start = tokens.findIndex((t) => !t.startsWith('-'));
  if (start < 0) return [...tokens];
  let end = start;
  while (end < tokens.length && !(tokens[end] as string).startsWith('-')) end++;
  return [...tokens.slice(0, start), ...tokens.slice(end), ...tokens.slice(start, end)];
}

/** Turns commander's own errors into the AWS CLI's argparse messages. */
function translate(e: CommanderError): UsageError {
  const flag = /option '([^ ']+)/.exec(e.message)?.[1];
  if (e.code === 'commander.optionMissingArgument' && flag) {
    const err = new UsageError(`argument ${flag}: expected one argument`);
    err.globalParse = GLOBAL_OPTIONS.some((g) => g.flag === flag);
    return err;
  }
  const cmd = /unknown command '([^']*)'/.exec(e.message)?.[1];
  if (e.code === 'commander.unknownCommand' && cmd !== undefined) return unknownCommand(cmd, commandNames());
  return new UsageError(e.message.replace(/^error: /, ''));
}

/**
 * A subcommand of `program` with the spec's options. Commands that take the global options collect
 * unknown words for the AWS CLI's "Unknown options" error; the others leave them to commander.
 */
function subcommand(program: Command, spec: CommandSpec): Command {
  const cmd = program.command(spec.name).allowExcessArguments(true);
  if (spec.globals) cmd.helpOption(false).allowUnknownOption();
  addOptions(cmd, spec.options);
  return cmd;
}

/** argparse's nargs for an option of the spec (the AWS CLI's lists are nargs='*'). */
function arity(o: OptionSpec): Arity {
  if (o.kind === 'boolean' || o.kind === 'negated') return 'none';
  if (o.kind === 'list') return 'many';
  return o.kind === 'choice' && o.implied !== undefined ? 'optional' : 'one';
}

const arities = (options: readonly OptionSpec[]): OptionArity[] => options.map((o) => ({ flag: o.flag, arity: arity(o) }));

/** The main parser's options (commander's `-h, --help` included), in the spec's order. */
const globalArities = (): OptionArity[] => [...arities(GLOBAL_OPTIONS), { flag: '--help', arity: 'none' }];

/** A command's own parser, for a command that takes options (help and completion take none). */
function commandArities(word: string): OptionArity[] | undefined {
  const spec = findCommand(word);
  return spec?.globals === true ? arities(spec.options) : undefined;
}

/** The unknown words, with the value after a misspelt secret option shown as *** (issue 10, item 8). */
function maskUnknown(tokens: readonly string[], spec: CommandSpec): string[] {
  if (tokens.length === 0) return [];
  const sensitive = new Set(
    allOptions()
      .filter((o) => o.sensitive === true)
      .map((o) => o.flag),
  );
  return maskSecretValues(tokens, [...commandFlags(spec), '--help'], sensitive);
}

/**
 * Parses the words after the program name. Throws UsageError.
 *
 * Only the commands named somewhere in the words get a subcommand: commander can dispatch to no
 * other, and an unknown command's message comes from the spec's list, not commander's, so the
 * result is the same as with the whole tree; building it for every command cost ~1.5 ms of each
 * start-up (CPU profile of --version: 0.7 ms in subcommand(), more in commander's Option).
 */
export function parseArgv(argv: readonly string[]): Invocation {
  let result: Invocation | undefined;
  const program = new Command('sso-oidc')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined })
    .helpOption(false)
    .helpCommand(false)
    .allowExcessArguments(true)
    .showSuggestionAfterError(false);
  addGlobalOptions(program);
  program.addOption(new Option('-h, --help'));
  const withGlobals = (c: Command, spec: CommandSpec): WithGlobals => {
    const { version: _version, ...globals } = optionValues(GLOBAL_OPTIONS, program.opts());
    return { globals, unknown: argparseOrder(maskUnknown(c.args, spec)), argv };
  };

  // argparse's option rules first, as the AWS CLI's parsers apply them (prefixes written out,
  // option-like words refused as values: argv-prepass.ts); `argv` stays as typed for --debug.
  const words = prepassArgv(argv, globalArities(), commandArities);
  const named = new Set(words);

  for (const op of OPERATIONS) {
    if (!named.has(op.cliName)) continue;
    const spec = operationCommand(op);
    subcommand(program, spec).action((opts: Record<string, unknown>, c: Command) => {
      const members: Record<string, string | string[]> = {};
      for (const m of op.input) {
        const v = opts[m.name]; // commander's key for --client-id is clientId: the member name
        if (v !== undefined) members[m.name] = v as string | string[];
      }
      result = { kind: 'operation', op, members, options: optionValues(OPERATION_OPTIONS, opts), ...withGlobals(c, spec) };
    });
  }
  for (const kind of EXTRA_COMMANDS) {
    const spec: CommandSpec = COMMANDS[kind];
    if (!named.has(spec.name)) continue;
    const cmd = subcommand(program, spec);
    const { positional } = spec;
    // The casts: TypeScript cannot follow `kind` through the loop; CommandInvocation<kind> is what is built.
    if (positional !== undefined) {
      cmd.argument(`[${positional.name}]`).action((word: string | undefined) => {
        result = { kind, [positional.name]: word } as Invocation;
      });
    } else {
      cmd.action((opts: Record<string, unknown>, c: Command) => {
        result = { kind, options: optionValues(spec.options, opts), ...withGlobals(c, spec) } as Invocation;
      });
    }
  }
  program.action(() => {
    const words = program.args;
    if (program.opts()[optionKey('--version')] === true) result = { kind: 'version' };
    else if (program.opts()['help'] === true) result = { kind: 'help' };
    else if (words.length === 0) throw new UsageError('the following arguments are required: command');
    else throw unknownCommand(words[0] as string, commandNames());
  });

  try {
    program.parse(words, { from: 'user' });
  } catch (e) {
    // --version and help win over every other problem commander finds, as in the AWS CLI.
    if (words.includes('--version')) return { kind: 'version' };
    if (e instanceof CommanderError) throw translate(e);
    throw e;
  }
  if (result === undefined) return { kind: 'help' };
  if ('globals' in result) {
    if (program.opts()['version'] === true) return { kind: 'version' };
    if (program.opts()['help'] === true || (result.unknown.length === 1 && result.unknown[0] === 'help')) {
      return { kind: 'help', command: result.kind === 'operation' ? result.op.cliName : result.kind };
    }
  }
  return result;
}

/**
 * Parse: argv -> Invocation. The command tree is commander's; the options come from the operation
 * descriptions and GLOBAL_OPTIONS; commander's errors are turned into the AWS CLI's argparse
 * wording. Nothing here reads files, the environment or the network.
 */
import { Command, CommanderError, Option } from 'commander';
import type { GlobalArgs } from '../config/types.js';
import { UsageError } from '../errors.js';
import { OPERATIONS } from '../model/operations/index.js';
import { login } from '../model/login.js';
import type { Member, OperationDescription } from '../model/types.js';
import { optionName } from '../model/types.js';
import { GLOBAL_OPTIONS, SKELETON_CHOICES, type GlobalOption } from './global-options.js';
import { invalidChoice, unknownCommand } from './usage.js';

/** Commands that are not service operations. */
export const EXTRA_COMMANDS = ['login', 'completion', 'help'] as const;

export interface OperationInvocation {
  kind: 'operation';
  op: OperationDescription;
  /** Values typed for the members, by API name (raw strings; file:// not yet loaded). */
  members: Record<string, string | string[]>;
  cliInputJson?: string;
  skeleton?: 'input' | 'output';
  globals: GlobalArgs;
  /** Unknown options and stray words, in argparse's reporting order. */
  unknown: string[];
  /** The argv as typed, for --debug (secret values are masked before logging). */
  argv: readonly string[];
}

export type Invocation =
  | OperationInvocation
  | { kind: 'version' }
  | { kind: 'help'; command?: string }
  | { kind: 'completion'; shell: string | undefined }
  | LoginInvocation;

export interface LoginInvocation {
  kind: 'login';
  options: { startUrl?: string; ssoSession?: string; scopes?: string[]; browser?: boolean; useDeviceCode?: boolean };
  globals: GlobalArgs;
  unknown: string[];
  argv: readonly string[];
}

function onceParser(flag: string, convert: (v: string) => unknown = (v) => v) {
  return (value: string, previous: unknown): unknown => {
    if (previous !== undefined) throw new UsageError(`argument ${flag}: may be given only once`);
    return convert(value);
  };
}

function choiceParser(flag: string, choices: readonly string[]) {
  return onceParser(flag, (v) => {
    if (!choices.includes(v)) throw invalidChoice(flag, choices, v);
    return v;
  });
}

/** Python's int() on a timeout value, with the AWS CLI's messages. */
function timeoutParser(flag: string) {
  return onceParser(flag, (v) => {
    if (!/^\s*[-+]?[0-9]+\s*$/.test(v)) throw new UsageError(`argument ${flag}: invalid literal for int() with base 10: '${v}'`);
    const n = Number.parseInt(v, 10);
    if (n < 0) {
      const what = flag === '--cli-read-timeout' ? 'read' : 'connect';
      throw new UsageError(
        `Attempted to set ${what} timeout to ${n}, but the timeout cannot be set to a value less than or equal to 0.`,
        { showUsage: false },
      );
    }
    return n;
  });
}

/** A global option's error comes from AWS CLI v2's main parser: no parsed globals there. */
function globalParse<T extends (...args: never[]) => unknown>(parse: T): T {
  return ((...args: Parameters<T>) => {
    try {
      return parse(...args);
    } catch (e) {
      if (e instanceof UsageError) e.globalParse = true;
      throw e;
    }
  }) as T;
}

function addGlobal(cmd: Command, g: GlobalOption): void {
  if (g.kind === 'boolean' || g.kind === 'negated') {
    cmd.addOption(new Option(g.flag));
    return;
  }
  const opt = new Option(`${g.flag} <value>`);
  if (g.kind === 'choice') opt.argParser(globalParse(choiceParser(g.flag, g.choices ?? [])));
  else if (g.kind === 'integer') opt.argParser(globalParse(timeoutParser(g.flag)));
  else opt.argParser(globalParse(onceParser(g.flag)));
  cmd.addOption(opt);
}

function addMember(cmd: Command, m: Member): void {
  const flag = optionName(m);
  if (m.type === 'list') {
    cmd.addOption(new Option(`${flag} <values...>`).argParser((v: string, prev: unknown) => [...((prev as string[]) ?? []), v]));
  } else {
    cmd.addOption(new Option(`${flag} <value>`).argParser(onceParser(flag)));
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

function globalsFrom(opts: Record<string, unknown>): GlobalArgs {
  return {
    debug: opts['debug'] === true,
    endpointUrl: opts['endpointUrl'] as string | undefined,
    verifySsl: opts['verifySsl'] !== false,
    paginate: opts['paginate'] !== false,
    output: opts['output'] as string | undefined,
    query: opts['query'] as string | undefined,
    profile: opts['profile'] as string | undefined,
    region: opts['region'] as string | undefined,
    color: opts['color'] as GlobalArgs['color'],
    signRequest: opts['signRequest'] !== false,
    caBundle: opts['caBundle'] as string | undefined,
    cliReadTimeout: opts['cliReadTimeout'] as number | undefined,
    cliConnectTimeout: opts['cliConnectTimeout'] as number | undefined,
    cliErrorFormat: opts['cliErrorFormat'] as string | undefined,
  };
}

/** Every command word, in the order the parser lists them. */
export function commandNames(): string[] {
  return [...OPERATIONS.map((o) => o.cliName), ...EXTRA_COMMANDS];
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

/** Parses the words after the program name. Throws UsageError. */
export function parseArgv(argv: readonly string[]): Invocation {
  let result: Invocation | undefined;
  const program = new Command('sso-oidc')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined })
    .helpOption(false)
    .helpCommand(false)
    .allowExcessArguments(true)
    .showSuggestionAfterError(false);
  for (const g of GLOBAL_OPTIONS) addGlobal(program, g);
  program.addOption(new Option('-h, --help'));
  const globals = (): GlobalArgs => globalsFrom(program.opts());

  for (const op of OPERATIONS) {
    const cmd = program.command(op.cliName).helpOption(false).allowUnknownOption().allowExcessArguments(true);
    for (const m of op.input) addMember(cmd, m);
    cmd.addOption(new Option('--cli-input-json <value>').argParser(onceParser('--cli-input-json')));
    cmd.addOption(
      new Option('--generate-cli-skeleton [value]').argParser(choiceParser('--generate-cli-skeleton', SKELETON_CHOICES)),
    );
    cmd.action((opts: Record<string, unknown>, c: Command) => {
      const members: Record<string, string | string[]> = {};
      for (const m of op.input) {
        const v = opts[m.name]; // commander's key for --client-id is clientId: the member name
        if (v !== undefined) members[m.name] = v as string | string[];
      }
      const skel = opts['generateCliSkeleton'];
      result = {
        kind: 'operation',
        op,
        members,
        cliInputJson: opts['cliInputJson'] as string | undefined,
        skeleton: skel === undefined ? undefined : skel === true ? 'input' : (skel as 'input' | 'output'),
        globals: globals(),
        unknown: argparseOrder(c.args),
        argv,
      };
    });
  }
  const loginCmd = program.command('login').helpOption(false).allowUnknownOption().allowExcessArguments(true);
  for (const o of login.options) {
    if (o.kind === 'list') loginCmd.addOption(new Option(`${o.flag} <values...>`));
    else if (o.kind === 'string') loginCmd.addOption(new Option(`${o.flag} <value>`).argParser(onceParser(o.flag)));
    else loginCmd.addOption(new Option(o.flag));
  }
  loginCmd.action((opts: LoginInvocation['options'], c: Command) => {
    result = { kind: 'login', options: opts, globals: globals(), unknown: argparseOrder(c.args), argv };
  });
  program
    .command('completion')
    .argument('[shell]')
    .allowExcessArguments(true)
    .action((shell: string | undefined) => {
      result = { kind: 'completion', shell };
    });
  program
    .command('help')
    .argument('[command]')
    .allowExcessArguments(true)
    .action((command: string | undefined) => {
      result = { kind: 'help', command };
    });
  program.action(() => {
    const words = program.args;
    if (program.opts()['version'] === true) result = { kind: 'version' };
    else if (program.opts()['help'] === true) result = { kind: 'help' };
    else if (words.length === 0) throw new UsageError('the following arguments are required: command');
    else throw unknownCommand(words[0] as string, commandNames());
  });

  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    // --version and help win over every other problem on the line, as in the AWS CLI.
    if (argv.includes('--version')) return { kind: 'version' };
    if (e instanceof CommanderError) throw translate(e);
    throw e;
  }
  if (result === undefined) return { kind: 'help' };
  if (result.kind === 'operation' || result.kind === 'login') {
    if (program.opts()['version'] === true) return { kind: 'version' };
    if (program.opts()['help'] === true || (result.unknown.length === 1 && result.unknown[0] === 'help')) {
      return { kind: 'help', command: result.kind === 'login' ? 'login' : result.op.cliName };
    }
  }
  return result;
}

/**
 * What help and completion know about each command, as one shape: the operation descriptions map
 * to it, and so do the commands that are not operations (login, completion, help). Manuals
 * (src/cli/help/manual.ts) and shell completion (src/cli/completion.ts) are both generated from it.
 */
import { login, logout, type CommandDescription } from '../../model/login.js';
import { findOperation } from '../../model/operations/index.js';
import type { Member, OperationDescription } from '../../model/types.js';
import { optionName } from '../../model/types.js';
import { GLOBAL_OPTIONS, OPERATION_EXTRA_OPTIONS, SKELETON_CHOICES, type GlobalOption } from '../global-options.js';
import { commandNames } from '../program.js';

export { commandNames };

/** One option (or positional argument) of a command. */
export interface HelpOption {
  /** As typed: `--client-id`; for a positional, its name: `shell`. */
  flag: string;
  /** As the manual shows it in brackets: string, list, integer, long, boolean. */
  type: string;
  /** What follows the flag: nothing, a value, or an optional value. */
  value: 'none' | 'required' | 'optional';
  required?: boolean;
  /** A word typed without a flag (`sso-oidc completion bash`). */
  positional?: boolean;
  /** Values offered by completion; the manual lists them for positionals. */
  choices?: readonly string[];
  /** The value is a file path (completion offers files). */
  file?: boolean;
  doc: string;
}

/** Everything the manual of one command and its shell completion are made from. */
export interface HelpDescriptor {
  /** The command as typed: start-device-authorization. */
  name: string;
  doc: string;
  /** The command's own options, in manual order (the global options are added when `globals`). */
  options: readonly HelpOption[];
  /** Whether the command takes the global options. */
  globals: boolean;
  examples: readonly { title: string; command: string; output?: string }[];
  /** What the command prints, for the OUTPUT section; no section when undefined. */
  output?: readonly Member[];
}

/** The shells `sso-oidc completion` writes scripts for. */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;

/** Global options whose value is a file path. */
const FILE_GLOBALS: readonly string[] = ['--ca-bundle'];

function globalOption(g: GlobalOption): HelpOption {
  const flagOnly = g.kind === 'boolean' || g.kind === 'negated';
  return {
    flag: g.flag,
    type: flagOnly ? 'boolean' : g.kind === 'integer' ? 'int' : 'string',
    value: flagOnly ? 'none' : 'required',
    choices: g.choices,
    file: FILE_GLOBALS.includes(g.flag),
    doc: g.doc,
  };
}

/** The global options (GLOBAL_OPTIONS, in order) as help options. */
export function globalHelpOptions(): HelpOption[] {
  return GLOBAL_OPTIONS.map(globalOption);
}

function memberOption(m: Member): HelpOption {
  return { flag: optionName(m), type: m.type, value: 'required', required: m.required === true, doc: m.doc };
}

/** An operation's manual and completion, from its description. */
export function operationHelp(op: OperationDescription): HelpDescriptor {
  const extra: HelpOption[] = OPERATION_EXTRA_OPTIONS.map((o) =>
    o.flag === '--generate-cli-skeleton'
      ? { flag: o.flag, type: 'string', value: 'optional', choices: SKELETON_CHOICES, doc: o.doc }
      : { flag: o.flag, type: 'string', value: 'required', doc: o.doc },
  );
  return {
    name: op.cliName,
    doc: op.doc,
    options: [...op.input.map(memberOption), ...extra],
    globals: true,
    examples: op.examples,
    output: op.output,
  };
}

/** login and logout, from their descriptions (src/model/login.ts). */
function commandHelp(c: CommandDescription): HelpDescriptor {
  return {
    name: c.cliName,
    doc: c.doc,
    options: c.options.map((o) => ({
      flag: o.flag,
      type: o.kind === 'list' ? 'list' : o.kind === 'string' ? 'string' : 'boolean',
      value: o.kind === 'boolean' || o.kind === 'negated' ? 'none' : 'required',
      doc: o.doc,
    })),
    globals: true,
    examples: c.examples,
  };
}

export const LOGIN_HELP: HelpDescriptor = commandHelp(login);
const LOGOUT_HELP: HelpDescriptor = commandHelp(logout);

const COMPLETION_HELP: HelpDescriptor = {
  name: 'completion',
  doc: 'Print a shell completion script (bash, zsh, fish).\n\nLoad it in the current shell, or install it where the shell looks for completions, as the examples show.',
  options: [
    {
      flag: 'shell',
      type: 'string',
      value: 'required',
      required: true,
      positional: true,
      choices: COMPLETION_SHELLS,
      doc: 'The shell to write the script for.',
    },
  ],
  globals: false,
  examples: [
    { title: 'To complete sso-oidc in the current bash session', command: 'source <(sso-oidc completion bash)' },
    {
      title: 'To install the bash completion for your user',
      command: 'sso-oidc completion bash > ~/.local/share/bash-completion/completions/sso-oidc',
    },
    { title: 'To install the zsh completion (the directory must be on $fpath)', command: 'sso-oidc completion zsh > ~/.zfunc/_sso-oidc' },
    { title: 'To install the fish completion', command: 'sso-oidc completion fish > ~/.config/fish/completions/sso-oidc.fish' },
  ],
};

function helpHelp(): HelpDescriptor {
  return {
    name: 'help',
    doc: 'Show the manual of sso-oidc, or of one of its commands.',
    options: [
      {
        flag: 'command',
        type: 'string',
        value: 'optional',
        positional: true,
        choices: commandNames(),
        doc: 'The command whose manual to show. Without it, the overview of sso-oidc.',
      },
    ],
    globals: false,
    examples: [{ title: 'To read the manual of one command', command: 'sso-oidc help start-device-authorization' }],
  };
}

/** Every command's descriptor, in the order the parser lists them. */
export function helpDescriptors(): HelpDescriptor[] {
  return commandNames().map((name) => findHelpDescriptor(name) ?? { name, doc: '', options: [], globals: true, examples: [] });
}

/** The descriptor of a command word, or undefined when no such command exists. */
export function findHelpDescriptor(name: string): HelpDescriptor | undefined {
  const op = findOperation(name);
  if (op !== undefined) return operationHelp(op);
  if (name === 'login') return LOGIN_HELP;
  if (name === 'logout') return LOGOUT_HELP;
  if (name === 'completion') return COMPLETION_HELP;
  if (name === 'help') return helpHelp();
  return undefined;
}

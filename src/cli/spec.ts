/**
 * THE option and command spec: every option of every command, global or not, in one shape
 * (`OptionSpec`), and every command in another (`CommandSpec`). The parser (program.ts), the
 * manuals (help/*), the completion scripts (src/commands/completion.ts), the unknown-option hints,
 * the --debug argv masking and the TypeScript types of each invocation are all derived from it.
 * Adding an option is one line here; the operation commands get theirs from the operation
 * descriptions (src/model/operations/*.ts), whose members stay the source.
 *
 * Data only: this module is on every run's start-up path. Texts are the AWS CLI's own help.
 */
import { OPERATIONS } from '../model/operations/index.js';
import type { Member, OperationDescription } from '../model/types.js';
import { optionName } from '../model/types.js';

// ---------------------------------------------------------------- choice lists

/** AWS CLI v2's formats (v1 has only json, text and table: a deliberate difference, README). */
export const OUTPUT_CHOICES = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'] as const;
/** An --output format (and `output` of the config file). */
export type OutputKind = (typeof OUTPUT_CHOICES)[number];
export const COLOR_CHOICES = ['on', 'off', 'auto'] as const;
/** v2's skeletons (v1's are input and output). */
export const SKELETON_CHOICES = ['input', 'output', 'yaml-input'] as const;
/** AWS CLI v2's error formats (awscli/errorhandler.py VALID_ERROR_FORMATS), in its order. */
export const ERROR_FORMAT_CHOICES = ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'] as const;
export const BINARY_FORMAT_CHOICES = ['base64', 'raw-in-base64-out'] as const;
/** The shells `sso-oidc completion` writes scripts for. */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;

// ---------------------------------------------------------------- shapes

/**
 * How an option is typed and parsed:
 * - boolean: a bare flag, true when given (false otherwise);
 * - negated: a bare `--no-x` flag, its value (key `x`) false when given (true otherwise);
 * - string: one value, given once;
 * - integer: one value, Python's int() (the two timeouts: negative values are refused);
 * - choice: one value among `choices`; with `implied`, the value may be left out and is `implied`;
 * - list: one or more values, repeated occurrences add to the list.
 */
export type OptionKind = 'boolean' | 'negated' | 'string' | 'integer' | 'choice' | 'list';

export interface OptionSpec {
  /** As typed: --endpoint-url. Its key in the parsed values is camelCase without `--`/`--no-`. */
  readonly flag: string;
  readonly kind: OptionKind;
  readonly choices?: readonly string[];
  /** choice only: the value when the flag is given bare (--generate-cli-skeleton = input). */
  readonly implied?: string;
  /** argparse requires it (operation members; not when --cli-input-json may carry it). */
  readonly required?: boolean;
  /** Its value is a secret: --debug shows it as ***. */
  readonly sensitive?: boolean;
  /** Its value is a file path: completion offers files. */
  readonly file?: boolean;
  /** The type word of the manual when it is not the kind's (members: integer, long). */
  readonly helpType?: string;
  /**
   * Options that exclude each other (v2's `cli_input` group: --cli-input-json, --cli-input-yaml):
   * the manual shows a run of them as one entry, `[--cli-input-json | --cli-input-yaml]`, with the
   * first one's doc; the parser and completion still know each.
   */
  readonly group?: string;
  readonly doc: string;
}

/** A word typed without a flag (`sso-oidc completion bash`). */
export interface PositionalSpec {
  readonly name: string;
  /** Shown as required in the manual; the command checks it (argparse's choice error). */
  readonly required?: boolean;
  readonly choices: readonly string[];
  readonly doc: string;
}

export interface Example {
  readonly title: string;
  readonly command: string;
  readonly output?: string;
}

export interface CommandSpec {
  /** The command word: start-device-authorization, login. */
  readonly name: string;
  readonly doc: string;
  /** Its own options, in manual order (not the global ones). */
  readonly options: readonly OptionSpec[];
  /** Whether it takes the global options. */
  readonly globals: boolean;
  readonly positional?: PositionalSpec;
  readonly examples: readonly Example[];
  /** What it prints, for the manual's OUTPUT section (operations). */
  readonly output?: readonly Member[];
}

// ---------------------------------------------------------------- derived types

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
/** The key of a flag's value: --no-verify-ssl -> verifySsl, --client-id -> clientId. */
export type OptionKey<F extends string> = F extends `--no-${infer R}` ? Camel<R> : F extends `--${infer R}` ? Camel<R> : never;
type ValueOf<O extends OptionSpec> = O extends { kind: 'integer' }
  ? number
  : O extends { kind: 'list' }
    ? string[]
    : O extends { kind: 'choice'; choices: readonly (infer C)[] }
      ? C
      : string;
type Flags<O> = Extract<O, { kind: 'boolean' | 'negated' }>;
type Valued<O> = Exclude<O, { kind: 'boolean' | 'negated' }>;

/** The parsed values of a list of options: flags always set, valued options when given. */
export type OptionValues<T extends readonly OptionSpec[]> = {
  [O in Flags<T[number]> as OptionKey<O['flag']>]: boolean;
} & { [O in Valued<T[number]> as OptionKey<O['flag']>]?: ValueOf<O> };

/** commander's key for a flag, as OptionKey does it for the types. */
export function optionKey(flag: string): string {
  return flag.replace(/^--(no-)?/, '').replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Whether the option is a bare flag (takes no value). */
export const isFlag = (o: OptionSpec): boolean => o.kind === 'boolean' || o.kind === 'negated';

// ---------------------------------------------------------------- the global options

export const VERSION_OPTION = {
  flag: '--version',
  kind: 'boolean',
  doc: 'Display the version of this tool.',
} as const satisfies OptionSpec;

export const GLOBAL_OPTIONS = [
  {
    flag: '--debug',
    kind: 'boolean',
    doc: 'Turn on debug logging. Secrets (client secrets, device codes, tokens) are always shown as ***.',
  },
  { flag: '--endpoint-url', kind: 'string', doc: "Override command's default URL with the given URL." },
  {
    flag: '--no-verify-ssl',
    kind: 'negated',
    doc: 'By default, the AWS CLI uses SSL when communicating with AWS services. For each SSL connection, the AWS CLI will verify SSL certificates. This option overrides the default behavior of verifying SSL certificates.',
  },
  {
    flag: '--no-paginate',
    kind: 'negated',
    doc: 'Disable automatic pagination. (Accepted for compatibility: these operations are not paginated.)',
  },
  { flag: '--output', kind: 'choice', choices: OUTPUT_CHOICES, doc: 'The formatting style for command output.' },
  { flag: '--query', kind: 'string', doc: 'A JMESPath query to use in filtering the response data.' },
  { flag: '--profile', kind: 'string', doc: 'Use a specific profile from your credential file.' },
  { flag: '--region', kind: 'string', doc: 'The region to use. Overrides config/env settings.' },
  VERSION_OPTION,
  { flag: '--color', kind: 'choice', choices: COLOR_CHOICES, doc: 'Turn on/off color output.' },
  {
    flag: '--no-sign-request',
    kind: 'negated',
    doc: 'Do not sign requests. Credentials will not be loaded if this argument is provided. (These operations are always unsigned.)',
  },
  {
    flag: '--ca-bundle',
    kind: 'string',
    file: true,
    doc: 'The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.',
  },
  {
    flag: '--cli-read-timeout',
    kind: 'integer',
    doc: 'The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and not timeout. The default value is 60 seconds.',
  },
  {
    flag: '--cli-connect-timeout',
    kind: 'integer',
    doc: 'The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be blocking and not timeout. The default value is 60 seconds.',
  },
  // AWS CLI v2's global options. The three compatibility flags change nothing here.
  {
    flag: '--cli-binary-format',
    kind: 'choice',
    choices: BINARY_FORMAT_CHOICES,
    doc: 'The formatting style to be used for binary blobs. (Accepted for compatibility with AWS CLI v2: these operations have no binary members.)',
  },
  {
    flag: '--no-cli-pager',
    kind: 'negated',
    doc: 'Disable cli pager for output. (Accepted for compatibility with AWS CLI v2: output is never paged; AWS_PAGER and cli_pager are ignored.)',
  },
  {
    flag: '--no-cli-auto-prompt',
    kind: 'negated',
    doc: 'Disable automatically prompt for CLI input parameters. (Accepted for compatibility with AWS CLI v2: we never prompt.)',
  },
  {
    flag: '--cli-error-format',
    kind: 'choice',
    choices: ERROR_FORMAT_CHOICES,
    doc: 'The formatting style for error output, as AWS CLI v2 prints it (also AWS_CLI_ERROR_FORMAT and cli_error_format in the config). Without any of them errors are worded as AWS CLI v1 words them.',
  },
] as const satisfies readonly OptionSpec[];

/** The global options as parsed (--version is not among them: it picks the version command). */
export type GlobalArgs = Omit<OptionValues<typeof GLOBAL_OPTIONS>, OptionKey<(typeof VERSION_OPTION)['flag']>>;

// ---------------------------------------------------------------- the operation commands

/** Options every operation command has besides its members. */
export const OPERATION_OPTIONS = [
  {
    flag: '--cli-input-json',
    kind: 'string',
    group: 'cli_input',
    doc: 'Performs service operation based on the JSON string provided. The JSON string follows the format provided by --generate-cli-skeleton. If other arguments are provided on the command line, the CLI values will override the JSON-provided values. It is not possible to pass arbitrary binary values using a JSON-provided value as the string will be taken literally. This may not be specified along with --cli-input-yaml.',
  },
  {
    flag: '--cli-input-yaml',
    kind: 'string',
    group: 'cli_input',
    doc: 'Reads arguments from the YAML string provided. The YAML string follows the format provided by --generate-cli-skeleton yaml-input. If other arguments are provided on the command line, those values will override the YAML-provided values. This may not be specified along with --cli-input-json.',
  },
  {
    flag: '--generate-cli-skeleton',
    kind: 'choice',
    choices: SKELETON_CHOICES,
    implied: 'input',
    doc: 'Prints a JSON skeleton to standard output without sending an API request. If provided with no value or the value input, prints a sample input JSON that can be used as an argument for --cli-input-json. Similarly, if provided yaml-input it will print a sample input YAML that can be used with --cli-input-yaml. If provided with the value output, it validates the command inputs and returns a sample output JSON for that command.',
  },
] as const satisfies readonly OptionSpec[];

export type OperationOptions = OptionValues<typeof OPERATION_OPTIONS>;

/** A member of an operation's input as an option: its key is the member's name. */
function memberOption(m: Member): OptionSpec {
  return {
    flag: optionName(m),
    kind: m.type === 'list' ? 'list' : 'string',
    ...(m.type === 'integer' || m.type === 'long' ? { helpType: m.type } : {}),
    ...(m.required ? { required: true } : {}),
    ...(m.sensitive ? { sensitive: true } : {}),
    doc: m.doc,
  };
}

/** An operation's command: its members, then OPERATION_OPTIONS. */
export function operationCommand(op: OperationDescription): CommandSpec {
  return {
    name: op.cliName,
    doc: op.doc,
    options: [...op.input.map(memberOption), ...OPERATION_OPTIONS],
    globals: true,
    examples: op.examples,
    output: op.output,
  };
}

// ---------------------------------------------------------------- the other commands

export const LOGIN_OPTIONS = [
  { flag: '--start-url', kind: 'string', doc: 'The URL for the AWS access portal. Overrides sso_start_url of the profile or sso-session.' },
  {
    flag: '--sso-session',
    kind: 'string',
    doc: 'The [sso-session NAME] section of the config file to log in with. The token is cached under this name.',
  },
  {
    flag: '--scopes',
    kind: 'list',
    doc: 'The scopes to register the client with. Overrides sso_registration_scopes. With scopes the service also issues a refresh token.',
  },
  {
    flag: '--no-browser',
    kind: 'negated',
    doc: 'Do not open a browser: use the device code flow and print the URL and the code only.',
  },
  {
    flag: '--use-device-code',
    kind: 'boolean',
    doc: 'Use the device code flow instead of the authorization code flow with PKCE (the default for an sso-session, as in AWS CLI v2).',
  },
  { flag: '--force', kind: 'boolean', doc: 'Sign in again even when the cached token is still valid or can be refreshed.' },
  { flag: '--no-qr', kind: 'negated', doc: 'Do not print the QR code of the verification URL in the device code flow.' },
] as const satisfies readonly OptionSpec[];

export const LOGOUT_OPTIONS = [
  { flag: '--sso-session', kind: 'string', doc: 'Remove only the token cached for this [sso-session NAME].' },
  {
    flag: '--start-url',
    kind: 'string',
    doc: 'Remove only the tokens cached for this start URL (under the URL, or for a session that uses it).',
  },
] as const satisfies readonly OptionSpec[];

/** The commands that are not service operations, in the order the parser lists them. */
export const COMMANDS = {
  login: {
    name: 'login',
    doc:
      'Sign in to IAM Identity Center and write the token cache the AWS CLI v2 and SDKs read (~/.aws/sso/cache, as ' +
      '`aws sso login` does). A cached token with more than 15 minutes left is reused without a request (--force signs ' +
      'in again); an expiring one is refreshed with its refresh token when it has one. Otherwise, as the AWS CLI v2: ' +
      'with an sso-session, the authorization code flow with PKCE in your browser; with --use-device-code or a legacy ' +
      'profile (sso_start_url), the device code flow. Where no browser can be opened (an SSH session, CI=true, Linux ' +
      'without DISPLAY or WAYLAND_DISPLAY unless BROWSER is set, or --no-browser) the device code flow is used, with a QR ' +
      'code of the URL on a terminal. The start URL and region come from --start-url/--region, or from the profile ' +
      '(sso_session and its [sso-session] section, or the legacy sso_start_url and sso_region). Messages go to ' +
      'standard error; standard output gets one line.',
    options: LOGIN_OPTIONS,
    globals: true,
    examples: [
      { title: 'To log in with an sso-session of your config file', command: 'sso-oidc login --sso-session my-sso' },
      {
        title: 'To log in with a start URL, without a browser (a remote shell)',
        command: 'sso-oidc login --start-url https://my-sso-portal.awsapps.com/start --region us-east-1 --no-browser',
      },
    ],
  },
  logout: {
    name: 'logout',
    doc:
      'Remove cached IAM Identity Center access tokens, as `aws sso logout` does: with --sso-session, the token of that ' +
      'session; with --start-url, the tokens for that start URL; with neither, every cached token. Client registrations ' +
      'stay, so the next login needs no new registration. Each removed token is listed on standard output; with ' +
      "nothing to remove it says so and exits 0. Unlike the AWS CLI v2, it does not call the AWS access portal's Logout " +
      'API (that is the SSO portal service, not SSO-OIDC), so the tokens stay valid on the server until they expire.',
    options: LOGOUT_OPTIONS,
    globals: true,
    examples: [
      { title: 'To log out of one sso-session', command: 'sso-oidc logout --sso-session my-sso' },
      { title: 'To remove every cached token', command: 'sso-oidc logout' },
    ],
  },
  completion: {
    name: 'completion',
    doc: 'Print a shell completion script (bash, zsh, fish).\n\nLoad it in the current shell, or install it where the shell looks for completions, as the examples show.',
    options: [],
    globals: false,
    positional: { name: 'shell', required: true, choices: COMPLETION_SHELLS, doc: 'The shell to write the script for.' },
    examples: [
      { title: 'To complete sso-oidc in the current bash session', command: 'source <(sso-oidc completion bash)' },
      {
        title: 'To install the bash completion for your user',
        command: 'sso-oidc completion bash > ~/.local/share/bash-completion/completions/sso-oidc',
      },
      { title: 'To install the zsh completion (the directory must be on $fpath)', command: 'sso-oidc completion zsh > ~/.zfunc/_sso-oidc' },
      { title: 'To install the fish completion', command: 'sso-oidc completion fish > ~/.config/fish/completions/sso-oidc.fish' },
    ],
  },
  help: {
    name: 'help',
    doc: 'Show the manual of sso-oidc, or of one of its commands.',
    options: [],
    globals: false,
    positional: {
      name: 'command',
      get choices(): readonly string[] {
        return commandNames();
      },
      doc: 'The command whose manual to show. Without it, the overview of sso-oidc.',
    },
    examples: [{ title: 'To read the manual of one command', command: 'sso-oidc help start-device-authorization' }],
  },
} as const satisfies Record<string, CommandSpec>;

/** The command words that are not operations. */
export type ExtraCommand = keyof typeof COMMANDS;
export const EXTRA_COMMANDS = Object.keys(COMMANDS) as ExtraCommand[];

// ---------------------------------------------------------------- look-ups

/** Every command word, in the order the parser lists them: the operations, then COMMANDS. */
export function commandNames(): string[] {
  return [...OPERATIONS.map((o) => o.cliName), ...EXTRA_COMMANDS];
}

/** Every command's spec, in commandNames() order. */
export function commandSpecs(): CommandSpec[] {
  return [...OPERATIONS.map(operationCommand), ...EXTRA_COMMANDS.map((n) => COMMANDS[n])];
}

/** The spec of a command word, or undefined when no such command exists. */
export function findCommand(name: string): CommandSpec | undefined {
  const op = OPERATIONS.find((o) => o.cliName === name);
  if (op !== undefined) return operationCommand(op);
  return EXTRA_COMMANDS.includes(name as ExtraCommand) ? COMMANDS[name as ExtraCommand] : undefined;
}

/** The flags a command accepts: its own options, then the global ones (for hints and pre-passes). */
export function commandFlags(command: CommandSpec): string[] {
  return [...command.options, ...(command.globals ? GLOBAL_OPTIONS : [])].map((o) => o.flag);
}

/** Every option of every command, the global ones first (each flag once). */
export function allOptions(): OptionSpec[] {
  const seen = new Map<string, OptionSpec>();
  for (const o of [...GLOBAL_OPTIONS, ...commandSpecs().flatMap((c) => c.options)]) if (!seen.has(o.flag)) seen.set(o.flag, o);
  return [...seen.values()];
}

/** The values of `options` when none is given: flags false (negated: true), the rest absent. */
export function optionValues<T extends readonly OptionSpec[]>(options: T, given: Readonly<Record<string, unknown>>): OptionValues<T> {
  const out: Record<string, unknown> = {};
  for (const o of options) {
    const key = optionKey(o.flag);
    const v = given[key];
    if (o.kind === 'boolean') out[key] = v === true;
    else if (o.kind === 'negated') out[key] = v !== false;
    else if (v !== undefined) out[key] = v === true && o.implied !== undefined ? o.implied : v;
  }
  return out as OptionValues<T>;
}

/** The global options as parsed from a line that gives none of them. */
export function defaultGlobals(): GlobalArgs {
  const { version: _version, ...globals } = optionValues(GLOBAL_OPTIONS, {});
  return globals;
}

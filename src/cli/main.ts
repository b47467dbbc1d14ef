/**
 * main(argv, deps) -> exit code. The one place that turns errors into stderr text and an exit
 * code; nothing below it writes errors or exits.
 */
import type { CommandModule } from '../commands/command.js';
import { createDebugLog, silentLog, type DebugLog } from '../debug/log.js';
import type { Deps } from '../deps.js';
import { CliError, EXIT, InterruptedError, UsageError } from '../errors.js';
import { ERROR_FORMAT_CHOICES } from './spec.js';
import { maskUrlCredentials } from '../debug/mask-url.js';
import { terminalSafe } from '../debug/terminal-safe.js';
import { fastParse } from './fast-parse.js';
import type { Invocation } from './program.js';
import { quickParse } from './quick-parse.js';
import { PROG, USAGE_BLOCK } from './usage.js';
import { versionLine } from './version.js';

type Kind = Invocation['kind'];

/**
 * Each kind of invocation's command module, imported only when it runs: --version, help and
 * completion never load the SDK, the configuration or the formatters.
 */
const COMMAND_MODULES: { [K in Kind]: () => Promise<CommandModule<Extract<Invocation, { kind: K }>>> } = {
  version: () => import('../commands/version.js'),
  help: () => import('../commands/help.js'),
  completion: () => import('../commands/completion.js'),
  operation: () => import('../commands/operation.js'),
  login: () => import('../commands/login.js'),
  logout: () => import('../commands/logout.js'),
};

async function run<K extends Kind>(inv: Extract<Invocation, { kind: K }>, deps: Deps, log: DebugLog): Promise<void> {
  const command = await COMMAND_MODULES[inv.kind]();
  // The run's deps are the caller's (whatever object they are, getters included) plus the log.
  await command.run(inv, Object.assign(Object.create(deps) as Deps, { log }));
}

/** The text main writes to stderr for an error. */
export function errorText(e: CliError): string {
  if (e instanceof UsageError) {
    return e.showUsage ? `${USAGE_BLOCK}${PROG}: error: ${e.message}\n` : `${e.message}\n`;
  }
  return e.layout === 'aws' ? `\n${e.message}\n` : `${e.message}\n`;
}

/** `--cli-error-format X` as typed, for errors the parser raised before it had the globals. */
function typedErrorFormat(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--cli-error-format') found = argv[i + 1];
    else if (a.startsWith('--cli-error-format=')) found = a.slice('--cli-error-format='.length);
  });
  return found !== undefined && (ERROR_FORMAT_CHOICES as readonly string[]).includes(found) ? found : undefined;
}

/** The error text: AWS CLI v2's when an error format is in force, else the AWS CLI v1 wording. */
async function printedError(e: CliError, argv: readonly string[], inv: Invocation | undefined, deps: Deps): Promise<string> {
  const globals = inv !== undefined && 'globals' in inv ? inv.globals : undefined;
  // v2's main parser failing leaves no parsed globals: then only the environment and config count.
  const flag = globals ? globals.cliErrorFormat : e instanceof UsageError && e.globalParse ? undefined : typedErrorFormat(argv);
  if (flag === undefined && !deps.env['AWS_CLI_ERROR_FORMAT'] && !(await mayConfigureErrorFormat(deps))) return errorText(e);
  const { formatError } = await import('./error-format.js');
  const ctx = { flag, profile: globals?.profile, color: globals?.color };
  return (await formatError(e, ctx, deps)) ?? errorText(e);
}

/**
 * False when no shared file can hold cli_error_format: most configs never mention it, so the
 * bytes are looked at before any config module loads (the error path of every run stays light).
 */
async function mayConfigureErrorFormat(deps: Deps): Promise<boolean> {
  const home = deps.homedir.replace(/\/+$/, '');
  const files = [
    deps.env['AWS_CONFIG_FILE'] ?? `${home}/.aws/config`,
    deps.env['AWS_SHARED_CREDENTIALS_FILE'] ?? `${home}/.aws/credentials`,
  ];
  for (const f of files) {
    // `~`, `$VAR` and relative paths: the config loader expands them; let it decide.
    if (f !== '' && !f.startsWith('/')) return true;
    // Often there is no credentials file: an exists() costs less than the ENOENT error of a read.
    if (!deps.fs.exists(f)) continue;
    try {
      const bytes = await deps.fs.read(f, { maxBytes: 1024 * 1024, signal: deps.signal });
      if (/cli_error_format/i.test(bytes.toString('latin1'))) return true;
    } catch {
      // unreadable: nothing configured there
    }
  }
  return false;
}

/**
 * Every error and --debug line goes out through here: URL credentials masked always (whatever
 * message quotes the URL), and on a terminal the control characters a server may have put in
 * its message shown as escapes. On a pipe the bytes stay the AWS CLI's.
 */
function stderrText(text: string, deps: Deps): string {
  const masked = maskUrlCredentials(text);
  return deps.stderr.isTTY ? terminalSafe(masked) : masked;
}

/**
 * A cause's text for --debug: whatever its message quotes, the secrets typed for this run (a
 * client secret, a device code, a token) and the values under secret keys in JSON show as ***.
 */
export async function withoutSecrets(text: string, inv: Invocation | undefined): Promise<string> {
  const { maskSecretsInJsonText, scrubSecrets } = await import('../debug/redact.js');
  const typed = inv?.kind === 'operation' ? inv.op.input.filter((m) => m.sensitive).flatMap((m) => [inv.members[m.name] ?? []].flat()) : [];
  return scrubSecrets(maskSecretsInJsonText(text), typed);
}

export async function main(argv: readonly string[], deps: Deps): Promise<number> {
  let log: DebugLog = silentLog;
  let inv: Invocation | undefined;
  try {
    // The words that need no parser rarely get here (start.ts answers them with quick.cjs); a
    // call typed plainly needs none either (fast-parse.ts). commander loads for everything else.
    inv = quickParse(argv) ?? fastParse(argv) ?? (await import('./program.js')).parseArgv(argv);
    if ('globals' in inv && inv.globals.debug) {
      log = createDebugLog((t) => deps.stderr.write(stderrText(t, deps)), deps.now);
      log.debug('clidriver', `CLI version: ${versionLine(deps.platform)}`);
      const { maskArgv } = await import('./mask-argv.js'); // --debug only: off the start-up path
      log.debug('clidriver', `Arguments entered to CLI: ${JSON.stringify(maskArgv(argv))}`);
    }
    await run(inv, deps, log);
    if (deps.signal.aborted) throw new InterruptedError();
    return EXIT.ok;
  } catch (e) {
    if (deps.signal.aborted || e instanceof InterruptedError) {
      // As the AWS CLI: a newline on stdout so the prompt starts on its own line, nothing on stderr.
      deps.stdout.write('\n');
      return EXIT.interrupted;
    }
    if (e instanceof CliError) {
      // A non-Error cause prints as JS prints it; never as JSON, whose fields could hold secrets.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      if (log.enabled && e.cause !== undefined) log.debug('clidriver', `Cause: ${await withoutSecrets(String(e.cause), inv)}`);
      deps.stderr.write(stderrText(await printedError(e, argv, inv, deps), deps));
      return e.exitCode;
    }
    // A bug: say what happened in one line; the stack only with --debug.
    const err = e as Error;
    if (log.enabled) log.debug('clidriver', err.stack ?? String(err));
    deps.stderr.write(stderrText(await printedError(new CliError(err?.message ?? String(e), EXIT.other), argv, inv, deps), deps));
    return EXIT.other;
  }
}

/**
 * main(argv, deps) -> exit code. The one place that turns errors into stderr text and an exit
 * code; nothing below it writes errors or exits.
 */
import { createDebugLog, silentLog, type DebugLog } from '../debug/log.js';
import type { Deps } from '../deps.js';
import { CliError, EXIT, InterruptedError, UsageError } from '../errors.js';
import { ERROR_FORMAT_CHOICES } from './global-options.js';
import { parseArgv, type Invocation } from './program.js';
import { PROG, USAGE_BLOCK } from './usage.js';
import { versionLine } from './version.js';

async function run(inv: Invocation, deps: Deps, log: DebugLog): Promise<void> {
  switch (inv.kind) {
    case 'version':
      deps.stdout.write(versionLine(deps.platform) + '\n');
      return;
    case 'help': {
      const { renderHelp } = await import('./help.js');
      deps.stdout.write(renderHelp(inv.command, deps.stdout.isTTY ? deps.stdout.columns : undefined));
      return;
    }
    case 'completion': {
      const { completionScript } = await import('./completion.js');
      deps.stdout.write(completionScript(inv.shell));
      return;
    }
    case 'operation': {
      const { runOperation } = await import('../commands/operation.js');
      await runOperation(inv, deps, log);
      return;
    }
    case 'login': {
      const { runLogin } = await import('../commands/login.js');
      await runLogin(inv, deps, log);
      return;
    }
  }
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
  const globals = inv?.kind === 'operation' || inv?.kind === 'login' ? inv.globals : undefined;
  // v2's main parser failing leaves no parsed globals: then only the environment and config count.
  const flag = globals ? globals.cliErrorFormat : e instanceof UsageError && e.globalParse ? undefined : typedErrorFormat(argv);
  if (flag === undefined && !deps.env['AWS_CLI_ERROR_FORMAT'] && !mayConfigureErrorFormat(deps)) return errorText(e);
  const { formatError } = await import('./error-format.js');
  const ctx = { flag, profile: globals?.profile, color: globals?.color };
  return (await formatError(e, ctx, deps)) ?? errorText(e);
}

/** False when no shared file can hold cli_error_format (cheap: no parser is loaded). */
function mayConfigureErrorFormat(deps: Deps): boolean {
  const home = deps.homedir.replace(/\/+$/, '');
  const files = [deps.env['AWS_CONFIG_FILE'] ?? `${home}/.aws/config`, deps.env['AWS_SHARED_CREDENTIALS_FILE'] ?? `${home}/.aws/credentials`];
  return files.some((f) => {
    try {
      return /cli_error_format/i.test(deps.fs.readFile(f).toString('latin1'));
    } catch {
      // Relative or $VAR paths and unreadable files: let the full resolver decide.
      return f !== '' && !f.startsWith('/');
    }
  });
}

export async function main(argv: readonly string[], deps: Deps): Promise<number> {
  let log: DebugLog = silentLog;
  let inv: Invocation | undefined;
  try {
    inv = parseArgv(argv);
    if ((inv.kind === 'operation' || inv.kind === 'login') && inv.globals.debug) {
      log = createDebugLog((t) => deps.stderr.write(t), deps.now);
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
      if (log.enabled && e.cause !== undefined) log.debug('clidriver', `Cause: ${String(e.cause)}`);
      deps.stderr.write(await printedError(e, argv, inv, deps));
      return e.exitCode;
    }
    // A bug: say what happened in one line; the stack only with --debug.
    const err = e as Error;
    if (log.enabled) log.debug('clidriver', err.stack ?? String(err));
    deps.stderr.write(await printedError(new CliError(err?.message ?? String(e), EXIT.other), argv, inv, deps));
    return EXIT.other;
  }
}

/**
 * main(argv, deps) -> exit code. The one place that turns errors into stderr text and an exit
 * code; nothing below it writes errors or exits.
 */
import { createDebugLog, silentLog, type DebugLog } from '../debug/log.js';
import type { Deps } from '../deps.js';
import { CliError, EXIT, InterruptedError, UsageError } from '../errors.js';
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
    case 'logout': {
      const { runLogout } = await import('../commands/logout.js');
      runLogout(inv, deps, log);
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

export async function main(argv: readonly string[], deps: Deps): Promise<number> {
  let log: DebugLog = silentLog;
  try {
    const inv = parseArgv(argv);
    if ((inv.kind === 'operation' || inv.kind === 'login' || inv.kind === 'logout') && inv.globals.debug) {
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
      deps.stderr.write(errorText(e));
      return e.exitCode;
    }
    // A bug: say what happened in one line; the stack only with --debug.
    const err = e as Error;
    if (log.enabled) log.debug('clidriver', err.stack ?? String(err));
    deps.stderr.write(`\n${err?.message ?? String(e)}\n`);
    return EXIT.other;
  }
}

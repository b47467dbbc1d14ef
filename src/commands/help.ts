/**
 * `sso-oidc help`, `sso-oidc help <command>`, `sso-oidc <command> help`: the manuals, generated
 * from the spec (src/cli/spec.ts). Printed directly (no pager), plain text.
 */
import { renderCommandHelp } from '../cli/help/manual.js';
import { renderOverview } from '../cli/help/overview.js';
import type { HelpInvocation } from '../cli/program.js';
import { COMMANDS, commandNames, findCommand } from '../cli/spec.js';
import { unknownCommand } from '../cli/usage.js';
import type { Deps, OutStream } from '../deps.js';

export const spec = COMMANDS.help;

/**
 * The manual for `command` (an operation's cliName, login, completion or help), or the tool's
 * overview when `command` is undefined. `columns` is the terminal width when stdout is a TTY;
 * text is wrapped to min(columns, 100), or 80 when undefined.
 *
 * @throws UsageError, as the parser's, when `command` is not a command.
 */
export function renderHelp(command: string | undefined, columns: number | undefined): string {
  if (command === undefined) return renderOverview(columns);
  const found = findCommand(command);
  if (found === undefined) throw unknownCommand(command, commandNames());
  return renderCommandHelp(found, columns);
}

/** The manual `inv` asks for, as written to `stdout` (wrapped to its width on a terminal). */
export function helpText(inv: HelpInvocation, stdout: OutStream): string {
  return renderHelp(inv.command, stdout.isTTY ? stdout.columns : undefined);
}

export function run(inv: HelpInvocation, deps: Deps): Promise<void> {
  deps.stdout.write(helpText(inv, deps.stdout));
  return Promise.resolve();
}

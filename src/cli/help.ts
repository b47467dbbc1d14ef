/**
 * `sso-oidc help`, `sso-oidc help <command>`, `sso-oidc <command> help`: the manuals, generated
 * from the operation descriptions and GLOBAL_OPTIONS. Printed directly (no pager), plain text.
 */
import { findHelpDescriptor, commandNames } from './help/commands.js';
import { renderCommandHelp } from './help/manual.js';
import { renderOverview } from './help/overview.js';
import { unknownCommand } from './usage.js';

export { renderCommandHelp } from './help/manual.js';
export { operationHelp, LOGIN_HELP, type HelpDescriptor, type HelpOption } from './help/commands.js';

/**
 * The manual for `command` (an operation's cliName, login, completion or help), or the tool's
 * overview when `command` is undefined. `columns` is the terminal width when stdout is a TTY;
 * text is wrapped to min(columns, 100), or 80 when undefined.
 *
 * @throws UsageError, as the parser's, when `command` is not a command.
 */
export function renderHelp(command: string | undefined, columns: number | undefined): string {
  if (command === undefined) return renderOverview(columns);
  const descriptor = findHelpDescriptor(command);
  if (descriptor === undefined) throw unknownCommand(command, commandNames());
  return renderCommandHelp(descriptor, columns);
}

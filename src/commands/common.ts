/**
 * The steps the commands share, called rather than copied: the command-line checks every command
 * that takes the global options makes before anything else, and the service call (the SDK with
 * warn-once, then the response shaped to the output members). Heavy modules load only when a step
 * needs them.
 */
import type { AwsCredentialIdentity } from '@smithy/types';
import { unknownOptionsError } from '../cli/usage.js';
import { userAgent } from '../cli/version.js';
import { commandFlags, type CommandSpec, type GlobalArgs } from '../cli/spec.js';
import type { ResolvedConfig } from '../config/types.js';
import { ParamError } from '../errors.js';
import type { OperationDescription } from '../model/types.js';
import type { ValueMap } from '../value/types.js';
import type { RunDeps } from './command.js';

/** argparse's "Unknown options" error for the words the parser did not know, with hints from the command's flags. */
export function checkUnknown(unknown: readonly string[], command: CommandSpec): void {
  if (unknown.length > 0) throw unknownOptionsError(unknown, commandFlags(command));
}

/** The AWS CLI refuses an --endpoint-url without a scheme before reading any configuration. */
export function checkEndpointUrl(globals: Pick<GlobalArgs, 'endpointUrl'>): void {
  const url = globals.endpointUrl;
  if (url !== undefined && !/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(url)) {
    throw new ParamError(
      `Bad value for --endpoint-url "${url}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`,
    );
  }
}

/** Sends an operation and returns its shaped response. */
export type ServiceCall = (op: OperationDescription, input: Record<string, unknown>) => Promise<ValueMap>;

/**
 * The service call of a run: every call of the run shares `config` and the stderr warnings, each
 * written once per run however many calls there are. `extra.userAgent` is appended to the
 * User-Agent (login's authorization code flow sends `md/sso#auth`, as the AWS CLI v2 does);
 * `extra.warn` lets callers that make two callers share one warn-once.
 */
export async function serviceCaller(
  config: ResolvedConfig,
  deps: RunDeps,
  extra: { userAgent?: string; warn?: (text: string) => void; credentials?: AwsCredentialIdentity } = {},
): Promise<ServiceCall> {
  const { sendOperation } = await import('../aws/send.js');
  const { shapeResponse } = await import('../response/shape.js');
  const warned = new Set<string>();
  const warn = (t: string): void => {
    if (!warned.has(t)) deps.stderr.write(t.endsWith('\n') ? t : t + '\n');
    warned.add(t);
  };
  const options = {
    signal: deps.signal,
    log: deps.log,
    warn: extra.warn ?? warn,
    userAgent: userAgent(deps.platform) + (extra.userAgent === undefined ? '' : ` ${extra.userAgent}`),
    sleep: deps.sleep,
    read: deps.fs.read,
    ...(extra.credentials === undefined ? {} : { credentials: extra.credentials }),
  };
  return async (op, input) => shapeResponse(op, (await sendOperation(op, input, config, options)).body);
}

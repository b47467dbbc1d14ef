/**
 * Runs one service operation: the pipeline reads in one direction —
 * parse (done) -> early checks -> build request -> resolve config -> send -> shape -> query ->
 * format -> write. Heavy modules (the SDK, the query engine, formatters, config) load only here,
 * and only when this invocation needs them.
 */
import type { OperationInvocation } from '../cli/program.js';
import { useColour } from '../cli/colour.js';
import { operationCommand } from '../cli/spec.js';
import type { Deps } from '../deps.js';
import { CliError, UsageError } from '../errors.js';
import { optionName } from '../model/types.js';
import type { Value } from '../value/types.js';
import type { CompiledQuery } from '../query/index.js';
import type { ResolvedConfig } from '../config/types.js';
import type { RunDeps } from './command.js';
import { checkEndpointUrl, checkUnknown, serviceCaller } from './common.js';

/** An operation command's spec, derived from its description (src/model/operations/). */
export const spec = operationCommand;

/** Problems found from the command line alone, in the AWS CLI's order. */
function checkCommandLine(inv: OperationInvocation): void {
  const { op } = inv;
  // argparse requires the members unless --cli-input-json/yaml may carry them or only an input
  // skeleton is asked for (`output` still needs them, as in the AWS CLI).
  const { cliInputJson, cliInputYaml, generateCliSkeleton: skeleton } = inv.options;
  if (cliInputJson === undefined && cliInputYaml === undefined && skeleton !== 'input' && skeleton !== 'yaml-input') {
    const missing = op.input.filter((m) => m.required && inv.members[m.name] === undefined);
    if (missing.length > 0) throw new UsageError(`the following arguments are required: ${missing.map(optionName).join(', ')}`);
  }
  checkUnknown(inv.unknown, operationCommand(op));
  checkEndpointUrl(inv.globals);
}

async function compile(query: string | undefined): Promise<CompiledQuery | undefined> {
  if (query === undefined) return undefined;
  const { compileQuery } = await import('../query/index.js');
  return compileQuery(query);
}

/** The response's sensitive string values (deviceCode, tokens, clientSecret). */
function sensitiveValues(inv: OperationInvocation, data: Value): string[] {
  if (!(data instanceof Map)) return [];
  return inv.op.output
    .filter((m) => m.sensitive)
    .flatMap((m) => {
      const v = data.get(m.name);
      return typeof v === 'string' ? [v] : [];
    });
}

/**
 * jmespath.py quotes the value it choked on (`abs(accessToken)` would print the token): query and
 * format errors go out with the response's secrets masked. stdout is the place for data.
 */
async function scrubbed<T>(secrets: readonly string[], run: () => T): Promise<T> {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof CliError) || secrets.length === 0) throw e;
    const { scrubSecrets } = await import('../debug/redact.js');
    const message = scrubSecrets(e.message, secrets);
    if (message === e.message) throw e;
    throw new CliError(message, e.exitCode, { layout: e.layout });
  }
}

async function write(
  inv: OperationInvocation,
  data: Value,
  config: { output: ResolvedConfig['output'] },
  query: CompiledQuery | undefined,
  deps: Deps,
): Promise<void> {
  // v2's `off` writes nothing and never evaluates --query (it was compiled: a bad one is still 252).
  if (config.output === 'off') return;
  const secrets = sensitiveValues(inv, data);
  const result = query === undefined ? data : await scrubbed(secrets, () => query.search(data));
  const { atExitOutput, formatOutput, loadFormatter, FormatError } = await import('../output/index.js');
  await loadFormatter(config.output);
  // Text and table on a terminal: control characters from the server shown as escapes.
  const shown =
    deps.stdout.isTTY && (config.output === 'text' || config.output === 'table')
      ? (await import('../output/safe-value.js')).terminalSafeValue(result)
      : result;
  const ctx = {
    operationName: inv.op.name,
    color: useColour(inv.globals.color, deps.env, deps.stdout.isTTY),
    // The AWS CLI asks the terminal for its width (0 when a pty has no size) and uses 80 otherwise.
    terminalWidth: deps.stdout.isTTY && deps.stdout.columns ? deps.stdout.columns : 80,
  };
  let text = await scrubbed(secrets, () => {
    try {
      return formatOutput(config.output, shown, ctx);
    } catch (e) {
      // The text formatter writes as it goes: what the AWS CLI printed before failing, we print too.
      if (e instanceof FormatError && e.stdout.length > 0) deps.stdout.write(e.stdout);
      throw e;
    }
  });
  text += atExitOutput(config.output, ctx, deps.stdout.isTTY);
  if (text.length > 0) deps.stdout.write(text);
}

/** Runs the operation; resolves when its output is written. Throws CliError. */
export async function run(inv: OperationInvocation, deps: RunDeps): Promise<void> {
  checkCommandLine(inv);
  const query = await compile(inv.globals.query);
  const { buildRequest, validateRequest, toSdkInput } = await import('../input/build-request.js');
  const skeleton = inv.options.generateCliSkeleton;

  if (skeleton !== undefined) {
    // The input skeletons: the model alone says what they are (start.ts answers them the same way).
    const { skeletonText } = await import('../input/skeleton.js');
    const text = skeletonText(inv.op, skeleton);
    if (text !== undefined) {
      deps.stdout.write(text);
      return;
    }
  }

  // The AWS CLI's order: parameter files and JSON or YAML, then configuration, then validation.
  const { cliInputJson, cliInputYaml } = inv.options;
  const loadYaml = cliInputYaml === undefined ? undefined : (await import('../input/cli-input-yaml.js')).loadCliInputYaml;
  const request = await buildRequest(inv.op, inv.members, { json: cliInputJson, yaml: cliInputYaml }, deps, loadYaml);
  const { resolveConfig } = await import('../config/resolve.js');
  const config = await resolveConfig(inv.globals, deps, deps.log);
  validateRequest(inv.op, request);

  if (skeleton === 'output') {
    const { outputSkeleton } = await import('../input/skeleton.js');
    await write(inv, outputSkeleton(inv.op), config, query, deps);
    return;
  }

  // Credentials are looked up only for the signed operation, after validation, before sending.
  let credentials;
  if (inv.op.auth === 'sigv4' && inv.globals.signRequest) {
    const { resolveCredentials } = await import('../aws/credentials.js');
    credentials = await resolveCredentials({ profileFlag: inv.globals.profile, profile: config.profile, env: deps.env, log: deps.log });
  }
  const call = await serviceCaller(config, deps, credentials === undefined ? {} : { credentials });
  await write(inv, await call(inv.op, toSdkInput(request)), config, query, deps);
}

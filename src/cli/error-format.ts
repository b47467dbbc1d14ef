/**
 * AWS CLI v2's error output (`--cli-error-format`, AWS_CLI_ERROR_FORMAT, `cli_error_format`),
 * from awscli/errorhandler.py and errorformat.py of v2 2.36.7. main() loads this module only when
 * it prints an error, and this module reads the config only when neither the flag nor the
 * environment names a format. With no format anywhere we keep the AWS CLI v1 wording (main's
 * errorText): `undefined` is returned then.
 */
import type { Deps } from '../deps.js';
import type { CliError } from '../errors.js';
import { ConfigError, ParamError, ServiceError, UsageError } from '../errors.js';
import type { Value, ValueMap } from '../value/types.js';
import { ERROR_FORMAT_CHOICES } from './spec.js';
import { PROG, USAGE_BLOCK } from './usage.js';

export type ErrorFormat = (typeof ERROR_FORMAT_CHOICES)[number];

/** What main knows when it prints: the parsed flag (when the line parsed that far) and globals. */
export interface ErrorContext {
  /** --cli-error-format as parsed (validated, exact case); undefined when not given or not parsed. */
  flag: string | undefined;
  profile: string | undefined;
  color: 'on' | 'off' | 'auto' | undefined;
}

const VALID: readonly string[] = ERROR_FORMAT_CHOICES;

/** The config's `cli_error_format` for the profile in use, or undefined (unreadable, unknown profile). */
async function configuredFormat(profile: string | undefined, deps: Deps): Promise<string | undefined> {
  const { loadSharedConfig, stringSetting } = await import('../config/files.js');
  const { selectProfile } = await import('../config/settings.js');
  const { silentLog } = await import('../debug/log.js');
  try {
    const io = { env: deps.env, fs: deps.fs, homedir: deps.homedir, cwd: deps.cwd, signal: deps.signal };
    const shared = await loadSharedConfig(io, silentLog);
    const selected = selectProfile({ profile }, deps.env, shared.profiles);
    return stringSetting(selected.values, 'cli_error_format');
  } catch {
    return undefined; // v2 falls back to its one-line form when the profile cannot be read
  }
}

/**
 * Flag over AWS_CLI_ERROR_FORMAT over `cli_error_format` (env and config case-insensitive; an
 * unknown value there means `enhanced`, as v2 logs and uses). undefined: none given.
 */
export async function resolveErrorFormat(ctx: ErrorContext, deps: Deps): Promise<ErrorFormat | undefined> {
  if (ctx.flag !== undefined) return ctx.flag as ErrorFormat;
  const env = deps.env['AWS_CLI_ERROR_FORMAT'];
  const value = env !== undefined && env !== '' ? env : await configuredFormat(ctx.profile, deps);
  if (value === undefined || value === '') return undefined;
  const lower = value.toLowerCase();
  return (VALID.includes(lower) ? lower : 'enhanced') as ErrorFormat;
}

/** How v2 shows one of our errors. */
interface View {
  form: 'structured' | 'line' | 'unknown-options';
  /** Structured: the fields the format prints. */
  info: ValueMap;
  /** The enhanced headline. */
  headline: string;
  /** The one-line (and legacy) message. */
  line: string;
}

function structured(code: string, message: string): View {
  return {
    form: 'structured',
    info: new Map([
      ['Code', code],
      ['Message', message],
    ]),
    headline: `An error occurred (${code}): ${message}`,
    line: message,
  };
}

/** v2's handler chain, by our error classes (errorhandler.construct_cli_error_handlers_chain). */
export function v2View(e: CliError): View {
  const o = e.v2 ?? {};
  const message = o.message ?? e.message;
  if (e instanceof ServiceError) {
    return { form: 'structured', info: o.info ?? new Map<string, Value>(), headline: message, line: message };
  }
  if (e instanceof UsageError) {
    if (o.form === 'unknown-options') return { form: 'unknown-options', info: new Map(), headline: message, line: message };
    // ArgParseException: the parser's message, then the usage block (argparser.CLIArgParser.error).
    if (e.showUsage) return structured('ParamValidation', o.message ?? `${e.message}\n\n${USAGE_BLOCK}`);
    return { form: 'line', info: new Map(), headline: message, line: message };
  }
  if (e instanceof ParamError) return structured('ParamValidation', message);
  if (e instanceof ConfigError && o.code !== undefined) return structured(o.code, message);
  return { form: 'line', info: new Map(), headline: message, line: message };
}

/** errorformat.format_error_message with a leading newline (write_error). */
function errorLine(message: string): string {
  const m = message.trim();
  return m.length === 0 ? `\n${PROG}: [ERROR]:\n` : `\n${PROG}: [ERROR]: ${m}\n`;
}

const MAX_INLINE_ITEMS = 5;
const isSimple = (v: Value): boolean => v === null || typeof v !== 'object';

/** EnhancedErrorFormatter: the fields other than code and message, one per line. */
async function additionalDetails(info: ValueMap): Promise<string> {
  const extra = [...info].filter(([k]) => !['code', 'message'].includes(k.toLowerCase()));
  if (extra.length === 0) return '';
  const { pyStr } = await import('../value/pystr.js');
  let out = '\nAdditional error details:\n';
  let complex = false;
  for (const [k, v] of extra) {
    if (isSimple(v)) out += `${k}: ${pyStr(v)}\n`;
    else if (Array.isArray(v) && v.length < MAX_INLINE_ITEMS && v.every(isSimple)) out += `${k}: [${v.map(pyStr).join(', ')}]\n`;
    else if (v instanceof Map && v.size < MAX_INLINE_ITEMS && [...v.values()].every(isSimple)) {
      out += `${k}: {${[...v].map(([a, b]) => `${a}: ${pyStr(b)}`).join(', ')}}\n`;
    } else {
      out += `${k}: <complex value>\n`;
      complex = true;
    }
  }
  if (complex) out += 'Use "--cli-error-format json" or another error format to see the full details.\n';
  return out;
}

/**
 * The stderr text for `e` in the error format in force, or undefined when no format is given
 * anywhere (main then prints the AWS CLI v1 wording).
 */
export async function formatError(e: CliError, ctx: ErrorContext, deps: Deps): Promise<string | undefined> {
  const format = await resolveErrorFormat(ctx, deps);
  if (format === undefined) return undefined;
  const view = v2View(e);
  if (view.form === 'unknown-options') return `\n${USAGE_BLOCK}\n${errorLine(view.line)}`;
  if (view.form === 'line' || format === 'legacy') return errorLine(view.line);
  if (format === 'enhanced') return errorLine(view.headline) + (await additionalDetails(view.info));
  const { formatOutput, loadFormatter } = await import('../output/index.js');
  await loadFormatter(format);
  const { useColour } = await import('./colour.js');
  const fctx = {
    operationName: 'error',
    color: useColour(ctx.color, deps.env, deps.stdout.isTTY),
    terminalWidth: deps.stdout.isTTY && deps.stdout.columns ? deps.stdout.columns : 80,
  };
  try {
    if (format === 'table') {
      const { formatTable } = await import('../output/table.js');
      return formatTable(view.info, { title: 'error', color: fctx.color, terminalWidth: fctx.terminalWidth, autoreset: false });
    }
    // v2's YAMLFormatter and JSON/text formatters, as for output (yaml: src/output/yaml.ts, ruamel's bytes).
    return formatOutput(format, view.info, fctx);
  } catch {
    // v2: a formatter that fails falls back to the one-line form.
    return errorLine(view.line);
  }
}

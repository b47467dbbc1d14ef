/**
 * The output formatters: the exact bytes the AWS CLI writes to stdout for `--output json`,
 * `text` and `table` (v1 and v2 agree), and v2's `yaml`, `yaml-stream` and `off`, given the
 * (already queried) response data.
 */
import type { OutputKind } from '../cli/spec.js';
import type { Value } from '../value/types.js';
import { formatJson } from './json.js';
import { RESET } from './style.js';
import { formatTable } from './table.js';
import { formatText } from './text.js';
import type * as YamlFormatters from './yaml.js';

export { FormatError } from './errors.js';

/** The --output formats: the one list is OUTPUT_CHOICES in the spec. */
export type { OutputKind } from '../cli/spec.js';

type YamlModule = typeof YamlFormatters;
let yamlModule: YamlModule | undefined;

/**
 * Loads what formatOutput needs for this kind: the YAML emitter is imported only by a run that
 * prints YAML (json, text and table runs never load it). Await it before formatOutput(kind).
 */
export async function loadFormatter(kind: OutputKind): Promise<void> {
  if ((kind === 'yaml' || kind === 'yaml-stream') && yamlModule === undefined) yamlModule = await import('./yaml.js');
}

function yaml(): YamlModule {
  if (yamlModule === undefined) throw new Error('formatOutput: await loadFormatter(kind) before formatting YAML');
  return yamlModule;
}

export interface FormatContext {
  /** Table title, e.g. 'StartDeviceAuthorization'. */
  operationName: string;
  /** Decided by the caller (--color on/off/auto, NO_COLOR, TTY). Only the table uses it. */
  color: boolean;
  /** Columns of the terminal when stdout is a TTY, else 80 (as the AWS CLI sizes it). */
  terminalWidth: number;
}

/**
 * The exact bytes the AWS CLI writes to stdout for this (already queried) data. For `yaml` and
 * `yaml-stream`, `await loadFormatter(kind)` first.
 *
 * Throws FormatError (a CliError, exit 255) where the AWS CLI fails while formatting: table row
 * length mismatches and Python exceptions on odd query results. For `text` the error's `stdout`
 * holds the lines the AWS CLI had already written (it writes as it goes); print them first.
 */
export function formatOutput(kind: OutputKind, data: Value, ctx: FormatContext): string {
  switch (kind) {
    case 'json':
      return formatJson(data);
    case 'text':
      return formatText(data);
    case 'table':
      return formatTable(data, { title: ctx.operationName, color: ctx.color, terminalWidth: ctx.terminalWidth });
    case 'yaml':
      return yaml().formatYaml(data);
    case 'yaml-stream':
      return yaml().formatYamlStream(data);
    case 'off':
      // v2's `off`: the response is read and queried as usual, nothing is written.
      return '';
  }
}

/**
 * What the AWS CLI writes to stdout when it exits after a coloured table: colorama's atexit
 * handler writes one more `ESC[0m` when stdout is a TTY. It runs even when the table printed
 * nothing (falsy data) or formatting failed, so the caller appends it after everything else.
 * '' in every other case (json/text never load colorama; a non-TTY stdout is left alone).
 */
export function atExitOutput(kind: OutputKind, ctx: Pick<FormatContext, 'color'>, stdoutIsTTY: boolean): string {
  return kind === 'table' && ctx.color && stdoutIsTTY ? RESET : '';
}

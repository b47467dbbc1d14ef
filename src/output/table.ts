/**
 * `--output table`, as the AWS CLI v1 writes it: sections built from the data
 * (table-build.ts), laid out and drawn (table-section.ts, table-render.ts).
 */
import type { Value } from '../value/types.js';
import { FormatError } from './errors.js';
import { PyException } from '../value/exception.js';
import { COLOR_STYLER, PLAIN_STYLER } from './style.js';
import { buildSections } from './table-build.js';
import { renderSections } from './table-render.js';

export interface TableOptions {
  title: string;
  color: boolean;
  terminalWidth: number;
  /** colorama's autoreset (stdout is wrapped); default: on with colour. Errors on stderr have none. */
  autoreset?: boolean;
}

/**
 * The table for `data`; '' when the data is falsy. Throws FormatError (rc 255) for a row-length
 * mismatch ("Row should have N elements, instead it has M") or data the Python code fails on.
 * The table is built completely before anything is written, so an error leaves stdout empty.
 */
export function formatTable(data: Value, options: TableOptions): string {
  let sections;
  try {
    sections = buildSections(options.title, data);
  } catch (e) {
    if (e instanceof PyException) throw new FormatError(e.message);
    throw e;
  }
  if (sections.length === 0) return '';
  return renderSections(sections, {
    terminalWidth: options.terminalWidth,
    styler: options.color ? COLOR_STYLER : PLAIN_STYLER,
    autoreset: options.autoreset ?? options.color,
  });
}

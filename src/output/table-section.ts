/**
 * One section of an AWS CLI table (awscli/table.py `Section`): a title, optional headers, rows of
 * strings, an indent level, and the width arithmetic that decides the layout. Ported line for
 * line because every quirk (round-half-even scaling, the off-by-one fix-up order, 'None' titles
 * counting 4 columns) shows up in the output.
 */
import { pyStr } from '../value/pystr.js';
import { isTruthy, type Value } from '../value/types.js';
import { PyException } from '../value/exception.js';
import { textLength } from './width.js';

/** Python 3 round(): halves go to the even neighbour (round(2.5) == 2, round(3.5) == 4). */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor; // exact for the magnitudes involved
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * Section.calculate_column_widths with a max width: scale every natural width by
 * `maxWidth / sum`, round half to even, then take 1 from the first columns while the sum is too
 * big, or add 1 to the last columns while it is too small, until the sum is exactly `maxWidth`.
 */
export function scaleColumnWidths(natural: readonly number[], maxWidth: number): number[] {
  if (natural.length === 0) return [];
  const factor = maxWidth / natural.reduce((a, b) => a + b, 0);
  const scaled = natural.map((w) => roundHalfEven(factor * w));
  let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
  while (offBy !== 0) {
    const order = scaled.map((_, i) => (offBy < 0 ? scaled.length - 1 - i : i));
    for (const i of order) {
      scaled[i] = (scaled[i] as number) + (offBy > 0 ? -1 : 1);
      offBy += offBy > 0 ? -1 : 1;
      if (offBy === 0) break;
    }
  }
  return scaled;
}

export class Section {
  /** A dict key or the operation name; Python None (null) for the untitled sub-tables. */
  title: Value = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private numCols: number | null = null;
  private maxWidths: number[] = [];

  /** add_header: widths first (may raise IndexError), the column count only if unset. */
  addHeader(headers: readonly Value[]): void {
    const cells = headers.map(pyStr);
    this.updateMaxWidths(cells);
    if (this.numCols === null) this.numCols = headers.length;
    this.headers = cells;
  }

  /** add_row: every row must have the first row's (or header's) length. Cells become str(). */
  addRow(row: readonly Value[]): void {
    if (this.numCols === null) this.numCols = row.length;
    if (row.length !== this.numCols) {
      throw new PyException('ValueError', `Row should have ${this.numCols} elements, instead it has ${row.length}`);
    }
    const cells = row.map(pyStr);
    this.rows.push(cells);
    this.updateMaxWidths(cells);
  }

  /** Natural widths (widest cell + padding) or, with maxWidth, those scaled to fill it. */
  columnWidths(padding: number, maxWidth?: number): number[] {
    const natural = this.maxWidths.map((w) => w + padding);
    return maxWidth === undefined ? natural : scaleColumnWidths(natural, maxWidth);
  }

  /** total_width(padding=4, with_border=True, outer_padding=indent_level), as render uses it. */
  totalWidth(): number {
    const outer = 2 * this.indentLevel;
    const columns = this.columnWidths(4).reduce((a, b) => a + b, 0) + 2 + outer;
    return Math.max(textLength(pyStr(this.title)) + 2 + outer, columns);
  }

  /** Whether render draws a title line (`if section.title:`). */
  hasTitle(): boolean {
    return isTruthy(this.title);
  }

  private updateMaxWidths(cells: readonly string[]): void {
    // An empty width list (no row yet, or only empty rows) is replaced, not merged.
    if (this.maxWidths.length === 0) {
      this.maxWidths = cells.map(textLength);
      return;
    }
    cells.forEach((cell, i) => {
      const current = this.maxWidths[i];
      if (current === undefined) throw new PyException('IndexError', 'list index out of range');
      this.maxWidths[i] = Math.max(textLength(cell), current);
    });
  }
}

/**
 * convert_to_vertical_table: every section with headers and exactly one row becomes a
 * two-column key/value section without headers (used when the table is wider than the terminal).
 */
export function convertToVertical(sections: Section[]): void {
  sections.forEach((section, i) => {
    const row = section.rows[0];
    if (section.rows.length !== 1 || row === undefined || section.headers.length === 0) return;
    const vertical = new Section();
    vertical.title = section.title;
    vertical.indentLevel = section.indentLevel;
    const n = Math.min(section.headers.length, row.length);
    for (let c = 0; c < n; c++) vertical.addRow([section.headers[c] as string, row[c] as string]);
    sections[i] = vertical;
  });
}

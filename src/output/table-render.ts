/**
 * Draws built sections the way awscli/table.py's MultiTable.render does (v1). cli-table3 is not
 * used: it cannot reproduce this layout (one shared outer width, per-section column scaling,
 * `|` indent bars per nesting level, the dropped 2-space indent), so this renderer is our own.
 */
import { pyStr } from '../value/pystr.js';
import { Sink, type Styler } from './style.js';
import { convertToVertical, type Section } from './table-section.js';
import { textLength } from './width.js';

/** Python's `' ' * n`: a negative count gives ''. */
const rep = (s: string, n: number): string => (n > 0 ? s.repeat(n) : '');

/** center_text(): the left gap is floor(len/2) - floor(textLen/2) - 1; the right side fills up. */
export function centerText(text: string, length: number, leftEdge: string, rightEdge: string, textLen: number): string {
  const charStart = Math.floor(length / 2) - Math.floor(textLen / 2) - 1;
  const lengthSoFar = textLength(leftEdge) + charStart + textLen;
  const rightSpaces = length - textLength(rightEdge) - lengthSoFar;
  return leftEdge + rep(' ', charStart) + text + rep(' ', rightSpaces) + rightEdge;
}

/** align_left(): 2 spaces of indent, dropped when text + indent + edges does not fit. */
export function alignLeft(text: string, length: number, leftEdge: string, rightEdge: string, textLen: number): string {
  const computed = textLen + 2 + textLength(leftEdge) + textLength(rightEdge);
  const padding = length - computed >= 0 ? 2 : 0;
  const soFar = leftEdge.length + padding + textLen;
  return leftEdge + rep(' ', padding) + text + rep(' ', length - soFar - rightEdge.length) + rightEdge;
}

/** IndentedStream: `k` indent bars around every line of a nested section, one write each. */
class IndentedStream {
  constructor(
    private readonly sink: Sink,
    private readonly left: string,
    private readonly right: string,
  ) {}

  write(text: string): void {
    this.sink.write(this.left);
    if (text.endsWith('\n')) {
      this.sink.write(text.slice(0, -1));
      this.sink.write(this.right);
      this.sink.write('\n');
    } else {
      this.sink.write(text);
    }
  }
}

export interface RenderOptions {
  terminalWidth: number;
  styler: Styler;
  /** colorama's autoreset: `ESC[0m` after every write. */
  autoreset: boolean;
}

/** The table's outer width: the widest section, indent included. */
function maxWidth(sections: readonly Section[]): number {
  return Math.max(...sections.map((s) => s.totalWidth()));
}

/** MultiTable.render: may convert single-row sections to key/value form first (mutates). */
export function renderSections(sections: Section[], options: RenderOptions): string {
  const sink = new Sink(options.autoreset);
  let width = maxWidth(sections);
  // Only when wider than the terminal; nothing else ever shrinks, wide tables just overflow.
  if (width > options.terminalWidth) {
    convertToVertical(sections);
    width = maxWidth(sections);
  }
  sink.write(rep('-', width) + '\n');
  for (const section of sections) renderSection(section, width, sink, options.styler);
  return sink.toString();
}

function renderSection(section: Section, tableWidth: number, sink: Sink, styler: Styler): void {
  const bar = rep(styler.indentationChar('|'), section.indentLevel);
  const stream = new IndentedStream(sink, bar, bar);
  const width = tableWidth - section.indentLevel * 2;
  renderTitle(section, width, stream);
  renderColumnTitles(section, width, stream);
  renderRows(section, width, stream, styler);
}

function renderTitle(section: Section, width: number, stream: IndentedStream): void {
  if (!section.hasTitle()) return;
  const title = pyStr(section.title);
  stream.write(centerText(title, width, '|', '|', textLength(title)) + '\n');
  if (section.headers.length === 0 && section.rows.length === 0) {
    stream.write(`+${rep('-', width - 2)}+\n`);
  }
}

function renderColumnTitles(section: Section, width: number, stream: IndentedStream): void {
  if (section.headers.length === 0) return;
  const widths = section.columnWidths(4, width);
  const cells = zip(widths, section.headers).map(([w, header], i) => centerText(header, w, i === 0 ? '|' : '', '|', textLength(header)));
  writeLineBreak(stream, widths);
  stream.write(cells.join('') + '\n');
}

function renderRows(section: Section, width: number, stream: IndentedStream, styler: Styler): void {
  if (section.rows.length === 0) return;
  const widths = section.columnWidths(4, width);
  if (widths.length === 0) return;
  writeLineBreak(stream, widths);
  for (const row of section.rows) {
    const cells = zip(widths, row).map(([w, element], i) =>
      alignLeft(styler.rowElement(element), w, i === 0 ? '|' : '', '|', textLength(element)),
    );
    stream.write(cells.join('') + '\n');
  }
  writeLineBreak(stream, widths);
}

/** `+-----+------+`: the first cell carries both edges. */
function writeLineBreak(stream: IndentedStream, widths: readonly number[]): void {
  const parts = widths.map((w, i) => (i === 0 ? `+${rep('-', w - 2)}+` : `${rep('-', w - 1)}+`));
  stream.write(parts.join('') + '\n');
}

/** Python zip(): stops at the shorter list. */
function zip<A, B>(a: readonly A[], b: readonly B[]): Array<[A, B]> {
  const n = Math.min(a.length, b.length);
  return Array.from({ length: n }, (_, i) => [a[i] as A, b[i] as B]);
}

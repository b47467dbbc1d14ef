/**
 * Builds the sections of an AWS CLI table from data: a port of TableFormatter._build_table and
 * friends (awscli/formatter.py, v1). The shape of the output (which keys become headers, when a
 * nested section starts, which rows share a section) is decided here; layout is in
 * table-section.ts and drawing in table-render.ts.
 */
import { isList, isMap, isScalar, isTruthy, type Value, type ValueMap } from '../value/types.js';
import { pyDictGet, pyDictHas, pyGetItem, pyIter, pySetAdd, pySorted } from '../value/pyops.js';
import { Section } from './table-section.js';

/** MultiTable's building half: the section list and the section rows are added to. */
class TableBuilder {
  readonly sections: Section[] = [];
  private current: Section | undefined;

  newSection(title: Value, indentLevel: number): void {
    this.current = new Section();
    this.current.title = title;
    this.current.indentLevel = indentLevel;
    this.sections.push(this.current);
  }

  addRowHeader(headers: readonly Value[]): void {
    this.section().addHeader(headers);
  }

  addRow(row: readonly Value[]): void {
    this.section().addRow(row);
  }

  private section(): Section {
    // Unreachable: the top-level call always opens the titled first section.
    if (this.current === undefined) throw new Error('table: no current section');
    return this.current;
  }
}

/**
 * The sections for `data` under the title `operationName`, or [] when the data is falsy (the AWS
 * CLI then prints nothing). Throws PyException on a row-length mismatch or data Python chokes on.
 */
export function buildSections(operationName: string, data: Value): Section[] {
  const builder = new TableBuilder();
  return buildTable(builder, operationName, data, 0) ? builder.sections : [];
}

/** _build_table. A null title means "add to the current section" (Python None). */
function buildTable(b: TableBuilder, title: Value, current: Value, indent: number): boolean {
  if (!isTruthy(current)) return false;
  if (title !== null) b.newSection(title, indent);
  if (isList(current)) {
    if (isMap(current[0] ?? null)) subTableFromList(b, current, indent, title);
    else for (const item of current) addListItem(b, item);
  }
  if (isMap(current)) subTableFromDict(b, current, indent);
  return true;
}

function addListItem(b: TableBuilder, item: Value): void {
  if (isScalar(item)) {
    b.addRow([item]);
    return;
  }
  // A dict here iterates as its keys, which are all scalar: its keys become a row.
  const elements = pyIter(item);
  if (elements.every(isScalar)) b.addRow(elements);
  // Recursing with title None and the default indent level 0, as the Python code does.
  else buildTable(b, null, item, 0);
}

function subTableFromDict(b: TableBuilder, current: ValueMap, indent: number): void {
  const [headers, more] = groupScalarKeys(current);
  const [only] = headers;
  if (headers.length === 1 && only !== undefined) {
    // A single scalar key/value pair is a row [key, value] without a header.
    b.addRow([only, pyGetItem(current, only)]);
  } else if (headers.length > 0) {
    b.addRowHeader(headers);
    b.addRow(headers.map((k) => pyGetItem(current, k)));
  }
  for (const key of more) buildTable(b, key, pyGetItem(current, key), indent + 1);
}

function subTableFromList(b: TableBuilder, current: Value[], indent: number, title: Value): void {
  const [headers, more] = groupScalarKeysFromList(current);
  b.addRowHeader(headers);
  current.forEach((element, i) => {
    // With nested sections in play, every element after the first restarts the section.
    if (i > 0 && more.length > 0) {
      b.newSection(title, indent);
      b.addRowHeader(headers);
    }
    b.addRow(headers.map((h) => pyDictGet(element, h, '')));
    for (const key of more) {
      if (pyDictHas(element, key)) buildTable(b, key, pyGetItem(element, key), indent + 1);
    }
  });
}

/** Keys (union over the elements) split into scalar-valued and other, each sorted. */
function groupScalarKeysFromList(items: readonly Value[]): [Value[], Value[]] {
  const headers: Value[] = [];
  const more: Value[] = [];
  for (const item of items) {
    const [h, m] = groupScalarKeys(item);
    h.forEach((x) => pySetAdd(headers, x));
    m.forEach((x) => pySetAdd(more, x));
  }
  return [pySorted(headers), pySorted(more)];
}

/** `for element in current: current[element]`, which is what fails on non-dict elements. */
function groupScalarKeys(current: Value): [Value[], Value[]] {
  const headers: Value[] = [];
  const more: Value[] = [];
  for (const element of pyIter(current)) {
    if (isScalar(pyGetItem(current, element))) headers.push(element);
    else more.push(element);
  }
  return [pySorted(headers), pySorted(more)];
}

/**
 * `--output text`, a port of awscli/text.py (v1). Rules worth knowing:
 * - scalars go through Python str() (None, True, 600.0, 1e-07) and are never quoted or escaped;
 * - a dict prints its scalar values on one TAB-joined line in sorted-key order, prefixed by the
 *   upper-cased key it was reached through, then recurses into its non-scalar values;
 * - a list holding any dict prints every element with the union of the dicts' scalar keys;
 * - a list of scalars prints one line, or one `IDENT<TAB>value` line per item under a key.
 */
import { compareStrings } from '../value/compare.js';
import { pyStr } from '../value/pystr.js';
import { isList, isMap, isScalar, type Value, type ValueMap } from '../value/types.js';
import { FormatError } from './errors.js';
import { PyException } from '../value/exception.js';
import { pyDictGet, pyItems, pySorted } from '../value/pyops.js';
import { pyUpper } from '../value/pytext.js';

/** Collects what the Python code writes to its stream. */
class Out {
  text = '';
  write(s: string): void {
    this.text += s;
  }
}

/**
 * Formats data as the AWS CLI's text output. Throws a FormatError carrying the output written so
 * far when the data makes the Python code fail, e.g. a list mixing dicts and strings.
 */
export function formatText(data: Value): string {
  const out = new Out();
  try {
    formatItem(data, out, null, null);
  } catch (e) {
    if (e instanceof PyException) throw new FormatError(e.message, out.text);
    throw e;
  }
  return out.text;
}

function formatItem(item: Value, out: Out, identifier: string | null, scalarKeys: string[] | null): void {
  if (isMap(item)) formatDict(scalarKeys, item, identifier, out);
  else if (isList(item)) formatList(item, identifier, out);
  else out.write(pyStr(item) + '\n');
}

function formatList(item: Value[], identifier: string | null, out: Out): void {
  if (item.length === 0) return;
  if (item.some(isMap)) {
    const allKeys = allScalarKeys(item);
    for (const element of item) formatItem(element, out, identifier, allKeys);
  } else if (item.some(isList)) {
    const scalars = item.filter(isScalar);
    if (scalars.length > 0) formatScalarList(scalars, identifier, out);
    for (const nonScalar of item.filter((x) => !isScalar(x))) formatItem(nonScalar, out, identifier, null);
  } else {
    formatScalarList(item, identifier, out);
  }
}

function formatScalarList(elements: Value[], identifier: string | null, out: Out): void {
  if (identifier !== null) {
    // One write per item, like the Python f-string.
    for (const item of elements) out.write(`${pyUpper(identifier)}\t${pyStr(item)}\n`);
  } else {
    out.write(elements.map(pyStr).join('\t'));
    out.write('\n');
  }
}

function formatDict(scalarKeys: string[] | null, item: ValueMap, identifier: string | null, out: Out): void {
  const [scalars, nonScalars] = partitionDict(item, scalarKeys);
  // `if scalars:` is a non-empty list test, so a single '' value still prints an empty line.
  if (scalars.length > 0) {
    if (identifier !== null) scalars.unshift(pyUpper(identifier));
    out.write(scalars.join('\t'));
    out.write('\n');
  }
  for (const [key, value] of nonScalars) formatItem(value, out, key, null);
}

/** _all_scalar_keys: `.items()` on every element, so a non-dict element raises AttributeError. */
function allScalarKeys(listOfDicts: Value[]): string[] {
  const seen = new Set<string>();
  for (const element of listOfDicts) {
    for (const [key, value] of pyItems(element)) if (isScalar(value)) seen.add(key);
  }
  return pySorted([...seen]);
}

function partitionDict(item: ValueMap, scalarKeys: string[] | null): [string[], Array<[string, Value]>] {
  const scalars: string[] = [];
  const nonScalars: Array<[string, Value]> = [];
  if (scalarKeys === null) {
    const entries = [...item].sort(([a], [b]) => compareStrings(a, b));
    for (const [key, value] of entries) {
      if (isScalar(value)) scalars.push(pyStr(value));
      else nonScalars.push([key, value]);
    }
  } else {
    for (const key of scalarKeys) scalars.push(pyStr(pyDictGet(item, key, '')));
    const remaining = [...item.keys()].filter((k) => !scalarKeys.includes(k)).sort(compareStrings);
    for (const key of remaining) nonScalars.push([key, item.get(key) as Value]);
  }
  return [scalars, nonScalars];
}

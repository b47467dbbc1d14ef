/**
 * The few Python operations awscli's formatters perform on data, with Python's semantics and
 * Python's exception messages. The AWS CLI formats whatever `--query` returns without checking
 * it, so a query such as `[@, userCode]` makes its table code iterate a string or call `.get` on a
 * list; the user then sees `str(exception)` on stderr with rc 255. Reproducing the operation
 * (instead of validating up front) is what makes those messages match.
 */
import { pyCompare, pyEquals } from '../value/compare.js';
import { pyRepr, pyTypeName } from '../value/pystr.js';
import { dictGet, isList, isMap, isScalar, type Value } from '../value/types.js';

/** A Python exception raised by a formatter; `message` is `str(exception)`. */
export class PyError extends Error {
  override readonly name = 'PyError';
}

/** `for x in v`: dict keys, list items, string characters (code points). */
export function pyIter(v: Value): Value[] {
  if (isMap(v)) return [...v.keys()];
  if (isList(v)) return [...v];
  if (typeof v === 'string') return [...v];
  throw new PyError(`'${pyTypeName(v)}' object is not iterable`);
}

/** Python int value of an index (bool is an int), or undefined when it is not an int. */
function asIndex(key: Value): number | undefined {
  if (typeof key === 'boolean') return key ? 1 : 0;
  if (typeof key === 'bigint') return Number(key);
  return undefined;
}

function pick<T>(items: T[], key: Value, what: 'list' | 'string'): T {
  const index = asIndex(key);
  if (index === undefined) {
    throw new PyError(
      what === 'list'
        ? `list indices must be integers or slices, not ${pyTypeName(key)}`
        : `string indices must be integers, not '${pyTypeName(key)}'`,
    );
  }
  const item = items[index < 0 ? items.length + index : index];
  if (item === undefined || index < -items.length) throw new PyError(`${what} index out of range`);
  return item;
}

/** `v[key]`. */
export function pyGetItem(v: Value, key: Value): Value {
  if (isMap(v)) {
    if (!isScalar(key)) throw new PyError(`unhashable type: '${pyTypeName(key)}'`);
    const found = typeof key === 'string' ? v.get(key) : undefined;
    if (found === undefined) throw new PyError(pyRepr(key));
    return found;
  }
  if (isList(v)) return pick(v, key, 'list');
  if (typeof v === 'string') return pick([...v], key, 'string');
  throw new PyError(`'${pyTypeName(v)}' object is not subscriptable`);
}

/** `v.get(key, fallback)`: only dicts have it. Keys are strings, so other keys are never found. */
export function pyDictGet(v: Value, key: Value, fallback: Value): Value {
  if (!isMap(v)) throw new PyError(`'${pyTypeName(v)}' object has no attribute 'get'`);
  return typeof key === 'string' ? dictGet(v, key, fallback) : fallback;
}

/** `v.items()`: only dicts have it. */
export function pyItems(v: Value): Array<[string, Value]> {
  if (!isMap(v)) throw new PyError(`'${pyTypeName(v)}' object has no attribute 'items'`);
  return [...v];
}

/** `key in v` for a dict. */
export function pyDictHas(v: Value, key: Value): boolean {
  if (!isScalar(key)) throw new PyError(`unhashable type: '${pyTypeName(key)}'`);
  return isMap(v) && typeof key === 'string' && v.has(key);
}

/**
 * Python's code-point string order under its former name. Formatters import compareStrings from
 * src/value/compare.ts; this alias is kept for test/unit/format-pyops.test.ts.
 */


/** `a < b` as a three-way compare; mixed types raise Python's TypeError. */
function pyCompareOrThrow(a: Value, b: Value): number {
  const c = pyCompare(a, b);
  if (c === undefined) {
    throw new PyError(`'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
  }
  return c;
}

/**
 * sorted(): stable insertion sort that, like CPython's, compares the later item to the earlier
 * one, so the TypeError names the operand types in Python's order for small lists. (Data here is
 * strings in all realistic cases; mixed types only arise from queries that fail anyway.)
 */
export function pySorted<T extends Value>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (const item of items) {
    let i = out.length;
    while (i > 0 && pyCompareOrThrow(item, out[i - 1] as T) < 0) i--;
    out.splice(i, 0, item);
  }
  return out;
}

/** Adds to a list used as a Python set (first occurrence wins, as set.update keeps it). */
export function pySetAdd(set: Value[], item: Value): void {
  if (!isScalar(item)) throw new PyError(`unhashable type: '${pyTypeName(item)}'`);
  // pyEquals is Python's `==` (1 == 1.0 == True), which is what set membership uses for scalars.
  if (!set.some((x) => pyEquals(x, item))) set.push(item);
}

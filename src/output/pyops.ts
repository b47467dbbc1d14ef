/**
 * The few Python operations awscli's formatters perform on data, with Python's semantics and
 * Python's exception messages. The AWS CLI formats whatever `--query` returns without checking
 * it, so a query such as `[@, userCode]` makes its table code iterate a string or call `.get` on a
 * list; the user then sees `str(exception)` on stderr with rc 255. Reproducing the operation
 * (instead of validating up front) is what makes those messages match.
 */
import { pyRepr, pyTypeName } from '../value/pystr.js';
import { isList, isMap, isScalar, type Value } from '../value/types.js';

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
  // A key holding None gives None, not the fallback: `?? fallback` would print '' for null.
  return typeof key === 'string' && v.has(key) ? (v.get(key) as Value) : fallback;
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

/** Compares strings by code point, as Python does (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

function numeric(v: Value): number | bigint | undefined {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'bigint' || typeof v === 'number') return v;
  return undefined;
}

/** `a < b` as a three-way compare; mixed types raise Python's TypeError. */
function pyCompare(a: Value, b: Value): number {
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x < y ? -1 : y < x ? 1 : 0;
  throw new PyError(`'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
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
    while (i > 0 && pyCompare(item, out[i - 1] as T) < 0) i--;
    out.splice(i, 0, item);
  }
  return out;
}

/** Python `==` for the hashable scalars a set may hold (1 == 1.0 == True). */
function pyEqual(a: Value, b: Value): boolean {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x == y; // eslint-disable-line eqeqeq -- bigint vs number by value
  return a === b;
}

/** Adds to a list used as a Python set (first occurrence wins, as set.update keeps it). */
export function pySetAdd(set: Value[], item: Value): void {
  if (!isScalar(item)) throw new PyError(`unhashable type: '${pyTypeName(item)}'`);
  if (!set.some((x) => pyEqual(x, item))) set.push(item);
}

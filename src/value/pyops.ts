/**
 * The Python operations on containers that the AWS CLI performs on data, with Python's semantics
 * and Python's exception messages. The AWS CLI formats whatever `--query` returns without
 * checking it, so a query such as `[@, userCode]` makes its table code iterate a string or call
 * `.get` on a list; the user then sees `str(exception)` on stderr with rc 255. Reproducing the
 * operation (instead of validating up front) is what makes those messages match. jmespath.py's
 * merge() leans on dict.update the same way.
 */
import { pyCompare, pyEquals } from './compare.js';
import { PyException } from './exception.js';
import { pyFloatRepr, pyRepr, pyTypeName } from './pystr.js';
import { dictGet, isList, isMap, isPyObject, isScalar, type PyAny, type Value } from './types.js';

/** `for x in v`: dict keys, list items, string characters (code points). */
export function pyIter(v: Value): Value[] {
  if (isMap(v)) return [...v.keys()];
  if (isList(v)) return [...v];
  if (typeof v === 'string') return [...v];
  throw new PyException('TypeError', `'${pyTypeName(v)}' object is not iterable`);
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
    throw new PyException(
      'TypeError',
      what === 'list'
        ? `list indices must be integers or slices, not ${pyTypeName(key)}`
        : `string indices must be integers, not '${pyTypeName(key)}'`,
    );
  }
  const item = items[index < 0 ? items.length + index : index];
  if (item === undefined || index < -items.length) throw new PyException('IndexError', `${what} index out of range`);
  return item;
}

/** `v[key]`. */
export function pyGetItem(v: Value, key: Value): Value {
  if (isMap(v)) {
    if (!isScalar(key)) throw new PyException('TypeError', `unhashable type: '${pyTypeName(key)}'`);
    const found = typeof key === 'string' ? v.get(key) : undefined;
    if (found === undefined) throw new PyException('KeyError', pyRepr(key));
    return found;
  }
  if (isList(v)) return pick(v, key, 'list');
  if (typeof v === 'string') return pick([...v], key, 'string');
  throw new PyException('TypeError', `'${pyTypeName(v)}' object is not subscriptable`);
}

/** `v.get(key, fallback)`: only dicts have it. Keys are strings, so other keys are never found. */
export function pyDictGet(v: Value, key: Value, fallback: Value): Value {
  if (!isMap(v)) throw new PyException('AttributeError', `'${pyTypeName(v)}' object has no attribute 'get'`);
  return typeof key === 'string' ? dictGet(v, key, fallback) : fallback;
}

/** `v.items()`: only dicts have it. */
export function pyItems(v: Value): Array<[string, Value]> {
  if (!isMap(v)) throw new PyException('AttributeError', `'${pyTypeName(v)}' object has no attribute 'items'`);
  return [...v];
}

/** `key in v` for a dict. */
export function pyDictHas(v: Value, key: Value): boolean {
  if (!isScalar(key)) throw new PyException('TypeError', `unhashable type: '${pyTypeName(key)}'`);
  return isMap(v) && typeof key === 'string' && v.has(key);
}

/** `a < b` as a three-way compare; mixed types raise Python's TypeError. */
function pyCompareOrThrow(a: Value, b: Value): number {
  const c = pyCompare(a, b);
  if (c === undefined) {
    throw new PyException('TypeError', `'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
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
  if (!isScalar(item)) throw new PyException('TypeError', `unhashable type: '${pyTypeName(item)}'`);
  // pyEquals is Python's `==` (1 == 1.0 == True), which is what set membership uses for scalars.
  if (!set.some((x) => pyEquals(x, item))) set.push(item);
}

/**
 * `target.update(arg)`, as jmespath.py's merge() calls it on every argument. Only merge's first
 * argument is type-checked there, so later ones go through dict.update's own rules: a list of
 * pairs (or a string of two-character pairs!) merges, anything else raises TypeError/ValueError.
 */
export function pyDictUpdate(target: Map<string, PyAny>, arg: PyAny): void {
  if (arg instanceof Map) {
    for (const [k, v] of arg) target.set(k, v);
    return;
  }
  if (typeof arg !== 'string' && !Array.isArray(arg)) {
    throw new PyException('TypeError', `'${pyTypeName(arg)}' object is not iterable`);
  }
  const items: PyAny[] = typeof arg === 'string' ? Array.from(arg) : arg;
  items.forEach((item, i) => {
    const pair = asSequence(item);
    if (pair === undefined) {
      throw new PyException('TypeError', `cannot convert dictionary update sequence element #${i} to a sequence`);
    }
    if (pair.length !== 2) {
      throw new PyException('ValueError', `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
    }
    target.set(hashKey(pair[0] as PyAny), pair[1] as PyAny);
  });
}

/** Iterating an element the way dict.update does: strings by character, dicts by key. */
function asSequence(item: PyAny): PyAny[] | undefined {
  if (typeof item === 'string') return Array.from(item);
  if (Array.isArray(item)) return item;
  if (item instanceof Map) return [...item.keys()];
  return undefined;
}

/**
 * A dict key. Python would keep a non-string key (1, True, None) as is; our dicts only have string
 * keys, so we store the text json.dumps would write for it, which is what the output shows.
 */
function hashKey(key: PyAny): string {
  if (Array.isArray(key) || key instanceof Map) {
    throw new PyException('TypeError', `unhashable type: '${pyTypeName(key)}'`);
  }
  if (typeof key === 'string') return key;
  if (key === null) return 'null';
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  if (typeof key === 'bigint') return key.toString();
  if (isPyObject(key)) throw new PyException('TypeError', `keys must be str, int, float, bool or None, not ${key.pyType}`);
  if (Number.isNaN(key)) return 'NaN';
  if (!Number.isFinite(key)) return key > 0 ? 'Infinity' : '-Infinity';
  return pyFloatRepr(key);
}

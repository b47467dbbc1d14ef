/**
 * Values with Python's semantics, because the AWS CLI is Python and its output shows it:
 * an int prints as `600`, a float as `600.0`; dict keys keep insertion order.
 *
 * - `bigint` is a Python int (exact, any size), `number` is a Python float;
 * - `Map` is a dict (insertion order, any key, no prototype surprises);
 * - `null`, `boolean`, `string` and arrays are what they look like.
 */
export type Value = null | boolean | string | bigint | number | Value[] | ValueMap;
export type ValueMap = Map<string, Value>;

/** A Python number: bigint is an int, number a float. */
export type PyNumber = bigint | number;

/**
 * A Python object outside the data model, such as jmespath.py's `_Expression`, which queries
 * let escape into results (`[&a]`, `to_string(&a)`): it names its type and has a repr.
 */
export interface PyObject {
  /** type(obj).__name__, e.g. '_Expression'. */
  readonly pyType: string;
  /** repr(obj). */
  pyRepr(): string;
  /** str(obj), when it is not repr(obj). */
  pyStr?(): string;
}

/** A Value that may also hold PyObjects anywhere inside: what repr(), str() and json.dumps() take. */
export type PyAny = null | boolean | string | bigint | number | PyAny[] | Map<string, PyAny> | PyObject;

export const isInt = (v: Value): v is bigint => typeof v === 'bigint';
export const isMap = (v: Value): v is ValueMap => v instanceof Map;
export const isList = (v: Value): v is Value[] => Array.isArray(v);
export const isScalar = (v: Value): boolean => !isMap(v) && !isList(v);
export const isPyObject = (v: PyAny): v is PyObject => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map);

/** dict.get(key, default): a key holding None gives None, not the default. */
export function dictGet(map: ValueMap, key: string, fallback: Value): Value {
  return map.has(key) ? (map.get(key) as Value) : fallback;
}

/** Python truthiness: None, False, 0, 0.0, '', [] and {} are false. */
export function isTruthy(v: Value): boolean {
  if (v === null || v === false) return false;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  return true;
}

/** Builds a Value from plain JS data (integral numbers become ints). */
export function fromPlain(x: unknown): Value {
  if (x === null || x === undefined) return null;
  if (typeof x === 'boolean' || typeof x === 'string' || typeof x === 'bigint') return x;
  if (typeof x === 'number') return Number.isInteger(x) ? BigInt(x) : x;
  if (Array.isArray(x)) return x.map(fromPlain);
  if (x instanceof Map) return new Map([...x].map(([k, v]) => [String(k), fromPlain(v)]));
  if (typeof x === 'object') return new Map(Object.entries(x).map(([k, v]) => [k, fromPlain(v)]));
  throw new TypeError(`fromPlain: a ${typeof x} is not data`);
}

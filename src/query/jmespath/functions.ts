/**
 * The JMESPath built-in functions, with jmespath.py 1.1.0's signatures and Python results:
 * ints stay ints (sum, length, ceil, floor), avg is always a float, max/min/sort keep the
 * elements' own types, to_string writes json.dumps's compact ASCII form.
 */
import { pyCompare, pyEquals, pyLess } from '../../value/compare.js';
import { PyException } from '../../value/exception.js';
import { dumpPyJson } from '../../value/pyjson.js';
import { pyCeil, pyFloat, pyFloor, pyInt, pySum, pyTrueDivide } from '../../value/pynum.js';
import { pyDictUpdate } from '../../value/pyops.js';
import { pyStr, pyTypeName } from '../../value/pystr.js';
import type { PyNumber } from '../../value/types.js';
import { jmesTypeError, unknownFunctionError } from './errors.js';
import { validateArguments, type Param } from './signature.js';
import { ExpRef, jmesTypeOf, type JValue } from './values.js';

interface FunctionSpec {
  readonly signature: readonly Param[];
  readonly call: (args: JValue[]) => JValue;
}

const ANY: Param = { types: [] };
const NUMBER: Param = { types: ['number'] };
const STRING: Param = { types: ['string'] };
const OBJECT: Param = { types: ['object'] };
const EXPREF: Param = { types: ['expref'] };
const ARRAY: Param = { types: ['array'] };

// Argument types are guaranteed by the signature check before `call` runs.
const num = (v: JValue | undefined): PyNumber => v as PyNumber;
const str = (v: JValue | undefined): string => v as string;
const list = (v: JValue | undefined): JValue[] => v as JValue[];
const map = (v: JValue | undefined): Map<string, JValue> => v as Map<string, JValue>;
const ref = (v: JValue | undefined): ExpRef => v as ExpRef;

const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['abs', { signature: [NUMBER], call: ([x]) => (typeof x === 'bigint' ? (x < 0n ? -x : x) : Math.abs(num(x) as number)) }],
  ['avg', { signature: [{ types: ['array-number'] }], call: ([x]) => avg(list(x) as PyNumber[]) }],
  ['ceil', { signature: [NUMBER], call: ([x]) => pyCeil(num(x)) }],
  ['contains', { signature: [{ types: ['array', 'string'] }, ANY], call: ([s, x]) => contains(s as string | JValue[], x as JValue) }],
  ['ends_with', { signature: [STRING, STRING], call: ([s, x]) => str(s).endsWith(str(x)) }],
  ['floor', { signature: [NUMBER], call: ([x]) => pyFloor(num(x)) }],
  ['join', { signature: [STRING, { types: ['array-string'] }], call: ([sep, xs]) => (list(xs) as string[]).join(str(sep)) }],
  ['keys', { signature: [OBJECT], call: ([x]) => [...map(x).keys()] }],
  ['length', { signature: [{ types: ['string', 'array', 'object'] }], call: ([x]) => BigInt(length(x as JValue)) }],
  ['map', { signature: [EXPREF, ARRAY], call: ([f, xs]) => list(xs).map((x) => ref(f).apply(x)) }],
  ['max', { signature: [{ types: ['array-number', 'array-string'] }], call: ([xs]) => extreme(list(xs), 1) }],
  ['max_by', { signature: [ARRAY, EXPREF], call: ([xs, f]) => extremeBy(list(xs), ref(f), 'max_by') }],
  ['merge', { signature: [{ ...OBJECT, variadic: true }], call: (args) => merge(args) }],
  ['min', { signature: [{ types: ['array-number', 'array-string'] }], call: ([xs]) => extreme(list(xs), -1) }],
  ['min_by', { signature: [ARRAY, EXPREF], call: ([xs, f]) => extremeBy(list(xs), ref(f), 'min_by') }],
  ['not_null', { signature: [{ ...ANY, variadic: true }], call: (args) => args.find((a) => a !== null) ?? null }],
  ['reverse', { signature: [{ types: ['array', 'string'] }], call: ([x]) => reverse(x as string | JValue[]) }],
  ['sort', { signature: [{ types: ['array-string', 'array-number'] }], call: ([xs]) => [...list(xs)].sort(byPyOrder) }],
  ['sort_by', { signature: [ARRAY, EXPREF], call: ([xs, f]) => sortBy(list(xs), ref(f)) }],
  ['starts_with', { signature: [STRING, STRING], call: ([s, x]) => str(s).startsWith(str(x)) }],
  ['sum', { signature: [{ types: ['array-number'] }], call: ([xs]) => pySum(list(xs) as PyNumber[]) }],
  ['to_array', { signature: [ANY], call: ([x]) => (Array.isArray(x) ? x : [x as JValue]) }],
  ['to_number', { signature: [ANY], call: ([x]) => toNumber(x as JValue) }],
  ['to_string', { signature: [ANY], call: ([x]) => (typeof x === 'string' ? x : toJsonString(x as JValue)) }],
  ['type', { signature: [ANY], call: ([x]) => (x instanceof ExpRef ? null : jmesTypeOf(x as JValue)) }],
  ['values', { signature: [OBJECT], call: ([x]) => [...map(x).values()] }],
]);

/**
 * Calls a function by name. Unknown names and wrong arity are found here, at evaluation time,
 * as in jmespath.py (the AWS CLI only reports them after the request succeeded).
 */
export function callFunction(name: string, args: JValue[]): JValue {
  const spec = FUNCTIONS.get(name);
  if (spec === undefined) throw unknownFunctionError(name);
  validateArguments(name, args, spec.signature);
  return spec.call(args);
}

function avg(xs: PyNumber[]): JValue {
  return xs.length === 0 ? null : pyTrueDivide(pySum(xs), BigInt(xs.length));
}

/** Python's `x in subject`: == membership in a list, substring test in a str. */
function contains(subject: string | JValue[], x: JValue): boolean {
  if (Array.isArray(subject)) return subject.some((e) => pyEquals(e, x));
  if (typeof x !== 'string') {
    throw new PyException('TypeError', `'in <string>' requires string as left operand, not ${pyTypeName(x)}`);
  }
  return subject.includes(x);
}

/** len(): strings count code points, as Python does. */
function length(x: JValue): number {
  if (typeof x === 'string') {
    let n = 0;
    for (let i = 0; i < x.length; i++) {
      const c = x.charCodeAt(i);
      const next = x.charCodeAt(i + 1);
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      n++;
    }
    return n;
  }
  return Array.isArray(x) ? x.length : (x as Map<string, JValue>).size;
}

function reverse(x: string | JValue[]): JValue {
  return typeof x === 'string' ? Array.from(x).reverse().join('') : [...x].reverse();
}

/** Python's max()/min(): the first extreme element wins; NaN compares false both ways. */
function extreme(xs: JValue[], sign: 1 | -1): JValue {
  let best = xs[0];
  if (best === undefined) return null;
  for (const x of xs.slice(1)) {
    if ((pyCompare(x, best) ?? 0) * sign > 0) best = x;
  }
  return best;
}

/** list.sort()'s order: only `<` is consulted, and the sort is stable. */
function byPyOrder(a: JValue, b: JValue): number {
  if (pyLess(a, b)) return -1;
  return pyLess(b, a) ? 1 : 0;
}

/** A key function that only lets `allowed` JMESPath types through, as _create_key_func does. */
function keyFunction(f: ExpRef, allowed: readonly string[], name: string): (x: JValue) => JValue {
  return (x) => {
    const key = f.apply(x);
    const type = jmesTypeOf(key);
    if (!allowed.includes(type)) throw jmesTypeError(name, pyStr(key), type, allowed);
    return key;
  };
}

function sortBy(xs: JValue[], f: ExpRef): JValue {
  const first = xs[0];
  if (first === undefined) return xs;
  // The first element's key type is required of all keys; the error shows the element itself.
  const required = jmesTypeOf(f.apply(first));
  if (required !== 'number' && required !== 'string') {
    throw jmesTypeError('sort_by', pyStr(first), required, ['string', 'number']);
  }
  const key = keyFunction(f, [required], 'sort_by');
  const keyed = xs.map((x) => ({ x, k: key(x) }));
  keyed.sort((a, b) => byPyOrder(a.k, b.k));
  return keyed.map((e) => e.x);
}

/** min(xs, key=...) / max(xs, key=...): keys are computed and compared one element at a time. */
function extremeBy(xs: JValue[], f: ExpRef, name: 'min_by' | 'max_by'): JValue {
  const key = keyFunction(f, ['number', 'string'], name);
  const [first, ...rest] = xs;
  if (first === undefined) return null;
  let best = first;
  let bestKey = key(first);
  const op = name === 'max_by' ? '>' : '<';
  for (const x of rest) {
    const k = key(x);
    const c = pyCompare(k, bestKey);
    if (c === undefined) {
      throw new PyException('TypeError', `'${op}' not supported between instances of '${pyTypeName(k)}' and '${pyTypeName(bestKey)}'`);
    }
    if (op === '>' ? c > 0 : c < 0) {
      best = x;
      bestKey = k;
    }
  }
  return best;
}

function merge(args: JValue[]): JValue {
  const merged = new Map<string, JValue>();
  for (const arg of args) pyDictUpdate(merged, arg);
  return merged;
}

/**
 * to_number: numbers as they are; anything else through Python's int() then float(), a ValueError
 * from both giving None. (int() of an `&expr` raises TypeError, which escapes as in jmespath.py.)
 */
function toNumber(x: JValue): JValue {
  if (x === null || typeof x === 'boolean' || Array.isArray(x) || x instanceof Map) return null;
  if (typeof x === 'bigint' || typeof x === 'number') return x;
  if (x instanceof ExpRef) return pyInt(x);
  const isValueError = (e: unknown): boolean => e instanceof PyException && e.pyClass === 'ValueError';
  try {
    return pyInt(x);
  } catch (e) {
    if (!isValueError(e)) throw e;
  }
  try {
    return pyFloat(x);
  } catch (e) {
    if (!isValueError(e)) throw e;
  }
  return null;
}

/** json.dumps(v, separators=(',', ':'), default=str) as to_string() calls it (ensure_ascii on). */
function toJsonString(v: JValue): string {
  return dumpPyJson(v, { separators: [',', ':'], ensureAscii: true, default: pyStr });
}

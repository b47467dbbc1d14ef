/**
 * Python's `==` and ordering for Values, because JMESPath results (sort, max, filters) must
 * order and match exactly as the AWS CLI's Python does: ints and floats compare exactly
 * (1 == 1.0, 2**53 + 1 != 2.0**53), bool is an int (True == 1 inside containers), strings compare
 * by code point (not by UTF-16 unit), dicts compare regardless of key order.
 */
import type { PyAny, PyNumber } from './types.js';

/** The number a Value stands for in comparisons: bool is an int (0/1). */
function asNumber(v: PyAny): PyNumber | undefined {
  if (typeof v === 'bigint' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return undefined;
}

/**
 * Compares two Python numbers exactly: -1, 0 or 1, or NaN when unordered (a NaN is involved),
 * like CPython's int/float rich comparison (no rounding of the int to a float).
 */
export function compareNumbers(a: PyNumber, b: PyNumber): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'number') return -compareIntFloat(b as bigint, a);
  return compareIntFloat(a, b as number);
}

function compareIntFloat(i: bigint, f: number): number {
  if (Number.isNaN(f)) return NaN;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  const floor = BigInt(Math.floor(f));
  if (i <= floor) return i < floor || f !== Math.floor(f) ? -1 : 0;
  return 1;
}

/** Compares strings by Unicode code point, as Python's str ordering does. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  // Step back onto a shared high surrogate so both sides read whole code points.
  const prev = i > 0 ? a.charCodeAt(i - 1) : 0;
  if (prev >= 0xd800 && prev <= 0xdbff) i--;
  const ca = a.codePointAt(i) ?? 0;
  const cb = b.codePointAt(i) ?? 0;
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/**
 * Python's `a == b` for Values: numbers (and bools, which are ints) compare by value, lists
 * element-wise, dicts by key set and values in any order. Objects outside the Value model (such
 * as JMESPath expression references) compare by identity, as Python objects without __eq__ do.
 */
export function pyEquals(a: PyAny, b: PyAny): boolean {
  if (a === b) return true;
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined || nb !== undefined) {
    return na !== undefined && nb !== undefined && compareNumbers(na, nb) === 0;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => pyEquals(x, b[i] as PyAny));
  }
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, x] of a) {
      if (!b.has(k) || !pyEquals(x, b.get(k) as PyAny)) return false;
    }
    return true;
  }
  return false;
}

/** Python's `a < b` for two numbers or two strings; undefined when Python raises TypeError. */
export function pyLess(a: PyAny, b: PyAny): boolean | undefined {
  const c = pyCompare(a, b);
  return c === undefined ? undefined : c < 0;
}

/**
 * Orders two numbers or two strings: negative, zero, positive, NaN (unordered floats), or
 * undefined when the pair is not comparable in Python (str vs int and the like).
 */
export function pyCompare(a: PyAny, b: PyAny): number | undefined {
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na === undefined || nb === undefined) return undefined;
  return compareNumbers(na, nb);
}

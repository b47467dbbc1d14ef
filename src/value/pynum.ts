/**
 * Python 3.11 numbers: int() of a value (integer response members, max_attempts), and the
 * arithmetic JMESPath functions expose: sum() (exact ints until a float shows up, then plain
 * double addition; 3.12's compensated float sum is not what the CLI runs), correctly rounded
 * int / int, math.ceil/floor returning ints. Errors are PyException with Python's text.
 */
import { PyException } from './pyexception.js';
import { pyStrRepr, pyTypeName } from './pystr.js';
import { pyIntFromString } from './pytext.js';
import type { Value } from './types.js';

/** A Python number: bigint is an int, number a float. */
export type PyNumber = bigint | number;

/** Python's int(value) for a JSON value: bool is an int, floats truncate, strings parse. */
export function pyInt(value: Value): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new PyException('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(value)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(Math.trunc(value));
  }
  if (typeof value === 'string') {
    const n = pyIntFromString(value);
    if (n === undefined) throw new PyException('ValueError', `invalid literal for int() with base 10: ${pyStrRepr(value)}`);
    return n;
  }
  throw new PyException('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`);
}

/** float(int), with Python's OverflowError beyond the double range. */
export function intToFloat(i: bigint): number {
  const f = Number(i);
  if (!Number.isFinite(f)) throw new PyException('OverflowError', 'int too large to convert to float');
  return f;
}

const toFloat = (x: PyNumber): number => (typeof x === 'bigint' ? intToFloat(x) : x);

/** Python's sum(list_of_numbers). */
export function pySum(items: readonly PyNumber[]): PyNumber {
  let acc: PyNumber = 0n;
  for (const x of items) {
    acc = typeof acc === 'bigint' && typeof x === 'bigint' ? acc + x : toFloat(acc) + toFloat(x);
  }
  return acc;
}

/** Python's a / b for numbers (true division, always a float). */
export function pyTrueDivide(a: PyNumber, b: PyNumber): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return intTrueDivide(a, b);
  return toFloat(a) / toFloat(b);
}

const bitLength = (v: bigint): number => (v === 0n ? 0 : v.toString(2).length);

/** int / int, correctly rounded like CPython's long_true_divide (b is never 0 here). */
function intTrueDivide(a: bigint, b: bigint): number {
  const limit = 1n << 53n;
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  if (x <= limit && y <= limit) return Number(a) / Number(b);
  const negative = a < 0n !== b < 0n;
  if (x === 0n) return negative ? -0 : 0;
  // Scale so the quotient has 55-56 bits, fold the remainder into a sticky bit, and let the
  // bigint-to-double conversion round half to even.
  const shift = bitLength(y) - bitLength(x) + 55;
  const num = shift >= 0 ? x << BigInt(shift) : x;
  const den = shift >= 0 ? y : y << BigInt(-shift);
  let q = num / den;
  if (num % den !== 0n) q |= 1n;
  const result = ldexp(Number(q), -shift);
  if (!Number.isFinite(result)) throw new PyException('OverflowError', 'integer division result too large for a float');
  return negative ? -result : result;
}

function ldexp(m: number, e: number): number {
  let r = m;
  let k = e;
  for (; k > 1000; k -= 1000) r *= 2 ** 1000;
  for (; k < -1000; k += 1000) r *= 2 ** -1000;
  return r * 2 ** k;
}

/** math.ceil / math.floor: an int in Python 3, with its errors for nan and infinities. */
export function pyRound(x: PyNumber, mode: 'ceil' | 'floor'): bigint {
  if (typeof x === 'bigint') return x;
  if (Number.isNaN(x)) throw new PyException('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(mode === 'ceil' ? Math.ceil(x) : Math.floor(x));
}


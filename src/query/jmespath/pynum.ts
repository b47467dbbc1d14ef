/**
 * Python 3.11 arithmetic that JMESPath functions expose: sum() (exact ints until a float shows
 * up, then plain double addition; 3.12's compensated float sum is not what the CLI runs),
 * correctly rounded int / int, math.ceil/floor returning ints, and the errors they raise.
 */
import { pyFloatRepr } from '../../value/pystr.js';
import { pythonError } from './errors.js';
import { ExpRef, EXPREF_REPR, type JValue } from './values.js';
import { dumpPyJson } from '../../value/pyjson.js';

export type PyNumber = bigint | number;

/** float(int), with Python's OverflowError beyond the double range. */
export function intToFloat(i: bigint): number {
  const f = Number(i);
  if (!Number.isFinite(f)) throw pythonError('OverflowError', 'int too large to convert to float');
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
  if (!Number.isFinite(result)) throw pythonError('OverflowError', 'integer division result too large for a float');
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
  if (Number.isNaN(x)) throw pythonError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw pythonError('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(mode === 'ceil' ? Math.ceil(x) : Math.floor(x));
}

/**
 * json.dumps(v, separators=(',', ':'), default=str) as to_string() calls it: ensure_ascii stays
 * on (non-ASCII becomes \uXXXX), floats use repr, NaN and infinities are written bare.
 */
export function dumpCompact(v: JValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
    return pyFloatRepr(v);
  }
  if (typeof v === 'string') return dumpPyJson(v, { ensureAscii: true });
  if (v instanceof ExpRef) return dumpPyJson(EXPREF_REPR);
  if (Array.isArray(v)) return `[${v.map(dumpCompact).join(',')}]`;
  return `{${[...v].map(([k, x]) => `${dumpPyJson(k, { ensureAscii: true })}:${dumpCompact(x)}`).join(',')}}`;
}

/**
 * Python 3.11's numbers where the AWS CLI's behaviour shows them: int() and float() (response
 * members, max_attempts, to_number), sum() (exact ints until a float shows up, then plain double
 * addition; 3.12's compensated float sum is not what the CLI runs), correctly rounded int / int,
 * math.ceil/floor returning ints. Each raises PyException with Python's message.
 */
import { PyException } from './exception.js';
import { pyStrRepr, pyTypeName } from './pystr.js';
import { isPySpace } from './pytext.js';
import type { PyAny, PyNumber } from './types.js';

const ND = /^\p{Nd}$/u;

/**
 * The value of a Unicode decimal digit. Unicode encodes every decimal digit set as a run of ten
 * consecutive code points 0..9, and adjacent runs are whole runs, so the offset from the start
 * of the contiguous \p{Nd} block, modulo 10, is the digit.
 */
function decimalValue(cp: number): number {
  let start = cp;
  while (ND.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/**
 * CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII whitespace becomes ' ',
 * non-ASCII decimal digits become their ASCII digit, anything else non-ASCII poisons the string.
 * Returns undefined for a poisoned string (int() and float() both raise ValueError).
 */
function toAsciiNumeral(s: string): string | undefined {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out += ch;
    else if (isPySpace(cp)) out += ' ';
    else if (ND.test(ch)) out += String(decimalValue(cp));
    else return undefined;
  }
  return out;
}

// After the transform, int() and float() strip only ASCII whitespace (Py_ISSPACE).
const ASCII_SPACE = '[ \\t\\n\\v\\f\\r]*';
const DIGITS = '\\d(?:_?\\d)*';
const INT_RE = new RegExp(`^${ASCII_SPACE}([+-]?${DIGITS})${ASCII_SPACE}$`);
const FLOAT_RE = new RegExp(
  `^${ASCII_SPACE}([+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?` +
    `|[+-]?(?:inf|infinity|nan)))${ASCII_SPACE}$`,
  'i',
);
// Python 3.11 refuses int() of more than 4300 digits (ValueError), so float() gets its turn.
const INT_MAX_STR_DIGITS = 4300;

function intFromString(s: string): bigint {
  const ascii = toAsciiNumeral(s);
  const m = ascii === undefined ? null : INT_RE.exec(ascii);
  const text = m ? (m[1] as string).replaceAll('_', '') : undefined;
  if (text === undefined || text.replace(/^[+-]/, '').length > INT_MAX_STR_DIGITS) {
    throw new PyException('ValueError', `invalid literal for int() with base 10: ${pyStrRepr(s)}`);
  }
  return BigInt(text);
}

/**
 * Python's int(v) (base 10 for strings): Unicode digits and whitespace, underscores between
 * digits, floats truncated, bools as 0/1. Raises ValueError/OverflowError/TypeError as Python does.
 */
export function pyInt(v: PyAny): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new PyException('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(v)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
    return BigInt(Math.trunc(v));
  }
  if (typeof v === 'string') return intFromString(v);
  throw new PyException('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(v)}'`);
}

/** Python's float(s) of a string; raises ValueError where Python does. */
export function pyFloat(s: string): number {
  const ascii = toAsciiNumeral(s);
  const m = ascii === undefined ? null : FLOAT_RE.exec(ascii);
  if (!m) throw new PyException('ValueError', `could not convert string to float: ${pyStrRepr(s)}`);
  const text = (m[1] as string).replaceAll('_', '').toLowerCase();
  const body = text.replace(/^[+-]/, '');
  if (body === 'nan') return NaN;
  if (body === 'inf' || body === 'infinity') return text.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
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

function toIntegral(x: PyNumber, round: (f: number) => number): bigint {
  if (typeof x === 'bigint') return x;
  if (Number.isNaN(x)) throw new PyException('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw new PyException('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(round(x));
}

/** math.ceil(x): an int in Python 3, with its errors for nan and the infinities. */
export const pyCeil = (x: PyNumber): bigint => toIntegral(x, Math.ceil);

/** math.floor(x): an int in Python 3, with its errors for nan and the infinities. */
export const pyFloor = (x: PyNumber): bigint => toIntegral(x, Math.floor);

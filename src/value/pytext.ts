/**
 * The bits of Python's str handling the AWS CLI's behaviour leans on: str.isspace()/lstrip()
 * (jmespath.py's literal fallback, configparser) and int()/float() of a string (to_number,
 * max_attempts, integer response members), which accept Unicode whitespace, Unicode decimal
 * digits and underscores between digits.
 */

/** Code points for which Python's str.isspace() is true. */
const PY_SPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** The same set as a regular-expression class body: `[${PY_SPACE_CLASS}]`. */
export const PY_SPACE_CLASS = [...PY_SPACE].map((cp) => `\\u${cp.toString(16).padStart(4, '0')}`).join('');

/** Python's str.isspace() for one code point. */
export const isPySpace = (cp: number): boolean => PY_SPACE.has(cp);

/** Python's str.lstrip() with no argument. */
export function pyLstrip(s: string): string {
  let i = 0;
  while (i < s.length && isPySpace(s.charCodeAt(i))) i++;
  return s.slice(i);
}

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

/** Python's int(s) (base 10), or undefined where it raises ValueError. */
export function pyIntFromString(s: string): bigint | undefined {
  const ascii = toAsciiNumeral(s);
  const m = ascii === undefined ? null : INT_RE.exec(ascii);
  if (!m) return undefined;
  const text = (m[1] as string).replaceAll('_', '');
  if (text.replace(/^[+-]/, '').length > INT_MAX_STR_DIGITS) return undefined;
  return BigInt(text);
}

/** Python's float(s), or undefined where it raises ValueError. */
export function pyFloatFromString(s: string): number | undefined {
  const ascii = toAsciiNumeral(s);
  const m = ascii === undefined ? null : FLOAT_RE.exec(ascii);
  if (!m) return undefined;
  const text = (m[1] as string).replaceAll('_', '').toLowerCase();
  const body = text.replace(/^[+-]/, '');
  if (body === 'nan') return NaN;
  if (body === 'inf' || body === 'infinity') return text.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}

/**
 * The bits of Python's str handling the AWS CLI's behaviour leans on: str.isspace(), strip(),
 * lstrip(), rstrip(), splitlines() and text-file line splitting (jmespath.py's literal fallback,
 * configparser), shlex.split() (botocore's section names), and int()/float() of a string
 * (to_number, max_attempts, integer response members), which accept Unicode whitespace, Unicode
 * decimal digits and underscores between digits. JavaScript's look-alikes (trim(), split) differ
 * on odd input, and the AWS CLI's results on odd input are what we match.
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

// JS trim() differs from Python's strip(): it strips U+FEFF and keeps U+001C-U+001F and U+0085.
const TRAILING_WS = new RegExp(`[${PY_SPACE_CLASS}]+$`);
const NON_WS = new RegExp(`[^${PY_SPACE_CLASS}]`);

/** Python str.strip() with no argument. */
export function pyStrip(s: string): string {
  return pyRstrip(pyLstrip(s));
}

/** Python str.rstrip() with no argument. */
export function pyRstrip(s: string): string {
  return s.replace(TRAILING_WS, '');
}

/** Index of the first non-whitespace character (configparser's NONSPACECRE), 0 when none. */
export function indentOf(line: string): number {
  const m = NON_WS.exec(line);
  return m ? m.index : 0;
}

/** Python str.splitlines(): more separators than a file read uses (see splitFileLines). */
export function pySplitlines(s: string): string[] {
  // eslint-disable-next-line no-control-regex -- these control characters are Python line breaks
  const out = s.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Lines as Python's text-mode file iteration yields them (universal newlines), without ends. */
export function splitFileLines(text: string): string[] {
  const out = text.split(/\r\n|\r|\n/);
  if (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

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

/**
 * shlex.split(s) in POSIX mode, as botocore uses it on section names (`[profile "my name"]`).
 * Throws on an unclosed quote or a trailing backslash, like shlex's ValueError.
 */
export function shlexSplit(s: string): string[] {
  const tokens: string[] = [];
  let token = '';
  let inToken = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    if (' \t\r\n'.includes(ch)) {
      if (inToken) tokens.push(token);
      token = '';
      inToken = false;
    } else if (ch === "'" || ch === '"') {
      const end = ch === '"' ? closingDoubleQuote(s, i) : s.indexOf("'", i + 1);
      if (end < 0) throw new Error('No closing quotation');
      const body = s.slice(i + 1, end);
      token += ch === '"' ? unescapeDoubleQuoted(body) : body;
      inToken = true;
      i = end;
    } else if (ch === '\\') {
      if (i + 1 >= s.length) throw new Error('No escaped character');
      token += s[++i];
      inToken = true;
    } else {
      token += ch;
      inToken = true;
    }
  }
  if (inToken) tokens.push(token);
  return tokens;
}

/** Index of the `"` closing the one at `open`, skipping backslash-escaped quotes. */
function closingDoubleQuote(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  throw new Error('No closing quotation');
}

/** Inside double quotes shlex drops a backslash only before `"` or `\`. */
function unescapeDoubleQuoted(body: string): string {
  return body.replace(/\\(["\\])/g, '$1');
}

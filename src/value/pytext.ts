/**
 * Python's str methods and text-file line splitting, where the AWS CLI's behaviour leans on them:
 * str.isspace()/strip() (jmespath.py's literal fallback, configparser, int() of a string),
 * str.splitlines() and universal-newline file reading (configparser). JavaScript's look-alikes
 * differ: trim() strips U+FEFF and keeps U+001C-U+001F and U+0085.
 */

/** Code points for which Python's str.isspace() is true. */
const PY_SPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** The same set as a regular-expression class body: `[${PY_SPACE_CLASS}]`. */
export const PY_SPACE_CLASS = [...PY_SPACE].map((cp) => `\\u${cp.toString(16).padStart(4, '0')}`).join('');

/** Python's str.isspace() for one code point. */
export const isPySpace = (cp: number): boolean => PY_SPACE.has(cp);

const LEADING_WS = new RegExp(`^[${PY_SPACE_CLASS}]+`);
const TRAILING_WS = new RegExp(`[${PY_SPACE_CLASS}]+$`);

/** Python's str.lstrip() with no argument. */
export function pyLstrip(s: string): string {
  return s.replace(LEADING_WS, '');
}

/** Python's str.rstrip() with no argument. */
export function pyRstrip(s: string): string {
  return s.replace(TRAILING_WS, '');
}

/** Python's str.strip() with no argument. */
export function pyStrip(s: string): string {
  return pyRstrip(pyLstrip(s));
}

/** Python's str.upper(): JS's full Unicode mapping matches Python's (ß → SS, ﬁ → FI). */
export function pyUpper(s: string): string {
  return s.toUpperCase();
}

/** Python's str.splitlines(): more separators than a file read uses (see pyFileLines). */
export function pySplitlines(s: string): string[] {
  // eslint-disable-next-line no-control-regex -- these control characters are Python line breaks
  const out = s.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Lines as Python's text-mode file iteration yields them (universal newlines), without ends. */
export function pyFileLines(text: string): string[] {
  const out = text.split(/\r\n|\r|\n/);
  if (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

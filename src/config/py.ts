/**
 * Small pieces of Python semantics that botocore's config handling leans on. The AWS CLI reads
 * its files with Python's configparser, str.strip(), int() and shlex, so matching its results on
 * odd input means matching those functions, not JavaScript's look-alikes.
 */

import { PY_SPACE_CLASS, pyIntFromString } from '../value/pytext.js';
import { pyStrRepr } from '../value/pystr.js';

// Python's str.isspace() set (JS trim() differs: it strips U+FEFF and keeps U+001C-U+001F, U+0085).
const LEADING_WS = new RegExp(`^[${PY_SPACE_CLASS}]+`);
const TRAILING_WS = new RegExp(`[${PY_SPACE_CLASS}]+$`);
const NON_WS = new RegExp(`[^${PY_SPACE_CLASS}]`);

/** Python str.strip() with no argument. */
export function pyStrip(s: string): string {
  return pyRstrip(s.replace(LEADING_WS, ''));
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

/** Python's repr() of a string (for messages that quote a value). */
export const pyRepr = pyStrRepr;

/** Python int(text), base 10 (src/value/pytext.ts); throws Error with Python's ValueError text. */
export function pyInt(text: string): number {
  const n = pyIntFromString(text);
  if (n === undefined) throw new Error(`invalid literal for int() with base 10: ${pyStrRepr(text)}`);
  return Number(n);
}


/** botocore.utils.ensure_boolean for a string: true only for a case-insensitive "true". */
export function ensureBoolean(value: string): boolean {
  return value.toLowerCase() === 'true';
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

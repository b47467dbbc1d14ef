/**
 * Python's shlex.split(s) in POSIX mode, as botocore uses it on section names
 * (`[profile "my name"]`). Raises ValueError on an unclosed quote or a trailing backslash.
 */
import { PyException } from './exception.js';

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
      if (end < 0) throw new PyException('ValueError', 'No closing quotation');
      const body = s.slice(i + 1, end);
      token += ch === '"' ? unescapeDoubleQuoted(body) : body;
      inToken = true;
      i = end;
    } else if (ch === '\\') {
      if (i + 1 >= s.length) throw new PyException('ValueError', 'No escaped character');
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
  throw new PyException('ValueError', 'No closing quotation');
}

/** Inside double quotes shlex drops a backslash only before `"` or `\`. */
function unescapeDoubleQuoted(body: string): string {
  return body.replace(/\\(["\\])/g, '$1');
}

/**
 * JSON the way Python's json module reads and writes it, because the AWS CLI's input errors
 * quote its messages ("Expecting ',' delimiter: line 1 column 5 (char 4)") and its output keeps
 * Python's numbers (int vs float). Ints parse to bigint, floats to number, objects to Map.
 */
import { PyException } from './exception.js';
import { pyFloatRepr, pyTypeName } from './pystr.js';
import type { PyAny, PyObject, Value } from './types.js';

/** json.JSONDecodeError: `message` is its str(), `msg` the bare reason. */
export class PyJsonError extends PyException {
  /** The bare message, e.g. "Expecting value". */
  readonly msg: string;
  readonly pos: number;
  readonly lineno: number;
  readonly colno: number;
  constructor(msg: string, doc: string, pos16: number) {
    // Python positions count code points; ours count UTF-16 units until here.
    const before = doc.slice(0, pos16);
    const pos = [...before].length;
    const lineno = before.split('\n').length;
    const lastNl = before.lastIndexOf('\n');
    const colno = lastNl < 0 ? pos + 1 : [...before.slice(lastNl + 1)].length + 1;
    super('JSONDecodeError', `${msg}: line ${lineno} column ${colno} (char ${pos})`);
    this.msg = msg;
    this.pos = pos;
    this.lineno = lineno;
    this.colno = colno;
  }
}

/** Nesting past MAX_JSON_DEPTH: where Python raises RecursionError rather than a JSON error. */
export class PyJsonDepthError extends PyJsonError {}

const WS = ' \t\n\r';
/**
 * Python's json gives up near its recursion limit of 1000 (the AWS CLI v1 reads 982 levels of
 * --cli-input-json and fails with a RecursionError at 983); we stop at 1000 with a JSON error,
 * long before the JavaScript stack would overflow.
 */
export const MAX_JSON_DEPTH = 1000;
const NUMBER = /(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;

class Scanner {
  private depth = 0;
  constructor(private readonly s: string) {}

  /** Counts one more level of nesting at `i` (the bracket); throws past MAX_JSON_DEPTH. */
  private enter(i: number): void {
    if (++this.depth > MAX_JSON_DEPTH) throw new PyJsonDepthError(`Nested deeper than ${MAX_JSON_DEPTH} levels`, this.s, i);
  }

  skipWs(i: number): number {
    while (i < this.s.length && WS.includes(this.s[i] as string)) i++;
    return i;
  }

  /** Returns [value, end] or throws StopIteration-like { stop: idx }. */
  value(i: number): [Value, number] {
    const s = this.s;
    const c = s[i];
    if (c === undefined) throw new Stop(i);
    if (c === '"') return this.string(i + 1);
    if (c === '{' || c === '[') {
      this.enter(i);
      const r = c === '{' ? this.object(i + 1) : this.array(i + 1);
      this.depth--;
      return r;
    }
    if (c === 'n' && s.startsWith('null', i)) return [null, i + 4];
    if (c === 't' && s.startsWith('true', i)) return [true, i + 4];
    if (c === 'f' && s.startsWith('false', i)) return [false, i + 5];
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(s);
    if (m) {
      const [text, int = '', frac, exp] = m;
      const end = i + text.length;
      if (frac !== undefined || exp !== undefined) return [Number(text), end];
      return [BigInt(int), end];
    }
    if (c === 'N' && s.startsWith('NaN', i)) return [NaN, i + 3];
    if (c === 'I' && s.startsWith('Infinity', i)) return [Infinity, i + 8];
    if (c === '-' && s.startsWith('-Infinity', i)) return [-Infinity, i + 9];
    throw new Stop(i);
  }

  expectValue(i: number): [Value, number] {
    try {
      return this.value(i);
    } catch (e) {
      if (e instanceof Stop) throw new PyJsonError('Expecting value', this.s, e.idx);
      throw e;
    }
  }

  string(begin: number): [string, number] {
    const s = this.s;
    let out = '';
    let i = begin;
    for (;;) {
      const c = s[i];
      if (c === undefined) throw new PyJsonError('Unterminated string starting at', s, begin - 1);
      if (c === '"') return [out, i + 1];
      if (c === '\\') {
        const e = s[i + 1];
        if (e === undefined) throw new PyJsonError('Unterminated string starting at', s, begin - 1);
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          out += simple[e];
          i += 2;
          continue;
        }
        if (e !== 'u') throw new PyJsonError('Invalid \\escape', s, i);
        const hex = s.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new PyJsonError('Invalid \\uXXXX escape', s, i + 1);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
        continue;
      }
      if (c < ' ') throw new PyJsonError('Invalid control character at', s, i);
      out += c;
      i++;
    }
  }

  object(start: number): [Value, number] {
    const s = this.s;
    const map = new Map<string, Value>();
    let end = start;
    let next = s[end] ?? '';
    if (next !== '"') {
      end = this.skipWs(end);
      next = s[end] ?? '';
      if (next === '}') return [map, end + 1];
      if (next !== '"') throw new PyJsonError('Expecting property name enclosed in double quotes', s, end);
    }
    end += 1;
    for (;;) {
      const [key, afterKey] = this.string(end);
      end = this.skipWs(afterKey);
      if (s[end] !== ':') throw new PyJsonError("Expecting ':' delimiter", s, end);
      end = this.skipWs(end + 1);
      const [value, afterValue] = this.expectValue(end);
      map.set(key, value);
      end = this.skipWs(afterValue);
      next = s[end] ?? '';
      end += 1;
      if (next === '}') return [map, end];
      if (next !== ',') throw new PyJsonError("Expecting ',' delimiter", s, end - 1);
      end = this.skipWs(end);
      next = s[end] ?? '';
      end += 1;
      if (next !== '"') throw new PyJsonError('Expecting property name enclosed in double quotes', s, end - 1);
    }
  }

  array(start: number): [Value, number] {
    const s = this.s;
    const list: Value[] = [];
    let end = this.skipWs(start);
    if (s[end] === ']') return [list, end + 1];
    for (;;) {
      const [value, afterValue] = this.expectValue(end);
      list.push(value);
      end = this.skipWs(afterValue);
      const next = s[end] ?? '';
      end += 1;
      if (next === ']') return [list, end];
      if (next !== ',') throw new PyJsonError("Expecting ',' delimiter", s, end - 1);
      end = this.skipWs(end);
    }
  }
}

/** Python's StopIteration(idx) inside the scanner: no value starts at idx. */
class Stop extends Error {
  constructor(readonly idx: number) {
    super(`no JSON value at ${idx}`);
  }
}

/** json.loads: throws PyJsonError with Python's message. */
export function parsePyJson(text: string): Value {
  const scanner = new Scanner(text);
  const [value, end] = scanner.expectValue(scanner.skipWs(0));
  const tail = scanner.skipWs(end);
  if (tail !== text.length) throw new PyJsonError('Extra data', text, tail);
  return value;
}

export interface DumpOptions {
  /** Spaces per level; undefined writes one line. */
  indent?: number;
  /** Python's ensure_ascii: escape every non-ASCII character as \uXXXX. */
  ensureAscii?: boolean;
  /** (item, key) separators; Python's default is (', ', ': '), or (',', ': ') with an indent. */
  separators?: readonly [string, string];
  /** What json.dumps's `default` returns for an object it cannot encode (to_string passes str). */
  default?: (o: PyObject) => PyAny;
}

/**
 * json.dumps(value, ...). Without `default`, an object outside the data model raises Python's
 * TypeError, as json.dumps does.
 */
export function dumpPyJson(value: PyAny, options: DumpOptions = {}): string {
  return dump(value, options, 0);
}

function dump(v: PyAny, o: DumpOptions, level: number): string {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatJson(v);
  if (typeof v === 'string') return quote(v, o.ensureAscii ?? false);
  if (!Array.isArray(v) && !(v instanceof Map)) {
    if (o.default === undefined) throw new PyException('TypeError', `Object of type ${pyTypeName(v)} is not JSON serializable`);
    return dump(o.default(v), o, level);
  }
  const [itemSep, keySep] = o.separators ?? (o.indent === undefined ? [', ', ': '] : [',', ': ']);
  const items = Array.isArray(v)
    ? v.map((x) => dump(x, o, level + 1))
    : [...v].map(([k, x]) => `${quote(k, o.ensureAscii ?? false)}${keySep}${dump(x, o, level + 1)}`);
  const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return open + close;
  if (o.indent === undefined) return open + items.join(itemSep) + close;
  const inner = '\n' + ' '.repeat(o.indent * (level + 1));
  return open + inner + items.join(itemSep + inner) + '\n' + ' '.repeat(o.indent * level) + close;
}

function floatJson(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return pyFloatRepr(n);
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function quote(s: string, ensureAscii: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const code = s.charCodeAt(i);
    const esc = ESCAPES[c];
    if (esc !== undefined) out += esc;
    else if (code < 0x20 || (ensureAscii && code > 0x7e)) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += c;
  }
  return out + '"';
}

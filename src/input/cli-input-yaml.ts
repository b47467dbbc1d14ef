/**
 * `--cli-input-yaml`, as AWS CLI v2 loads it: ruamel.yaml `YAML(typ='safe', pure=True).load`.
 *
 * The `yaml` package parses (YAML 1.2 syntax, anchors and aliases, comments, block scalars,
 * `%YAML 1.1` directives) with its failsafe schema, so every scalar comes back as text with its
 * style and tag; this module then types the scalars as ruamel's safe constructor does, with
 * ruamel's own resolver table (`resolvePlain`, shared with the YAML emitter): YAML 1.2 unless the
 * document says `%YAML 1.1`, `1_000`, `0o17` and `012` are ints, `yes` and `1:20` are strings,
 * dates and times are timestamps (which then fail parameter validation, as in v2). Whatever
 * ruamel refuses (a syntax error, a duplicate key, several documents, an unknown tag, an undefined
 * alias) is v2's "Invalid YAML received.".
 *
 * Only a run with --cli-input-yaml imports this module (and so the `yaml` package).
 */
import { Alias, CST, isMap, isPair, isScalar, isSeq, Lexer, parseAllDocuments, type Document, type Node as YNode } from 'yaml';
import { ParamError } from '../errors.js';
import { resolvePlain } from '../output/yaml.js';
import { pyFloatRepr } from '../value/pystr.js';
import { PyException } from '../value/exception.js';
import { pyFloat } from '../value/pynum.js';
import type { Value } from '../value/types.js';
import { BinaryValue, PyObjectValue } from './param-file.js';

/** A value loaded from YAML: the JSON model plus bytes (`!!binary`) and Python objects (dates, sets). */
export type YamlValue = Value | BinaryValue | PyObjectValue;

class InvalidYaml extends Error {}

const invalid = (): ParamError => new ParamError("Error parsing parameter 'cli-input-yaml': Invalid YAML received.");

// The YAML 1.1 implicit types ruamel applies under a `%YAML 1.1` directive (resolver.py).
const BOOL_11 = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)\n?$/;
const FLOAT_11 =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\n?$/;
const INT_11 = /^(?:[-+]?0b[0-1_]+|[-+]?0?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)\n?$/;

function resolve11(value: string): string {
  const first = value === '' ? '' : (value[0] as string);
  if ('yYnNtTfFoO'.includes(first) && first !== '' && BOOL_11.test(value)) return 'bool';
  if ('-+0123456789.'.includes(first) && first !== '' && FLOAT_11.test(value)) return 'float';
  if ('-+0123456789'.includes(first) && first !== '' && INT_11.test(value)) return 'int';
  const tag = resolvePlain(value); // merge, null, timestamp, value, yaml: the same in 1.1
  return tag === 'bool' || tag === 'float' || tag === 'int' ? 'str' : tag;
}

const TAG_PREFIX = 'tag:yaml.org,2002:';

/** SafeConstructor.construct_yaml_int. */
function constructInt(text: string, v11: boolean): bigint {
  let s = text.replace(/_/g, '');
  let sign = 1n;
  if (s.startsWith('-')) sign = -1n;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  if (s === '0') return 0n;
  if (s.startsWith('0b')) return sign * BigInt(s);
  if (s.startsWith('0x')) return sign * BigInt(s);
  if (s.startsWith('0o')) return sign * BigInt(s);
  if (v11 && s.startsWith('0')) return sign * BigInt('0o' + s.slice(1));
  if (v11 && s.includes(':')) {
    let value = 0n;
    let base = 1n;
    for (const part of s.split(':').reverse()) {
      value += BigInt(part) * base;
      base *= 60n;
    }
    return sign * value;
  }
  if (!/^[0-9]+$/.test(s)) throw new InvalidYaml(); // Python int() would raise ValueError
  return sign * BigInt(s);
}

/** SafeConstructor.construct_yaml_float. */
function constructFloat(text: string, v11: boolean): number {
  let s = text.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (s.startsWith('-')) sign = -1;
  if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  if (s === '.inf') return sign * Infinity;
  if (s === '.nan') return NaN;
  if (v11 && s.includes(':')) {
    let value = 0;
    let base = 1;
    for (const part of s.split(':').reverse()) {
      value += Number(part) * base;
      base *= 60;
    }
    return sign * value;
  }
  let f: number;
  try {
    f = pyFloat(s);
  } catch (e) {
    if (e instanceof PyException) throw new InvalidYaml();
    throw e;
  }
  return sign * f;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** construct_yaml_timestamp: a datetime.date or datetime.datetime, shown as Python's str(). */
function constructTimestamp(text: string): PyObjectValue {
  const m =
    /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?/.exec(
      text,
    );
  if (m === null) throw new InvalidYaml();
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysIn = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn) throw new InvalidYaml(); // ValueError in Python
  const date = `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
  if (m[4] === undefined) return new PyObjectValue('datetime.date', date, `datetime.date(${year}, ${month}, ${day})`);
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hour > 23 || minute > 59 || second > 59) throw new InvalidYaml();
  let micro = 0;
  if (m[7] !== undefined && m[7] !== '') {
    // ruamel: the fraction to 6 digits, rounded on the 7th
    const digits = m[7].padEnd(7, '0');
    micro = Number(digits.slice(0, 6));
    if (Number(digits[6]) >= 5) micro += 1;
    if (micro > 999999) micro = 999999;
  }
  let tz = '';
  if (m[8] !== undefined) {
    if (m[8] === 'Z') tz = '+00:00';
    else tz = `${m[9]}${two(Number(m[10]))}:${two(Number(m[11] ?? '0'))}`;
  }
  const time = `${two(hour)}:${two(minute)}:${two(second)}${micro ? '.' + String(micro).padStart(6, '0') : ''}`;
  const args = [year, month, day, hour, minute, second, ...(micro ? [micro] : [])].join(', ');
  return new PyObjectValue('datetime.datetime', `${date} ${time}${tz}`, `datetime.datetime(${args}${tz ? ', tzinfo=...' : ''})`);
}

function base64Bytes(text: string): BinaryValue {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) throw new InvalidYaml();
  return new BinaryValue(Buffer.from(clean, 'base64'));
}

/** Python dict-key equality: 1, 1.0 and True are one key; strings by value. */
function keyIdentity(k: YamlValue): string {
  if (k === true || k === false) return `n:${k ? 1 : 0}`;
  if (typeof k === 'bigint') return `n:${k}`;
  if (typeof k === 'number') return Number.isInteger(k) ? `n:${BigInt(k)}` : `f:${k}`;
  if (typeof k === 'string') return `s:${k}`;
  if (k === null) return 'None';
  if (k instanceof PyObjectValue) return `o:${k.pyType}:${k.str}`;
  if (k instanceof BinaryValue) return `b:${k.bytes.toString('hex')}`;
  return `t:${keyText(k)}`;
}

/** How a non-string key shows in botocore's messages: str(key) (a list key is a tuple). */
function keyText(k: YamlValue): string {
  if (typeof k === 'string') return k;
  if (k === null) return 'None';
  if (k === true) return 'True';
  if (k === false) return 'False';
  if (typeof k === 'bigint') return k.toString();
  if (typeof k === 'number') return pyFloatRepr(k);
  if (k instanceof PyObjectValue) return k.str;
  if (k instanceof BinaryValue) return `b'${k.bytes.toString('latin1')}'`;
  if (Array.isArray(k)) {
    const items = k.map((x) => (typeof x === 'string' ? `'${x}'` : keyText(x as YamlValue)));
    return `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
  }
  throw new InvalidYaml(); // a mapping as a key: unhashable
}

class Constructor {
  private readonly v11: boolean;
  private readonly building = new Set<YNode>();
  private readonly built = new Map<YNode, YamlValue>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly source: string,
  ) {
    this.v11 = doc.directives?.yaml.version === '1.1';
  }

  value(node: unknown): YamlValue {
    if (node === null || node === undefined) return null; // an empty document or value
    if (node instanceof Alias) {
      const target = node.resolve(this.doc);
      if (target === undefined) throw new InvalidYaml();
      return this.value(target);
    }
    const known = this.built.get(node as YNode);
    if (known !== undefined) return known;
    if (isScalar(node)) {
      // The parser decodes !!binary itself, whatever the schema.
      if (node.value instanceof Uint8Array) return new BinaryValue(Buffer.from(node.value));
      let text = String(node.value);
      // A block scalar that ends the text without a line break has none to keep (ruamel), where
      // the parser adds one.
      const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      if (block && text.endsWith('\n') && node.range?.[1] === this.source.length && !/[\r\n]$/.test(this.source)) text = text.slice(0, -1);
      return this.scalar(text, node.type, node.tag);
    }
    if (this.building.has(node as YNode)) throw new InvalidYaml(); // a recursive alias
    this.building.add(node as YNode);
    let result: YamlValue;
    if (isSeq(node)) result = this.sequence(node.items, node.tag) as YamlValue;
    else if (isMap(node)) result = this.mapping(node.items, node.tag);
    else throw new InvalidYaml();
    this.building.delete(node);
    this.built.set(node, result);
    return result;
  }

  private tagOf(tag: string | undefined, fallback: string): string {
    if (tag === undefined || tag === '!') return fallback;
    if (tag.startsWith(TAG_PREFIX)) return tag.slice(TAG_PREFIX.length);
    throw new InvalidYaml(); // ConstructorError: could not determine a constructor for the tag
  }

  private scalar(text: string, type: string | undefined, tag: string | undefined): YamlValue {
    const plain = type === 'PLAIN';
    // No tag, or ruamel's reading of the non-specific `!`: a plain scalar is typed by its text.
    const implicit = tag === undefined || tag === '!' ? (plain ? (this.v11 ? resolve11(text) : resolvePlain(text)) : 'str') : undefined;
    const kind = implicit ?? this.tagOf(tag, 'str');
    switch (kind) {
      case 'str':
        return text;
      case 'null':
        return null;
      case 'bool': {
        const b = { yes: true, no: false, y: true, n: false, true: true, false: false, on: true, off: false }[text.toLowerCase()];
        if (b === undefined) throw new InvalidYaml();
        return b;
      }
      case 'int':
        return constructInt(text, this.v11);
      case 'float':
        return constructFloat(text, this.v11);
      case 'timestamp':
        return constructTimestamp(text);
      case 'binary':
        return base64Bytes(text);
      default:
        throw new InvalidYaml(); // merge or value outside a key, or an unknown tag
    }
  }

  private sequence(items: readonly unknown[], tag: string | undefined): YamlValue[] | PyObjectValue {
    const kind = this.tagOf(tag, 'seq');
    const values = items.map((item) => this.value(item));
    if (kind === 'seq') return values;
    if (kind === 'omap' || kind === 'pairs') return new PyObjectValue(kind === 'omap' ? 'ruamel.yaml.compat.ordereddict' : 'list', '', '');
    throw new InvalidYaml();
  }

  private mapping(items: readonly unknown[], tag: string | undefined): YamlValue {
    const kind = this.tagOf(tag, 'map');
    if (kind !== 'map' && kind !== 'set') throw new InvalidYaml();
    // SafeConstructor.flatten_mapping: the `<<` mappings (the last named first) go before the
    // mapping's own pairs; then a dict is built in order (a later key overrides, in place).
    const merged: Array<[YamlValue, YamlValue]> = [];
    const own: Array<[YamlValue, YamlValue]> = [];
    const ownIds = new Set<string>();
    for (const pair of items) {
      if (!isPair(pair)) throw new InvalidYaml();
      const keyNode = pair.key;
      if (isScalar(keyNode) && keyNode.type === 'PLAIN' && keyNode.tag === undefined && keyNode.value === '<<') {
        for (const source of this.mergeSources(pair.value).reverse()) merged.push(...source);
        continue;
      }
      const key = this.value(keyNode);
      const id = keyIdentity(key);
      if (ownIds.has(id)) throw new InvalidYaml(); // DuplicateKeyError
      ownIds.add(id);
      own.push([key, this.value(pair.value)]);
    }
    const result = new Map<string, Value>();
    const names = new Map<string, string>();
    for (const [k, v] of [...merged, ...own]) {
      const id = keyIdentity(k);
      const name = names.get(id) ?? keyText(k);
      names.set(id, name);
      result.set(name, v as Value);
    }
    if (kind === 'set') return new PyObjectValue('set', '', '');
    return result;
  }

  private mergeSources(node: unknown): Array<Array<[YamlValue, YamlValue]>> {
    const one = (n: unknown): Array<[YamlValue, YamlValue]> => {
      const v = this.value(n);
      if (!(v instanceof Map)) throw new InvalidYaml();
      return [...v].map(([k, x]) => [k, x as YamlValue]);
    };
    const target = node instanceof Alias ? node.resolve(this.doc) : node;
    if (isSeq(target)) return target.items.map(one);
    return [one(node)];
  }
}

/**
 * ruamel's pure scanner refuses a tab where YAML 1.2 allows one: inside a plain scalar, and as
 * white space outside a flow collection (`key:\tvalue`, a tab-indented line). Quoted and block
 * scalars and comments may hold tabs.
 */
function hasRefusedTab(text: string): boolean {
  if (!text.includes('\t')) return false;
  let flow = 0;
  let blockHeader = false; // a `|` or `>` header was seen: the next scalar's text is its content
  let scalarNext = false; // the lexer's SCALAR marker: the next token is a scalar's text
  for (const token of new Lexer().lex(text)) {
    if (scalarNext) {
      scalarNext = false;
      const content = blockHeader;
      blockHeader = false;
      if (!content && token.includes('\t')) return true; // a tab in a plain scalar
      continue;
    }
    if (token === CST.SCALAR) {
      scalarNext = true;
      continue;
    }
    const type = CST.tokenType(token);
    if (type === 'block-scalar-header') blockHeader = true;
    else if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
    else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
    else if (type === 'space' && flow === 0 && token.includes('\t')) return true;
  }
  return false;
}

/** Deeper than this, a document is refused before the parser sees it (ruamel: a RecursionError). */
export const MAX_YAML_FLOW_DEPTH = 1000;

/**
 * The deepest nesting of flow collections (`[`, `{`) outside quoted scalars and comments. The
 * `yaml` package parses flow collections recursively; thousands of unclosed `[` drive it so deep
 * that V8 itself fails (a fatal RegExpCompiler allocation error, no exception to catch), so the
 * depth is measured first, by a loop.
 */
function flowDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') deepest = Math.max(deepest, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"' && (i === 0 || /[\s[{,:]/.test(text[i - 1] as string))) {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === "'" && (i === 0 || /[\s[{,:]/.test(text[i - 1] as string))) {
      for (i++; i < text.length; i++) {
        if (text[i] === "'") {
          if (text[i + 1] === "'") i++;
          else break;
        }
      }
    }
  }
  return deepest;
}

/**
 * Loads --cli-input-yaml text (already read from file:// when so given) as v2 does: one
 * document, parsed and typed; anything ruamel would refuse is "Invalid YAML received.".
 * Returns what the document holds (not necessarily a mapping: the caller checks).
 */
export function loadCliInputYaml(text: string): YamlValue {
  if (flowDepth(text) > MAX_YAML_FLOW_DEPTH) throw invalid();
  const docs = parseAllDocuments(text, { version: '1.2', schema: 'failsafe', uniqueKeys: false, merge: false, prettyErrors: false });
  if (!Array.isArray(docs)) throw invalid(); // the parser's EmptyStream for trailing garbage
  // A document end marker with no document before it: ruamel's "expected '<document start>'".
  if (/^(?:[ \t]*(?:#[^\n]*)?\r?\n)*\.\.\.(?:[ \t\r\n]|$)/.test(text.replace(/^\ufeff/, ''))) throw invalid();
  if (hasRefusedTab(text)) throw invalid();
  if (docs.length === 0) return null;
  if (docs.length > 1) throw invalid(); // ComposerError: expected a single document
  const doc = docs[0] as Document.Parsed;
  if (doc.errors.length > 0) throw invalid();
  try {
    return new Constructor(doc, text).value(doc.contents);
  } catch (e) {
    if (e instanceof InvalidYaml || e instanceof RangeError || e instanceof SyntaxError) throw invalid();
    throw e;
  }
}

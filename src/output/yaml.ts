/**
 * `--output yaml` and `--output yaml-stream`: the bytes AWS CLI v2 writes.
 *
 * v2 dumps with ruamel.yaml `YAML(typ='safe')`, `default_flow_style = False`. With
 * ruamel.yaml.clib installed (v2 bundles it), `typ='safe'` emits through libyaml's C emitter,
 * so the bytes are libyaml's: its scalar analysis (a 4-byte UTF-8 character is "not printable",
 * hence `"\U0001F600"`), its style choice (plain, then single, then double quotes), its folding
 * at 80 columns and its escapes. What is *not* libyaml's is which strings must be quoted: that is
 * ruamel's Python resolver, which holds only the YAML 1.2 implicit types (so `yes`, `on` and
 * `1:20` stay plain, `true`, `null`, `0o17`, `1_000` and dates are quoted). Mapping keys are
 * sorted (ruamel's SafeRepresenter sorts dicts), a dict or list met twice gets an anchor.
 *
 * This module is a port of the parts of libyaml's emitter.c (MIT) that a block-style dump of
 * JSON-like data reaches, plus ruamel's representer and 1.2 resolver; see the README for why
 * the `yaml` package is not used to write these bytes.
 */
import { compareStrings } from '../value/compare.js';
import { dumpPyJson } from '../value/pyjson.js';
import { pyFloatRepr } from '../value/pystr.js';
import { isMap, type Value } from '../value/types.js';

// ---------------------------------------------------------------------------------------------
// ruamel's representer and resolver: Value -> node graph

type Tag = 'str' | 'int' | 'float' | 'bool' | 'null';

interface ScalarNode {
  kind: 'scalar';
  tag: Tag;
  value: string;
}
interface SeqNode {
  kind: 'seq';
  items: YamlNode[];
}
interface MapNode {
  kind: 'map';
  pairs: Array<[ScalarNode, YamlNode]>;
}
type YamlNode = ScalarNode | SeqNode | MapNode;

/**
 * ruamel.yaml.resolver.Resolver: the (1, 2) implicit resolvers, keyed by first character, in
 * the order ruamel registers them. Python's `$` also matches before a final newline.
 */
const FLOAT_12 =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\n?$/;
const INT_12 = /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)\n?$/;
const BOOL_12 = /^(?:true|True|TRUE|false|False|FALSE)\n?$/;
const NULL_ANY = /^(?:~|null|Null|NULL|)\n?$/;
const MERGE = /^(?:<<)\n?$/;
const TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)\n?$/;
const VALUE = /^(?:=)\n?$/;
const YAML_TAG = /^(?:!|&|\*)\n?$/;

const RESOLVERS = new Map<string, Array<[string, RegExp]>>();
function addResolver(tag: string, re: RegExp, first: string[]): void {
  for (const ch of first) {
    const list = RESOLVERS.get(ch) ?? [];
    list.push([tag, re]);
    RESOLVERS.set(ch, list);
  }
}
addResolver('bool', BOOL_12, [...'tTfF']);
addResolver('float', FLOAT_12, [...'-+0123456789.']);
addResolver('int', INT_12, [...'-+0123456789']);
addResolver('merge', MERGE, ['<']);
addResolver('null', NULL_ANY, ['~', 'n', 'N', '']);
addResolver('timestamp', TIMESTAMP, [...'0123456789']);
addResolver('value', VALUE, ['=']);
addResolver('yaml', YAML_TAG, [...'!&*']);

/** The tag a plain scalar with this text would load as ('str' when none matches). */
export function resolvePlain(value: string): string {
  const first = value === '' ? '' : String.fromCodePoint(value.codePointAt(0) as number);
  for (const [tag, re] of RESOLVERS.get(first) ?? []) if (re.test(value)) return tag;
  return 'str';
}

/** SafeRepresenter.represent_float (no 1.1 `.0e` fix: the C emitter has no use_version). */
function floatText(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  return pyFloatRepr(n).toLowerCase();
}

function scalar(tag: Tag, value: string): ScalarNode {
  return { kind: 'scalar', tag, value };
}

/** SafeRepresenter: dicts sorted by key, one node per distinct dict/list object (for aliases). */
function represent(data: Value, seen: Map<object, YamlNode>): YamlNode {
  if (data === null) return scalar('null', 'null');
  if (data === true || data === false) return scalar('bool', data ? 'true' : 'false');
  if (typeof data === 'string') return scalar('str', data);
  if (typeof data === 'bigint') return scalar('int', data.toString());
  if (typeof data === 'number') return scalar('float', floatText(data));
  const known = seen.get(data);
  if (known !== undefined) return known;
  if (Array.isArray(data)) {
    const node: SeqNode = { kind: 'seq', items: [] };
    seen.set(data, node);
    for (const item of data) node.items.push(represent(item, seen));
    return node;
  }
  const node: MapNode = { kind: 'map', pairs: [] };
  seen.set(data, node);
  const keys = [...data.keys()].sort(compareStrings);
  for (const k of keys) node.pairs.push([scalar('str', k), represent(data.get(k) as Value, seen)]);
  return node;
}

/** The serializer's anchors: a collection node met a second time is named id001, id002, ... */
function anchorNodes(root: YamlNode): Map<YamlNode, string | null> {
  const anchors = new Map<YamlNode, string | null>();
  let last = 0;
  const visit = (node: YamlNode): void => {
    if (node.kind === 'scalar') return; // SafeRepresenter.ignore_aliases: scalars never alias
    if (anchors.has(node)) {
      if (anchors.get(node) === null) anchors.set(node, `id${String(++last).padStart(3, '0')}`);
      return;
    }
    anchors.set(node, null);
    if (node.kind === 'seq') node.items.forEach(visit);
    else
      for (const [k, v] of node.pairs) {
        visit(k);
        visit(v);
      }
  };
  visit(root);
  return anchors;
}

// ---------------------------------------------------------------------------------------------
// libyaml's emitter

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

const isSpace = (c: number | undefined): boolean => c === 0x20;
const isBreak = (c: number | undefined): boolean => c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
/** IS_BLANKZ: space, tab, a break, or the end of the string (NUL). */
const isBlankz = (c: number | undefined): boolean => c === undefined || c === 0 || c === 0x20 || c === 0x09 || isBreak(c);
/** IS_PRINTABLE on UTF-8: every 4-byte sequence (U+10000 and up) is "not printable". */
const isPrintable = (c: number): boolean =>
  c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

function utf8Length(cps: readonly number[]): number {
  let n = 0;
  for (const c of cps) n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  return n;
}

interface Analysis {
  cps: number[];
  length: number;
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
}

/** yaml_emitter_analyze_scalar. */
function analyzeScalar(value: string): Analysis {
  const cps = Array.from(value, (ch) => ch.codePointAt(0) as number);
  const length = utf8Length(cps);
  if (cps.length === 0) return { cps, length, multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true };
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  let followedByWhitespace = isBlankz(cps[1]);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] as number;
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true;
      if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    if (!isPrintable(c)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
    if (i + 1 < cps.length) followedByWhitespace = isBlankz(cps[i + 2]);
  }
  let flowPlain = true;
  let blockPlain = true;
  let singleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) flowPlain = blockPlain = false;
  if (breakSpace) flowPlain = blockPlain = singleQuoted = false;
  if (spaceBreak || special) flowPlain = blockPlain = singleQuoted = false;
  if (lineBreaks) flowPlain = blockPlain = false;
  if (flowIndicators) flowPlain = false;
  if (blockIndicators) blockPlain = false;
  return { cps, length, multiline: lineBreaks, flowPlain, blockPlain, singleQuoted };
}

const ESCAPES = new Map<number, string>([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

function hexEscape(c: number): string {
  const [letter, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
  return letter + c.toString(16).toUpperCase().padStart(width, '0');
}

class Emitter {
  private out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private mappingContext = false;
  private simpleKeyContext = false;

  constructor(private readonly anchors: Map<YamlNode, string | null>) {}

  private readonly emitted = new Set<YamlNode>();

  document(root: YamlNode): string {
    this.node(root, { root: true, sequence: false, mapping: false, simpleKey: false });
    this.writeIndent(); // DOCUMENT-END (implicit): no '...'
    return this.out;
  }

  // -- low-level writers

  private put(s: string): void {
    this.out += s;
    this.column += Array.from(s).length;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() as number;
  }

  private writeIndent(): void {
    const indent = this.indent >= 0 ? this.indent : 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** WRITE_BREAK: '\n' as the line break, any other break character copied as it is. */
  private writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(c);
      this.column = 0;
    }
  }

  // -- nodes

  private node(node: YamlNode, ctx: { root: boolean; sequence: boolean; mapping: boolean; simpleKey: boolean }): void {
    this.mappingContext = ctx.mapping;
    this.simpleKeyContext = ctx.simpleKey;
    const anchor = this.anchors.get(node) ?? null;
    if (anchor !== null && this.emitted.has(node)) {
      this.writeIndicator('*', true, false, false);
      this.put(anchor);
      this.whitespace = false;
      this.indention = false;
      if (this.simpleKeyContext) this.put(' ');
      return;
    }
    this.emitted.add(node);
    if (node.kind === 'scalar') {
      this.scalar(node);
      return;
    }
    if (anchor !== null) {
      this.writeIndicator('&', true, false, false);
      this.put(anchor);
      this.whitespace = false;
      this.indention = false;
    }
    const empty = node.kind === 'seq' ? node.items.length === 0 : node.pairs.length === 0;
    if (this.flowLevel > 0 || empty) {
      // Only empty collections are flow here: `[]`, `{}`.
      this.writeIndicator(node.kind === 'seq' ? '[' : '{', true, true, false);
      this.increaseIndent(true, false);
      this.popIndent();
      this.writeIndicator(node.kind === 'seq' ? ']' : '}', false, false, false);
      return;
    }
    if (node.kind === 'seq') this.blockSequence(node);
    else this.blockMapping(node);
  }

  private blockSequence(node: SeqNode): void {
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of node.items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { root: false, sequence: true, mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private blockMapping(node: MapNode): void {
    this.increaseIndent(false, false);
    for (const [key, value] of node.pairs) {
      this.writeIndent();
      const analysis = analyzeScalar(key.value);
      // check_simple_key: single-line and at most 128 bytes.
      if (!analysis.multiline && analysis.length <= 128) {
        this.node(key, { root: false, sequence: false, mapping: true, simpleKey: true });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, { root: false, sequence: false, mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(value, { root: false, sequence: false, mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private scalar(node: ScalarNode): void {
    const a = analyzeScalar(node.value);
    // The serializer's implicit flags: plain when the text resolves back to the node's tag.
    const plainImplicit = resolvePlain(node.value) === node.tag;
    let style: 'plain' | 'single' | 'double' = 'plain';
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain') {
      if ((this.flowLevel > 0 && !a.flowPlain) || (this.flowLevel === 0 && !a.blockPlain)) style = 'single';
      if (a.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = 'single';
      if (!plainImplicit) style = 'single';
    }
    if (style === 'single' && !a.singleQuoted) style = 'double';
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === 'plain') this.writePlain(a.cps, allowBreaks);
    else if (style === 'single') this.writeSingleQuoted(a.cps, allowBreaks);
    else this.writeDoubleQuoted(a.cps, allowBreaks);
    this.popIndent();
  }

  private writePlain(cps: readonly number[], allowBreaks: boolean): void {
    if (!this.whitespace && (cps.length > 0 || this.flowLevel > 0)) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i] as number;
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(cps[i + 1])) this.writeIndent();
        else this.put(' ');
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(cps: readonly number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i] as number;
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1 && !isSpace(cps[i + 1])) {
          this.writeIndent();
        } else this.put(' ');
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c === 0x27 ? "''" : String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (breaks) this.writeIndent();
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(cps: readonly number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i] as number;
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\' + (ESCAPES.get(c) ?? hexEscape(c)));
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1) {
          this.writeIndent();
          if (isSpace(cps[i + 1])) this.put('\\');
        } else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(c));
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }
}

/** ruamel.yaml's `YAML(typ='safe').dump(data)` for a dict or a list, with the C emitter. */
export function dumpYaml(data: Value): string {
  const root = represent(data, new Map());
  return new Emitter(anchorNodes(root)).document(root);
}

const isJsonScalar = (v: Value): boolean => v === null || typeof v !== 'object';

/**
 * `--output yaml` (awscli.formatter.YAMLFormatter): nothing for `{}`; a scalar (a `--query`
 * result) as one line of JSON, as v2 does to avoid YAML's `...` document end; else the dump.
 */
export function formatYaml(data: Value): string {
  if (isMap(data) && data.size === 0) return '';
  if (isJsonScalar(data)) return dumpPyJson(data) + '\n';
  return dumpYaml(data);
}

/** `--output yaml-stream` (StreamedYAMLFormatter): each response as a one-element list. */
export function formatYamlStream(data: Value): string {
  if (isMap(data) && data.size === 0) return '';
  return dumpYaml([data]);
}

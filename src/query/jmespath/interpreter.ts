/**
 * Evaluates a syntax tree the way jmespath.py's TreeInterpreter (visitor.py) does, over Values
 * with Python semantics.
 */
import { pyCompare, pyEquals } from '../../value/compare.js';
import { PyException } from '../../value/exception.js';
import { pyTypeName } from '../../value/pystr.js';
import type { Comparator, Node } from './ast.js';
import { callFunction } from './functions.js';
import { ExpRef, isFalse, type JValue } from './values.js';

/** Evaluates `node` against `value`. Throws JmesPathError for what jmespath.py raises. */
export function evaluate(node: Node, value: JValue): JValue {
  switch (node.type) {
    case 'identity':
    case 'current':
      return value;
    case 'field':
      return value instanceof Map ? (value.get(node.name) ?? null) : null;
    case 'literal':
      return node.value;
    case 'index':
      return Array.isArray(value) ? index(value, node.index) : null;
    case 'slice':
      return Array.isArray(value) ? slice(value, node.start, node.stop, node.step) : null;
    case 'subexpression':
    case 'index_expression':
      return node.children.reduce<JValue>((acc, child) => evaluate(child, acc), value);
    case 'pipe':
      return evaluate(node.right, evaluate(node.left, value));
    case 'comparator':
      return compare(node.op, evaluate(node.left, value), evaluate(node.right, value));
    case 'or_expression': {
      const left = evaluate(node.left, value);
      return isFalse(left) ? evaluate(node.right, value) : left;
    }
    case 'and_expression': {
      const left = evaluate(node.left, value);
      return isFalse(left) ? left : evaluate(node.right, value);
    }
    case 'not_expression':
      return not(evaluate(node.child, value));
    case 'expref':
      return new ExpRef(node.expression, evaluate);
    case 'function_expression':
      return callFunction(
        node.name,
        node.args.map((arg) => evaluate(arg, value)),
      );
    default:
      return evaluateCollection(node, value);
  }
}

function evaluateCollection(node: Node, value: JValue): JValue {
  switch (node.type) {
    case 'projection': {
      const base = evaluate(node.left, value);
      return Array.isArray(base) ? project(base, node.right) : null;
    }
    case 'value_projection': {
      const base = evaluate(node.left, value);
      return base instanceof Map ? project([...base.values()], node.right) : null;
    }
    case 'filter_projection':
      return filter(evaluate(node.left, value), node.right, node.condition);
    case 'flatten':
      return flatten(evaluate(node.child, value));
    case 'multi_select_list':
      // Only None short-circuits, not other false values: `false | [a]` is [null].
      return value === null ? null : node.children.map((child) => evaluate(child, value));
    case 'multi_select_dict':
      return value === null ? null : new Map(node.pairs.map((p) => [p.key, evaluate(p.value, value)]));
    default:
      throw new Error(`unhandled node type ${node.type}`);
  }
}

function project(base: JValue[], right: Node): JValue[] {
  const collected: JValue[] = [];
  for (const element of base) {
    const current = evaluate(right, element);
    if (current !== null) collected.push(current);
  }
  return collected;
}

function filter(base: JValue, right: Node, condition: Node): JValue {
  if (!Array.isArray(base)) return null;
  const collected: JValue[] = [];
  for (const element of base) {
    if (isFalse(evaluate(condition, element))) continue;
    const current = evaluate(right, element);
    if (current !== null) collected.push(current);
  }
  return collected;
}

function flatten(base: JValue): JValue {
  if (!Array.isArray(base)) return null;
  const merged: JValue[] = [];
  for (const element of base) {
    if (Array.isArray(element)) merged.push(...element);
    else merged.push(element);
  }
  return merged;
}

/** `not`: Python truthiness, except that numbers (0 included) are true in JMESPath. */
function not(v: JValue): boolean {
  if (typeof v === 'bigint' || typeof v === 'number') return false;
  if (v instanceof ExpRef) return false;
  return isFalse(v);
}

/** list[i] with Python's negative indexes; out of range is None. */
function index(list: JValue[], i: bigint): JValue {
  const n = BigInt(list.length);
  const at = i < 0n ? i + n : i;
  return at >= 0n && at < n ? (list[Number(at)] as JValue) : null;
}

/** list[start:stop:step] exactly as Python's PySlice_AdjustIndices computes it. */
export function slice<T>(list: T[], start: bigint | null, stop: bigint | null, step: bigint | null): T[] {
  const s = step ?? 1n;
  if (s === 0n) throw new PyException('ValueError', 'slice step cannot be zero');
  const n = BigInt(list.length);
  const [lower, upper] = s < 0n ? [-1n, n - 1n] : [0n, n];
  const clamp = (x: bigint | null, dflt: bigint): number => {
    if (x === null) return Number(dflt);
    const y = x < 0n ? x + n : x;
    return Number(y < lower ? lower : y > upper ? upper : y);
  };
  const from = clamp(start, s < 0n ? upper : lower);
  const to = clamp(stop, s < 0n ? lower : upper);
  // Any step beyond the length takes one element at most; clamp it into a safe number.
  const limit = n + 1n;
  const by = Number(s > limit ? limit : s < -limit ? -limit : s);
  const out: T[] = [];
  if (by > 0) for (let i = from; i < to; i += by) out.push(list[i] as T);
  else for (let i = from; i > to; i += by) out.push(list[i] as T);
  return out;
}

const OPERATOR_TEXT: Readonly<Record<Comparator, string>> = { eq: '==', ne: '!=', lt: '<', gt: '>', lte: '<=', gte: '>=' };

function compare(op: Comparator, left: JValue, right: JValue): JValue {
  if (op === 'eq') return jmesEquals(left, right);
  if (op === 'ne') return !jmesEquals(left, right);
  // Ordering only applies to numbers and strings (not bools); anything else is None.
  if (!isComparable(left) || !isComparable(right)) return null;
  const c = pyCompare(left, right);
  if (c === undefined) {
    throw new PyException(
      'TypeError',
      `'${OPERATOR_TEXT[op]}' not supported between instances of '${pyTypeName(left)}' and '${pyTypeName(right)}'`,
    );
  }
  if (Number.isNaN(c)) return false;
  if (op === 'lt') return c < 0;
  if (op === 'lte') return c <= 0;
  if (op === 'gt') return c > 0;
  return c >= 0;
}

const isComparable = (v: JValue): boolean => typeof v === 'string' || typeof v === 'bigint' || typeof v === 'number';

/**
 * jmespath.py's _equals: Python `==`, except that 0 and 1 never equal a boolean at the top level
 * (inside containers Python's own rules apply, so `[1] == [true]` is true).
 */
function jmesEquals(x: JValue, y: JValue): boolean {
  if (isZeroOrOne(x)) {
    if (typeof y === 'boolean') return false;
  } else if (isZeroOrOne(y) && typeof x === 'boolean') {
    return false;
  }
  return pyEquals(x, y);
}

const isZeroOrOne = (v: JValue): boolean =>
  (typeof v === 'bigint' && (v === 0n || v === 1n)) || (typeof v === 'number' && (v === 0 || v === 1));

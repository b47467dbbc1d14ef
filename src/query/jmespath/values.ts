/**
 * What a JMESPath evaluation handles: the project's Values plus expression references (`&expr`),
 * which jmespath.py lets escape into ordinary data (`[&a]`, `{a: &b}`, `to_string(&a)`).
 */
import { pyTypeName } from '../../value/pystr.js';
import type { PyObject } from '../../value/types.js';
import type { Node } from './ast.js';

/**
 * Python's repr of an _Expression has its memory address; we cannot reproduce one, so we print a
 * fixed, plausible address.
 */
export const EXPREF_REPR = '<jmespath.visitor._Expression object at 0x7f0000000000>';

/** jmespath.py's _Expression: an unevaluated expression plus the interpreter to run it. */
export class ExpRef implements PyObject {
  readonly pyType = '_Expression';

  constructor(
    readonly node: Node,
    readonly evaluate: (node: Node, value: JValue) => JValue,
  ) {}

  pyRepr(): string {
    return EXPREF_REPR;
  }

  /** Evaluates the referenced expression against `value`. */
  apply(value: JValue): JValue {
    return this.evaluate(this.node, value);
  }
}

/** A Value, or an ExpRef anywhere inside. */
export type JValue = null | boolean | string | bigint | number | JValue[] | Map<string, JValue> | ExpRef;

const TYPES_MAP: Readonly<Record<string, string>> = {
  bool: 'boolean',
  list: 'array',
  dict: 'object',
  NoneType: 'null',
  str: 'string',
  float: 'number',
  int: 'number',
  _Expression: 'expref',
};

/** jmespath.py's TYPES_MAP: the JMESPath type name of a Python type name. */
export function jmesTypeOfPy(pyType: string): string {
  return TYPES_MAP[pyType] ?? 'unknown';
}

/** The JMESPath type name of a value. */
export const jmesTypeOf = (v: JValue): string => jmesTypeOfPy(pyTypeName(v));

/**
 * jmespath.py's _is_false: only '', [], {}, None and False are false. Numbers, 0 included, are
 * true, unlike Python's own truthiness.
 */
export function isFalse(v: JValue): boolean {
  if (v === null || v === false || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  return false;
}

/** True when `v` holds an ExpRef at any depth. */
export function containsExpRef(v: JValue): boolean {
  if (v instanceof ExpRef) return true;
  if (Array.isArray(v)) return v.some(containsExpRef);
  if (v instanceof Map) return [...v.values()].some(containsExpRef);
  return false;
}

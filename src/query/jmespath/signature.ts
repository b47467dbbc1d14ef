/**
 * Arity and type checks for function arguments, as jmespath.py's Functions._validate_arguments
 * does them. Its messages mix vocabularies, and we keep that: the top-level check reports the
 * JMESPath type ("number"), the array-element check reports the Python type name ("int", "str").
 */
import { pyStr, pyTypeName } from '../../value/pystr.js';
import { arityError, jmesTypeError } from './errors.js';
import { jmesTypeOfPy, type JValue } from './values.js';

/** One parameter: allowed JMESPath types ('number', 'array-string', ...); empty means any. */
export interface Param {
  readonly types: readonly string[];
  /** Only meaningful on the last parameter. */
  readonly variadic?: boolean;
}

const REVERSE_TYPES_MAP: Readonly<Record<string, readonly string[]>> = {
  boolean: ['bool'],
  array: ['list', '_Projection'],
  object: ['dict', 'OrderedDict'],
  null: ['NoneType'],
  string: ['unicode', 'str'],
  number: ['float', 'int', 'long'],
  expref: ['_Expression'],
};

const pyTypesFor = (jmesType: string): readonly string[] => REVERSE_TYPES_MAP[jmesType] ?? [];

/**
 * Checks the argument count, then the type of each declared parameter. For a variadic function
 * only the declared parameters are checked (`merge({}, `1`)` passes and fails later in Python).
 */
export function validateArguments(name: string, args: readonly JValue[], signature: readonly Param[]): void {
  const variadic = signature[signature.length - 1]?.variadic === true;
  if (variadic ? args.length < signature.length : args.length !== signature.length) {
    throw arityError(signature.length, args.length, name, variadic);
  }
  signature.forEach((param, i) => {
    if (param.types.length > 0) checkType(name, args[i] as JValue, param.types);
  });
}

function checkType(name: string, value: JValue, types: readonly string[]): void {
  const allowed: string[] = [];
  const subtypes: (readonly string[])[] = [];
  for (const t of types) {
    const dash = t.indexOf('-');
    if (dash >= 0) subtypes.push(pyTypesFor(t.slice(dash + 1)));
    allowed.push(...pyTypesFor(dash >= 0 ? t.slice(0, dash) : t));
  }
  const actual = pyTypeName(value);
  if (!allowed.includes(actual)) throw jmesTypeError(name, pyStr(value), jmesTypeOfPy(actual), types);
  if (subtypes.length > 0 && Array.isArray(value)) checkElements(name, value, subtypes, types);
}

function checkElements(name: string, list: JValue[], subtypes: (readonly string[])[], types: readonly string[]): void {
  let allowed: readonly string[] | undefined = subtypes.length === 1 ? subtypes[0] : undefined;
  if (allowed === undefined) {
    // Several element types (max, min, sort): the first element decides which one applies.
    const first = list[0];
    if (first === undefined) return;
    const firstType = pyTypeName(first);
    allowed = subtypes.find((s) => s.includes(firstType));
    if (allowed === undefined) throw jmesTypeError(name, pyStr(first), firstType, types);
  }
  for (const element of list) {
    const t = pyTypeName(element);
    if (!allowed.includes(t)) throw jmesTypeError(name, pyStr(element), t, types);
  }
}

import { PyException } from '../../value/exception.js';
import { pyRepr } from '../../value/pystr.js';

/**
 * The errors jmespath.py 1.1.0 raises, with `message` exactly its `str(exception)`: the AWS CLI
 * prints that text verbatim ("Bad value for --query ...: <str(e)>" at compile time, "\n<str(e)>\n"
 * for evaluation errors), so every space and caret matters.
 */

/** The compliance suite's error categories, plus 'syntax' for anything raised while compiling. */
export type ErrorCategory = 'syntax' | 'invalid-arity' | 'invalid-type' | 'invalid-value' | 'unknown-function';

/**
 * Any error a jmespath.py search or compile raises: its own exceptions (ParseError, ...) and the
 * Python built-in ones that escape it unwrapped (TypeError from `1 < 'a'`, ValueError from a
 * zero slice step), with the compliance suite's category.
 */
export class JmesPathError extends PyException {
  constructor(
    message: string,
    pyClass: string,
    readonly category: ErrorCategory,
    options?: ErrorOptions,
  ) {
    super(pyClass, message, options);
  }
}

const caret = (column: number): string => ' '.repeat(column) + '^';

/** EmptyExpressionError. */
export function emptyExpressionError(): JmesPathError {
  return new JmesPathError('Invalid JMESPath expression: cannot be empty.', 'EmptyExpressionError', 'syntax');
}

/** LexerError: note the expression is not quoted and the caret is not shifted, unlike ParseError. */
export function lexerError(expression: string, position: number, message: string): JmesPathError {
  return new JmesPathError(`Bad jmespath expression: ${message}:\n${expression}\n${caret(position)}`, 'LexerError', 'syntax');
}

/** ParseError; `tokenValue` is already Python's str() of the token's value. */
export function parseError(expression: string, position: number, tokenValue: string, tokenType: string, msg: string): JmesPathError {
  return new JmesPathError(
    `${msg}: Parse error at column ${position}, token "${tokenValue}" (${tokenType.toUpperCase()}), ` +
      `for expression:\n"${expression}"\n${caret(position + 1)}`,
    'ParseError',
    'syntax',
  );
}

/** IncompleteExpressionError: the caret goes after the last character (counted in code points). */
export function incompleteExpressionError(expression: string, length: number): JmesPathError {
  return new JmesPathError(
    `Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${caret(length + 1)}`,
    'IncompleteExpressionError',
    'syntax',
  );
}

/** ArityError / VariadictArityError (jmespath.py's spelling of the class). */
export function arityError(expected: number, actual: number, name: string, variadic: boolean): JmesPathError {
  const noun = expected === 1 ? 'argument' : 'arguments';
  const atLeast = variadic ? 'at least ' : '';
  return new JmesPathError(
    `Expected ${atLeast}${expected} ${noun} for function ${name}(), received ${actual}`,
    variadic ? 'VariadictArityError' : 'ArityError',
    'invalid-arity',
  );
}

/** JMESPathTypeError; `value` is Python's str() of the offending value. */
export function jmesTypeError(name: string, value: string, actualType: string, expected: readonly string[]): JmesPathError {
  return new JmesPathError(
    `In function ${name}(), invalid type for value: ${value}, expected one of: ${pyRepr([...expected])}, ` + `received: "${actualType}"`,
    'JMESPathTypeError',
    'invalid-type',
  );
}

/** UnknownFunctionError. */
export function unknownFunctionError(name: string): JmesPathError {
  return new JmesPathError(`Unknown function: ${name}()`, 'UnknownFunctionError', 'unknown-function');
}

/** A Python built-in exception raised during a search, as the JmesPathError the callers see. */
export function builtinError(e: PyException): JmesPathError {
  return new JmesPathError(e.message, e.pyClass, e.pyClass === 'TypeError' ? 'invalid-type' : 'invalid-value', { cause: e });
}

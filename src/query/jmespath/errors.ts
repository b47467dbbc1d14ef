/**
 * The errors jmespath.py 1.1.0 raises, with `message` exactly its `str(exception)`: the AWS CLI
 * prints that text verbatim ("Bad value for --query ...: <str(e)>" at compile time, "\n<str(e)>\n"
 * for evaluation errors), so every space and caret matters.
 */

/** The compliance suite's error categories, plus 'syntax' for anything raised while compiling. */
export type ErrorCategory = 'syntax' | 'invalid-arity' | 'invalid-type' | 'invalid-value' | 'unknown-function';

/** Any error jmespath.py would raise; `pyClass` names the Python exception class. */
export class JmesPathError extends Error {
  constructor(
    message: string,
    readonly pyClass: string,
    readonly category: ErrorCategory,
  ) {
    super(message);
    this.name = 'JmesPathError';
  }
}

const caret = (column: number): string => ' '.repeat(column) + '^';

/** EmptyExpressionError. */
export function emptyExpressionError(): JmesPathError {
  return new JmesPathError('Invalid JMESPath expression: cannot be empty.', 'EmptyExpressionError', 'syntax');
}

/** LexerError: note the expression is not quoted and the caret is not shifted, unlike ParseError. */
export function lexerError(expression: string, position: number, message: string): JmesPathError {
  return new JmesPathError(
    `Bad jmespath expression: ${message}:\n${expression}\n${caret(position)}`,
    'LexerError',
    'syntax',
  );
}

/** ParseError; `tokenValue` is already Python's str() of the token's value. */
export function parseError(
  expression: string,
  position: number,
  tokenValue: string,
  tokenType: string,
  msg: string,
): JmesPathError {
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
    `In function ${name}(), invalid type for value: ${value}, expected one of: ${pyStrList(expected)}, ` +
      `received: "${actualType}"`,
    'JMESPathTypeError',
    'invalid-type',
  );
}

/** UnknownFunctionError. */
export function unknownFunctionError(name: string): JmesPathError {
  return new JmesPathError(`Unknown function: ${name}()`, 'UnknownFunctionError', 'unknown-function');
}

/**
 * A Python built-in exception escaping jmespath.py (it does not wrap them): TypeError from
 * `1 < 'a'`, ValueError from a zero slice step, OverflowError from ceil(inf)...
 */
export function pythonError(pyClass: 'TypeError' | 'ValueError' | 'OverflowError', message: string): JmesPathError {
  return new JmesPathError(message, pyClass, pyClass === 'TypeError' ? 'invalid-type' : 'invalid-value');
}

/** repr() of a list of plain ASCII strings, as Python prints `['string', 'array']`. */
export function pyStrList(items: readonly string[]): string {
  return `[${items.map((s) => `'${s}'`).join(', ')}]`;
}

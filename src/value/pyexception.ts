/**
 * The one Python exception type: a built-in exception the AWS CLI's Python code would raise on
 * our data (int('abc'), `1 < 'a'`, `'str' object has no attribute 'items'`...). `message` is
 * `str(exception)`, which is what the AWS CLI prints. Code in src/value, src/query/jmespath and
 * src/output throws it; each boundary translates it once: the query engine into JmesPathError
 * (src/query/jmespath/index.ts), the formatters into FormatError, response shaping into CliError.
 */
export type PyClass = 'TypeError' | 'ValueError' | 'OverflowError' | 'KeyError' | 'IndexError' | 'AttributeError';

export class PyException extends Error {
  override readonly name = 'PyException';
  constructor(
    readonly pyClass: PyClass,
    message: string,
  ) {
    super(message);
  }
}

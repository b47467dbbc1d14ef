/**
 * `--query`: compiled once before the request (syntax errors stop the command early, as in the
 * AWS CLI's globalargs.py) and applied to the response by the output formatter.
 */
import { CliError, EXIT, ParamError } from '../errors.js';
import type { Value } from '../value/types.js';
import { compile, containsExpRef, JmesPathError, type Expression, type JValue } from './jmespath/index.js';

/** A compiled `--query`. */
export interface CompiledQuery {
  readonly expression: string;
  /** Applies the query. Throws CliError (exit 255) with jmespath.py's message on evaluation errors. */
  search(data: Value): Value;
}

/**
 * The text of the error jmespath.py would raise, or undefined for a bug of ours. A blown JS stack
 * stands for Python's RecursionError (its limit is lower: about 450 nested parentheses).
 */
function pythonMessage(e: unknown): string | undefined {
  if (e instanceof JmesPathError) return e.message;
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'maximum recursion depth exceeded';
  return undefined;
}

/**
 * Compiles --query before any request is sent. Throws ParamError (exit 252) with the AWS CLI's
 * message: "Bad value for --query <expr>: <str(jmespath error)>".
 */
export function compileQuery(expression: string): CompiledQuery {
  let compiled: Expression;
  try {
    compiled = compile(expression);
  } catch (e) {
    const message = pythonMessage(e);
    if (message === undefined) throw e;
    throw new ParamError(`Bad value for --query ${expression}: ${message}`, { cause: e });
  }
  return {
    expression,
    search(data: Value): Value {
      let result: JValue;
      try {
        result = compiled.search(data);
      } catch (e) {
        const message = pythonMessage(e);
        if (message === undefined) throw e;
        throw new CliError(message, EXIT.other, { cause: e });
      }
      // An `&expr` left in the result reaches the AWS CLI's JSON encoder, which rejects it.
      if (containsExpRef(result)) throw new CliError('Encountered unrecognized type in JSON encoder.', EXIT.other);
      return result as Value;
    },
  };
}

/**
 * A TypeScript port of jmespath.py 1.1.0 (the JMESPath implementation the AWS CLI v1 runs),
 * over the project's Python-semantics Values. Written from its observable behaviour: same
 * grammar quirks, same results (ints vs floats), same error texts.
 */
import { PyException } from '../../value/exception.js';
import type { Node } from './ast.js';
import { builtinError, JmesPathError } from './errors.js';
import { evaluate } from './interpreter.js';
import { parse } from './parser.js';
import type { JValue } from './values.js';

export { JmesPathError };
export { containsExpRef, type JValue } from './values.js';

/** A parsed expression, reusable against any number of documents. */
export interface Expression {
  readonly expression: string;
  readonly ast: Node;
  /** Evaluates against `data`; throws JmesPathError for what jmespath.py raises at search time. */
  search(data: JValue): JValue;
}

/** jmespath.compile(): throws JmesPathError (category 'syntax') with jmespath.py's message. */
export function compile(expression: string): Expression {
  const ast = parse(expression);
  return {
    expression,
    ast,
    search(data) {
      try {
        return evaluate(ast, data);
      } catch (e) {
        if (e instanceof PyException && !(e instanceof JmesPathError)) throw builtinError(e);
        throw e;
      }
    },
  };
}

/** jmespath.search(). */
export function search(expression: string, data: JValue): JValue {
  return compile(expression).search(data);
}

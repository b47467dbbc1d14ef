/**
 * A TypeScript port of jmespath.py 1.1.0 (the JMESPath implementation the AWS CLI v1 runs),
 * over the project's Python-semantics Values. Written from its observable behaviour: same
 * grammar quirks, same results (ints vs floats), same error texts.
 */
import type { Node } from './ast.js';
import { evaluate } from './interpreter.js';
import { parse } from './parser.js';
import type { JValue } from './values.js';

export { JmesPathError, type ErrorCategory } from './errors.js';
export { containsExpRef, ExpRef, type JValue } from './values.js';

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
  return { expression, ast, search: (data) => evaluate(ast, data) };
}

/** jmespath.search(). */
export function search(expression: string, data: JValue): JValue {
  return compile(expression).search(data);
}

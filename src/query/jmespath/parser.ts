/**
 * A Pratt (top-down operator precedence) parser with jmespath.py 1.1.0's binding powers and its
 * quirks, which the AWS CLI exposes: `f(a b)` is `f(a, b)`, `{a: b c: d}` is `{a: b, c: d}`,
 * `[1:2 3]` is `[1:3]`, `(a)(b)` calls function `a`, and every error names the same token.
 */
import { pyRepr, pyStr } from '../../value/pystr.js';
import { IDENTITY, type Comparator, type KeyValPair, type Node } from './ast.js';
import { incompleteExpressionError, parseError, type JmesPathError } from './errors.js';
import { tokenize, type Token, type TokenType } from './lexer.js';

const BINDING_POWER: Readonly<Record<TokenType, number>> = {
  eof: 0,
  unquoted_identifier: 0,
  quoted_identifier: 0,
  literal: 0,
  rbracket: 0,
  rparen: 0,
  comma: 0,
  rbrace: 0,
  number: 0,
  current: 0,
  expref: 0,
  colon: 0,
  pipe: 1,
  or: 2,
  and: 3,
  eq: 5,
  gt: 5,
  lt: 5,
  gte: 5,
  lte: 5,
  ne: 5,
  flatten: 9,
  // Everything above stops a projection.
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};
const PROJECTION_STOP = 10;
const COMPARATORS: ReadonlySet<TokenType> = new Set(['eq', 'ne', 'lt', 'gt', 'lte', 'gte']);
const DOT_RHS_ALLOWED = ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'];

/** Parses a JMESPath expression. Throws JmesPathError (category 'syntax') with jmespath.py's text. */
export function parse(expression: string): Node {
  return new Parser(expression, tokenize(expression)).run();
}

class Parser {
  private index = 0;

  constructor(
    private readonly expression: string,
    private readonly tokens: Token[],
  ) {}

  run(): Node {
    const node = this.expression0(0);
    const t = this.token(0);
    if (t.type !== 'eof') throw this.error(t, `Unexpected token: ${pyStr(t.value)}`);
    return node;
  }

  private token(offset: number): Token {
    // Past the end only happens for lookahead right after 'eof'; treat it as eof.
    return this.tokens[this.index + offset] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private peek(): TokenType {
    return this.token(0).type;
  }

  private advance(): void {
    this.index++;
  }

  private error(t: Token, msg: string): JmesPathError {
    return parseError(this.expression, t.start, pyStr(t.value), t.type, msg);
  }

  /** Python's _raise_parse_error_maybe_eof: at eof the expression is merely incomplete. */
  private expected(what: string): JmesPathError {
    const t = this.token(0);
    if (t.type === 'eof') return incompleteExpressionError(this.expression, Array.from(this.expression).length);
    return this.error(t, `Expecting: ${what}, got: ${t.type}`);
  }

  private match(type: TokenType): void {
    if (this.peek() !== type) throw this.expected(type);
    this.advance();
  }

  private expression0(bindingPower: number): Node {
    const token = this.token(0);
    this.advance();
    let left = this.nud(token);
    while (bindingPower < BINDING_POWER[this.peek()]) {
      const t = this.token(0);
      this.advance();
      left = this.led(t, left);
    }
    return left;
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case 'literal':
        return { type: 'literal', value: token.value };
      case 'unquoted_identifier':
        return { type: 'field', name: token.value as string };
      case 'quoted_identifier':
        return this.quotedIdentifier(token);
      case 'star':
        return this.nudStar();
      case 'filter':
        return this.filter(IDENTITY);
      case 'lbrace':
        return this.multiSelectHash();
      case 'lparen':
        return this.parenthesized();
      case 'flatten':
        return { type: 'projection', left: { type: 'flatten', child: IDENTITY }, right: this.projectionRhs(BINDING_POWER.flatten) };
      case 'not':
        return { type: 'not_expression', child: this.expression0(BINDING_POWER.not) };
      case 'lbracket':
        return this.nudBracket();
      case 'current':
        return { type: 'current' };
      case 'expref':
        return { type: 'expref', expression: this.expression0(BINDING_POWER.expref) };
      case 'eof':
        throw incompleteExpressionError(this.expression, Array.from(this.expression).length);
      default:
        throw this.error(token, 'invalid token');
    }
  }

  private led(token: Token, left: Node): Node {
    if (COMPARATORS.has(token.type)) {
      const right = this.expression0(BINDING_POWER[token.type]);
      return { type: 'comparator', op: token.type as Comparator, left, right };
    }
    switch (token.type) {
      case 'dot':
        return this.ledDot(left);
      case 'pipe':
        return { type: 'pipe', left, right: this.expression0(BINDING_POWER.pipe) };
      case 'or':
        return { type: 'or_expression', left, right: this.expression0(BINDING_POWER.or) };
      case 'and':
        return { type: 'and_expression', left, right: this.expression0(BINDING_POWER.and) };
      case 'lparen':
        return this.functionCall(left);
      case 'filter':
        return this.filter(left);
      case 'flatten':
        return { type: 'projection', left: { type: 'flatten', child: left }, right: this.projectionRhs(BINDING_POWER.flatten) };
      case 'lbracket':
        return this.ledBracket(left);
      default:
        // star, not, lbrace: they bind but have no led; the error names the token itself.
        throw this.error(token, 'invalid token');
    }
  }

  private quotedIdentifier(token: Token): Node {
    if (this.peek() === 'lparen') {
      // jmespath.py reports this one at column 0, whatever the position.
      const t = this.token(0);
      throw parseError(this.expression, 0, pyStr(t.value), t.type, 'Quoted identifier not allowed for function names.');
    }
    return { type: 'field', name: token.value as string };
  }

  private nudStar(): Node {
    const right = this.peek() === 'rbracket' ? IDENTITY : this.projectionRhs(BINDING_POWER.star);
    return { type: 'value_projection', left: IDENTITY, right };
  }

  private parenthesized(): Node {
    const node = this.expression0(0);
    this.match('rparen');
    return node;
  }

  private nudBracket(): Node {
    if (this.peek() === 'number' || this.peek() === 'colon') {
      return this.projectIfSlice(IDENTITY, this.indexExpression());
    }
    if (this.peek() === 'star' && this.token(1).type === 'rbracket') {
      this.advance();
      this.advance();
      return { type: 'projection', left: IDENTITY, right: this.projectionRhs(BINDING_POWER.star) };
    }
    return this.multiSelectList();
  }

  private ledBracket(left: Node): Node {
    if (this.peek() === 'number' || this.peek() === 'colon') {
      const right = this.indexExpression();
      if (left.type === 'index_expression') {
        left.children.push(right);
        return left;
      }
      return this.projectIfSlice(left, right);
    }
    this.match('star');
    this.match('rbracket');
    return { type: 'projection', left, right: this.projectionRhs(BINDING_POWER.star) };
  }

  private projectIfSlice(left: Node, right: Node): Node {
    const indexExpr: Node = { type: 'index_expression', children: [left, right] };
    if (right.type !== 'slice') return indexExpr;
    return { type: 'projection', left: indexExpr, right: this.projectionRhs(BINDING_POWER.star) };
  }

  private indexExpression(): Node {
    if (this.peek() === 'colon' || this.token(1).type === 'colon') return this.sliceExpression();
    const index = this.token(0).value as bigint;
    this.advance();
    this.match('rbracket');
    return { type: 'index', index };
  }

  private sliceExpression(): Node {
    const parts: (bigint | null)[] = [null, null, null];
    let part = 0;
    while (this.peek() !== 'rbracket' && part < 3) {
      if (this.peek() === 'colon') {
        part++;
        if (part === 3) throw this.error(this.token(0), 'syntax error');
        this.advance();
      } else if (this.peek() === 'number') {
        parts[part] = this.token(0).value as bigint;
        this.advance();
      } else {
        throw this.error(this.token(0), 'syntax error');
      }
    }
    this.match('rbracket');
    const [start = null, stop = null, step = null] = parts;
    return { type: 'slice', start, stop, step };
  }

  private ledDot(left: Node): Node {
    if (this.peek() === 'star') {
      this.advance();
      return { type: 'value_projection', left, right: this.projectionRhs(BINDING_POWER.dot) };
    }
    const right = this.dotRhs(BINDING_POWER.dot);
    if (left.type === 'subexpression') {
      left.children.push(right);
      return left;
    }
    return { type: 'subexpression', children: [left, right] };
  }

  private functionCall(left: Node): Node {
    if (left.type !== 'field') {
      // The token before '(' names the "function", whatever the left node was.
      const t = this.token(-2);
      throw this.error(t, `Invalid function name '${pyStr(t.value)}'`);
    }
    const args: Node[] = [];
    while (this.peek() !== 'rparen') {
      const arg = this.expression0(0);
      // A missing comma is not an error in jmespath.py: `f(a b)` has two arguments.
      if (this.peek() === 'comma') this.match('comma');
      args.push(arg);
    }
    this.match('rparen');
    return { type: 'function_expression', name: left.name, args };
  }

  private filter(left: Node): Node {
    const condition = this.expression0(0);
    this.match('rbracket');
    const right = this.peek() === 'flatten' ? IDENTITY : this.projectionRhs(BINDING_POWER.filter);
    return { type: 'filter_projection', left, right, condition };
  }

  private multiSelectList(): Node {
    const children: Node[] = [];
    for (;;) {
      children.push(this.expression0(0));
      if (this.peek() === 'rbracket') break;
      this.match('comma');
    }
    this.match('rbracket');
    return { type: 'multi_select_list', children };
  }

  private multiSelectHash(): Node {
    const pairs: KeyValPair[] = [];
    for (;;) {
      const keyToken = this.token(0);
      if (this.peek() !== 'quoted_identifier' && this.peek() !== 'unquoted_identifier') {
        throw this.expected(pyRepr(['quoted_identifier', 'unquoted_identifier']));
      }
      this.advance();
      this.match('colon');
      pairs.push({ key: keyToken.value as string, value: this.expression0(0) });
      // Neither ',' nor '}' simply reads the next pair: `{a: b c: d}` parses.
      if (this.peek() === 'comma') this.match('comma');
      else if (this.peek() === 'rbrace') {
        this.match('rbrace');
        break;
      }
    }
    return { type: 'multi_select_dict', pairs };
  }

  private projectionRhs(bindingPower: number): Node {
    const type = this.peek();
    if (BINDING_POWER[type] < PROJECTION_STOP) return IDENTITY;
    if (type === 'lbracket' || type === 'filter') return this.expression0(bindingPower);
    if (type === 'dot') {
      this.match('dot');
      return this.dotRhs(bindingPower);
    }
    throw this.error(this.token(0), 'syntax error');
  }

  private dotRhs(bindingPower: number): Node {
    const type = this.peek();
    if (type === 'quoted_identifier' || type === 'unquoted_identifier' || type === 'star') {
      return this.expression0(bindingPower);
    }
    if (type === 'lbracket') {
      this.match('lbracket');
      return this.multiSelectList();
    }
    if (type === 'lbrace') {
      this.match('lbrace');
      return this.multiSelectHash();
    }
    throw this.error(this.token(0), `Expecting: ${pyRepr([...DOT_RHS_ALLOWED])}, got: ${type}`);
  }
}

/**
 * The JMESPath lexer, following jmespath.py 1.1.0's lexer.py token for token: the same token
 * types (their names appear in error messages), the same start positions (counted in code points,
 * as Python indexes str) and the same errors.
 */
import { parsePyJson, PyJsonError } from '../../value/pyjson.js';
import type { Value } from '../../value/types.js';
import { emptyExpressionError, lexerError } from './errors.js';
import { pyLstrip } from '../../value/pytext.js';

export type TokenType =
  | 'dot'
  | 'star'
  | 'rbracket'
  | 'comma'
  | 'colon'
  | 'current'
  | 'lparen'
  | 'rparen'
  | 'lbrace'
  | 'rbrace'
  | 'unquoted_identifier'
  | 'quoted_identifier'
  | 'number'
  | 'literal'
  | 'flatten'
  | 'filter'
  | 'lbracket'
  | 'or'
  | 'pipe'
  | 'and'
  | 'expref'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'eq'
  | 'ne'
  | 'not'
  | 'eof';

/** One token. `value` is a string, a bigint for numbers, any Value for literals. */
export interface Token {
  readonly type: TokenType;
  readonly value: Value;
  readonly start: number;
}

const SIMPLE_TOKENS: Readonly<Record<string, TokenType>> = {
  '.': 'dot',
  '*': 'star',
  ']': 'rbracket',
  ',': 'comma',
  ':': 'colon',
  '@': 'current',
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
};

// Unquoted identifiers are ASCII only in jmespath.py: `é` is "Unknown token é".
const isIdentStart = (c: string): boolean => c.length === 1 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isDigit = (c: string): boolean => c.length === 1 && c >= '0' && c <= '9';
const isIdentChar = (c: string): boolean => isIdentStart(c) || isDigit(c);
const WHITESPACE = ' \t\n\r';

/** Splits `expression` into tokens, ending with 'eof'. Throws JmesPathError (category 'syntax'). */
export function tokenize(expression: string): Token[] {
  if (expression === '') throw emptyExpressionError();
  return new Lexer(expression).run();
}

class Lexer {
  private readonly chars: string[];
  private pos = 0;
  private readonly tokens: Token[] = [];

  constructor(private readonly expression: string) {
    this.chars = Array.from(expression);
  }

  private get current(): string | undefined {
    return this.chars[this.pos];
  }

  run(): Token[] {
    for (let c = this.current; c !== undefined; c = this.current) this.step(c);
    this.tokens.push({ type: 'eof', value: '', start: this.chars.length });
    return this.tokens;
  }

  private push(type: TokenType, value: Value, start: number): void {
    this.tokens.push({ type, value, start });
  }

  private step(c: string): void {
    const start = this.pos;
    const simple = SIMPLE_TOKENS[c];
    if (simple !== undefined) {
      this.pos++;
      this.push(simple, c, start);
    } else if (isIdentStart(c)) {
      while (this.pos + 1 < this.chars.length && isIdentChar(this.chars[this.pos + 1] as string)) this.pos++;
      this.pos++;
      this.push('unquoted_identifier', this.chars.slice(start, this.pos).join(''), start);
    } else if (WHITESPACE.includes(c)) {
      this.pos++;
    } else {
      this.operator(c, start);
    }
  }

  private operator(c: string, start: number): void {
    switch (c) {
      case '[':
        return this.bracket(start);
      case "'":
        return this.push('literal', this.until("'").replaceAll("\\'", "'"), start);
      case '`':
        return this.push('literal', this.jsonLiteral(start), start);
      case '"':
        return this.push('quoted_identifier', this.quotedIdentifier(start), start);
      case '|':
        return this.matchOrElse('|', 'or', 'pipe');
      case '&':
        return this.matchOrElse('&', 'and', 'expref');
      case '<':
        return this.matchOrElse('=', 'lte', 'lt');
      case '>':
        return this.matchOrElse('=', 'gte', 'gt');
      case '!':
        return this.matchOrElse('=', 'ne', 'not');
      case '=':
        if (this.chars[start + 1] !== '=') throw lexerError(this.expression, start, "Unknown token '='");
        this.pos += 2;
        return this.push('eq', '==', start);
      default:
        return this.number(c, start);
    }
  }

  private number(c: string, start: number): void {
    if (!isDigit(c) && c !== '-') throw lexerError(this.expression, start, `Unknown token ${c}`);
    this.pos++;
    while (isDigit(this.current ?? '')) this.pos++;
    const text = this.chars.slice(start, this.pos).join('');
    if (text === '-') throw lexerError(this.expression, start, "Unknown token '-'");
    this.push('number', BigInt(text), start);
  }

  private bracket(start: number): void {
    const next = this.chars[start + 1];
    if (next === ']' || next === '?') {
      this.pos += 2;
      this.push(next === ']' ? 'flatten' : 'filter', next === ']' ? '[]' : '[?', start);
    } else {
      this.pos++;
      this.push('lbracket', '[', start);
    }
  }

  private matchOrElse(expected: string, matchType: TokenType, elseType: TokenType): void {
    const start = this.pos;
    const c = this.chars[start] as string;
    if (this.chars[start + 1] === expected) {
      this.pos += 2;
      this.push(matchType, c + expected, start);
    } else {
      this.pos++;
      this.push(elseType, c, start);
    }
  }

  /**
   * Reads up to the closing `delimiter`. Like jmespath.py, a backslash keeps itself and the next
   * character verbatim (so `\\` stays two characters here); callers do their own unescaping.
   */
  private until(delimiter: string): string {
    const start = this.pos;
    let buff = '';
    this.pos++;
    while (this.current !== delimiter) {
      if (this.current === '\\') {
        buff += '\\';
        this.pos++;
      }
      const c = this.current;
      if (c === undefined) {
        throw lexerError(this.expression, start, `Unclosed ${delimiter} delimiter`);
      }
      buff += c;
      this.pos++;
    }
    this.pos++;
    return buff;
  }

  /**
   * A `json` literal. jmespath.py 1.1.0 still honours the JEP-12 deprecation period: text that is
   * not valid JSON is retried as the body of a JSON string (after a Python lstrip()), so `foo`
   * is the string "foo" and `{` the string "{".
   */
  private jsonLiteral(start: number): Value {
    const lexeme = this.until('`').replaceAll('\\`', '`');
    try {
      return parsePyJson(lexeme);
    } catch (e) {
      if (!(e instanceof PyJsonError)) throw e;
    }
    try {
      return parsePyJson(`"${pyLstrip(lexeme)}"`);
    } catch (e) {
      if (!(e instanceof PyJsonError)) throw e;
      throw lexerError(this.expression, start, `Bad token ${lexeme}`);
    }
  }

  /** A "quoted identifier": a JSON string; its error text is json's message up to the first ':'. */
  private quotedIdentifier(start: number): string {
    const lexeme = `"${this.until('"')}"`;
    try {
      return parsePyJson(lexeme) as string;
    } catch (e) {
      if (!(e instanceof PyJsonError)) throw e;
      throw lexerError(this.expression, start, e.msg.split(':')[0] ?? '');
    }
  }
}

/**
 * compileQuery: the messages and exit codes of `--query`, as the AWS CLI prints them
 * (globalargs.py wraps jmespath.py's str(e) in "Bad value for --query <expr>: ...").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileQuery } from '../../src/query/index.js';
import { CliError, EXIT, ParamError } from '../../src/errors.js';
import { dumpPyJson, parsePyJson } from '../../src/value/pyjson.js';
import type { Value } from '../../src/value/types.js';

const RESPONSE = parsePyJson(
  '{"deviceCode": "dc", "userCode": "ABCD-EFGH", "verificationUri": "https://example.com/", ' +
    '"verificationUriComplete": "https://example.com/?user_code=ABCD-EFGH", "expiresIn": 600, "interval": 1}',
);

function compileError(expression: string): ParamError {
  try {
    compileQuery(expression);
  } catch (e) {
    assert.ok(e instanceof ParamError, `expected ParamError, got ${String(e)}`);
    return e;
  }
  assert.fail(`${expression} compiled`);
}

function searchError(expression: string, data: Value): CliError {
  const query = compileQuery(expression);
  try {
    query.search(data);
  } catch (e) {
    assert.ok(e instanceof CliError && !(e instanceof ParamError), `expected CliError, got ${String(e)}`);
    return e;
  }
  assert.fail(`${expression} evaluated`);
}

const SYNTAX_ERRORS: [string, string][] = [
  ['foo[', 'Bad value for --query foo[: Invalid jmespath expression: Incomplete expression:\n"foo["\n     ^'],
  ['[?', 'Bad value for --query [?: Invalid jmespath expression: Incomplete expression:\n"[?"\n   ^'],
  ['', 'Bad value for --query : Invalid JMESPath expression: cannot be empty.'],
  [
    'foo.',
    "Bad value for --query foo.: Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], " +
      'got: eof: Parse error at column 4, token "" (EOF), for expression:\n"foo."\n     ^',
  ],
  [
    'a b',
    'Bad value for --query a b: Unexpected token: b: Parse error at column 2, token "b" (UNQUOTED_IDENTIFIER), ' +
      'for expression:\n"a b"\n   ^',
  ],
  // jmespath.py quotes the character only for '-' and '=': "Unknown token #", not "'#'".
  ['#', 'Bad value for --query #: Bad jmespath expression: Unknown token #:\n#\n^'],
  ["'abc", "Bad value for --query 'abc: Bad jmespath expression: Unclosed ' delimiter:\n'abc\n^"],
  ['a=', "Bad value for --query a=: Bad jmespath expression: Unknown token '=':\na=\n ^"],
  // Positions count code points, as Python does.
  [
    '"😀" b',
    'Bad value for --query "😀" b: Unexpected token: b: Parse error at column 4, token "b" (UNQUOTED_IDENTIFIER), for expression:\n""😀" b"\n     ^',
  ],
];

for (const [expression, message] of SYNTAX_ERRORS) {
  test(`--query ${JSON.stringify(expression)} is a usage error before any request`, () => {
    const e = compileError(expression);
    assert.equal(e.message, message);
    assert.equal(e.exitCode, EXIT.usage);
    assert.equal(e.layout, 'aws');
  });
}

test('`{` is not a syntax error: jmespath.py 1.1.0 reads invalid JSON literals as strings', () => {
  assert.equal(compileQuery('`{`').search(RESPONSE), '{');
});

test('unknown functions and arity are evaluation errors (exit 255), as in jmespath.py', () => {
  const unknown = searchError('nofunc()', RESPONSE);
  assert.equal(unknown.message, 'Unknown function: nofunc()');
  assert.equal(unknown.exitCode, EXIT.other);
  assert.equal(searchError('length(@, @)', RESPONSE).message, 'Expected 1 argument for function length(), received 2');
  assert.equal(searchError('not_null()', RESPONSE).message, 'Expected at least 1 argument for function not_null(), received 0');
  assert.equal(searchError('starts_with(@)', RESPONSE).message, 'Expected 2 arguments for function starts_with(), received 1');
});

test('a type error names the value and both type vocabularies', () => {
  const e = searchError('length(expiresIn)', parsePyJson('{"expiresIn": 600}'));
  assert.equal(
    e.message,
    `In function length(), invalid type for value: 600, expected one of: ['string', 'array', 'object'], received: "number"`,
  );
  assert.equal(e.exitCode, EXIT.other);
  assert.equal(e.layout, 'aws');
  assert.equal(
    searchError('sum(`["a"]`)', RESPONSE).message,
    `In function sum(), invalid type for value: a, expected one of: ['array-number'], received: "str"`,
  );
});

test('Python built-in errors surface with their own text', () => {
  assert.equal(searchError('[::0]', parsePyJson('[1]')).message, 'slice step cannot be zero');
  assert.equal(searchError('`1` < `"a"`', RESPONSE).message, "'<' not supported between instances of 'int' and 'str'");
});

test('an expression reference in the result is what the JSON encoder rejects', () => {
  assert.equal(searchError('&expiresIn', RESPONSE).message, 'Encountered unrecognized type in JSON encoder.');
});

test('results keep Python number types', () => {
  const show = (q: string, doc: Value = RESPONSE): string => dumpPyJson(compileQuery(q).search(doc));
  assert.equal(show('expiresIn'), '600');
  assert.equal(show('`600.0`'), '600.0');
  assert.equal(show('sum(`[1, 2]`)'), '3');
  assert.equal(show('avg(`[2, 2]`)'), '2.0');
  assert.equal(show('length(userCode)'), '9');
  assert.equal(show("to_number('1.5')"), '1.5');
  assert.equal(show("to_number('2')"), '2');
  assert.equal(show('ceil(`1.5`)'), '2');
  assert.equal(show('to_string(`1.0`)'), '"1.0"');
  assert.equal(show('{code: userCode, exp: expiresIn}'), '{"code": "ABCD-EFGH", "exp": 600}');
});

test('a compiled query keeps its expression and can be reused', () => {
  const q = compileQuery('expiresIn');
  assert.equal(q.expression, 'expiresIn');
  assert.equal(q.search(RESPONSE), 600n);
  assert.equal(q.search(parsePyJson('{"expiresIn": 1.5}')), 1.5);
});

test("nesting too deep for the stack is Python's RecursionError, not a crash", () => {
  const deep = '('.repeat(20000) + 'a' + ')'.repeat(20000);
  const e = compileError(deep);
  assert.equal(e.message, `Bad value for --query ${deep}: maximum recursion depth exceeded`);
});

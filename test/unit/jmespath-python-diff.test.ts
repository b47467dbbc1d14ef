/**
 * Differential test against jmespath.py itself (the library the AWS CLI runs): every expression
 * goes through one Python process, and our output must match byte for byte — the result as
 * json.dumps(indent=4, ensure_ascii=False) prints it, or the error's str() and class name.
 * Skipped when `python3 -c 'import jmespath'` fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, containsExpRef, JmesPathError } from '../../src/query/jmespath/index.js';
import { compileQuery } from '../../src/query/index.js';
import { dumpPyJson, parsePyJson } from '../../src/value/pyjson.js';
import type { Value } from '../../src/value/types.js';

/** Input documents for our own cases, as JSON text (so both sides parse the same ints and floats). */
const TRICKY_DOCS = {
  device: String.raw`{"deviceCode": "dc-123", "userCode": "ABCD-EFGH", "verificationUri": "https://device.sso.us-east-1.amazonaws.com/", "verificationUriComplete": "https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH", "expiresIn": 600, "interval": 1}`,
  nums: String.raw`{"ints": [3, 1, 2], "floats": [1.5, 0.5, 2.0], "mixed": [1, 1.0, 0.5, 2, -0.0, 2.0], "big": [9007199254740993, 1], "huge": [123456789012345678901234567890, 3], "empty": [], "strs": ["b", "a", "\u00e9", "\ud83d\ude00", "\uffff", "B"], "ties": [{"k": 1, "i": 0}, {"k": 1.0, "i": 1}, {"k": 0.5, "i": 2}, {"k": 1, "i": 3}], "mixedkeys": [{"v": 1}, {"v": "a"}], "nested": [[0, 1, 2, 3], [4, 5], 6, [[7]]], "a": [[{"x": 1}, {"x": 2}]], "\u00e9": "accent", "\ud83d\ude00": "smile", "obj": {"b": 1, "a": 2.5, "c": null}, "bools": [true, false], "zero": 0, "one": 1.0, "nan": NaN}`,
  generated: String.raw`{"a": [1, 2.5, -3, 0], "b": ["b", "a", "\u00e9"], "c": {"a": 1, "b": [true]}, "n": null, "s": "abc", "l": [{"a": 1, "b": "x"}, {"a": 2.0, "b": "y"}, {"a": -1, "b": "z"}], "o": {"a": {"a": 0}, "b": {"a": 1.5}}, "f": 0.5}`,
  people: String.raw`{"people": [{"name": "bob", "age": 30, "tags": ["x"]}, {"name": "alice", "age": 30.5}, {"name": "carol", "age": 25, "extra": true}, {"name": "dave", "age": 30}]}`,
};
type DocName = keyof typeof TRICKY_DOCS;

const DEVICE: string[] = [
  '@',
  'expiresIn',
  'interval',
  '{code: userCode, exp: expiresIn}',
  '[deviceCode, expiresIn]',
  'to_string(expiresIn)',
  'to_string(@)',
  'length(@)',
  'keys(@)',
  'values(@)',
  'type(expiresIn)',
  'length(expiresIn)',
  'nofunc()',
  'nofunc(@, @)',
  'length(@, @)',
  'length()',
  'not_null()',
  'merge()',
  'length(userCode userCode)',
  'starts_with(userCode, `"AB"`)',
  "ends_with(userCode, 'GH')",
  'expiresIn > `599`',
  'expiresIn == `600.0`',
  '*',
  '*.length(@)',
  'userCode[0]',
  'missing.[a]',
  'missing.{a: a}',
  '`false` | [a]',
  '`false` | {a: a}',
  '{a: expiresIn b: interval}',
  '(length)(userCode)',
  '{"quoted": expiresIn}',
  'not_null(missing, `null`, expiresIn)',
  'abs(expiresIn)',
  'to_number(userCode)',
  'to_array(expiresIn)',
  'sort(keys(@))',
  'join(`", "`, sort(keys(@)))',
  'merge(@, `{"expiresIn": 1.5}`)',
  'expiresIn || interval',
  'missing || interval',
  'missing && interval',
  'expiresIn && userCode',
  '!expiresIn',
  '!missing',
  '[?expiresIn]',
  '@.*',
  'length(&a)',
  'type(&a)',
  '&a',
  '[&a]',
  '{a: &a}',
  'to_string(&a)',
  'abs(&a)',
  '&a == &a',
  'contains(keys(@), `"interval"`)',
  'map(&length(@), keys(@))',
  'max_by(`[]`, &a)',
  'sort_by(`[]`, &a)',
];
const NUMS: string[] = [
  '`600.0`',
  '`1`',
  '`1e3`',
  '`-0.0`',
  '`1E-7`',
  '`1e400`',
  '`-1e400`',
  '`123456789012345678901234567890`',
  '`0.1`',
  '`1.5e300`',
  '`1e16`',
  '`1e15`',
  '`NaN`',
  '`Infinity`',
  'nan',
  'sum(ints)',
  'sum(floats)',
  'sum(mixed)',
  'sum(empty)',
  'sum(big)',
  'sum(huge)',
  'avg(ints)',
  'avg(floats)',
  'avg(mixed)',
  'avg(empty)',
  'avg(big)',
  'avg(huge)',
  'avg(`[2, 2]`)',
  'avg(`[1, 2]`)',
  'avg(`[0.1, 0.2, 0.3]`)',
  'sum(`[0.1, 0.2, 0.3]`)',
  'sum(`[1e308, 1e308]`)',
  'avg(`[1e308, 1e308]`)',
  'max(mixed)',
  'min(mixed)',
  'max(`[1, 1.0]`)',
  'max(`[1.0, 1]`)',
  'min(`[1, 1.0]`)',
  'min(`[-0.0, 0]`)',
  'max(strs)',
  'min(strs)',
  'sort(strs)',
  'sort(mixed)',
  'sort(`[2, 1.0, 1, 0.5]`)',
  'sort(big)',
  'max(big)',
  'max(empty)',
  'sort(empty)',
  'abs(`-1`)',
  'abs(`-1.5`)',
  'abs(`-0.0`)',
  'abs(`-123456789012345678901234567890`)',
  'ceil(`1.5`)',
  'ceil(`1`)',
  'floor(`-1.5`)',
  'ceil(`-0.5`)',
  'floor(`1e20`)',
  'ceil(`1e400`)',
  'floor(`NaN`)',
  'ceil(nan)',
  'length(strs[3])',
  "length('😀')",
  "reverse('a😀b')",
  'reverse(strs)',
  'reverse(`[]`)',
  "to_number('1.5')",
  "to_number('2')",
  "to_number(' 12 ')",
  "to_number('1_000')",
  "to_number('١٢')",
  "to_number('1e3')",
  "to_number('inf')",
  "to_number('-Infinity')",
  "to_number('nan')",
  "to_number('-0')",
  "to_number('-0.0')",
  "to_number('abc')",
  "to_number('')",
  "to_number('0x10')",
  "to_number('1__0')",
  "to_number('.5')",
  "to_number('5.')",
  "to_number('+7')",
  'to_number(`true`)',
  'to_number(`[1]`)',
  'to_number(`null`)',
  'to_number(`1.0`)',
  'to_string(`1.0`)',
  'to_string(`[1, 2.5, "é", {"a": null}]`)',
  'to_string(`"x"`)',
  'to_string(`1e400`)',
  'to_string(nan)',
  "to_string('😀')",
  'to_string(`["😀", "\\u0001", "\\t"]`)',
  'to_string(`1e-7`)',
  'to_string(`1e16`)',
  'to_string(`123456789.0`)',
  'to_string(obj)',
  'to_string(`true`)',
  'to_string(`null`)',
  'type(`1`)',
  'type(`1.0`)',
  'type(@)',
  'type(bools[0])',
  'type(`null`)',
  'type(strs)',
  'sum(`["a"]`)',
  'sum(`[true]`)',
  'max(`[1, "a"]`)',
  'max(`["a", 1]`)',
  'max(`[true]`)',
  'sort(`[null]`)',
  "join(',', `[1]`)",
  "join(',', strs)",
  'avg(`[null]`)',
  'keys(obj)',
  'values(obj)',
  'merge(obj, `{"a": 1, "d": 4}`)',
  'merge(`{"a":1}`, `{"b":2}`, `{"a":3}`)',
  'merge(`{}`, `1`)',
  "merge(`{}`, 'ab')",
  'merge(`{}`, `["ab"]`)',
  'merge(`{}`, `[["k", 1]]`)',
  'merge(`{}`, `[[1, 2]]`)',
  'merge(`{}`, `[[[1], 2]]`)',
  'merge(`{}`, `[1]`)',
  'merge(`{}`, `null`)',
  'merge(`{}`, `[]`)',
  'merge(`1`)',
  'contains(`[true]`, `1`)',
  'contains(`[1]`, `1.0`)',
  "contains('abc', `1`)",
  "contains('abc', '')",
  "contains(strs, '😀')",
  'contains(`[[1]]`, `[1.0]`)',
  '`1` == `1.0`',
  '`0` == `false`',
  '`1` == `true`',
  '`1.0` == `true`',
  '`2` == `true`',
  '`[1]` == `[true]`',
  '`{"a": 1}` == `{"a": 1.0}`',
  '`{"a": 1, "b": 2}` == `{"b": 2, "a": 1}`',
  '`"a"` < `"b"`',
  '`1` < `"a"`',
  '`"a"` >= `1.5`',
  '`true` < `false`',
  '`null` < `1`',
  '`2` > `1.5`',
  '`9007199254740993` > `9007199254740992.0`',
  '`9007199254740993` == `9007199254740992.0`',
  '`NaN` < `1`',
  '`NaN` == `NaN`',
  '`"😀"` > `"\\uffff"`',
  "'B' < 'a'",
  '!`0`',
  '!`0.0`',
  '!`[]`',
  '!`""`',
  '!`{}`',
  '!`false`',
  '!zero',
  '`0` || `"x"`',
  '`""` || `"x"`',
  '`[]` && `"x"`',
  'ints[::-1]',
  'ints[::-2]',
  'ints[-1:0:-1]',
  'ints[10:]',
  'ints[:-10]',
  'ints[::0]',
  'ints[1:2 3]',
  'ints[-100:100:3]',
  'ints[99999999999999999999:]',
  'ints[::99999999999999999999]',
  'ints[::-99999999999999999999]',
  'ints[-99999999999999999999:]',
  'ints[-1]',
  'ints[-4]',
  'ints[99999999999999999999]',
  'nested[0][1:3]',
  'nested[*][1:2]',
  'nested[]',
  'nested[][]',
  'a[0][1:2].x',
  'a[0][1:2]',
  'a[0][::-1].x',
  'a[][1:2].x',
  'a[*][0].x',
  'nested[1:][0]',
  'obj.*',
  'obj.[a, b]',
  '"\\u00e9"',
  '"\\ud83d\\ude00"',
  '"\\ud83d"',
  '"é"',
  "'abc'",
  "'a\\'b'",
  "'a\\\\b'",
  "'\\\\'",
  "'a\\nb'",
  "'é'",
  "'😀'",
  "'\\u00e9'",
  '`foo`',
  '` foo`',
  '`"a\\`b"`',
  '`{`',
  '`[1, 2`',
  '`\\u00e9`',
  '`\u2003foo`',
  '`\x1cfoo`',
  '`"abc`',
  '`a"b`',
  'sort_by(ties, &k)[*].i',
  'sort_by(ties, &to_string(k))[*].i',
  'max_by(ties, &k).i',
  'min_by(ties, &k).i',
  'sort_by(mixedkeys, &v)',
  'max_by(mixedkeys, &v)',
  'min_by(mixedkeys, &v)',
  'sort_by(ties, &missing)',
  'map(&k, ties)',
  'map(&[k], ties)',
  'map(&missing, ties)',
  'to_string(ties)',
  'length(obj)',
  'length(empty)',
  "to_number('𝟏𝟐')",
  "to_number('١.٥')",
  "to_number('\u00a012\u3000')",
  "to_number('\u200b12')",
  '`\ufefffoo`',
  `to_number('${'1'.repeat(4301)}')`,
  `avg(\`[${'9'.repeat(400)}]\`)`,
  'sum(`[9223372036854775807, 1, 0.5]`)',
  'merge(`{"a": 1}`, `[["a", 2], "bc"]`)',
  'merge(`{}`, `[[true, 1], [null, 2], [1.5, 3]]`)',
  'merge(`{}`, `[{"x": 1, "y": 2}]`)',
  'sort(`["\\uffff", "\\ud83d\\ude00", "a"]`)',
  '`-0.0` == `0`',
  'abs(`-0`)',
  'ceil(`-0.0`)',
  'foo\r\n.bar',
];
const PEOPLE: string[] = [
  'people[?age > `30`].name',
  'people[?age > `30.5`]',
  'people[?age >= `30`].age',
  'people[*].{n: name, a: age}',
  'people[].name | [0]',
  'people[?contains(name, `"a"`)].name',
  'sort_by(people, &age)[*].name',
  'sort_by(people, &name)[*].name',
  'sort_by(people, &extra)',
  'sort_by(people, &tags)',
  'max_by(people, &age).name',
  'min_by(people, &age).name',
  'max_by(people, &name).name',
  'max_by(people, &extra)',
  'avg(people[*].age)',
  'sum(people[*].age)',
  'max(people[*].age)',
  'people[?extra].name',
  'people[?!extra].name',
  'people[?tags].tags[]',
  'people[*].tags[]',
  'people[?age == `30`] | length(@)',
  'people[0:2].name',
  'people[-1:].name',
  'people[::-1].name',
  'people[*].age | sort(@)',
  'people | map(&age, @)',
  'people | [?age < `30`]',
  'people[?age < `"x"`]',
];

const SYNTAX: string[] = [
  '',
  'foo[',
  '[?',
  'foo.',
  'a b',
  '#',
  "'abc",
  'foo[1:',
  'foo.1',
  'a=',
  '=',
  '-a',
  '-',
  '!',
  'a[*',
  '{a}',
  '{a:}',
  '{1: a}',
  '{"a": b}',
  '[:::]',
  '[1:2:3:4]',
  'a[0:a]',
  'a[?b',
  'a | ',
  'a || ',
  '&',
  'a[]b',
  'a.[',
  'a.{',
  '@@',
  'a.(b)',
  '`',
  '`foo',
  'a[0',
  'a[-]',
  'a[-1',
  'f(',
  'f(a',
  'f(a,',
  'f(,)',
  '(a',
  '()',
  '[,]',
  'a.b.c.',
  'a..b',
  '.a',
  '&&',
  '!=',
  'a==',
  'a<',
  'a!',
  'a[?a==]',
  '`{"a":1}` a',
  '`1.0` a',
  '`true` a',
  '`null` a',
  "'x' a",
  '3',
  'a[0] 3',
  '"a"()',
  'a[1 2]',
  'a[*]*',
  '`1`(a)',
  '@(a)',
  'foo.bar(a)',
  'é',
  'é.foo',
  'foo.é',
  '"é" b',
  '"😀" b',
  'foo[😀',
  "'😀' foo",
  '"😀"[',
  '"\\x"',
  '"\\u12"',
  '"a',
  '"\t"',
  'a\tb',
  'a\n.b',
  'a.*b',
  'a[?b]c',
  '*[',
  '{a: b,}',
  '[a,]',
  'a[1:2',
  'a[1:2:',
  'a[::',
  'foo[?bar==`1`',
  'a.[b',
  'a.{b: c',
  '!(a',
  '`[1,2]`[',
  'a || b ||',
  'a && ',
];

/** A seeded generator of well-formed expressions over TRICKY_DOCS.generated, for breadth. */
function generatedCases(count: number): [DocName, string][] {
  let seed = 20261128;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const leaves = [
    'a',
    'b',
    'c',
    'n',
    's',
    '@',
    'l',
    'o',
    'f',
    '`1`',
    '`1.0`',
    '`-2.5`',
    '`"a"`',
    '`[]`',
    '`{}`',
    '`[1, 2.0, 3]`',
    '`["b", "a"]`',
    '`null`',
    '`true`',
    "'x'",
    "'1.5'",
    '`[1, true]`',
  ];
  const fns: [string, number][] = [
    ['abs', 1],
    ['avg', 1],
    ['ceil', 1],
    ['contains', 2],
    ['ends_with', 2],
    ['floor', 1],
    ['join', 2],
    ['keys', 1],
    ['length', 1],
    ['map', 2],
    ['max', 1],
    ['max_by', 2],
    ['merge', 2],
    ['min', 1],
    ['min_by', 2],
    ['not_null', 2],
    ['reverse', 1],
    ['sort', 1],
    ['sort_by', 2],
    ['starts_with', 2],
    ['sum', 1],
    ['to_array', 1],
    ['to_number', 1],
    ['to_string', 1],
    ['type', 1],
    ['values', 1],
  ];
  const gen = (d: number): string => {
    if (d <= 0) return pick(leaves);
    const g = (): string => gen(d - 1);
    const r = rnd();
    if (r < 0.08) return `${g()}.${pick(['a', 'b', '*', '[a, b]', '{x: a, y: b}', 'length(@)'])}`;
    if (r < 0.14) return `${g()}[${pick(['0', '-1', '1:', '::-1', ':2', '*', '?a', '?@ > `1`', ''])}]`;
    if (r < 0.26) return `${g()} ${pick(['|', '||', '&&', '==', '!=', '<', '<=', '>', '>='])} ${g()}`;
    if (r < 0.3) return `!${g()}`;
    if (r < 0.36) return `[${g()}, ${g()}]`;
    if (r < 0.4) return `{k: ${g()}, j: ${g()}}`;
    if (r < 0.46) return `${g()}[?${g()}]`;
    if (r < 0.5) return `*.${g()}`;
    const [name, arity] = pick(fns);
    const args = Array.from({ length: rnd() < 0.1 ? arity + 1 : arity }, () => (rnd() < 0.3 ? '&' : '') + g());
    return `${name}(${args.join(', ')})`;
  };
  return Array.from({ length: count }, (_, i): [DocName, string] => ['generated', gen(1 + (i % 4))]);
}

const TRICKY_CASES: [DocName, string][] = [
  ...DEVICE.map((e): [DocName, string] => ['device', e]),
  ...NUMS.map((e): [DocName, string] => ['nums', e]),
  ...PEOPLE.map((e): [DocName, string] => ['people', e]),
  ...SYNTAX.map((e): [DocName, string] => ['device', e]),
  ...generatedCases(2000),
];

const PYTHON_DRIVER = String.raw`
import json, re, sys, jmespath
ADDR = re.compile(r' at 0x[0-9a-f]+>')
def norm(s):
    return ADDR.sub(' at 0x7f0000000000>', s)
for line in sys.stdin:
    req = json.loads(line)
    out = {}
    try:
        parsed = jmespath.compile(req['expression'])
    except Exception as e:
        out = {'phase': 'compile', 'cls': type(e).__name__, 'error': norm(str(e))}
    else:
        try:
            result = parsed.search(json.loads(req['given']))
        except Exception as e:
            out = {'phase': 'search', 'cls': type(e).__name__, 'error': norm(str(e))}
        else:
            try:
                out = {'phase': 'ok', 'json': norm(json.dumps(result, indent=4, ensure_ascii=False))}
            except TypeError as e:
                out = {'phase': 'dump', 'error': str(e)}
    sys.stdout.write(json.dumps(out) + '\n')
`;

interface Request {
  expression: string;
  given: string;
}
interface Outcome {
  phase: 'compile' | 'search' | 'ok' | 'dump';
  cls?: string;
  error?: string;
  json?: string;
}

function pythonHasJmespath(): boolean {
  return spawnSync('python3', ['-c', 'import jmespath'], { stdio: 'ignore' }).status === 0;
}

function complianceRequests(): Request[] {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'jmespath-compliance');
  const out: Request[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    for (const suite of parsePyJson(readFileSync(join(dir, file), 'utf8')) as Map<string, Value>[]) {
      const given = dumpPyJson(suite.get('given') ?? null, { ensureAscii: true });
      for (const c of suite.get('cases') as Map<string, Value>[]) out.push({ expression: c.get('expression') as string, given });
    }
  }
  return out;
}

function trickyRequests(): Request[] {
  return TRICKY_CASES.map(([doc, expression]) => ({ expression, given: TRICKY_DOCS[doc] }));
}

function runPython(requests: Request[]): Outcome[] {
  const input = requests.map((r) => JSON.stringify(r)).join('\n') + '\n';
  const r = spawnSync('python3', ['-c', PYTHON_DRIVER], {
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PYTHONUTF8: '1', PYTHONIOENCODING: 'utf-8' },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Outcome);
}

/** What we do with the same request, in the same shape as the Python driver's answer. */
function ours(req: Request): Outcome {
  let expr;
  try {
    expr = compile(req.expression);
  } catch (e) {
    if (!(e instanceof JmesPathError)) throw e;
    return { phase: 'compile', cls: e.pyClass, error: e.message };
  }
  try {
    const result = expr.search(parsePyJson(req.given));
    if (containsExpRef(result)) return { phase: 'dump', error: 'Object of type _Expression is not JSON serializable' };
    return { phase: 'ok', json: dumpPyJson(result, { indent: 4 }) };
  } catch (e) {
    if (!(e instanceof JmesPathError)) throw e;
    return { phase: 'search', cls: e.pyClass, error: e.message };
  }
}

test('jmespath.py and our port agree byte for byte', { skip: !pythonHasJmespath() && 'python3 cannot import jmespath' }, () => {
  const requests = [...complianceRequests(), ...trickyRequests()];
  assert.ok(requests.length >= 200);
  const expected = runPython(requests);
  assert.equal(expected.length, requests.length);
  const mismatches: string[] = [];
  requests.forEach((req, i) => {
    const want = expected[i] as Outcome;
    const got = ours(req);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      mismatches.push(`${JSON.stringify(req.expression)}\n  python: ${JSON.stringify(want)}\n  ours:   ${JSON.stringify(got)}`);
    }
    if (want.phase === 'compile' && want.error !== undefined && req.expression !== '') {
      // What the AWS CLI prints is globalargs.py's wrapper around str(e).
      assert.throws(() => compileQuery(req.expression), { message: `Bad value for --query ${req.expression}: ${want.error}` });
    }
  });
  console.log(`# differential: ${requests.length} expressions (compliance suite + ${TRICKY_CASES.length} of ours)`);
  assert.equal(mismatches.join('\n'), '');
});

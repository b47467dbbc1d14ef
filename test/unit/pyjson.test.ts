import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dumpPyJson, parsePyJson } from '../../src/value/pyjson.js';
import { pyFloatRepr, pyRepr } from '../../src/value/pystr.js';

// Expected texts are Python 3.11's json.loads messages and repr() outputs.
const ERRORS: [string, string][] = [
  ['{"clientId": "ok",', 'Expecting property name enclosed in double quotes: line 1 column 19 (char 18)'],
  ['{"clientId": "ok",\n', 'Expecting property name enclosed in double quotes: line 2 column 1 (char 19)'],
  ['[1,]', 'Expecting value: line 1 column 4 (char 3)'],
  ['{"a":1,}', 'Expecting property name enclosed in double quotes: line 1 column 8 (char 7)'],
  ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
  ['01', 'Extra data: line 1 column 2 (char 1)'],
  ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
  ['"a\\x"', 'Invalid \\escape: line 1 column 3 (char 2)'],
  ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
  ['', 'Expecting value: line 1 column 1 (char 0)'],
  ['  ', 'Expecting value: line 1 column 3 (char 2)'],
  ['{"é": x}', 'Expecting value: line 1 column 7 (char 6)'],
];

for (const [input, message] of ERRORS) {
  test(`json.loads error for ${JSON.stringify(input)}`, () => {
    assert.throws(() => parsePyJson(input), { message });
  });
}

test('ints stay ints, floats stay floats, key order is kept', () => {
  const v = parsePyJson('{"z": 1e3, "a": [1.5, -0, 12345678901234567890, 600.0], "c": {"é": null}}');
  assert.equal(
    dumpPyJson(v, { indent: 4 }),
    '{\n    "z": 1000.0,\n    "a": [\n        1.5,\n        0,\n        12345678901234567890,\n        600.0\n    ],\n    "c": {\n        "é": null\n    }\n}',
  );
  assert.equal(dumpPyJson(v), '{"z": 1000.0, "a": [1.5, 0, 12345678901234567890, 600.0], "c": {"é": null}}');
  assert.equal(dumpPyJson(parsePyJson('"é😀\\t"'), { ensureAscii: true }), '"\\u00e9\\ud83d\\ude00\\t"');
});

test('float repr as Python writes it', () => {
  const cases: [number, string][] = [
    [600, '600.0'],
    [1e3, '1000.0'],
    [1e-7, '1e-07'],
    [1.5, '1.5'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [123456789.125, '123456789.125'],
    [-2.5e-10, '-2.5e-10'],
    [1e22, '1e+22'],
  ];
  for (const [n, text] of cases) assert.equal(pyFloatRepr(n), text);
});

test('repr of containers', () => {
  assert.equal(pyRepr(parsePyJson('{"a": [1, "x\'", null, true, 2.0]}')), `{'a': [1, "x'", None, True, 2.0]}`);
});

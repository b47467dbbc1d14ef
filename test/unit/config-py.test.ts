// Python look-alikes used by the config loader; expected values were taken from Python 3.11.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ensureBoolean } from '../../src/config/endpoint.js';
import { indentOf } from '../../src/config/ini.js';
import { pyInt } from '../../src/value/pynum.js';
import { pyRepr } from '../../src/value/pystr.js';
import { pyFileLines, pySplitlines, pyStrip } from '../../src/value/pytext.js';
import { shlexSplit } from '../../src/value/shlex.js';

describe('pyInt (Python int(text))', () => {
  const ok: Array<[string, bigint]> = [
    ['3', 3n],
    [' 3 ', 3n],
    ['+2', 2n],
    ['-1', -1n],
    ['1_0', 10n],
    ['\u0663', 3n], // ARABIC-INDIC DIGIT THREE
    ['\uff11\uff12', 12n], // fullwidth 1 2
    ['\t7\n', 7n],
  ];
  for (const [text, n] of ok) it(`accepts ${JSON.stringify(text)}`, () => assert.equal(pyInt(text), n));

  const bad: Array<[string, string]> = [
    ['abc', "'abc'"],
    ['1.5', "'1.5'"],
    ['', "''"],
    ["it's", `"it's"`],
    [`both ' and "`, `'both \\' and "'`],
    ['tab\there', "'tab\\there'"],
    ['nl\n', "'nl\\n'"],
    ['\u0000\u007f\u200b', "'\\x00\\x7f\\u200b'"],
    ['1__0', "'1__0'"],
    ['_1', "'_1'"],
  ];
  for (const [text, repr] of bad) {
    it(`rejects ${JSON.stringify(text)} with Python's message`, () => {
      assert.throws(() => pyInt(text), { message: `invalid literal for int() with base 10: ${repr}` });
    });
  }
});

describe('pyRepr', () => {
  it('keeps printable non-ASCII', () => assert.equal(pyRepr('é'), "'é'"));
  it('escapes backslashes', () => assert.equal(pyRepr('a\\b'), "'a\\\\b'"));
});

describe('shlexSplit (shlex.split, POSIX)', () => {
  const cases: Array<[string, string[] | 'error']> = [
    ['profile foo', ['profile', 'foo']],
    ['profile "my name"', ['profile', 'my name']],
    ["profile 'a b'", ['profile', 'a b']],
    ['profile a\\ b', ['profile', 'a b']],
    ['profile "a\\"b"', ['profile', 'a"b']],
    ['profile "a\\xb"', ['profile', 'a\\xb']],
    ["profile ''", ['profile', '']],
    ['profile  x  ', ['profile', 'x']],
    ['profile a"b c"d', ['profile', 'ab cd']],
    ['profile "unclosed', 'error'],
    ['profile a\\', 'error'],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      if (expected === 'error') assert.throws(() => shlexSplit(input));
      else assert.deepEqual(shlexSplit(input), expected);
    });
  }
});

describe('string helpers', () => {
  it('pyStrip strips Python whitespace but not a BOM', () => assert.equal(pyStrip(' \x1c\x85x\ufeff '), 'x\ufeff'));
  it('pySplitlines splits on every Python line break', () => {
    assert.deepEqual(pySplitlines('a\x1cb\x85c\u2028d\r\ne\rf\v'), ['a', 'b', 'c', 'd', 'e', 'f']);
  });
  it('pyFileLines uses universal newlines only', () => {
    assert.deepEqual(pyFileLines('a\r\nb\rc\nd\x1ce\n'), ['a', 'b', 'c', 'd\x1ce']);
  });
  it('indentOf counts leading whitespace', () => {
    assert.equal(indentOf('  \tx'), 3);
    assert.equal(indentOf('   '), 0);
  });
  it('ensureBoolean is true only for "true" in any case', () => {
    assert.deepEqual(['true', 'TRUE', 'True', 'yes', '1', ''].map(ensureBoolean), [true, true, true, false, false, false]);
  });
});

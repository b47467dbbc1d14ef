// Python operations with Python's exception messages (values checked in Python 3.11).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pyDictGet, pyGetItem, pyItems, pyIter, pySorted } from '../../src/value/pyops.js';
import { compareStrings as compareCodePoints } from '../../src/value/compare.js';
import { fromPlain } from '../../src/value/types.js';

describe('pyops', () => {
  it('iterates dict keys, list items and string code points; scalars raise', () => {
    assert.deepEqual(pyIter(fromPlain({ a: 1, b: [2] })), ['a', 'b']);
    assert.deepEqual(pyIter('a😀'), ['a', '😀']);
    assert.throws(() => pyIter(5n), { message: "'int' object is not iterable" });
    assert.throws(() => pyIter(null), { message: "'NoneType' object is not iterable" });
  });

  it('indexes like Python', () => {
    assert.equal(pyGetItem(fromPlain([1, 2]), -1n), 2n);
    assert.equal(pyGetItem(fromPlain([1, 2]), true), 2n);
    assert.throws(() => pyGetItem(fromPlain([1]), 5n), { message: 'list index out of range' });
    assert.throws(() => pyGetItem(fromPlain([1]), 'x'), { message: 'list indices must be integers or slices, not str' });
    assert.throws(() => pyGetItem('abc', 'a'), { message: "string indices must be integers, not 'str'" });
    assert.throws(() => pyGetItem(1.5, 0n), { message: "'float' object is not subscriptable" });
    assert.throws(() => pyGetItem(fromPlain({ a: 1 }), 'b'), { message: "'b'" });
  });

  it('has .get and .items on dicts only', () => {
    assert.equal(pyDictGet(fromPlain({ a: 1 }), 'b', ''), '');
    assert.throws(() => pyDictGet('x', 'a', ''), { message: "'str' object has no attribute 'get'" });
    assert.throws(() => pyItems(fromPlain([])), { message: "'list' object has no attribute 'items'" });
  });

  it('sorts by code point and refuses mixed types', () => {
    assert.deepEqual(pySorted(['\u{1F600}', '\uffff', 'B', 'a']), ['B', 'a', '\uffff', '\u{1F600}']);
    assert.ok(compareCodePoints('\uffff', '\u{1F600}') < 0);
    assert.throws(() => pySorted([1n, 'a']), { message: "'<' not supported between instances of 'str' and 'int'" });
  });
});

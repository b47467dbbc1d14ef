// The text formatter's list and dict rules, checked against awscli/text.py's own output.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FormatError, formatOutput } from '../../src/output/index.js';
import { fromPlain, type Value } from '../../src/value/types.js';

const ctx = { operationName: 'StartDeviceAuthorization', color: false, terminalWidth: 80 };
const text = (v: Value): string => formatOutput('text', v, ctx);

describe('formatOutput text', () => {
  it('writes scalars with Python str()', () => {
    assert.equal(text(null), 'None\n');
    assert.equal(text(true), 'True\n');
    assert.equal(text(600), '600.0\n');
    assert.equal(text(1e-7), '1e-07\n');
    assert.equal(text(600n), '600\n');
    assert.equal(text(''), '\n');
  });

  it('sorts dict keys by code point (U+FFFF before U+1F600), values on one line', () => {
    const data = new Map<string, Value>([
      ['b', 1n],
      ['a', null],
      ['c', true],
      ['\uffff', 1.0],
      ['\u{1F600}', 2n],
    ]);
    assert.equal(text(data), 'None\t1\tTrue\t1.0\t2\n');
  });

  it('prints a list of dicts with the union of scalar keys, "" for a missing one', () => {
    const data = fromPlain([{ a: 1 }, { b: 'x', c: [1, 2] }]);
    assert.equal(text(data), '1\t\n\tx\nC\t1\nC\t2\n');
  });

  it('prints str(list) when a key is scalar in one element and a list in another', () => {
    assert.equal(text(fromPlain([{ a: 1 }, { a: [1, 'x'] }])), "1\n[1, 'x']\n");
  });

  it('prints scalars of a nested list first, then each nested list', () => {
    assert.equal(text(fromPlain([1, [2, 3], 4, [[5], 6]])), '1\t4\n2\t3\n6\n5\n');
    assert.equal(text(fromPlain({ k: [1, [2, 3], 4, [[5], 6]] })), 'K\t1\nK\t4\nK\t2\nK\t3\nK\t6\nK\t5\n');
  });

  it('upper-cases identifiers with Unicode rules', () => {
    assert.equal(text(fromPlain({ straße: ['x'] })), 'STRASSE\tx\n');
  });

  it('keeps a line for a lone empty-string value and skips empty lists', () => {
    assert.equal(text(fromPlain({ a: '', l: [] })), '\n');
    assert.equal(text(fromPlain([])), '');
  });

  it('passes tabs and newlines through raw', () => {
    assert.equal(text(fromPlain({ a: 'x\ty', b: 'p\nq' })), 'x\ty\tp\nq\n');
  });

  it('fails like Python on a list mixing dicts and other values, keeping what was written', () => {
    const data = fromPlain({ a: 1, b: [{ x: 1 }, 's'] });
    assert.throws(
      () => text(data),
      (e: unknown) => {
        assert.ok(e instanceof FormatError);
        assert.equal(e.message, "'str' object has no attribute 'items'");
        assert.equal(e.stdout, '1\n');
        assert.equal(e.exitCode, 255);
        return true;
      },
    );
  });

  it('ignores colour', () => {
    const data = fromPlain({ a: 1 });
    assert.equal(formatOutput('text', data, { ...ctx, color: true }), text(data));
  });
});

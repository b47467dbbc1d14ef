// The table's arithmetic and rules, checked against values computed with awscli/table.py itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atExitOutput, FormatError, formatOutput } from '../../src/output/index.js';
import { buildSections } from '../../src/output/table-build.js';
import { alignLeft, centerText } from '../../src/output/table-render.js';
import { convertToVertical, roundHalfEven, scaleColumnWidths, Section } from '../../src/output/table-section.js';
import { fromPlain } from '../../src/value/types.js';

const ctx = { operationName: 'StartDeviceAuthorization', color: false, terminalWidth: 80 };

describe('roundHalfEven (Python 3 round)', () => {
  it('rounds halves to the even neighbour and everything else to the nearest', () => {
    const inputs = [0.5, 1.5, 2.5, 3.5, 19.5, 6.5, -0.5, 2.4999999, 2.5000001];
    assert.deepEqual(inputs.map(roundHalfEven), [0, 2, 2, 4, 20, 6, 0, 2, 3]);
  });
});

describe('scaleColumnWidths (Section.calculate_column_widths)', () => {
  it('uses round-half-even: [15, 5] into 26 is [20, 6], not [20, 7]', () => {
    assert.deepEqual(scaleColumnWidths([15, 5], 26), [20, 6]);
  });
  it('takes the excess from the first columns, even below the natural width', () => {
    assert.deepEqual(scaleColumnWidths([5, 6, 6, 6], 25), [4, 7, 7, 7]);
    assert.deepEqual(scaleColumnWidths([5, 5, 5], 17), [5, 6, 6]);
  });
  it('adds a shortfall to the last columns', () => {
    assert.deepEqual(scaleColumnWidths([15, 13, 11, 16, 13], 70), [15, 13, 11, 17, 14]);
  });
  it('always sums to the target', () => {
    assert.deepEqual(scaleColumnWidths([10], 3), [3]);
    assert.deepEqual(scaleColumnWidths([], 10), []);
  });
});

describe('centerText and alignLeft', () => {
  it('centres with floor(len/2) - floor(textLen/2) - 1 spaces on the left', () => {
    assert.equal(centerText('StartDeviceAuthorization', 26, '|', '|', 24), '|StartDeviceAuthorization|');
    assert.equal(centerText('code', 11, '|', '|', 4), '|  code   |');
    assert.equal(centerText('ab', 7, '', '|', 2), ' ab   |');
    assert.equal(centerText('abc', 8, '', '|', 3), '  abc  |');
  });
  it('indents data by 2 and drops the indent only when the cell does not fit', () => {
    assert.equal(alignLeft('DEVCODE-123', 15, '|', '|', 11), '|  DEVCODE-123|');
    assert.equal(alignLeft('x', 4, '|', '|', 1), '|x |');
    assert.equal(alignLeft('yy', 6, '', '|', 2), '  yy |');
    assert.equal(alignLeft('ab', 5, '', '|', 2), '  ab|');
    assert.equal(alignLeft('toolong', 5, '|', '|', 7), '|toolong|');
  });
  it('pads by display width, so a wide character takes two columns', () => {
    assert.equal(alignLeft('日本', 8, '', '|', 4), '  日本 |');
  });
});

describe('Section', () => {
  it('rejects a row of another length with the AWS CLI message', () => {
    const s = new Section();
    s.addRow(fromPlain(['a', 'b']) as never);
    assert.throws(() => s.addRow([fromPlain('c')]), { message: 'Row should have 2 elements, instead it has 1' });
  });
  it('counts a None title as the 4 characters of str(None)', () => {
    const s = new Section();
    s.title = null;
    assert.equal(s.totalWidth(), 6);
  });
  it('turns a one-row section with headers into key/value rows', () => {
    const sections = buildSections('T', fromPlain({ b: 'x', a: 'y' }));
    convertToVertical(sections);
    assert.deepEqual(sections[0]?.headers, []);
    assert.deepEqual(sections[0]?.rows, [
      ['a', 'y'],
      ['b', 'x'],
    ]);
  });
});

describe('formatOutput table', () => {
  it('prints nothing for falsy data', () => {
    for (const v of [null, false, 0n, 0, '', [], {}]) assert.equal(formatOutput('table', fromPlain(v), ctx), '');
  });
  it('prints only the title box for a truthy scalar', () => {
    const box = '--------------------------\n|StartDeviceAuthorization|\n+------------------------+\n';
    assert.equal(formatOutput('table', fromPlain('ABCD-EFGH'), ctx), box);
    assert.equal(formatOutput('table', fromPlain(true), ctx), box);
  });
  it('raises FormatError (exit 255) for rows of different lengths', () => {
    const data = fromPlain([['a', 'b'], ['c']]);
    assert.throws(
      () => formatOutput('table', data, ctx),
      (e: unknown) => {
        assert.ok(e instanceof FormatError);
        assert.equal(e.exitCode, 255);
        assert.equal(e.message, 'Row should have 2 elements, instead it has 1');
        assert.equal(e.stdout, '');
        return true;
      },
    );
  });
  it('converts to key/value only when wider than the terminal', () => {
    const data = fromPlain({ code: 'ABCD-EFGH', uri: 'https://device.sso.us-east-1.amazonaws.com/' });
    const wide = formatOutput('table', data, { ...ctx, terminalWidth: 62 });
    const narrow = formatOutput('table', data, { ...ctx, terminalWidth: 61 });
    assert.ok(wide.includes('|   code    |'), wide);
    assert.ok(narrow.includes('|  code|  ABCD-EFGH  '), narrow);
  });
  it('adds the colorama exit reset only for a coloured table on a TTY', () => {
    assert.equal(atExitOutput('table', { color: true }, true), '\x1b[0m');
    assert.equal(atExitOutput('table', { color: true }, false), '');
    assert.equal(atExitOutput('json', { color: true }, true), '');
    assert.equal(atExitOutput('table', { color: false }, true), '');
  });
});

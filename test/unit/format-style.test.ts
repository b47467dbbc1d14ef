// Table colours: colorama's bytes, and stripping them gives the colourless table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatOutput } from '../../src/output/index.js';
import { stripAnsi } from '../../src/output/style.js';
import { fromPlain } from '../../src/value/types.js';

const ctx = { operationName: 'StartDeviceAuthorization', color: true, terminalWidth: 80 };
const R = '\x1b[0m';

describe('coloured table', () => {
  it('styles data cells bright blue and resets after every write', () => {
    const out = formatOutput('table', fromPlain({ a: 'x' }), { ...ctx, operationName: 'T' });
    const lines = out.split('\n');
    assert.equal(lines[0], '------------');
    // Title and borders are unstyled; each line is 4 writes, each followed by a reset.
    assert.equal(lines[1], `${R}${R}|     T    |${R}${R}`);
    assert.equal(lines[3], `${R}${R}|  \x1b[1m\x1b[34ma\x1b[0m |  \x1b[1m\x1b[34mx\x1b[0m  |${R}${R}`);
    assert.ok(out.endsWith(`\n${R}`), 'the stream ends with the reset after the last newline');
  });

  it('styles nested indent bars dim yellow', () => {
    const out = formatOutput('table', fromPlain({ a: 'x', b: { c: 'y', d: 'z' } }), ctx);
    const bar = '\x1b[2m\x1b[33m|\x1b[0m';
    assert.ok(out.includes(`${R}${bar}${R}|`), out);
  });

  it('equals the colourless table once stripped', () => {
    const data = fromPlain([
      { a: 'ABCD', x: { y: 1 } },
      { a: '日本', z: 5 },
    ]);
    assert.equal(stripAnsi(formatOutput('table', data, ctx)), formatOutput('table', data, { ...ctx, color: false }));
  });

  it('stripAnsi removes SGR sequences only', () => {
    assert.equal(stripAnsi('\x1b[1m\x1b[34mx\x1b[0m|\x1b[2m\x1b[33m|'), 'x||');
    assert.equal(stripAnsi('plain\ttext'), 'plain\ttext');
  });
});

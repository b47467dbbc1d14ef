// JSON output: json.dump(indent=4, ensure_ascii=False) + "\n", nothing for {}.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatOutput } from '../../src/output/index.js';
import { parsePyJson } from '../../src/value/pyjson.js';
import { fromPlain, type Value } from '../../src/value/types.js';

const ctx = { operationName: 'StartDeviceAuthorization', color: false, terminalWidth: 80 };
const json = (v: Value): string => formatOutput('json', v, ctx);

describe('formatOutput json', () => {
  it('prints nothing for {} and prints every other falsy value', () => {
    assert.equal(json(new Map()), '');
    assert.equal(json([]), '[]\n');
    assert.equal(json(''), '""\n');
    assert.equal(json(0n), '0\n');
    assert.equal(json(null), 'null\n');
    assert.equal(json(false), 'false\n');
  });

  it('indents by 4 and keeps insertion order', () => {
    assert.equal(
      json(fromPlain({ b: 1, a: [1, { c: null }] })),
      '{\n    "b": 1,\n    "a": [\n        1,\n        {\n            "c": null\n        }\n    ]\n}\n',
    );
  });

  it('writes Python numbers: 600.0, 1000.0, 1e-07, exact big ints', () => {
    assert.equal(
      json(parsePyJson('[600.0, 1e3, 1.0e-7, 123456789012345678901234567890, -0.0]')),
      '[\n    600.0,\n    1000.0,\n    1e-07,\n    123456789012345678901234567890,\n    -0.0\n]\n',
    );
  });

  it('writes non-ASCII raw and escapes only JSON controls (not DEL)', () => {
    assert.equal(json('dévé😀 日本'), '"dévé😀 日本"\n');
    assert.equal(json('a\u0001b\u007fc\t"\\'), '"a\\u0001b\u007fc\\t\\"\\\\"\n');
  });

  it('ignores colour', () => {
    assert.equal(formatOutput('json', 'x', { ...ctx, color: true }), '"x"\n');
  });
});

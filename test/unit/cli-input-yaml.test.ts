// --cli-input-yaml's loader against AWS CLI v2's (ruamel.yaml safe, pure), case by case
// (test/fixtures/yaml-load.json, captured by scripts/capture-yaml-goldens.py with v2's Python).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCliInputYaml, type YamlValue } from '../../src/input/cli-input-yaml.js';
import { BinaryValue, PyObjectValue } from '../../src/input/param-file.js';
import { CliError } from '../../src/errors.js';
import { pyFloatRepr } from '../../src/value/pystr.js';

interface LoadCase {
  text: string;
  value?: unknown;
  error?: string;
  crash?: string;
}

const CASES = JSON.parse(readFileSync(join('test', 'fixtures', 'yaml-load.json'), 'utf8')) as LoadCase[];

/** The fixture's encoding of a Python value (capture-yaml-goldens.py: encode). */
function encode(v: YamlValue): unknown {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return { int: v.toString() };
  if (typeof v === 'number') return { float: pyFloatRepr(v) };
  if (v instanceof BinaryValue) return { bytes: v.bytes.toString('hex') };
  if (v instanceof PyObjectValue) return v.pyType.startsWith('datetime.') ? { py: v.pyType, str: v.str } : { py: v.pyType };
  if (Array.isArray(v)) return v.map((x) => encode(x as YamlValue));
  return { map: [...v].map(([k, x]) => [k, encode(x as YamlValue)]) };
}

describe('--cli-input-yaml loader (AWS CLI v2 ruamel goldens)', () => {
  it(`has the captured cases (${CASES.length})`, () => assert.ok(CASES.length >= 90));

  for (const c of CASES.filter((x) => x.crash === undefined)) {
    it(JSON.stringify(c.text), () => {
      if (c.error !== undefined) {
        assert.throws(
          () => loadCliInputYaml(c.text),
          (e: unknown) =>
            e instanceof CliError && e.exitCode === 252 && e.message === "Error parsing parameter 'cli-input-yaml': Invalid YAML received.",
        );
      } else {
        assert.deepEqual(encode(loadCliInputYaml(c.text)), c.value);
      }
    });
  }
});

it('flow collections nested past 1000 levels are refused before the parser recurses into them', () => {
  // 3000 unclosed `[` once killed the process (a fatal V8 RegExpCompiler error inside the parser).
  for (let i = 0; i < 5; i++) {
    assert.throws(() => loadCliInputYaml('clientId: ' + '['.repeat(3000)), {
      message: "Error parsing parameter 'cli-input-yaml': Invalid YAML received.",
    });
  }
  // Brackets inside quoted scalars and comments are text, not nesting.
  assert.equal((loadCliInputYaml(`a: "${'['.repeat(1500)}"`) as Map<string, unknown>).get('a'), '['.repeat(1500));
  assert.equal((loadCliInputYaml(`a: '${'{'.repeat(1500)}'`) as Map<string, unknown>).get('a'), '{'.repeat(1500));
  assert.equal((loadCliInputYaml(`a: b # ${'['.repeat(1500)}`) as Map<string, unknown>).get('a'), 'b');
});

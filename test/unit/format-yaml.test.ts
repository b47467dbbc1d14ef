// `--output yaml` / `yaml-stream` / `off` through formatOutput, against AWS CLI v2's own YAMLDumper
// (test/fixtures/yaml-dump.json, captured by scripts/capture-yaml-goldens.py with v2's Python).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { formatOutput, loadFormatter } from '../../src/output/index.js';
import { resolvePlain } from '../../src/output/yaml.js';
import { parsePyJson } from '../../src/value/pyjson.js';
import type { Value } from '../../src/value/types.js';

interface DumpCase {
  name: string;
  data: string;
  yaml: string;
  stream: string;
  shared?: boolean;
}

const CASES = JSON.parse(readFileSync(join('test', 'fixtures', 'yaml-dump.json'), 'utf8')) as DumpCase[];
const ctx = { operationName: 'StartDeviceAuthorization', color: false, terminalWidth: 80 };

/** Python's value had one dict/list object in several places: share equal collections again. */
function share(v: Value, memo = new Map<string, Value>()): Value {
  if (v === null || typeof v !== 'object') return v;
  const copy: Value = Array.isArray(v) ? v.map((x) => share(x, memo)) : new Map([...v].map(([k, x]) => [k, share(x, memo)]));
  const key = JSON.stringify(copy, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x instanceof Map ? [...x] : x));
  const known = memo.get(key);
  if (known !== undefined) return known;
  memo.set(key, copy);
  return copy;
}

describe('yaml output (AWS CLI v2 YAMLDumper goldens)', () => {
  before(async () => {
    await loadFormatter('yaml');
  });

  it(`has the captured cases (${CASES.length})`, () => assert.ok(CASES.length >= 700));

  for (const c of CASES) {
    it(c.name, () => {
      const parsed = parsePyJson(c.data);
      const data = c.shared ? share(parsed) : parsed;
      assert.equal(formatOutput('yaml', data, ctx), c.yaml, 'yaml');
      assert.equal(formatOutput('yaml-stream', data, ctx), c.stream, 'yaml-stream');
    });
  }

  it('covers every quoting class the issue names', () => {
    const names = CASES.map((c) => c.name);
    for (const cls of [
      'bool-1.2',
      'bool-1.1-only',
      'null',
      'int-1.2',
      'int-1.1-only',
      'float-1.2',
      'timestamp',
      'indicators-first',
      'indicators-inside',
      'spaces',
      'newlines',
      'control',
      'unicode',
      'long',
    ]) {
      assert.ok(
        names.some((n) => n.startsWith(cls + '-')),
        cls,
      );
    }
  });

  it('off prints nothing, whatever the data', () => {
    for (const data of [null, 'x', new Map([['a', 1n]]), []] as Value[]) assert.equal(formatOutput('off', data, ctx), '');
  });

  it('the resolver is YAML 1.2 (ruamel): yes/on/1:20 are strings, true/null/0o17/dates are not', () => {
    for (const s of ['yes', 'on', 'No', '1:20', 'y', '09:30:00x', 'abc']) assert.equal(resolvePlain(s), 'str', s);
    assert.equal(resolvePlain('true'), 'bool');
    assert.equal(resolvePlain('~'), 'null');
    assert.equal(resolvePlain(''), 'null');
    assert.equal(resolvePlain('0o17'), 'int');
    assert.equal(resolvePlain('1_000'), 'int');
    assert.equal(resolvePlain('.5'), 'float');
    assert.equal(resolvePlain('2020-01-01'), 'timestamp');
  });
});

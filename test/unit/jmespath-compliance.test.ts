/**
 * The official JMESPath compliance suite (test/fixtures/jmespath-compliance, from
 * jmespath/jmespath.test commit 53abcc3), which jmespath.py 1.1.0 passes in full: 892 cases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, JmesPathError, type JValue } from '../../src/query/jmespath/index.js';
import { compareNumbers } from '../../src/value/compare.js';
import { dumpPyJson, parsePyJson } from '../../src/value/pyjson.js';
import type { Value } from '../../src/value/types.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'jmespath-compliance');

interface Case {
  expression: string;
  result?: Value;
  error?: string;
  bench?: string;
}
interface Suite {
  given: Value;
  cases: Case[];
}

function loadSuites(file: string): Suite[] {
  const raw = parsePyJson(readFileSync(join(DIR, file), 'utf8')) as Value[];
  return raw.map((s) => {
    const m = s as Map<string, Value>;
    const cases = (m.get('cases') as Value[]).map((c) => Object.fromEntries(c as Map<string, Value>) as unknown as Case);
    return { given: m.get('given') ?? null, cases };
  });
}

/** Python-ish equality for expected results: ints equal floats by value, dict order is irrelevant,
 * but (stricter than Python) booleans only equal booleans. */
function same(a: Value, b: Value): boolean {
  const na = typeof a === 'bigint' || typeof a === 'number';
  const nb = typeof b === 'bigint' || typeof b === 'number';
  if (na || nb) return na && nb && compareNumbers(a, b) === 0;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i] as Value));
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    return [...a].every(([k, x]) => b.has(k) && same(x, b.get(k) as Value));
  }
  return a === b;
}

function runCase(given: Value, c: Case): string | undefined {
  const show = (v: JValue): string => dumpPyJson(v);
  if (c.error === undefined) {
    const got = compile(c.expression).search(given);
    return same(got as Value, c.result ?? null) ? undefined : `got ${show(got)}, expected ${show(c.result ?? null)}`;
  }
  let phase = 'compile';
  try {
    const expr = compile(c.expression);
    phase = 'search';
    const got = expr.search(given);
    return `expected ${c.error} error, got ${show(got)}`;
  } catch (e) {
    if (!(e instanceof JmesPathError)) throw e;
    const wantPhase = c.error === 'syntax' ? 'compile' : 'search';
    if (e.category !== c.error || phase !== wantPhase) {
      return `expected ${c.error} at ${wantPhase}, got ${e.category} (${e.pyClass}) at ${phase}: ${e.message}`;
    }
    return undefined;
  }
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

test('the compliance suite has 892 cases outside benchmarks.json, and all pass', () => {
  let total = 0;
  const failures: string[] = [];
  for (const file of files.filter((f) => f !== 'benchmarks.json')) {
    for (const suite of loadSuites(file)) {
      for (const c of suite.cases) {
        total++;
        let failure: string | undefined;
        try {
          failure = runCase(suite.given, c);
        } catch (e) {
          failure = `threw ${String(e)}`;
        }
        if (failure !== undefined) failures.push(`${file}: ${c.expression}: ${failure}`);
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.equal(total, 892);
});

test('benchmarks.json expressions compile and evaluate', () => {
  let count = 0;
  for (const suite of loadSuites('benchmarks.json')) {
    for (const c of suite.cases) {
      const expr = compile(c.expression);
      if (c.bench !== 'parse') expr.search(suite.given);
      count++;
    }
  }
  assert.ok(count > 0);
});

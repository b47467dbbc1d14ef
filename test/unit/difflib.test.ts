/**
 * src/cli/difflib.ts against CPython's difflib: a fixed table computed by python3
 * (scripts/difflib-cases.py > test/fixtures/difflib/cases.json) and, when python3 is here, a
 * fresh random batch with a fixed seed. Ratios must be equal as doubles, not close.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getCloseMatches, SequenceMatcher } from '../../src/cli/difflib.js';

interface PyCase {
  word: string;
  possibilities: string[];
  pairs: [number, number, number][];
  close08: string[];
  close06: string[];
  close1: string[];
}

function check(cases: PyCase[]): void {
  for (const c of cases) {
    const label = JSON.stringify(c.word.slice(0, 40));
    c.possibilities.forEach((x, i) => {
      const s = new SequenceMatcher(undefined, x, c.word);
      assert.deepEqual([s.ratio(), s.quickRatio(), s.realQuickRatio()], c.pairs[i], `${label} vs ${JSON.stringify(x.slice(0, 40))}`);
    });
    assert.deepEqual(getCloseMatches(c.word, c.possibilities, 3, 0.8), c.close08, `${label} cutoff 0.8`);
    assert.deepEqual(getCloseMatches(c.word, c.possibilities), c.close06, `${label} cutoff 0.6`);
    assert.deepEqual(getCloseMatches(c.word, c.possibilities, 1, 0.8), c.close1, `${label} n=1`);
  }
}

test('the fixed table computed by python3 difflib', () => {
  const cases = JSON.parse(readFileSync('test/fixtures/difflib/cases.json', 'utf8')) as PyCase[];
  assert.ok(cases.length > 30);
  check(cases);
});

test('the issue 10 cases: start-device-auth suggests nothing, as in the AWS CLI', () => {
  const commands = ['create-token', 'create-token-with-iam', 'register-client', 'start-device-authorization'];
  assert.deepEqual(getCloseMatches('start-device-auth', commands, 3, 0.8), []);
  assert.deepEqual(getCloseMatches('start-device-authorizaton', commands, 3, 0.8), ['start-device-authorization']);
});

test('autojunk: 200 or more elements make popular characters junk', () => {
  const word = 'ab'.repeat(100) + 'xyz';
  const s = new SequenceMatcher(undefined, 'xyz' + 'ab'.repeat(100), word);
  assert.deepEqual([...s.popular].sort(), ['a', 'b']);
  assert.deepEqual([...new SequenceMatcher(undefined, 'x', 'ab'.repeat(99)).popular], []);
  assert.deepEqual([...new SequenceMatcher(undefined, 'x', 'ab'.repeat(99), false).popular], []);
});

test('random cases against python3 difflib (seeded)', (t) => {
  const r = spawnSync('python3', ['scripts/difflib-cases.py', '--random', '20261202', '300'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error !== undefined || r.status !== 0) {
    t.skip(`python3 is not available: ${r.error?.message ?? r.stderr}`);
    return;
  }
  check(JSON.parse(r.stdout) as PyCase[]);
});

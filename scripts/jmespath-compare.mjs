#!/usr/bin/env node
// How the npm `jmespath` package (0.16.0, a devDependency, never on the runtime path) does on the
// official compliance suite (test/fixtures/jmespath-compliance, 892 cases outside
// benchmarks.json), counted strictly:
//   - a case that expects an error passes only when jmespath throws, and a syntax error only when
//     compile() throws (a CLI compiles --query before it sends the request);
//   - a result passes only when it equals the expected value exactly (same JSON types; object key
//     order aside); undefined or NaN is never read as null.
// Prints the figure and every miss. The README quotes it: `node scripts/jmespath-compare.mjs`.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const jmespath = require('jmespath');
const version = require('jmespath/package.json').version;
const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'jmespath-compliance');

/** Exact equality of JSON values: null only equals null, numbers by ===, arrays in order. */
function same(a, b) {
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return typeof a === typeof b && a === b; // NaN !== NaN; undefined never equals a JSON value
}

const show = (v) => (v === undefined ? 'undefined' : Number.isNaN(v) ? 'NaN' : JSON.stringify(v));

let total = 0;
const misses = [];
for (const file of readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'benchmarks.json')
  .sort()) {
  for (const suite of JSON.parse(readFileSync(join(DIR, file), 'utf8'))) {
    for (const c of suite.cases) {
      total++;
      let got;
      let error;
      let phase = 'compile';
      try {
        jmespath.compile(c.expression);
        phase = 'search';
        got = jmespath.search(suite.given, c.expression); // the package exports no interpreter for an AST
      } catch (e) {
        error = e;
      }
      const where = `${file}: ${c.expression}`;
      if ('error' in c) {
        if (c.error === 'syntax' && (error === undefined || phase !== 'compile')) {
          const then = error === undefined ? `evaluates to ${show(got)}` : `then fails evaluating: ${error.message}`;
          misses.push({ where, why: `an invalid expression (syntax) compiles without an error, ${then}`, syntax: true });
        } else if (error === undefined) {
          misses.push({ where, why: `expected a ${c.error} error, got ${show(got)}` });
        }
      } else if (error !== undefined) {
        misses.push({ where, why: `threw ${error.name}: ${error.message}; expected ${show(c.result)}` });
      } else if (!same(got, c.result)) {
        misses.push({ where, why: `got ${show(got)}, expected ${show(c.result)}` });
      }
    }
  }
}

for (const m of misses) console.log(`miss  ${m.where}\n      ${m.why}`);
const compiledInvalid = misses.filter((m) => m.syntax).length;
console.log(
  `\njmespath ${version}: ${total - misses.length} of ${total} compliance cases pass, counted strictly ` +
    `(${misses.length} misses; ${compiledInvalid} are invalid expressions it compiles without an error).`,
);

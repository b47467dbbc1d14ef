#!/usr/bin/env node
// How close the `yaml` package comes to AWS CLI v2's YAML bytes, for the README's figures.
// Compares three writers on test/fixtures/yaml-dump.json (and on any JSON-lines file produced by
// `scripts/capture-yaml-goldens.py --fuzz N`, given as arguments):
//   library  - yaml.stringify's closest settings (YAML 1.2, width 80, sequences not indented,
//              keys sorted by code point, single quotes preferred, no block scalars) with v2's
//              own layer (top-level scalars as JSON, nothing for {}), floats as Python writes them;
//   layer    - the same, with each string's quoting style decided by our emitter's analysis
//              (plain / single / double as libyaml would choose) before the library writes it;
//   ours     - src/output/yaml.ts (the libyaml port).
// Run (the sources through tsx): node --import tsx scripts/yaml-library-compare.mjs [fuzz.jsonl ...]
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { compareStrings } from '../src/value/compare.ts';
import { dumpPyJson, parsePyJson } from '../src/value/pyjson.ts';
import { pyFloatRepr } from '../src/value/pystr.ts';
import { dumpYaml, formatYaml } from '../src/output/yaml.ts';

const OPTIONS = {
  version: '1.2',
  lineWidth: 80,
  minContentWidth: 0,
  indent: 2,
  indentSeq: false,
  sortMapEntries: (a, b) => compareStrings(String(a.key.value), String(b.key.value)),
  aliasDuplicateObjects: false,
  singleQuote: true,
  blockQuote: false,
  doubleQuotedMinMultiLineLength: 0,
};

function styleOf(s, key) {
  const out = key ? dumpYaml(new Map([[s, null]])) : dumpYaml([s]).slice(2);
  return out[0] === "'" ? 'QUOTE_SINGLE' : out[0] === '"' || out[0] === '?' ? 'QUOTE_DOUBLE' : 'PLAIN';
}

function node(v, layer, key = false) {
  if (typeof v === 'number') {
    const n = new YAML.Scalar(v);
    const text = pyFloatRepr(v);
    n.toString = () => text;
    return n;
  }
  if (v instanceof Map) {
    const m = new YAML.YAMLMap();
    for (const [k, x] of v) m.items.push(new YAML.Pair(node(k, layer, true), node(x, layer)));
    return m;
  }
  if (Array.isArray(v)) {
    const s = new YAML.YAMLSeq();
    for (const x of v) s.items.push(node(x, layer));
    return s;
  }
  const n = new YAML.Scalar(v);
  if (layer && typeof v === 'string') n.type = styleOf(v, key);
  return n;
}

function library(v, layer) {
  if (v instanceof Map && v.size === 0) return '';
  if (v === null || typeof v !== 'object') return dumpPyJson(v) + '\n';
  const doc = new YAML.Document(null, OPTIONS);
  doc.contents = node(v, layer);
  return doc.toString(OPTIONS);
}

function load(file) {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.json')
    ? JSON.parse(text)
    : text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
}

for (const file of ['test/fixtures/yaml-dump.json', ...process.argv.slice(2)]) {
  const cases = load(file).filter((c) => !c.shared); // JSON cannot carry shared objects (aliases)
  const score = { library: 0, layer: 0, ours: 0 };
  for (const c of cases) {
    const data = parsePyJson(c.data);
    const attempt = (f) => {
      try {
        return f();
      } catch {
        return undefined;
      }
    };
    if (attempt(() => library(data, false)) === c.yaml) score.library++;
    if (attempt(() => library(data, true)) === c.yaml) score.layer++;
    if (formatYaml(data) === c.yaml) score.ours++;
  }
  console.log(
    `${file}: ${cases.length} cases; yaml library ${score.library}, library + style layer ${score.layer}, src/output/yaml.ts ${score.ours}`,
  );
}

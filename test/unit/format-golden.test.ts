// Every golden captured from the real AWS CLI v1 (scripts/capture-goldens.py) through
// formatOutput: stdout must match byte for byte, and rc 255 cases must fail with the same message.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { atExitOutput, FormatError, formatOutput, type OutputKind } from '../../src/output/index.js';
import { stripAnsi } from '../../src/output/style.js';
import { parsePyJson } from '../../src/value/pyjson.js';

interface Golden {
  name: string;
  operation: string;
  command: string;
  response: string;
  query: string | null;
  output: OutputKind;
  color: 'on' | 'off' | 'auto';
  columns: number;
  tty: boolean;
  queried: string;
  stdout: string;
  rc: number;
  stderr: string;
}

const DIR = join('test', 'fixtures', 'golden');
const goldens: Golden[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Golden);

/** What the pipeline does around formatOutput: the colour decision, stdout and the exit reset. */
function run(g: Golden): { stdout: string; error?: FormatError } {
  const color = g.color === 'on' || (g.color === 'auto' && g.tty);
  const ctx = { operationName: g.operation, color, terminalWidth: g.columns };
  const suffix = atExitOutput(g.output, ctx, g.tty);
  try {
    return { stdout: formatOutput(g.output, parsePyJson(g.queried), ctx) + suffix };
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    return { stdout: e.stdout + suffix, error: e };
  }
}

/** The message the AWS CLI printed: stderr is "\n" + message + "\n" (colorama resets removed). */
function stderrMessage(stderr: string): string {
  return stripAnsi(stderr).replace(/^\n/, '').replace(/\n$/, '');
}

describe('format goldens (real aws-cli v1 output)', () => {
  it('has the captured fixtures', () => {
    assert.ok(goldens.length >= 80, `only ${goldens.length} goldens`);
  });

  for (const g of goldens) {
    it(`${g.name} [${g.output} ${g.query ?? '(no query)'} cols=${g.columns}${g.tty ? ' tty' : ''} color=${g.color}]`, () => {
      const { stdout, error } = run(g);
      assert.equal(stdout, g.stdout);
      if (g.rc === 0) {
        assert.equal(error, undefined);
      } else {
        assert.equal(g.rc, 255);
        assert.ok(error, 'expected a FormatError');
        assert.equal(error.exitCode, 255);
        assert.equal(error.message, stderrMessage(g.stderr));
      }
    });
  }

  it('coloured tables equal the colourless ones once the escapes are stripped', () => {
    let compared = 0;
    for (const g of goldens.filter((x) => x.output === 'table' && x.rc === 0)) {
      const ctx = { operationName: g.operation, terminalWidth: g.columns };
      const data = parsePyJson(g.queried);
      const plain = formatOutput('table', data, { ...ctx, color: false });
      assert.equal(stripAnsi(formatOutput('table', data, { ...ctx, color: true })), plain, g.name);
      if (g.color !== 'off') assert.equal(stripAnsi(g.stdout), plain, g.name);
      compared++;
    }
    assert.ok(compared > 0);
  });
});

/** quickParse (src/cli/quick-parse.ts) answers only where it answers as parseArgv does. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgv } from '../../src/cli/program.js';
import { quickParse } from '../../src/cli/quick-parse.js';
import { commandNames } from '../../src/cli/spec.js';

const answered = [['--version'], ['help'], ...commandNames().map((c) => [c, 'help'])];

test('--version, help and every COMMAND help: the same invocation as parseArgv', () => {
  for (const argv of answered) {
    const quick = quickParse(argv);
    if (quick === undefined) {
      // help and completion take a word, not the global options: `completion help` is theirs to read.
      assert.ok(['help', 'completion'].includes(argv[0] as string), `no quick answer for ${argv.join(' ')}`);
      continue;
    }
    assert.deepEqual(quick, parseArgv(argv), argv.join(' '));
  }
});

test('anything else is left to the parser', () => {
  for (const argv of [
    [],
    ['--version', 'x'],
    ['--debug', '--version'],
    ['help', 'x'],
    ['bogus', 'help'],
    ['login', 'help', 'x'],
    ['--versio'],
  ]) {
    assert.equal(quickParse(argv), undefined, argv.join(' '));
  }
});

/** quickParse (src/cli/quick-parse.ts) answers only where it answers as parseArgv does. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgv } from '../../src/cli/program.js';
import { quickParse } from '../../src/cli/quick-parse.js';
import { commandNames, COMPLETION_SHELLS, SKELETON_CHOICES } from '../../src/cli/spec.js';
import { OPERATIONS } from '../../src/model/operations/index.js';

const skeletons = OPERATIONS.flatMap((o) => [
  [o.cliName, '--generate-cli-skeleton'],
  ...SKELETON_CHOICES.map((choice) => [o.cliName, '--generate-cli-skeleton', choice]),
]);
const answered = [
  ['--version'],
  ['help'],
  ...commandNames().map((c) => [c, 'help']),
  ...COMPLETION_SHELLS.map((s) => ['completion', s]),
  ...skeletons,
];

test('--version, help, every COMMAND help, every completion shell and every skeleton: the same invocation as parseArgv', () => {
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
    ['start-device-authorization', '--generate-cli-skeleton', 'inp'],
    ['start-device-authorization', '--generate-cli-skeleton', 'xml'],
    ['start-device-authorization', '--generate-cli-skeleton', 'input', '--debug'],
    ['start-device-authorization', '--generate-cli-skeleto'],
    ['login', '--generate-cli-skeleton'],
    ['bogus', '--generate-cli-skeleton'],
    ['completion', 'powershell'],
    ['completion', 'bash', 'x'],
    ['completion', '--debug'],
  ]) {
    assert.equal(quickParse(argv), undefined, argv.join(' '));
  }
});

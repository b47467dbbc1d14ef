/**
 * fastParse (src/cli/fast-parse.ts) answers only where it answers as parseArgv does: over
 * command lines generated from the spec (every operation, its flags and the global ones, in any
 * order, with values that are plain, option-like, command words, `help`, choices and not), and
 * the shapes it must leave to the parser.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fastParse } from '../../src/cli/fast-parse.js';
import { parseArgv } from '../../src/cli/program.js';
import { commandNames, GLOBAL_OPTIONS, operationCommand, type OptionSpec } from '../../src/cli/spec.js';
import { OPERATIONS } from '../../src/model/operations/index.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261203);

/** What parseArgv makes of the words: an invocation, or the message of the error it throws. */
function parsed(argv: readonly string[]): unknown {
  try {
    return parseArgv(argv);
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const value = fc.oneof(
  fc.constantFrom('x', 'abc', 'https://example.awsapps.com/start', '', 'a b', '0', '30', '-5', '-x', '--', 'help'),
  fc.constantFrom(...commandNames()),
  fc.constantFrom(...(GLOBAL_OPTIONS as readonly OptionSpec[]).flatMap((o) => o.choices ?? [])),
  fc.string({ maxLength: 6 }),
);

/** One option as typed: the flag, and for valued options zero to three words after it. */
const typed = (o: OptionSpec): fc.Arbitrary<string[]> =>
  o.kind === 'boolean' || o.kind === 'negated'
    ? fc.constant([o.flag])
    : fc.array(value, { minLength: o.kind === 'list' ? 0 : 1, maxLength: o.kind === 'list' ? 3 : 1 }).map((vs) => [o.flag, ...vs]);

const commandLine = fc
  .constantFrom(...OPERATIONS)
  .chain((op) => {
    const options = [...operationCommand(op).options, ...GLOBAL_OPTIONS];
    return fc.tuple(fc.constant(op.cliName), fc.array(fc.constantFrom(...options).chain(typed), { maxLength: 8 }));
  })
  .map(([name, words]) => [name, ...words.flat()]);

test('every command line it answers: the invocation parseArgv returns', () => {
  let answered = 0;
  fc.assert(
    fc.property(commandLine, (argv) => {
      const fast = fastParse(argv);
      if (fast === undefined) return;
      answered++;
      assert.deepEqual(fast, parsed(argv), argv.join(' '));
    }),
    { seed: SEED, numRuns: 3000 },
  );
  assert.ok(answered > 500, `only ${answered} of 3000 command lines answered`);
});

test('the calls scripts type: answered, as parseArgv answers them', () => {
  for (const op of OPERATIONS) {
    const argv = [
      op.cliName,
      ...op.input.filter((m) => m.required).flatMap((m) => [`--${m.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, 'v']),
      '--region',
      'us-east-1',
      '--output',
      'text',
      '--query',
      'a.b',
      '--debug',
      '--no-verify-ssl',
      '--cli-read-timeout',
      '5',
    ];
    const fast = fastParse(argv);
    assert.ok(fast !== undefined, argv.join(' '));
    assert.deepEqual(fast, parsed(argv), argv.join(' '));
  }
});

test('what it leaves to the parser', () => {
  for (const argv of [
    [],
    ['nope'],
    ['login', '--start-url', 'x'],
    ['--region', 'us-east-1', 'start-device-authorization'],
    ['start-device-authorization', 'help'],
    ['start-device-authorization', '--client-id', 'help'],
    ['start-device-authorization', '--version'],
    ['start-device-authorization', '--help'],
    ['start-device-authorization', '--client-id=x'],
    ['start-device-authorization', '--client-i', 'x'],
    ['start-device-authorization', '--client-id', 'x', '--client-id', 'y'],
    ['start-device-authorization', '--client-id', '-x'],
    ['start-device-authorization', '--client-id'],
    ['start-device-authorization', '--', '--client-id', 'x'],
    ['start-device-authorization', '--output', 'xml'],
    ['start-device-authorization', '--cli-read-timeout', ' 5'],
    ['start-device-authorization', '--cli-read-timeout', '-5'],
    ['start-device-authorization', '--generate-cli-skeleton', 'output'],
    ['start-device-authorization', 'stray'],
    ['start-device-authorization', '--bogus'],
    ['register-client', '--scopes', 'a', 'help'],
  ]) {
    assert.equal(fastParse(argv), undefined, argv.join(' '));
  }
});

/** argparse's option rules before commander (issue 10, items 8, 17 and 21), in-process. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskSecretValues, prepassArgv, type OptionArity } from '../../src/cli/argv-prepass.js';
import { parseArgv } from '../../src/cli/program.js';
import { UsageError } from '../../src/errors.js';

const GLOBALS: OptionArity[] = [
  { flag: '--debug', arity: 'none' },
  { flag: '--output', arity: 'one' },
  { flag: '--region', arity: 'one' },
  { flag: '--cli-read-timeout', arity: 'one' },
  { flag: '--cli-connect-timeout', arity: 'one' },
];
const SDA: OptionArity[] = [
  { flag: '--client-id', arity: 'one' },
  { flag: '--client-secret', arity: 'one' },
  { flag: '--start-url', arity: 'one' },
  { flag: '--cli-input-json', arity: 'one' },
  { flag: '--generate-cli-skeleton', arity: 'optional' },
];
const run = (...argv: string[]): string[] => prepassArgv(argv, GLOBALS, (c) => (c === 'sda' ? SDA : undefined));
const usage = (argv: string[], message: string): void => {
  assert.throws(
    () => run(...argv),
    (e: unknown) => e instanceof UsageError && e.message === message,
    argv.join(' '),
  );
};

test('unambiguous prefixes become the option, = forms included; exact names win', () => {
  assert.deepEqual(run('--reg', 'x', 'sda', '--client-i', 'ID', '--client-s=S', '--ou', 'text'), [
    '--region',
    'x',
    'sda',
    '--client-id',
    'ID',
    '--client-secret=S',
    '--output',
    'text',
  ]);
  assert.deepEqual(run('sda', '--cli-i', '{}'), ['sda', '--cli-input-json', '{}'], 'the global parser does not claim --cli-i');
});

test('ambiguous prefixes: argparse wording, options in the parser order, the first parser first', () => {
  usage(['sda', '--client', 'ID'], 'ambiguous option: --client could match --client-id, --client-secret');
  usage(['sda', '--client=ID'], 'ambiguous option: --client=ID could match --client-id, --client-secret');
  usage(['sda', '--cli', '5'], 'ambiguous option: --cli could match --cli-read-timeout, --cli-connect-timeout');
  usage(['sda', '--client-id', '-x', '--client', 's'], 'ambiguous option: --client could match --client-id, --client-secret');
});

test('what may be a value: not an option-like word; negative numbers, spaces, - and empty are values', () => {
  usage(['sda', '--client-id', '-x'], 'argument --client-id: expected one argument');
  usage(['sda', '--client-id', '--debug'], 'argument --client-id: expected one argument');
  usage(['sda', '--client-id', '--sta', 'u'], 'argument --client-id: expected one argument');
  usage(['sda', '--client-id'], 'argument --client-id: expected one argument');
  usage(['sda', '--client-id', '--', 'x'], 'argument --client-id: expected one argument');
  usage(['--region', '--client-id', 'sda'], 'argument --region: expected one argument');
  usage(['sda', '--debug=1'], "argument --debug: ignored explicit argument '1'");
  for (const v of ['-5', '-.5', '-1.25', '-x y', '-', ''])
    assert.deepEqual(run('sda', '--client-id', v), ['sda', '--client-id', v], JSON.stringify(v));
  assert.deepEqual(
    run('sda', '--client-id', '--region', 'r', 'ID'),
    ['sda', '--client-id', '--region', 'r', 'ID'],
    'the global parser takes --region first',
  );
  assert.deepEqual(run('sda', '--generate-cli-skeleton', '--client-id', 'x'), ['sda', '--generate-cli-skeleton', '--client-id', 'x']);
  assert.deepEqual(run('sda', '--', '--client', '-x'), ['sda', '--', '--client', '-x'], 'nothing after -- is an option');
});

test('parseArgv: the built tables (prefixes accepted, the AWS CLI messages)', () => {
  const inv = parseArgv([
    'start-device-authorization',
    '--client-i',
    'ID',
    '--client-se',
    'S',
    '--st',
    'u',
    '--reg',
    'us-east-1',
    '--out',
    'text',
  ]);
  assert.equal(inv.kind, 'operation');
  if (inv.kind !== 'operation') return;
  assert.deepEqual(inv.members, { clientId: 'ID', clientSecret: 'S', startUrl: 'u' });
  assert.equal(inv.globals.region, 'us-east-1');
  assert.equal(inv.globals.output, 'text');
  assert.throws(
    () => parseArgv(['start-device-authorization', '--client', 'x']),
    /^UsageError: ambiguous option: --client could match --client-id, --client-secret$/,
  );
  assert.throws(() => parseArgv(['start-device-authorization', '--client-id', '-x']), /expected one argument/);
  const neg = parseArgv(['start-device-authorization', '--client-id', '-1']);
  assert.equal(neg.kind === 'operation' && neg.members['clientId'], '-1');
});

test('item 8: the value after a misspelt secret option is masked; other unknown words stay', () => {
  const known = ['--client-id', '--client-secret', '--refresh-token', '--device-code', '--grant-type', '--output'];
  const sensitive = new Set(['--client-secret', '--refresh-token', '--device-code']);
  const mask = (...t: string[]): string[] => maskSecretValues(t, known, sensitive);
  assert.deepEqual(mask('--refresh-tokn', 'VALUE'), ['--refresh-tokn', '***']);
  assert.deepEqual(mask('--client-secrt=VALUE'), ['--client-secrt=***']);
  assert.deepEqual(mask('--devic-code', 'V', 'stray'), ['--devic-code', '***', 'stray']);
  assert.deepEqual(mask('--clientsecret', 'V'), ['--clientsecret', '***']);
  assert.deepEqual(mask('--client-idd', 'V'), ['--client-idd', 'V'], 'closest is --client-id: not secret');
  assert.deepEqual(mask('--foo', 'V'), ['--foo', 'V']);
  assert.deepEqual(mask('--refresh-tokn', '--foo'), ['--refresh-tokn', '--foo']);
  const inv = parseArgv(['create-token', '--client-id', 'c', '--client-secret', 's', '--grant-type', 'g', '--refresh-tokn', 'SEKRIT', 'x']);
  assert.ok(inv.kind === 'operation' && !inv.unknown.includes('SEKRIT'), JSON.stringify(inv));
});

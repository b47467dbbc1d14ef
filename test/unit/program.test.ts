import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argparseOrder, parseArgv, type OperationInvocation } from '../../src/cli/program.js';
import { UsageError } from '../../src/errors.js';

function op(argv: string[]): OperationInvocation {
  const inv = parseArgv(argv);
  assert.equal(inv.kind, 'operation');
  return inv;
}

test('members and globals anywhere on the line', () => {
  const inv = op([
    '--output',
    'text',
    'start-device-authorization',
    '--client-id',
    'a',
    '--client-secret',
    's',
    '--start-url',
    'u',
    '--debug',
    '--no-verify-ssl',
  ]);
  assert.deepEqual(inv.members, { clientId: 'a', clientSecret: 's', startUrl: 'u' });
  assert.equal(inv.globals.output, 'text');
  assert.equal(inv.globals.debug, true);
  assert.equal(inv.globals.verifySsl, false);
  assert.deepEqual(inv.unknown, []);
});

test('list members take several words', () => {
  const inv = op(['register-client', '--client-name', 'n', '--client-type', 'public', '--scopes', 'a', 'b']);
  assert.deepEqual(inv.members['scopes'], ['a', 'b']);
});

test('unknown options in argparse order', () => {
  assert.deepEqual(argparseOrder(['--bogus', '1']), ['--bogus', '1']);
  assert.deepEqual(argparseOrder(['--bogus', '1', '--other']), ['--bogus', '--other', '1']);
  assert.deepEqual(argparseOrder(['a', '--bogus=1', 'b', '-x', '--zz']), ['--bogus=1', 'b', '-x', '--zz', 'a']);
  assert.deepEqual(op(['start-device-authorization', '--bogus', '1', '--other']).unknown, ['--bogus', '--other', '1']);
});

test('skeleton values', () => {
  assert.equal(op(['start-device-authorization', '--generate-cli-skeleton']).options.generateCliSkeleton, 'input');
  assert.equal(op(['start-device-authorization', '--generate-cli-skeleton', 'output']).options.generateCliSkeleton, 'output');
  assert.equal(op(['start-device-authorization', '--generate-cli-skeleton', 'yaml-input']).options.generateCliSkeleton, 'yaml-input');
  assert.throws(() => parseArgv(['start-device-authorization', '--generate-cli-skeleton', 'bogus']), {
    message:
      'argument --generate-cli-skeleton: Invalid choice, valid choices are:\n\ninput' +
      ' '.repeat(35) +
      ' | output' +
      ' '.repeat(34) +
      '\nyaml-input' +
      ' '.repeat(30),
  });
  assert.equal(op(['register-client', '--cli-input-yaml', 'clientName: a']).options.cliInputYaml, 'clientName: a');
});

test('bad choices, missing values, duplicates, timeouts', () => {
  assert.throws(
    () => parseArgv(['start-device-authorization', '--output', 'xml']),
    (e: unknown) => {
      assert.ok(e instanceof UsageError);
      const pad = (c: string) => c.padEnd(40);
      assert.equal(
        e.message,
        `argument --output: Invalid choice, valid choices are:\n\n${pad('json')} | ${pad('text')}\n${pad('table')} | ${pad('yaml')}\n${pad('yaml-stream')} | ${pad('off')}`,
      );
      return true;
    },
  );
  for (const output of ['yaml', 'yaml-stream', 'off'])
    assert.equal(op(['start-device-authorization', '--output', output]).globals.output, output);
  assert.throws(() => parseArgv(['start-device-authorization', '--output']), { message: 'argument --output: expected one argument' });
  assert.throws(() => parseArgv(['start-device-authorization', '--client-id', 'a', '--client-id', 'b']), {
    message: 'argument --client-id: may be given only once',
  });
  assert.throws(() => parseArgv(['start-device-authorization', '--cli-read-timeout', 'abc']), {
    message: "argument --cli-read-timeout: invalid literal for int() with base 10: 'abc'",
  });
  assert.equal(op(['start-device-authorization', '--cli-connect-timeout', '0']).globals.cliConnectTimeout, 0);
});

test('commands: version, help, unknown, none', () => {
  assert.deepEqual(parseArgv(['--version']), { kind: 'version' });
  assert.deepEqual(parseArgv(['start-device-authorization', '--bogus', '--version']), { kind: 'version' });
  assert.deepEqual(parseArgv(['help']), { kind: 'help', command: undefined });
  assert.deepEqual(parseArgv(['start-device-authorization', 'help']), { kind: 'help', command: 'start-device-authorization' });
  assert.deepEqual(parseArgv(['start-device-authorization', '--help']), { kind: 'help', command: 'start-device-authorization' });
  assert.throws(() => parseArgv([]), { message: 'the following arguments are required: command' });
  assert.throws(
    () => parseArgv(['start-device-authorizatio']),
    (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.match(e.message, /^argument command: Invalid choice, valid choices are:\n\n/);
      assert.match(e.message, /Invalid choice: 'start-device-authorizatio', maybe you meant:\n\n {2}\* start-device-authorization$/);
      return true;
    },
  );
});

test("a list option given alone is an empty list and the last occurrence wins, for login's --scopes as for members", () => {
  for (const [argv, scopes] of [
    [['login', '--scopes'], []],
    [
      ['login', '--scopes', 'a', '--scopes', 'b', 'c'],
      ['b', 'c'],
    ],
  ] as const) {
    const inv = parseArgv(argv);
    assert.ok(inv.kind === 'login');
    assert.deepEqual(inv.options.scopes, scopes, argv.join(' '));
  }
  const op = parseArgv(['register-client', '--client-name', 'x', '--client-type', 'public', '--scopes']) as OperationInvocation;
  assert.deepEqual(op.members['scopes'], []);
});

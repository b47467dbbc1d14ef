/**
 * The bash completion, run for real: source the script in `bash -c`, set COMP_WORDS and
 * COMP_CWORD as readline would, call the completion function and read COMPREPLY.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completionScript } from '../../src/commands/completion.js';
import { OPERATIONS } from '../../src/model/operations/index.js';
import { optionName } from '../../src/model/types.js';

const HARNESS = `
eval "$SCRIPT"
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=()
_sso_oidc
printf '%s\\n' "\${COMPREPLY[@]}"
`;

const hasBash = !spawnSync('bash', ['-c', 'exit 0']).error;

/** What bash offers for the words typed so far; the last word is the one being completed. */
function complete(words: readonly string[], cwd?: string): string[] {
  const r = spawnSync('bash', ['-c', HARNESS, 'harness', 'sso-oidc', ...words], {
    encoding: 'utf8',
    cwd,
    env: { PATH: process.env['PATH'], SCRIPT: completionScript('bash') },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter((l) => l !== '');
}

const skip = hasBash ? false : 'bash is not installed';

test('sso-oidc start-dev<TAB> completes the command', { skip }, () => {
  assert.deepEqual(complete(['start-dev']), ['start-device-authorization']);
  assert.deepEqual(complete(['--output', 'json', '--region', 'eu-west-1', 'reg']), ['register-client']);
});

test('sso-oidc <TAB> offers every command; -<TAB> the global options', { skip }, () => {
  assert.deepEqual(complete(['']), [...OPERATIONS.map((o) => o.cliName), 'login', 'logout', 'completion', 'help']);
  assert.ok(complete(['--']).includes('--endpoint-url'));
});

test("--output <TAB> offers v2's six formats; --color and --generate-cli-skeleton their choices", { skip }, () => {
  const outputs = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'];
  assert.deepEqual(complete(['start-device-authorization', '--output', '']), outputs);
  assert.deepEqual(complete(['--output', 't']), ['text', 'table']);
  assert.deepEqual(complete(['--output', 'y']), ['yaml', 'yaml-stream']);
  assert.deepEqual(complete(['--output', '=', '']), outputs);
  assert.deepEqual(complete(['create-token', '--color', '']), ['on', 'off', 'auto']);
  assert.deepEqual(complete(['create-token', '--generate-cli-skeleton', '']), ['input', 'output', 'yaml-input']);
  assert.deepEqual(complete(['create-token', '--generate-cli-skeleton', '--cli-i']), ['--cli-input-json', '--cli-input-yaml']);
  assert.deepEqual(complete(['completion', '']), ['bash', 'zsh', 'fish']);
  assert.deepEqual(complete(['help', 'create']), ['create-token', 'create-token-with-iam']);
});

test('each operation completes its members and the global options', { skip }, () => {
  for (const op of OPERATIONS) {
    const offered = complete([op.cliName, '--']);
    for (const m of op.input) assert.ok(offered.includes(optionName(m)), `${op.cliName} ${optionName(m)}`);
    for (const f of ['--cli-input-json', '--generate-cli-skeleton', '--debug', '--cli-connect-timeout']) assert.ok(offered.includes(f));
  }
  assert.deepEqual(complete(['start-device-authorization', '--client-id', '']), []);
});

test('file paths after --ca-bundle and in file:// values', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sso-oidc-complete-'));
  try {
    writeFileSync(join(dir, 'secret.txt'), 's');
    mkdirSync(join(dir, 'sub'));
    assert.deepEqual(complete(['create-token', '--ca-bundle', 'se'], dir), ['secret.txt']);
    assert.deepEqual(complete(['create-token', '--client-secret', 'file://se'], dir), ['file://secret.txt']);
    // bash splits file://se at ':' (COMP_WORDBREAKS): the word being completed is //se.
    assert.deepEqual(complete(['create-token', '--client-secret', 'file', ':', '//s'], dir).sort(), ['//secret.txt', '//sub/']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// fish, for real too: `complete -C` asks fish what it would offer for a command line.
const hasFish = !spawnSync('fish', ['-c', 'exit 0']).error;

function fishComplete(line: string): string[] {
  const r = spawnSync('fish', ['--no-config', '-c', 'eval $SCRIPT; complete -C $LINE'], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'], SCRIPT: completionScript('fish'), LINE: line },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t')[0] as string);
}

test('fish completes commands, options and choices', { skip: hasFish ? false : 'fish is not installed' }, () => {
  assert.deepEqual(fishComplete('sso-oidc start-dev'), ['start-device-authorization']);
  assert.deepEqual(fishComplete('sso-oidc start-device-authorization --output ').sort(), [
    'json',
    'off',
    'table',
    'text',
    'yaml',
    'yaml-stream',
  ]);
  assert.deepEqual(fishComplete('sso-oidc start-device-authorization --color ').sort(), ['auto', 'off', 'on']);
  assert.ok(fishComplete('sso-oidc start-device-authorization --cli-').includes('--cli-read-timeout'));
  assert.ok(fishComplete('sso-oidc login --sso').includes('--sso-session'));
});

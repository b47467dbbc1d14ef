import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTRA_COMMANDS, GLOBAL_OPTIONS, OPERATION_OPTIONS } from '../../src/cli/spec.js';
import { completionScript } from '../../src/commands/completion.js';
import { UsageError } from '../../src/errors.js';
import { OPERATIONS } from '../../src/model/operations/index.js';
import { optionName } from '../../src/model/types.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
const COMMANDS = [...OPERATIONS.map((o) => o.cliName), ...EXTRA_COMMANDS];

/** How a flag is spelt in each script: `--client-id` (bash, zsh), `-l client-id` (fish). */
const spelt = (shell: string, flag: string): string => (shell === 'fish' ? `-l ${flag.slice(2)} ` : flag);

for (const shell of SHELLS) {
  test(`${shell}: every command, every option and the choices`, () => {
    const script = completionScript(shell);
    for (const name of COMMANDS) assert.match(script, new RegExp(`\\b${name}\\b`), name);
    const flags = [
      ...OPERATIONS.flatMap((o) => o.input.map(optionName)),
      ...OPERATION_OPTIONS.map((o) => o.flag),
      ...GLOBAL_OPTIONS.map((g) => g.flag),
    ];
    for (const flag of flags) assert.ok(script.includes(spelt(shell, flag)), flag);
    for (const words of ['json text table', 'on off auto', 'input output', 'bash zsh fish']) {
      assert.ok(script.includes(words), words);
    }
    assert.ok(script.includes(COMMANDS.join(' ')), 'help completes the command names');
    assert.doesNotMatch(script, /undefined|\[object/);
  });

  test(`${shell}: each operation completes its own options and the global ones`, () => {
    const script = completionScript(shell);
    for (const op of OPERATIONS) {
      const own = [...op.input.map(optionName), ...OPERATION_OPTIONS.map((o) => o.flag)];
      if (shell === 'bash') assert.ok(script.includes(`${op.cliName}) words="${own.join(' ')} $globals"`), op.cliName);
      if (shell === 'zsh') assert.ok(script.includes(`(${op.cliName}) opts=('${own[0]}:`) && script.includes('"${globals[@]}"'));
      if (shell === 'fish') for (const f of own) assert.ok(script.includes(`'__sso_oidc_is ${op.cliName}' -l ${f.slice(2)} `), f);
    }
  });

  test(`${shell}: the syntax check passes (${shell} -n)`, (t) => {
    if (spawnSync(shell, ['-c', 'exit 0']).error) {
      t.skip(`${shell} is not installed`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'sso-oidc-completion-'));
    try {
      const file = join(dir, `script.${shell}`);
      writeFileSync(file, completionScript(shell));
      const r = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('file paths: --ca-bundle completes files; bash and zsh complete file:// values', () => {
  assert.match(completionScript('bash'), /--ca-bundle\) _sso_oidc_files "\$cur" ""; return ;;/);
  assert.match(completionScript('bash'), /file:\/\/\*/);
  assert.match(completionScript('zsh'), /\(--ca-bundle\) _files; return ;;/);
  assert.match(completionScript('zsh'), /compset -P 'file:\/\/'; _files/);
  assert.match(completionScript('fish'), /-l ca-bundle -r -F /);
});

test('zsh: installable on $fpath as _sso-oidc, or sourced', () => {
  const script = completionScript('zsh');
  assert.ok(script.startsWith('#compdef sso-oidc\n'));
  assert.ok(script.includes('== _sso-oidc ]]; then _sso_oidc "$@"; else compdef _sso_oidc sso-oidc; fi'));
});

test('an unknown or missing shell: argparse Invalid choice for shell', () => {
  for (const shell of ['powershell', undefined, '']) {
    assert.throws(
      () => completionScript(shell),
      (e: unknown) =>
        e instanceof UsageError &&
        e.exitCode === 252 &&
        e.message.startsWith('argument shell: Invalid choice, valid choices are:\n\nbash') &&
        e.message.includes('fish'),
    );
  }
});

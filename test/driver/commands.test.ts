/**
 * The commands that send nothing, through main(argv, deps) in-process: no command, help (wrapped
 * to the terminal's width only on a terminal), completion, --version. Nothing ever reaches a
 * server: there is none.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runMain } from '../helpers/fake-deps.js';

const USAGE =
  'usage: sso-oidc [options] <command> [parameters]\nTo see help text, you can run:\n\n  sso-oidc help\n  sso-oidc <command> help\n';

describe('commands that send nothing, through main()', () => {
  test('no command: 252, the usage block and what is missing', async () => {
    assert.deepEqual(await runMain([]), {
      code: 252,
      stdout: '',
      stderr: `${USAGE}sso-oidc: error: the following arguments are required: command\n`,
    });
  });

  test('help: the overview and each command page on stdout, nothing on stderr', async () => {
    const overview = await runMain(['help']);
    assert.equal(overview.code, 0);
    assert.equal(overview.stderr, '');
    assert.match(overview.stdout, /^NAME\n {7}sso-oidc -/);
    for (const command of ['start-device-authorization', 'register-client', 'create-token', 'login']) {
      const page = await runMain([command, 'help']);
      assert.equal(page.code, 0, page.stderr);
      assert.equal(page.stderr, '');
      assert.match(page.stdout, new RegExp(`^NAME\\n {7}${command} -`));
      assert.deepEqual(await runMain([command, '--help']), page, '--help is help');
    }
  });

  test('help follows the terminal width on a terminal only; a pipe gets 80 columns', async () => {
    const argv = ['start-device-authorization', 'help'];
    const piped = await runMain(argv);
    assert.deepEqual(await runMain(argv, { stdoutTTY: true, columns: 80 }), piped);
    const narrow = await runMain(argv, { stdoutTTY: true, columns: 50 });
    const wide = await runMain(argv, { stdoutTTY: true, columns: 120 });
    assert.notEqual(narrow.stdout, piped.stdout);
    assert.notEqual(wide.stdout, piped.stdout);
    assert.ok(narrow.stdout.split('\n').length > piped.stdout.split('\n').length, 'narrower wraps more');
    assert.ok(wide.stdout.split('\n').length < piped.stdout.split('\n').length, 'wider wraps less');
    assert.deepEqual(await runMain(argv, { stdoutTTY: false, columns: 50 }), piped, 'columns count only on a terminal');
  });

  test('completion: a script for each shell; another shell is a usage error', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await runMain(['completion', shell]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /sso-oidc/);
      assert.match(r.stdout, /start-device-authorization/);
    }
    const bad = await runMain(['completion', 'tcsh']);
    assert.equal(bad.code, 252);
    assert.equal(bad.stdout, '');
    assert.match(
      bad.stderr,
      /^usage: sso-oidc .*\n[\s\S]*sso-oidc: error: argument shell: Invalid choice, valid choices are:\n\nbash +\| zsh +\nfish *\n$/,
    );
  });

  test('--version: package, Node and system, from deps.platform', async () => {
    const r = await runMain(['--version'], { platform: { version: '1.2.3', node: 'v24.1.0', system: 'Darwin', release: '24.0.0' } });
    assert.deepEqual(r, { code: 0, stdout: 'sso-oidc/1.2.3 Node.js/24.1.0 Darwin/24.0.0\n', stderr: '' });
  });
});

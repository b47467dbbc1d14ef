/**
 * answerQuick (src/cli/quick.ts), which start.ts asks before the CLI loads: for every invocation
 * it answers, the bytes main() writes for the same words; for everything else, nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerFileName, answerQuick, pipeAnswer, quickWords } from '../../src/cli/quick.js';
import { quickShaped } from '../../src/cli/quick-words.js';
import { commandNames, COMPLETION_SHELLS, SKELETON_CHOICES } from '../../src/cli/spec.js';
import type { OutStream } from '../../src/deps.js';
import { OPERATIONS } from '../../src/model/operations/index.js';
import { bufferedStream, runMain } from '../helpers/fake-deps.js';

const words = quickWords();

test('the words tried are every manual, completion script and input skeleton', () => {
  const seen = new Set(words.map((w) => w.join(' ')));
  assert.ok(seen.has('help'));
  for (const c of commandNames()) assert.ok(seen.has(`${c} help`), c);
  for (const s of COMPLETION_SHELLS) assert.ok(seen.has(`completion ${s}`), s);
  for (const o of OPERATIONS) {
    assert.ok(seen.has(`${o.cliName} --generate-cli-skeleton`), o.cliName);
    for (const choice of SKELETON_CHOICES) assert.ok(seen.has(`${o.cliName} --generate-cli-skeleton ${choice}`), choice);
  }
});

test('what it answers, it answers with main()’s bytes, on a pipe and on terminals of several widths', async () => {
  let answered = 0;
  for (const argv of words) {
    for (const [isTTY, columns] of [
      [false, undefined],
      [true, 40],
      [true, 80],
      [true, 132],
    ] as const) {
      const out = bufferedStream(isTTY, columns);
      const quick = answerQuick(argv, out);
      const r = await runMain(argv, { stdoutTTY: isTTY, ...(columns === undefined ? {} : { columns }) });
      if (!quick) {
        assert.equal(out.text, '', `${argv.join(' ')}: nothing written when not answered`);
        continue;
      }
      answered++;
      assert.equal(r.code, 0, argv.join(' '));
      assert.equal(r.stderr, '');
      assert.equal(out.text, r.stdout, `${argv.join(' ')} (${isTTY ? `terminal, ${columns} columns` : 'pipe'})`);
    }
  }
  // Every help, manual, completion and input skeleton. Left to main(): the output skeleton (a
  // response) and `help help`, `completion help` (their word, read by the parser).
  const expected = words.filter((w) => w[2] !== 'output' && !(w[1] === 'help' && ['help', 'completion'].includes(w[0] as string))).length;
  assert.equal(answered, expected * 4);
});

test('the output skeleton, other words and misspellings are left to main(), with nothing written', () => {
  for (const argv of [
    ['--version'],
    ['start-device-authorization', '--generate-cli-skeleton', 'output'],
    ['bogus', 'help'],
    ['completion', 'powershell'],
    ['completion'],
    ['help', 'start-device-authorization'],
    ['start-device-authorization', '--generate-cli-skeleton', 'inputs'],
    ['start-device-authorization', '--client-id', 'x'],
    [],
  ]) {
    const out = bufferedStream();
    assert.equal(answerQuick(argv, out), false, argv.join(' '));
    assert.equal(out.text, '', argv.join(' '));
  }
});

test('a write that fails is left to main(), which meets it again and reports it', () => {
  const failing: OutStream = {
    write: () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
    isTTY: false,
    columns: undefined,
  };
  assert.equal(answerQuick(['help'], failing), false);
});

test('the shapes start.ts tests before loading quick.cjs cover every word list it answers', () => {
  for (const argv of words) assert.ok(quickShaped(argv), argv.join(' '));
  for (const argv of [[], ['start-device-authorization'], ['login', '--sso-session', 'x'], ['a', 'b', 'c', 'd']]) {
    assert.ok(!quickShaped(argv), argv.join(' '));
  }
});

test('the answers the build stores (pipeAnswer) are main()’s bytes on a pipe, each under a name of its own', async () => {
  const names = new Set<string>();
  for (const argv of words) {
    const text = pipeAnswer(argv);
    if (text === undefined) continue;
    const r = await runMain(argv);
    assert.equal(text, r.stdout, argv.join(' '));
    const name = answerFileName(argv);
    assert.ok(name !== undefined && /^[a-z0-9+-]+\.txt$/.test(name) && !names.has(name), `${argv.join(' ')}: ${name}`);
    names.add(name);
  }
  assert.ok(names.size > 20, `${names.size} answers`);
  for (const argv of [['--version'], ['start-device-authorization', '--client-id', 'x'], ['../x', 'help'], ['.', 'help'], ['A', 'help']]) {
    assert.equal(answerFileName(argv), undefined, argv.join(' '));
  }
});

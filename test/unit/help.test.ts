import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCommandHelp } from '../../src/cli/help/manual.js';
import { helpWidth } from '../../src/cli/help/text.js';
import { parseArgv } from '../../src/cli/program.js';
import { EXTRA_COMMANDS, GLOBAL_OPTIONS, type CommandSpec } from '../../src/cli/spec.js';
import { renderHelp } from '../../src/commands/help.js';
import { EXIT, UsageError } from '../../src/errors.js';
import { OPERATIONS } from '../../src/model/operations/index.js';
import { optionName } from '../../src/model/types.js';

/** Whitespace collapsed, so wrapped text can be searched for a doc string. */
const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The lines of one section: from its heading to the next heading. */
function sectionOf(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `section ${heading} missing`);
  const end = lines.findIndex((l, i) => i > start && /^[A-Z]/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** Every paragraph of a doc string, whitespace collapsed (bullets keep their `* `). */
const paragraphs = (doc: string): string[] =>
  doc
    .split(/\n\s*\n/)
    .map(flat)
    .filter((p) => p !== '');

/** Lines pass the width only for an unbreakable word: a URL, or a line of one word. */
function assertFits(text: string, width: number, what: string): void {
  for (const line of text.split('\n')) {
    if (line.length <= width || /^\s*(\* )?\S+( \\)?$/.test(line)) continue;
    assert.match(line, /:\/\//, `${what}: line over ${width} columns, not a URL nor one word: ${JSON.stringify(line)}`);
  }
}

for (const op of OPERATIONS) {
  test(`${op.cliName}: OPTIONS has every member with its type and doc`, () => {
    const options = flat(sectionOf(renderHelp(op.cliName, undefined), 'OPTIONS').join('\n'));
    for (const m of op.input) {
      assert.ok(options.includes(`${optionName(m)} (${m.type})`), `${optionName(m)} (${m.type})`);
      for (const p of paragraphs(m.doc)) assert.ok(options.includes(p), `${m.name} doc: ${p}`);
      if (m.type === 'list') assert.ok(options.includes(`${optionName(m)} (list) `) && options.includes('Syntax: "string" "string" ...'));
    }
    for (const flag of ['--cli-input-json | --cli-input-yaml (string)', '--generate-cli-skeleton (string)'])
      assert.ok(options.includes(flag), flag);
  });

  test(`${op.cliName}: sections in the AWS order, plain text`, () => {
    const text = renderHelp(op.cliName, undefined);
    const headings = text.split('\n').filter((l) => /^[A-Z]/.test(l));
    assert.deepEqual(headings, ['NAME', 'DESCRIPTION', 'SYNOPSIS', 'OPTIONS', 'GLOBAL OPTIONS', 'EXAMPLES', 'OUTPUT']);
    assert.deepEqual(sectionOf(text, 'NAME'), [`       ${op.cliName} -`, '']);
    assert.equal(flat(sectionOf(text, 'DESCRIPTION').join(' ')), flat(op.doc));
    assert.ok(!text.includes(String.fromCharCode(27)) && !text.includes(String.fromCharCode(8)), 'no ANSI, no overstrike');
    assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
  });

  test(`${op.cliName}: synopsis lists members, then the skeleton options, then the global options`, () => {
    const synopsis = sectionOf(renderHelp(op.cliName, undefined), 'SYNOPSIS').filter((l) => l !== '');
    const value = (flag: string, kind: string): string => (kind === 'boolean' || kind === 'negated' ? flag : `${flag} <value>`);
    const expected = [
      `            ${op.cliName}`,
      ...op.input.map((m) => (m.required ? `${optionName(m)} <value>` : `[${optionName(m)} <value>]`)),
      '[--cli-input-json | --cli-input-yaml]',
      '[--generate-cli-skeleton <value>]',
      ...GLOBAL_OPTIONS.map((g) => `[${value(g.flag, g.kind)}]`),
    ];
    assert.deepEqual(
      synopsis,
      expected.map((l, i) => (i === 0 ? l : `          ${l}`)),
    );
  });

  test(`${op.cliName}: OUTPUT has the output members in model order, sensitive ones marked`, () => {
    const out = sectionOf(renderHelp(op.cliName, undefined), 'OUTPUT');
    const heads = out.filter((l) => /^ {7}\S/.test(l)).map((l) => l.trim());
    assert.deepEqual(
      heads,
      op.output.map((m) => `${m.name} -> (${m.type})`),
    );
    const blocks = out.join('\n').split(/\n(?= {7}\S)/);
    op.output.forEach((m, i) => {
      const block = flat(blocks[i] ?? '');
      for (const p of paragraphs(m.doc)) assert.ok(block.includes(p), `${m.name}: ${p}`);
      assert.equal(block.includes('This value is sensitive: treat it as a secret.'), m.sensitive === true, m.name);
    });
  });

  test(`${op.cliName}: EXAMPLES has each example's title, command and output`, () => {
    const examples = sectionOf(renderHelp(op.cliName, undefined), 'EXAMPLES').join('\n');
    for (const e of op.examples) {
      assert.ok(flat(examples).includes(flat(e.title)));
      assert.ok(flat(examples.replace(/ \\\n/g, ' ')).includes(flat(e.command)), e.command);
      for (const line of e.output?.split('\n') ?? []) assert.ok(examples.includes(`          ${line}`), line);
    }
  });

  test(`${op.cliName}: lines fit the width (URLs excepted)`, () => {
    for (const columns of [undefined, 50, 60, 80, 100, 200]) {
      assertFits(renderHelp(op.cliName, columns), helpWidth(columns), `${op.cliName} at ${String(columns)}`);
    }
  });
}

test('start-device-authorization: the synopsis is the AWS CLI one (less --v2-debug)', () => {
  const synopsis = sectionOf(renderHelp('start-device-authorization', undefined), 'SYNOPSIS');
  assert.deepEqual(synopsis.slice(0, 7), [
    '            start-device-authorization',
    '          --client-id <value>',
    '          --client-secret <value>',
    '          --start-url <value>',
    '          [--cli-input-json | --cli-input-yaml]',
    '          [--generate-cli-skeleton <value>]',
    '          [--debug]',
  ]);
});

test('global options: each with its type, doc and choices, as the AWS manual lays them out', () => {
  const globals = sectionOf(renderHelp('register-client', undefined), 'GLOBAL OPTIONS');
  const text = flat(globals.join('\n'));
  for (const g of GLOBAL_OPTIONS) {
    const type = g.kind === 'integer' ? 'int' : g.kind === 'boolean' || g.kind === 'negated' ? 'boolean' : 'string';
    assert.ok(text.includes(`${g.flag} (${type}) ${flat(g.doc)}`), g.flag);
    for (const c of 'choices' in g ? g.choices : []) assert.ok(globals.includes(`       * ${c}`), `${g.flag} ${c}`);
  }
  assert.ok(text.includes('--output (string) The formatting style for command output. * json * text * table'));
});

test('width: the terminal columns, at most 100, 80 when not a TTY', () => {
  assert.equal(helpWidth(undefined), 80);
  assert.equal(helpWidth(0), 80);
  assert.equal(helpWidth(60), 60);
  assert.equal(helpWidth(250), 100);
  const wide = renderHelp('create-token', 250);
  assert.ok(
    wide.split('\n').some((l) => l.length > 80 && !l.includes('://')),
    'wider text at 100 columns',
  );
});

test('overview: what sso-oidc is, every command, the global options, exit codes, see also', () => {
  const text = renderHelp(undefined, undefined);
  const headings = text.split('\n').filter((l) => /^[A-Z]/.test(l));
  assert.deepEqual(headings, ['NAME', 'DESCRIPTION', 'SYNOPSIS', 'AVAILABLE COMMANDS', 'GLOBAL OPTIONS', 'EXIT CODES', 'SEE ALSO']);
  assert.ok(text.includes('          sso-oidc [options] <command> [parameters]\n'));
  const commands = sectionOf(text, 'AVAILABLE COMMANDS');
  const names = commands.filter((l) => /^ {7}\S/.test(l)).map((l) => l.trim());
  assert.deepEqual(names, [...OPERATIONS.map((o) => o.cliName), ...EXTRA_COMMANDS]);
  const flatCommands = flat(commands.join('\n'));
  for (const op of OPERATIONS) {
    const first = /^.*?\.(?= |$)/.exec(flat(op.doc))?.[0] ?? '';
    assert.ok(flatCommands.includes(`${op.cliName} ${first}`), op.cliName);
  }
  assert.ok(
    flatCommands.includes(
      'login Sign in to IAM Identity Center and write the token cache the AWS CLI v2 and SDKs read (~/.aws/sso/cache, as `aws sso login` does).',
    ),
  );
  assert.ok(flatCommands.includes('logout Remove cached IAM Identity Center access tokens, as `aws sso logout` does:'));
  assert.ok(flatCommands.includes('completion Print a shell completion script (bash, zsh, fish).'));
  for (const g of GLOBAL_OPTIONS) assert.ok(flat(sectionOf(text, 'GLOBAL OPTIONS').join('\n')).includes(g.flag));
  const codes = sectionOf(text, 'EXIT CODES')
    .filter((l) => /^ {7}\d/.test(l))
    .map((l) => Number(l.trim().split(' ')[0]));
  assert.deepEqual(codes, Object.values(EXIT));
  assert.ok(flat(sectionOf(text, 'SEE ALSO').join('\n')).includes('sso-oidc <command> help'));
  for (const columns of [undefined, 50, 80, 120]) assertFits(renderHelp(undefined, columns), helpWidth(columns), 'overview');
});

test('login, logout, completion and help have manuals', () => {
  assert.match(renderHelp('login', undefined), /^NAME\n {7}login -\n\nDESCRIPTION\n {7}Sign in to IAM Identity Center/);
  assert.match(renderHelp('logout', undefined), /^NAME\n {7}logout -\n\nDESCRIPTION\n {7}Remove cached IAM Identity Center access tokens/);
  assert.ok(renderHelp('logout', undefined).includes('[--sso-session <value>]'));
  assert.ok(renderHelp('login', undefined).includes('GLOBAL OPTIONS'));
  const completion = renderHelp('completion', undefined);
  for (const shell of ['bash', 'zsh', 'fish']) assert.ok(completion.includes(`          * ${shell}\n`), shell);
  assert.ok(completion.includes('            completion\n          <shell>\n'));
  assert.ok(!completion.includes('GLOBAL OPTIONS'));
  assert.ok(renderHelp('help', undefined).includes('          [<command>]\n'));
  for (const name of EXTRA_COMMANDS) assertFits(renderHelp(name, 80), 80, name);
});

test('renderCommandHelp: any command spec plugs in', () => {
  const d: CommandSpec = {
    name: 'demo',
    doc: 'Does a demo.',
    options: [
      { flag: '--start-url', kind: 'string', required: true, doc: 'Where to start.' },
      { flag: '--no-browser', kind: 'negated', doc: 'Print the URL instead of opening it.' },
    ],
    globals: false,
    examples: [{ title: 'To demo', command: 'sso-oidc demo --start-url https://x.example/start' }],
    output: [],
  };
  const text = renderCommandHelp(d, 80);
  assert.deepEqual(sectionOf(text, 'SYNOPSIS'), ['            demo', '          --start-url <value>', '          [--no-browser]', '']);
  assert.ok(text.includes('       --no-browser (boolean)\n          Print the URL instead of opening it.\n'));
  assert.deepEqual(sectionOf(text, 'OUTPUT'), ['       None', '']);
});

test("an unknown command: the parser's UsageError, with its suggestion", () => {
  let parserError: unknown;
  try {
    parseArgv(['start-device-authorisation']);
  } catch (e) {
    parserError = e;
  }
  assert.ok(parserError instanceof UsageError);
  assert.throws(
    () => renderHelp('start-device-authorisation', undefined),
    (e: unknown) => e instanceof UsageError && e.message === parserError.message && e.message.includes('* start-device-authorization'),
  );
  assert.throws(() => renderHelp('', undefined), UsageError);
});

test("the parser routes every help form to renderHelp's command argument", () => {
  assert.deepEqual(parseArgv(['help']), { kind: 'help', command: undefined });
  assert.deepEqual(parseArgv(['help', 'create-token']), { kind: 'help', command: 'create-token' });
  assert.deepEqual(parseArgv(['create-token', 'help']), { kind: 'help', command: 'create-token' });
  for (const argv of [['help'], ['help', 'create-token'], ['create-token', 'help']]) {
    const inv = parseArgv(argv);
    assert.equal(inv.kind, 'help');
    if (inv.kind === 'help') assert.ok(renderHelp(inv.command, undefined).startsWith('NAME\n'));
  }
});

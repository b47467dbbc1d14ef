/**
 * One command's manual, in the AWS CLI's layout and order: NAME, DESCRIPTION, SYNOPSIS, OPTIONS,
 * GLOBAL OPTIONS, EXAMPLES, OUTPUT. Plain text, wrapped to the terminal.
 */
import type { Member } from '../../model/types.js';
import { GLOBAL_OPTIONS, isFlag, type CommandSpec, type OptionSpec, type PositionalSpec } from '../spec.js';
import { at, BODY, commandLines, DOC, docLines, helpWidth, literalLines, section } from './text.js';

const SENSITIVE = 'This value is sensitive: treat it as a secret.';

const TYPE_WORDS: Record<OptionSpec['kind'], string> = {
  boolean: 'boolean',
  negated: 'boolean',
  string: 'string',
  choice: 'string',
  integer: 'int',
  list: 'list',
};

/** The type the manual shows in brackets: string, list, int, boolean (members: integer, long). */
const typeWord = (o: OptionSpec): string => o.helpType ?? TYPE_WORDS[o.kind];

/** `--client-id <value>`, `[--scopes <value>]`, `[--debug]`. */
function synopsisWord(o: OptionSpec): string {
  const word = isFlag(o) ? o.flag : `${o.flag} <value>`;
  return o.required ? word : `[${word}]`;
}

/** `<shell>`, `[<command>]`. */
const positionalWord = (p: PositionalSpec): string => (p.required ? `<${p.name}>` : `[<${p.name}>]`);

/** A run of options of one group becomes one: `--cli-input-json | --cli-input-yaml`, the first's doc. */
function grouped(options: readonly OptionSpec[]): OptionSpec[] {
  const out: OptionSpec[] = [];
  for (const o of options) {
    const last = out.at(-1);
    if (o.group !== undefined && last?.group === o.group) out[out.length - 1] = { ...last, flag: `${last.flag} | ${o.flag}` };
    else out.push(o);
  }
  return out;
}

function synopsis(d: CommandSpec): string[] {
  const word = (o: OptionSpec): string => (o.group !== undefined && o.flag.includes(' | ') ? `[${o.flag}]` : synopsisWord(o));
  const words = [
    ...(d.positional ? [positionalWord(d.positional)] : []),
    ...grouped([...d.options, ...(d.globals ? GLOBAL_OPTIONS : [])]).map(word),
  ];
  return [at(BODY + 5, d.name), ...words.map((w) => at(DOC, w))];
}

/** `--scopes (list)`, the doc, and for lists the element type and the AWS "Syntax:" block. */
function optionEntry(o: OptionSpec, width: number): string[] {
  // A grouped header (`--cli-input-json | --cli-input-yaml (string)`) may need to wrap.
  const lines = [...docLines(`${o.flag} (${typeWord(o)})`, BODY, width), ...docLines(o.doc, DOC, width)];
  if (o.kind === 'list') lines.push('', at(DOC, '(string)'), '', at(BODY, 'Syntax:'), '', at(DOC, '"string" "string" ...'));
  return lines;
}

/** `shell (string)`, the doc, and the words it takes. */
function positionalEntry(p: PositionalSpec, width: number): string[] {
  return [at(BODY, `${p.name} (string)`), ...docLines(p.doc, DOC, width), ...p.choices.flatMap((c) => ['', at(DOC, `* ${c}`)])];
}

/** A global option as the AWS manual shows it: flag (type), a blank line, the doc, its choices. */
function globalEntry(o: OptionSpec, width: number): string[] {
  const lines = [at(BODY, `${o.flag} (${typeWord(o)})`), '', ...docLines(o.doc, BODY, width)];
  for (const c of o.choices ?? []) lines.push('', at(BODY, `* ${c}`));
  return lines;
}

function entries<T>(items: readonly T[], render: (item: T) => string[]): string[] {
  return items.flatMap((item, i) => (i === 0 ? render(item) : ['', ...render(item)]));
}

/** The OPTIONS section's body ("None" when the command has none). */
function optionsBody(d: CommandSpec, width: number): string[] {
  const blocks = [...(d.positional ? [positionalEntry(d.positional, width)] : []), ...grouped(d.options).map((o) => optionEntry(o, width))];
  return blocks.length === 0 ? [at(BODY, 'None')] : entries(blocks, (b) => b);
}

/** The GLOBAL OPTIONS section's body. */
export function globalsBody(width: number): string[] {
  return entries(GLOBAL_OPTIONS, (o) => globalEntry(o, width));
}

function examplesBody(d: CommandSpec, width: number): string[] {
  return entries(d.examples, (e) => [
    ...docLines(e.title, BODY, width),
    '',
    ...commandLines(e.command, DOC, width),
    ...(e.output === undefined ? [] : ['', at(BODY, 'Output:'), '', ...literalLines(e.output, DOC)]),
  ]);
}

function outputEntry(m: Member, width: number): string[] {
  const lines = [at(BODY, `${m.name} -> (${m.type})`), ...docLines(m.doc, DOC, width)];
  if (m.type === 'list') lines.push('', at(DOC, '(string)'));
  if (m.sensitive) lines.push('', ...docLines(SENSITIVE, DOC, width));
  return lines;
}

function outputBody(members: readonly Member[], width: number): string[] {
  return members.length === 0 ? [at(BODY, 'None')] : entries(members, (m) => outputEntry(m, width));
}

/** The manual of one command (its spec: spec.ts), as plain text ending in a newline. */
export function renderCommandHelp(d: CommandSpec, columns: number | undefined): string {
  const width = helpWidth(columns);
  const out = [
    ...section('NAME', [at(BODY, `${d.name} -`)]),
    ...section('DESCRIPTION', docLines(d.doc, BODY, width)),
    ...section('SYNOPSIS', synopsis(d)),
    ...section('OPTIONS', optionsBody(d, width)),
  ];
  if (d.globals) out.push(...section('GLOBAL OPTIONS', globalsBody(width)));
  if (d.examples.length > 0) out.push(...section('EXAMPLES', examplesBody(d, width)));
  if (d.output !== undefined) out.push(...section('OUTPUT', outputBody(d.output, width)));
  return out.join('\n');
}

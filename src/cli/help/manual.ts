/**
 * One command's manual, in the AWS CLI's layout and order: NAME, DESCRIPTION, SYNOPSIS, OPTIONS,
 * GLOBAL OPTIONS, EXAMPLES, OUTPUT. Plain text, wrapped to the terminal.
 */
import type { Member } from '../../model/types.js';
import { globalHelpOptions, type HelpDescriptor, type HelpOption } from './commands.js';
import { at, BODY, commandLines, DOC, docLines, helpWidth, literalLines, section } from './text.js';

const SENSITIVE = 'This value is sensitive: treat it as a secret.';

/** `--client-id <value>`, `[--scopes <value>]`, `[--debug]`, `<shell>`. */
function synopsisWord(o: HelpOption): string {
  const word = o.positional ? `<${o.flag}>` : o.value === 'none' ? o.flag : `${o.flag} <value>`;
  return o.required ? word : `[${word}]`;
}

/** A run of options of one group becomes one: `--cli-input-json | --cli-input-yaml`, the first's doc. */
function grouped(options: readonly HelpOption[]): HelpOption[] {
  const out: HelpOption[] = [];
  for (const o of options) {
    const last = out.at(-1);
    if (o.group !== undefined && last?.group === o.group) out[out.length - 1] = { ...last, flag: `${last.flag} | ${o.flag}` };
    else out.push(o);
  }
  return out;
}

function synopsis(d: HelpDescriptor): string[] {
  const options = [...d.options, ...(d.globals ? globalHelpOptions() : [])];
  const word = (o: HelpOption): string => (o.group !== undefined && o.flag.includes(' | ') ? `[${o.flag}]` : synopsisWord(o));
  return [at(BODY + 5, d.name), ...grouped(options).map((o) => at(DOC, word(o)))];
}

/** `--scopes (list)`, the doc, and for lists the element type and the AWS "Syntax:" block. */
function optionEntry(o: HelpOption, width: number): string[] {
  // A grouped header (`--cli-input-json | --cli-input-yaml (string)`) may need to wrap.
  const lines = [...docLines(`${o.flag} (${o.type})`, BODY, width), ...docLines(o.doc, DOC, width)];
  if (o.positional && o.choices) lines.push(...o.choices.flatMap((c) => ['', at(DOC, `* ${c}`)]));
  if (o.type === 'list') lines.push('', at(DOC, '(string)'), '', at(BODY, 'Syntax:'), '', at(DOC, '"string" "string" ...'));
  return lines;
}

/** A global option as the AWS manual shows it: flag (type), a blank line, the doc, its choices. */
function globalEntry(o: HelpOption, width: number): string[] {
  const lines = [at(BODY, `${o.flag} (${o.type})`), '', ...docLines(o.doc, BODY, width)];
  for (const c of o.choices ?? []) lines.push('', at(BODY, `* ${c}`));
  return lines;
}

function entries<T>(items: readonly T[], render: (item: T) => string[]): string[] {
  return items.flatMap((item, i) => (i === 0 ? render(item) : ['', ...render(item)]));
}

/** The OPTIONS section's body ("None" when the command has none). */
export function optionsBody(options: readonly HelpOption[], width: number): string[] {
  return options.length === 0 ? [at(BODY, 'None')] : entries(grouped(options), (o) => optionEntry(o, width));
}

/** The GLOBAL OPTIONS section's body. */
export function globalsBody(width: number): string[] {
  return entries(globalHelpOptions(), (o) => globalEntry(o, width));
}

function examplesBody(d: HelpDescriptor, width: number): string[] {
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

/**
 * The manual of one command, as plain text ending in a newline. Operations come through
 * `operationHelp`; login and the other commands have descriptors of their own.
 */
export function renderCommandHelp(d: HelpDescriptor, columns: number | undefined): string {
  const width = helpWidth(columns);
  const out = [
    ...section('NAME', [at(BODY, `${d.name} -`)]),
    ...section('DESCRIPTION', docLines(d.doc, BODY, width)),
    ...section('SYNOPSIS', synopsis(d)),
    ...section('OPTIONS', optionsBody(d.options, width)),
  ];
  if (d.globals) out.push(...section('GLOBAL OPTIONS', globalsBody(width)));
  if (d.examples.length > 0) out.push(...section('EXAMPLES', examplesBody(d, width)));
  if (d.output !== undefined) out.push(...section('OUTPUT', outputBody(d.output, width)));
  return out.join('\n');
}

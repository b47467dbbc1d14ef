/**
 * Plain-text layout for the manuals: word wrap to the terminal, the AWS manual's indents, shell
 * commands broken with `\` continuations. No ANSI, no overstrike.
 */

/** Section body indent, as in the AWS CLI manual. */
export const BODY = 7;
/** Option documentation indent, as in the AWS CLI manual. */
export const DOC = 10;
/** The narrowest text column we wrap to, however small the terminal. */
const MIN_TEXT = 20;

/** The manual's width: the terminal's columns (80 when not a TTY), at most 100. */
export function helpWidth(columns: number | undefined): number {
  const cols = columns !== undefined && columns > 0 ? columns : 80;
  return Math.min(cols, 100);
}

function pad(n: number): string {
  return ' '.repeat(n);
}

/**
 * Greedy word wrap of one paragraph. The first line starts at `indent`, the others at
 * `indent + hang`. A word longer than the line (a URL) gets a line of its own.
 */
export function wrap(text: string, indent: number, width: number, hang = 0): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  let lead = indent;
  for (const word of words) {
    const limit = Math.max(width, lead + MIN_TEXT);
    if (line !== '' && line.length + 1 + word.length <= limit) {
      line += ' ' + word;
      continue;
    }
    if (line !== '') {
      lines.push(line);
      lead = indent + hang;
    }
    line = pad(lead) + word;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * A documentation string: paragraphs separated by blank lines; a paragraph starting with `* ` is
 * a bullet, wrapped with a hanging indent.
 */
export function docLines(doc: string, indent: number, width: number): string[] {
  const out: string[] = [];
  for (const para of doc.split(/\n\s*\n/)) {
    if (para.trim() === '') continue;
    if (out.length > 0) out.push('');
    const bullet = /^\s*[*-] /.test(para);
    out.push(...wrap(bullet ? '* ' + para.trim().slice(2) : para, indent, width, bullet ? 2 : 0));
  }
  return out;
}

/** Shell words, keeping quoted strings whole. */
function shellWords(command: string): string[] {
  return command.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? [];
}

/** Words grouped so an option (or a redirection) stays on the line of its value: `--start-url https://...`. */
function shellUnits(command: string): string[][] {
  const units: string[][] = [];
  for (const word of shellWords(command)) {
    const last = units[units.length - 1];
    const prev = last?.[last.length - 1];
    const binds = prev !== undefined && (prev.startsWith('--') || prev === '>' || prev === '>>');
    if (last && last.length === 1 && binds && !word.startsWith('-')) last.push(word);
    else units.push([word]);
  }
  return units;
}

/**
 * A shell command as a code block, broken between words with ` \` so it fits `width`; an option
 * and its value stay together when they fit on one line.
 */
export function commandLines(command: string, indent: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const limit = (): number => Math.max(width, (lines.length === 0 ? indent : indent + 4) + MIN_TEXT) - 2;
  const add = (text: string): void => {
    if (line !== '' && line.length + 1 + text.length <= limit()) {
      line += ' ' + text;
      return;
    }
    if (line !== '') lines.push(line + ' \\');
    line = pad(lines.length === 0 ? indent : indent + 4) + text;
  };
  for (const unit of shellUnits(command)) {
    const text = unit.join(' ');
    if (unit.length > 1 && indent + 4 + text.length > limit()) unit.forEach(add);
    else add(text);
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `term` then `text` wrapped beside it: `252  Usage or parameter error...`. */
export function hanging(term: string, text: string, indent: number, termWidth: number, width: number): string[] {
  const lines = wrap(text, indent + termWidth, width);
  return lines.map((l, i) => (i === 0 ? pad(indent) + term.padEnd(termWidth) + l.trimStart() : l));
}

/** Literal lines (JSON output), indented, never wrapped. */
export function literalLines(text: string, indent: number): string[] {
  return text.split('\n').map((l) => (l === '' ? '' : pad(indent) + l));
}

/** The first sentence of a documentation string. */
export function firstSentence(doc: string): string {
  const para = doc.split(/\n\s*\n/)[0] ?? '';
  const m = /^(.*?[.!?])(?=\s|$)/s.exec(para.trim());
  return (m?.[1] ?? para).replace(/\s+/g, ' ').trim();
}

/** A section: its heading at column 0 in capitals, the body, and a blank line. */
export function section(heading: string, body: readonly string[]): string[] {
  return [heading.toUpperCase(), ...body, ''];
}

/** `text` at the body indent. */
export function at(indent: number, text: string): string {
  return pad(indent) + text;
}

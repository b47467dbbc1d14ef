/**
 * The shared config/credentials file format, parsed the way botocore does it: Python's
 * configparser.RawConfigParser (strict, `=` and `:` delimiters, `#`/`;` whole-line comments,
 * indented continuation lines, a `[DEFAULT]` section inherited by every section, lower-cased
 * keys), then botocore's `raw_config_parse`, which turns a value that starts with a newline into
 * a nested sub-section (`s3 =\n  addressing_style = path`).
 */
import { ConfigError } from '../errors.js';
import { PY_SPACE_CLASS, pyFileLines, pyRstrip, pySplitlines, pyStrip } from '../value/pytext.js';

/** A setting: a string, or a nested sub-section whose keys keep their case (botocore's quirk). */
export type ConfigValue = string | ReadonlyMap<string, string>;
export type Section = ReadonlyMap<string, ConfigValue>;
/** Section name (as written between the brackets) → its settings, in file order. */
export type RawIni = ReadonlyMap<string, Section>;

const SECTION_RE = /^\[([^\n]+)\]/;
const OPTION_RE = new RegExp(`^([^\\n]*?)[${PY_SPACE_CLASS}]*(=|:)[${PY_SPACE_CLASS}]*([^\\n]*)$`);
const DEFAULT_SECTION = 'DEFAULT';
const NON_WS = new RegExp(`[^${PY_SPACE_CLASS}]`);

/** Index of the first non-whitespace character (configparser's NONSPACECRE), 0 when none. */
export function indentOf(line: string): number {
  const m = NON_WS.exec(line);
  return m ? m.index : 0;
}

/** Thrown for any configparser error; the caller turns it into botocore's message. */
class IniSyntaxError extends Error {}

type Lines = Map<string, string[]>;

interface ReadState {
  sections: Map<string, Lines>;
  defaults: Lines;
  added: Set<string>;
  cursect: Lines | undefined;
  sectname: string;
  optname: string | undefined;
  indent: number;
  bad: boolean;
}

/**
 * Parses file bytes. A file botocore could not read (bad UTF-8, a BOM — Python's utf-8 codec keeps
 * it, so the first header does not match — or any configparser error) gives ConfigError
 * `Unable to parse config file: <path>`.
 */
export function parseIniBytes(bytes: Uint8Array, path: string): RawIni {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    throw parseError(path, cause);
  }
  return parseIni(text, path);
}

/** Parses file text; see parseIniBytes. */
export function parseIni(text: string, path: string): RawIni {
  try {
    const st = readSections(text);
    const out = new Map<string, Section>();
    for (const [name, lines] of st.sections) out.set(name, finishSection(lines, st.defaults));
    return out;
  } catch (cause) {
    throw parseError(path, cause);
  }
}

function parseError(path: string, cause: unknown): ConfigError {
  return new ConfigError(`Unable to parse config file: ${path}`, { cause });
}

/** configparser's `_read`, line by line. */
function readSections(text: string): ReadState {
  const st: ReadState = {
    sections: new Map(),
    defaults: new Map(),
    added: new Set(),
    cursect: undefined,
    sectname: '',
    optname: undefined,
    indent: 0,
    bad: false,
  };
  for (const line of pyFileLines(text)) readLine(st, line);
  if (st.bad) throw new IniSyntaxError('Source contains parsing errors');
  return st;
}

function readLine(st: ReadState, line: string): void {
  const stripped = pyStrip(line);
  const comment = stripped.startsWith('#') || stripped.startsWith(';');
  const value = comment ? '' : stripped;
  if (!value) {
    // A blank line (not a comment) inside a value is kept: it becomes a newline when joined.
    if (!comment && st.optname !== undefined) st.cursect?.get(st.optname)?.push('');
    return;
  }
  const indent = indentOf(line);
  const current = st.optname === undefined ? undefined : st.cursect?.get(st.optname);
  if (current && indent > st.indent) {
    current.push(value);
    return;
  }
  st.indent = indent;
  const header = SECTION_RE.exec(value);
  if (header) return openSection(st, header[1] ?? '');
  if (!st.cursect) throw new IniSyntaxError('File contains no section headers.');
  readOption(st, st.cursect, value);
}

function openSection(st: ReadState, name: string): void {
  const existing = st.sections.get(name);
  if (existing) {
    if (st.added.has(name)) throw new IniSyntaxError(`section ${JSON.stringify(name)} already exists`);
    st.cursect = existing;
  } else if (name === DEFAULT_SECTION) {
    st.cursect = st.defaults;
  } else {
    st.cursect = new Map();
    st.sections.set(name, st.cursect);
  }
  st.added.add(name);
  st.sectname = name;
  st.optname = undefined; // so a section cannot start with a continuation line
}

function readOption(st: ReadState, sect: Lines, value: string): void {
  const m = OPTION_RE.exec(value);
  if (!m) {
    st.bad = true; // configparser collects these and raises after the last line
    return;
  }
  const rawName = m[1] ?? '';
  if (!rawName) st.bad = true;
  const name = pyRstrip(rawName).toLowerCase();
  const key = `${st.sectname}\u0000${name}`;
  if (st.added.has(key)) throw new IniSyntaxError(`option ${JSON.stringify(name)} already exists`);
  st.added.add(key);
  sect.set(name, [pyStrip(m[3] ?? '')]);
  st.optname = name;
}

/** Joins continuation lines and applies `[DEFAULT]`, then botocore's nested-value parsing. */
function finishSection(lines: Lines, defaults: Lines): Section {
  const out = new Map<string, ConfigValue>();
  const names = [...lines.keys(), ...[...defaults.keys()].filter((k) => !lines.has(k))];
  for (const name of names) {
    const raw = lines.get(name) ?? defaults.get(name) ?? [];
    const joined = pyRstrip(raw.join('\n'));
    out.set(name, joined.startsWith('\n') ? parseNested(joined) : joined);
  }
  return out;
}

/** botocore's `_parse_nested`: `key = value` lines, keys not lower-cased; a line without `=` is an error. */
function parseNested(value: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const rawLine of pySplitlines(value)) {
    const line = pyStrip(rawLine);
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new IniSyntaxError('not enough values to unpack (expected 2, got 1)');
    out.set(pyStrip(line.slice(0, eq)), pyStrip(line.slice(eq + 1)));
  }
  return out;
}

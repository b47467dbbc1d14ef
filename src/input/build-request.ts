/**
 * Build request: command-line members over --cli-input-json, then botocore's validation
 * (missing, unknown, then type errors), all before anything is sent.
 */
import { ParamError } from '../errors.js';
import type { Member, OperationDescription } from '../model/types.js';
import { optionName } from '../model/types.js';
import { isSecretKey, maskSecretsInJsonText } from '../debug/redact.js';
import { parsePyJson, PyJsonError } from '../value/pyjson.js';
import { pyStr, pyTypeName } from '../value/pystr.js';
import type { Value, ValueMap } from '../value/types.js';
import { BinaryValue, loadParamValue, type PyObjectValue, type ParamFileIo } from './param-file.js';

/** A request member's value: JSON-like data, bytes (fileb://, !!binary) or a Python object from YAML. */
type RequestValue = Value | BinaryValue | PyObjectValue;
export type Request = Map<string, RequestValue>;

/** What --cli-input-json / --cli-input-yaml were given (raw: file:// not yet loaded). */
export interface CliInput {
  json?: string;
  yaml?: string;
}

/** Loads --cli-input-yaml text (src/input/cli-input-yaml.ts; imported only when it is given). */
export type YamlLoader = (text: string) => RequestValue;

/** Parses --cli-input-json (already loaded from file:// when so given). */
export function parseCliInputJson(text: string): ValueMap {
  let value: Value;
  try {
    value = parsePyJson(text);
  } catch (e) {
    if (!(e instanceof PyJsonError)) throw e;
    throw new ParamError(
      `Error parsing parameter 'cli-input-json': Invalid JSON: ${e.message}\nJSON received: ${maskSecretsInJsonText(text)}`,
      {
        // AWS CLI v2 (customizations/cliinput.py) says less, and never echoes the input.
        v2: { message: "Error parsing parameter 'cli-input-json': Invalid JSON received." },
      },
    );
  }
  if (!(value instanceof Map)) {
    throw new ParamError(
      `Error parsing parameter 'cli-input-json': Invalid JSON: the input must be a JSON object, not ${pyTypeName(value) === 'list' ? 'a list' : `a ${pyTypeName(value)}`}`,
      {
        v2: { message: `Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class '${pyTypeName(value)}'>` },
      },
    );
  }
  return value;
}

/** A list option's words: one JSON array, or the words typed (a file:// value is split on white space). */
async function listValue(member: Member, words: readonly string[], io: ParamFileIo): Promise<RequestValue> {
  const flag = optionName(member);
  const loaded: (string | BinaryValue)[] = [];
  for (const w of words) loaded.push(await loadParamValue(flag, w, io));
  if (loaded.some((v) => v instanceof BinaryValue)) return loaded.find((v) => v instanceof BinaryValue) as BinaryValue;
  const texts = loaded as string[];
  if (texts.length === 1) {
    const only = (texts[0] as string).trim();
    if (only.startsWith('[')) {
      try {
        return parsePyJson(only);
      } catch (e) {
        throw new ParamError(`Error parsing parameter '${flag}': Invalid JSON:\n${only}`, { cause: e });
      }
    }
    if (words[0]?.startsWith('file://')) return only.split(/\s+/).filter((w) => w.length > 0);
  }
  return texts;
}

/** The file:// or inline text of a --cli-input-* value. */
async function inputText(flag: string, value: string, io: ParamFileIo): Promise<string> {
  const loaded = await loadParamValue(flag, value, io);
  return loaded instanceof BinaryValue ? loaded.bytes.toString('utf-8') : loaded;
}

/** The --cli-input-yaml document: a mapping, as v2 requires. */
function yamlInput(text: string, loadYaml: YamlLoader): Map<string, RequestValue> {
  const value = loadYaml(text);
  if (!(value instanceof Map)) {
    throw new ParamError(
      `Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class '${pyTypeName(value)}'>`,
    );
  }
  return value;
}

/**
 * Command-line members (model order), then the --cli-input-json or --cli-input-yaml keys (their
 * order): as the AWS CLI sends them. Options on the command line win over the input's keys.
 * `cliInputs` as a string is --cli-input-json's value.
 */
export async function buildRequest(
  op: OperationDescription,
  typed: Record<string, string | string[]>,
  cliInputs: CliInput | string | undefined,
  io: ParamFileIo,
  loadYaml?: YamlLoader,
): Promise<Request> {
  const cliInput: CliInput = typeof cliInputs === 'string' ? { json: cliInputs } : (cliInputs ?? {});
  const request: Request = new Map();
  for (const member of op.input) {
    const raw = typed[member.name];
    if (raw === undefined) continue;
    request.set(member.name, Array.isArray(raw) ? await listValue(member, raw, io) : await loadParamValue(optionName(member), raw, io));
  }
  if (cliInput.json !== undefined && cliInput.yaml !== undefined) {
    // v2's ParamSyntaxError, raised before either input is read.
    throw new ParamError('Only one --cli-input- parameter may be specified.');
  }
  let input: Map<string, RequestValue> | undefined;
  if (cliInput.json !== undefined) input = parseCliInputJson(await inputText('--cli-input-json', cliInput.json, io));
  if (cliInput.yaml !== undefined) {
    if (loadYaml === undefined) throw new Error('buildRequest: --cli-input-yaml needs its loader');
    input = yamlInput(await inputText('--cli-input-yaml', cliInput.yaml, io), loadYaml);
  }
  for (const [k, v] of input ?? []) if (!request.has(k)) request.set(k, v);
  return request;
}

function shown(member: Member | undefined, key: string, value: RequestValue): string {
  if (member?.sensitive || isSecretKey(key)) return '***';
  return pyStr(value);
}

function typeError(member: Member | undefined, name: string, value: RequestValue, valid: string): string {
  const type = pyTypeName(value);
  return `Invalid type for parameter ${name}, value: ${shown(member, name, value)}, type: <class '${type}'>, valid types: ${valid}`;
}

function typeErrors(member: Member, value: RequestValue): string[] {
  if (member.type === 'string') {
    return typeof value === 'string' ? [] : [typeError(member, member.name, value, "<class 'str'>")];
  }
  if (member.type === 'list') {
    if (!Array.isArray(value)) return [typeError(member, member.name, value, "<class 'list'>, <class 'tuple'>")];
    return (value as RequestValue[]).flatMap((item, i) =>
      typeof item === 'string' ? [] : [typeError(member, `${member.name}[${i}]`, item, "<class 'str'>")],
    );
  }
  const isInt = typeof value === 'bigint';
  return isInt ? [] : [typeError(member, member.name, value, "<class 'int'>")];
}

/** botocore's ParamValidator: missing, then unknown, then type errors. Throws ParamError. */
export function validateRequest(op: OperationDescription, request: Request): void {
  const problems: string[] = [];
  for (const m of op.input) {
    if (m.required && !request.has(m.name)) problems.push(`Missing required parameter in input: "${m.name}"`);
  }
  const names = op.input.map((m) => m.name);
  const known: [Member, RequestValue][] = [];
  for (const [key, value] of request) {
    const member = op.input.find((m) => m.name === key);
    if (member === undefined) problems.push(`Unknown parameter in input: "${key}", must be one of: ${names.join(', ')}`);
    else known.push([member, value]);
  }
  for (const [member, value] of known) problems.push(...typeErrors(member, value));
  if (problems.length > 0) throw new ParamError(`Parameter validation failed:\n${problems.join('\n')}`);
}

/** The validated request as the SDK takes it: strings and string arrays. */
export function toSdkInput(request: Request): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of request) out[k] = v;
  return out;
}

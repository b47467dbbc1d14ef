/**
 * botocore's reading of an error response (status >= 300), so that the code and message we print
 * are the AWS CLI's, never the JS SDK's ("UnknownError"). Sources, botocore 1.43:
 * `parsers.py` ResponseParser.parse / _is_generic_error_response / BaseJSONParser._do_error_parse /
 * RestJSONParser._inject_error_code, `handlers.py` _map_oauth2_errors (sso-oidc only), and
 * `exceptions.py` ClientError (defaults 'Unknown').
 */
import { STATUS_CODES } from 'node:http';
import { MODELED_ERRORS } from '../model/errors.js';
import { parsePyJson } from '../value/pyjson.js';
import { pyStr } from '../value/pystr.js';
import type { Value, ValueMap } from '../value/types.js';
import { dictGet as get, isTruthy } from '../value/types.js';

/** The `(code)` and message of "An error occurred (code) when calling ...: message". */
export interface ErrorFields {
  code: string;
  message: string;
}

/** A body as botocore's _parse_body_as_json sees it: empty → {}, not JSON → {'message': text}. */
type ParsedBody = { kind: 'map'; map: ValueMap } | { kind: 'other'; text: string };

/** Python's http.client.responses where it differs from Node's table (5xx only matters here). */
const PY_REASON_OVERRIDES: Readonly<Record<number, string>> = { 509: '' };

/** The reason phrase Python would print for a status (empty for unknown ones). */
export function reasonPhrase(status: number): string {
  return PY_REASON_OVERRIDES[status] ?? STATUS_CODES[status] ?? '';
}

/**
 * Code and message for an error response, exactly as the AWS CLI prints them.
 * `headers` must have lower-case names (as Node gives them).
 */
export function parseErrorResponse(status: number, headers: Readonly<Record<string, string>>, body: Buffer): ErrorFields {
  // status 300 is parsed as a success by botocore, which then raises ClientError with no Error.
  if (status < 301) return { code: 'Unknown', message: 'Unknown' };
  if (isGenericError(status, body)) return { code: String(status), message: reasonPhrase(status) };
  const parsed = parseBody(body);
  if (parsed.kind === 'other') {
    // JSON that is not an object (an array, a string, null): botocore crashes with
    // "'list' object has no attribute 'get'". We print the body verbatim as the message instead,
    // as it does for a non-JSON body, so the user sees what the server said and the error code.
    return { code: headerCode(headers) ?? String(status), message: parsed.text };
  }
  const body2 = mapOAuth2Errors(parsed.map);
  const message = get(body2, 'message', get(body2, 'Message', ''));
  return { code: errorCode(status, headers, body2), message: pyStr(message) };
}

/**
 * The error code the retry rules look at: botocore's parsed `Error.Code`, which does not exist
 * for a status below 301 (parsed as a success).
 */
export function retryErrorCode(status: number, headers: Readonly<Record<string, string>>, body: Buffer): string | undefined {
  if (status < 301) return undefined;
  return parseErrorResponse(status, headers, body).code;
}

/** status >= 500 with an empty body or one starting with `<html>` (after stripping blanks). */
function isGenericError(status: number, body: Buffer): boolean {
  if (status < 500) return false;
  const text = body.toString('latin1').replace(/^[ \t\n\r\v\f]+|[ \t\n\r\v\f]+$/g, '');
  return text.length === 0 || text.startsWith('<html>');
}

function parseBody(body: Buffer): ParsedBody {
  if (body.length === 0) return { kind: 'map', map: new Map() };
  // botocore decodes strictly and would crash on invalid UTF-8; we substitute U+FFFD instead.
  const text = body.toString('utf8');
  let value: Value;
  try {
    value = parsePyJson(text);
  } catch {
    return { kind: 'map', map: new Map([['message', text]]) };
  }
  return value instanceof Map ? { kind: 'map', map: value } : { kind: 'other', text };
}

/** handlers._map_oauth2_errors: error_description becomes Message when no message is set. */
function mapOAuth2Errors(body: ValueMap): ValueMap {
  const description = get(body, 'error_description', null);
  if (!isTruthy(description)) return body;
  if (isTruthy(get(body, 'Message', get(body, 'message', null)))) return body;
  return new Map([...body, ['Message', description]]);
}

/** Header, else body code/Code, else body __type, else the status: each stripped of `:…` and `…#`. */
function errorCode(status: number, headers: Readonly<Record<string, string>>, body: ValueMap): string {
  const fromHeader = headerCode(headers);
  if (fromHeader !== undefined) return fromHeader;
  if (body.has('code') || body.has('Code')) {
    const code = get(body, 'code', get(body, 'Code', ''));
    if (code !== null) return typeof code === 'string' ? stripCode(code) : pyStr(code);
  }
  const type = get(body, '__type', String(status));
  return typeof type === 'string' ? stripCode(type) : pyStr(type);
}

function headerCode(headers: Readonly<Record<string, string>>): string | undefined {
  const value = headers['x-amzn-errortype'];
  return value === undefined ? undefined : stripCode(value);
}

/** "com.amazon#Foo:http://..." → "Foo". */
function stripCode(code: string): string {
  const beforeColon = code.split(':', 1)[0] ?? '';
  return beforeColon.slice(beforeColon.lastIndexOf('#') + 1);
}

/**
 * AWS CLI v2's reading of the same error response, for its structured error formats: its
 * botocore has no OAuth2 mapping (the message is `message`/`Message` or ''), and the fields are
 * Message and Code (Code then Message for a generic 5xx), then the members of the modeled error
 * shape present in the body, in model order (endpoint._add_modeled_error_fields, filtered as
 * errorhandler.ClientErrorHandler does).
 */
export function parseErrorResponseV2(
  status: number,
  headers: Readonly<Record<string, string>>,
  body: Buffer,
): { message: string; info: ValueMap } {
  if (status < 301)
    return {
      message: 'Unknown',
      info: new Map([
        ['Message', 'Unknown'],
        ['Code', 'Unknown'],
      ]),
    };
  if (isGenericError(status, body)) {
    const message = reasonPhrase(status);
    return {
      message,
      info: new Map<string, Value>([
        ['Code', String(status)],
        ['Message', message],
      ]),
    };
  }
  const parsed = parseBody(body);
  if (parsed.kind === 'other') {
    // v2 crashes here ("'list' object has no attribute 'get'"); we keep the body as the message.
    const code = headerCode(headers) ?? String(status);
    return {
      message: parsed.text,
      info: new Map<string, Value>([
        ['Message', parsed.text],
        ['Code', code],
      ]),
    };
  }
  const map = parsed.map;
  const messageValue = get(map, 'message', get(map, 'Message', ''));
  const message = typeof messageValue === 'string' ? messageValue : pyStr(messageValue);
  const code = errorCode(status, headers, map);
  const info = new Map<string, Value>([
    ['Message', messageValue],
    ['Code', code],
  ]);
  for (const member of MODELED_ERRORS[code] ?? []) {
    const v = map.get(member);
    if (v !== undefined && v !== null) info.set(member, v);
  }
  return { message, info };
}

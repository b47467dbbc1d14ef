/**
 * Shape a successful response the way botocore's rest-json parser does: members in model order,
 * unknown wire members and nulls dropped, integer members through Python's int(), string members
 * passed through untouched. The raw bytes come from the SDK's transport (src/aws/send.ts).
 */
import { CliError, EXIT } from '../errors.js';
import type { Member, OperationDescription } from '../model/types.js';
import { parsePyJson } from '../value/pyjson.js';
import { PyException } from '../value/pyexception.js';
import { pyInt } from '../value/pynum.js';
import { pyTypeName } from '../value/pystr.js';
import type { Value, ValueMap } from '../value/types.js';

function shapeMember(member: Member, value: Value): Value {
  if (member.type !== 'integer' && member.type !== 'long') return value;
  try {
    return pyInt(value);
  } catch (e) {
    if (e instanceof PyException) throw new CliError(e.message, EXIT.other);
    throw e;
  }
}

/** Raw 2xx body -> the response the AWS CLI would format. */
export function shapeResponse(op: OperationDescription, body: Buffer): ValueMap {
  if (body.length === 0) return new Map();
  let parsed: Value;
  try {
    parsed = parsePyJson(body.toString('utf-8'));
  } catch {
    return new Map(); // botocore keeps a non-JSON body as {"message": ...}, which is no output member
  }
  if (!(parsed instanceof Map)) {
    throw new CliError(
      `Unable to parse the ${op.name} response: expected a JSON object, received ${pyTypeName(parsed) === 'NoneType' ? 'null' : `a ${pyTypeName(parsed)}`}`,
      EXIT.other,
    );
  }
  const out: ValueMap = new Map();
  for (const member of op.output) {
    const value = parsed.get(member.name);
    if (value !== undefined && value !== null) out.set(member.name, shapeMember(member, value));
  }
  return out;
}

/**
 * Shape a successful response the way botocore's rest-json parser does: members in model order,
 * unknown wire members and nulls dropped, integer members through Python's int(), string members
 * passed through untouched. The raw bytes come from the SDK's transport (src/aws/send.ts).
 */
import { CliError, EXIT } from '../errors.js';
import type { Member, OperationDescription } from '../model/types.js';
import { PyException } from '../value/exception.js';
import { parsePyJson, PyJsonDepthError } from '../value/pyjson.js';
import { pyInt } from '../value/pynum.js';
import { pyTypeName } from '../value/pystr.js';
import type { Value, ValueMap } from '../value/types.js';

/** botocore's parser runs int() on integer members; its exception ends the command (exit 255). */
function shapeMember(member: Member, value: Value): Value {
  if (member.type === 'structure' && value instanceof Map) return shapeMembers(member.members ?? [], value);
  if (member.type !== 'integer' && member.type !== 'long') return value;
  try {
    return pyInt(value);
  } catch (e) {
    if (e instanceof PyException) throw new CliError(e.message, EXIT.other, { cause: e });
    throw e;
  }
}

/** Model members in model order; unknown wire members and nulls dropped. */
function shapeMembers(members: readonly Member[], parsed: ValueMap): ValueMap {
  const out: ValueMap = new Map();
  for (const member of members) {
    const value = parsed.get(member.name);
    if (value !== undefined && value !== null) out.set(member.name, shapeMember(member, value));
  }
  return out;
}

/** Raw 2xx body -> the response the AWS CLI would format. */
export function shapeResponse(op: OperationDescription, body: Buffer): ValueMap {
  if (body.length === 0) return new Map();
  let parsed: Value;
  try {
    parsed = parsePyJson(body.toString('utf-8'));
  } catch (e) {
    // The AWS CLI v1 dies of a RecursionError on such a body (exit 255): fail, do not print nothing.
    if (e instanceof PyJsonDepthError) throw new CliError(`Unable to parse the ${op.name} response: ${e.message}`, EXIT.other);
    return new Map(); // botocore keeps a non-JSON body as {"message": ...}, which is no output member
  }
  if (!(parsed instanceof Map)) {
    throw new CliError(
      `Unable to parse the ${op.name} response: expected a JSON object, received ${pyTypeName(parsed) === 'NoneType' ? 'null' : `a ${pyTypeName(parsed)}`}`,
      EXIT.other,
    );
  }
  return shapeMembers(op.output, parsed);
}

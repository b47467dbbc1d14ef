/** --generate-cli-skeleton, as botocore's ArgumentGenerator writes them. */
import type { Member, OperationDescription } from '../model/types.js';
import type { Value, ValueMap } from '../value/types.js';

function inputSample(m: Member): Value {
  if (m.type === 'list') return [''];
  if (m.type === 'string') return '';
  return 0n;
}

/** `input`: every member with an empty value, in model order. */
export function inputSkeleton(op: OperationDescription): ValueMap {
  return new Map(op.input.map((m) => [m.name, inputSample(m)]));
}

function outputSample(m: Member): Value {
  if (m.type === 'structure') return new Map((m.members ?? []).map((x) => [x.name, outputSample(x)]));
  if (m.type === 'list') return [m.elementShape ?? m.name];
  if (m.type === 'string') return m.name;
  return 0n;
}

/** `output`: strings carry their member name, numbers are 0 (the AWS CLI's stubbed response). */
export function outputSkeleton(op: OperationDescription): ValueMap {
  return new Map(op.output.map((m) => [m.name, outputSample(m)]));
}

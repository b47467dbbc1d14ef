/** --generate-cli-skeleton, as botocore's ArgumentGenerator writes them. */
import type { Member, OperationDescription } from '../model/types.js';
import { dumpPyJson } from '../value/pyjson.js';
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

/** awscli.customizations.utils.get_shape_doc_overview: the text up to the first '.' or ':', plus '.'. */
function docOverview(doc: string): string {
  const first = doc.split(/[.:]+/, 1)[0] ?? '';
  return (first === '' ? '' : first + '.').replace(/[\n\u2028]/g, ' ');
}

/**
 * `yaml-input` (AWS CLI v2): every member with an empty value and its documentation's first
 * sentence as an end-of-line comment, in model order, as ruamel.yaml's round-trip dumper writes
 * it (its first comment sits two spaces after the value, the others one).
 */
export function yamlInputSkeleton(op: OperationDescription): string {
  return op.input
    .map((m, i) => {
      const comment = `# ${m.required ? '[REQUIRED] ' : ''}${docOverview(m.doc)}`;
      const gap = i === 0 ? '  ' : ' ';
      if (m.type === 'list') return `${m.name}:${gap}${comment}\n- ''\n`;
      return `${m.name}: ${m.type === 'string' ? "''" : '0'}${gap}${comment}\n`;
    })
    .join('');
}

/**
 * What `--generate-cli-skeleton CHOICE` prints for the input skeletons, which depend on the model
 * alone: `input` as the AWS CLI's json.dumps(indent=4), `yaml-input` as above. Undefined for
 * `output`, which is a response and goes through the configuration and the formatters.
 */
export function skeletonText(op: OperationDescription, choice: string): string | undefined {
  if (choice === 'input') return dumpPyJson(inputSkeleton(op), { indent: 4 }) + '\n';
  if (choice === 'yaml-input') return yamlInputSkeleton(op);
  return undefined;
}

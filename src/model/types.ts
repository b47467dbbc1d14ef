/**
 * One description per operation drives its options, validation, skeletons, help and output member
 * order. The descriptions (src/model/operations/*.ts) are data only.
 */

/** A list member is a list of strings: the only kind this service has; a structure (output only) has members. */
export type MemberType = 'string' | 'integer' | 'long' | 'list' | 'structure';

export interface Member {
  /** API name, camelCase as on the wire: clientId. */
  name: string;
  type: MemberType;
  /** For lists: the element shape's name (the output skeleton's sample value), e.g. Scope. */
  elementShape?: string;
  /** For structures (output only): the members, in model order. */
  members?: readonly Member[];
  required?: boolean;
  /** The model's `sensitive` trait: never logged, never echoed in errors. */
  sensitive?: boolean;
  /** Plain-text documentation, from the AWS API reference. */
  doc: string;
}

export interface OperationDescription {
  /** API name: StartDeviceAuthorization. Also the table title. */
  name: string;
  /** CLI name: start-device-authorization. */
  cliName: string;
  /** The request URI as the model gives it (a query string included: `/token?aws_iam=t`). */
  http: { method: 'POST'; path: string };
  /** 'sigv4': signed with the caller's credentials (CreateTokenWithIAM); absent: unsigned (smithy.api#noAuth). */
  auth?: 'sigv4';
  doc: string;
  /** Input members in model order. */
  input: readonly Member[];
  /** Output members in model order. */
  output: readonly Member[];
  /** Examples for help: a title, the command line, and the output it prints. */
  examples: readonly { title: string; command: string; output?: string }[];
}

/** --client-id for clientId. */
export function optionName(member: Member): string {
  return '--' + member.name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

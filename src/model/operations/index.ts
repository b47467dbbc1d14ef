import type { OperationDescription } from '../types.js';
import { createToken } from './create-token.js';
import { createTokenWithIam } from './create-token-with-iam.js';
import { registerClient } from './register-client.js';
import { startDeviceAuthorization } from './start-device-authorization.js';

/** The service's operations, in the order the AWS CLI lists them. */
export const OPERATIONS: readonly OperationDescription[] = [createToken, createTokenWithIam, registerClient, startDeviceAuthorization];

export function findOperation(cliName: string): OperationDescription | undefined {
  return OPERATIONS.find((op) => op.cliName === cliName);
}

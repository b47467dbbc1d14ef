import type { OperationDescription } from '../types.js';
import { createToken } from './create-token.js';
import { registerClient } from './register-client.js';
import { startDeviceAuthorization } from './start-device-authorization.js';

/** The service's operations, in the order the AWS CLI lists them. */
export const OPERATIONS: readonly OperationDescription[] = [createToken, registerClient, startDeviceAuthorization];

export function findOperation(cliName: string): OperationDescription | undefined {
  return OPERATIONS.find((op) => op.cliName === cliName);
}

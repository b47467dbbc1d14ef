/**
 * The device authorization grant (RFC 8628) as the AWS CLI v2 runs it: RegisterClient (or a
 * cached registration), StartDeviceAuthorization, then CreateToken every `interval` seconds —
 * AuthorizationPending keeps polling, SlowDown adds 5 s, ExpiredToken ends it. Unlike the AWS CLI
 * we also stop on our own clock once the authorization's `expiresIn` has passed, and whatever
 * the server says, two polls are at least 1 s apart and none waits past the expiry.
 * Everything outside (the service, the clock, sleeping, printing) comes in through DeviceFlowIo.
 */
import { CliError, EXIT, ServiceError } from '../errors.js';
import type { OperationDescription } from '../model/types.js';
import { createToken } from '../model/operations/create-token.js';
import { registerClient } from '../model/operations/register-client.js';
import { startDeviceAuthorization } from '../model/operations/start-device-authorization.js';
import { MAX_TIMER_MS } from '../timer.js';
import type { ValueMap } from '../value/types.js';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const SLOW_DOWN_SECONDS = 5;
const DEFAULT_INTERVAL = 5;

export interface DeviceFlowIo {
  /** Sends an operation and returns the shaped response (throws ServiceError etc.). */
  call(op: OperationDescription, input: Record<string, unknown>): Promise<ValueMap>;
  now(): Date;
  sleep(ms: number): Promise<void>;
  /** Tells the user where to go: URL and code (stderr). */
  prompt(authorization: Authorization): Promise<void>;
  /** Before each wait: when the authorization expires and the interval now in use (it grows after a SlowDown). */
  waiting?(deadlineMs: number, intervalSeconds: number): void;
}

const MIN_GAP_MS = 1000;

export interface Authorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string | undefined;
  expiresIn: number;
  interval: number;
}

export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
  refreshToken: string | undefined;
}

const str = (m: ValueMap, k: string): string | undefined => {
  const v = m.get(k);
  return typeof v === 'string' ? v : undefined;
};
const int = (m: ValueMap, k: string): number | undefined => {
  const v = m.get(k);
  return typeof v === 'bigint' ? Number(v) : undefined;
};

function missing(op: string, member: string): CliError {
  return new CliError(`The ${op} response has no ${member}.`, EXIT.other);
}

export async function registerDeviceClient(io: Pick<DeviceFlowIo, 'call'>, clientName: string, scopes: string[] | undefined) {
  const r = await io.call(registerClient, { clientName, clientType: 'public', ...(scopes && scopes.length > 0 ? { scopes } : {}) });
  const clientId = str(r, 'clientId');
  const clientSecret = str(r, 'clientSecret');
  if (clientId === undefined || clientSecret === undefined) throw missing('RegisterClient', 'clientId or clientSecret');
  return { clientId, clientSecret, clientSecretExpiresAt: int(r, 'clientSecretExpiresAt') ?? 0 };
}

export async function startAuthorization(
  io: DeviceFlowIo,
  client: { clientId: string; clientSecret: string },
  startUrl: string,
): Promise<Authorization> {
  const r = await io.call(startDeviceAuthorization, { ...client, startUrl });
  const deviceCode = str(r, 'deviceCode');
  const userCode = str(r, 'userCode');
  const verificationUri = str(r, 'verificationUri');
  if (deviceCode === undefined || userCode === undefined || verificationUri === undefined) {
    throw missing('StartDeviceAuthorization', 'deviceCode, userCode or verificationUri');
  }
  return {
    deviceCode,
    userCode,
    verificationUri,
    verificationUriComplete: str(r, 'verificationUriComplete'),
    expiresIn: int(r, 'expiresIn') ?? 600,
    interval: int(r, 'interval') ?? DEFAULT_INTERVAL,
  };
}

/** Polls CreateToken until the user approves, denies, or the authorization expires. */
export async function pollForToken(
  io: DeviceFlowIo,
  client: { clientId: string; clientSecret: string },
  auth: Authorization,
): Promise<IssuedToken> {
  let interval = Number.isFinite(auth.interval) ? Math.max(auth.interval, 1) : DEFAULT_INTERVAL;
  const deadline =
    io.now().getTime() + (Number.isFinite(auth.expiresIn) && auth.expiresIn > 0 ? Math.min(auth.expiresIn, 1e9) : 600) * 1000;
  for (;;) {
    try {
      const r = await io.call(createToken, { ...client, grantType: DEVICE_GRANT, deviceCode: auth.deviceCode });
      return issuedToken(r);
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      if (e.code === 'SlowDownException') interval += SLOW_DOWN_SECONDS;
      else if (e.code === 'ExpiredTokenException') throw expired();
      else if (e.code !== 'AuthorizationPendingException') throw e;
    }
    const left = deadline - io.now().getTime();
    if (left < MIN_GAP_MS) throw expired();
    io.waiting?.(deadline, interval);
    await io.sleep(Math.min(Math.max(interval * 1000, MIN_GAP_MS), left, MAX_TIMER_MS));
  }
}

/** A CreateToken response as login keeps it. */
export function issuedToken(r: ValueMap): IssuedToken {
  const accessToken = str(r, 'accessToken');
  if (accessToken === undefined) throw missing('CreateToken', 'accessToken');
  return { accessToken, expiresIn: int(r, 'expiresIn') ?? 3600, refreshToken: str(r, 'refreshToken') };
}

export { str as stringMember, int as integerMember };

function expired(): CliError {
  return new CliError(
    'The pending authorization to retrieve an SSO token has expired. The device authorization flow to retrieve an SSO token must be restarted.',
    EXIT.other,
  );
}

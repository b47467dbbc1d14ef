/** The SDK client of one call, wired to our handler, retry strategy and capture middleware. */
import {
  CreateTokenCommand,
  CreateTokenWithIAMCommand,
  type CreateTokenWithIAMCommandInput,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
  type CreateTokenCommandInput,
  type RegisterClientCommandInput,
  type ServiceInputTypes,
  type ServiceOutputTypes,
  type StartDeviceAuthorizationCommandInput,
} from '@aws-sdk/client-sso-oidc';
import type { ResolvedConfig } from '../config/types.js';
import type { OperationDescription } from '../model/types.js';
import type { AttemptRecord } from './capture.js';
import { captureMiddleware } from './capture.js';
import type { ConnectionState } from './socket.js';
import { SendHandler } from './handler.js';
import type { BotocoreRetryStrategy } from './retry.js';
import type { SendOptions } from './send-options.js';
import type { PreparedTransport } from './settings.js';
import { operationPath, userAgentPairs } from './settings.js';

type AnyCommand = Parameters<SSOOIDCClient['send']>[0];

/** The SDK command for an operation; input keys are the model's member names, as the SDK's. */
export function makeCommand(op: OperationDescription, input: Record<string, unknown>): AnyCommand {
  switch (op.name) {
    case 'StartDeviceAuthorization':
      return new StartDeviceAuthorizationCommand(input as unknown as StartDeviceAuthorizationCommandInput) as AnyCommand;
    case 'RegisterClient':
      return new RegisterClientCommand(input as unknown as RegisterClientCommandInput) as AnyCommand;
    case 'CreateToken':
      return new CreateTokenCommand(input as unknown as CreateTokenCommandInput) as AnyCommand;
    case 'CreateTokenWithIAM':
      return new CreateTokenWithIAMCommand(input as unknown as CreateTokenWithIAMCommandInput) as AnyCommand;
    default:
      throw new Error(`no SDK command for operation ${op.name}`);
  }
}

/** Values of the operation's sensitive input members: scrubbed from every debug line. */
/** The values of the request's sensitive members (clientSecret, deviceCode, refreshToken, ...). */
export function secretValues(op: OperationDescription, input: Record<string, unknown>): string[] {
  return op.input
    .filter((m) => m.sensitive)
    .flatMap((m) => {
      const v = input[m.name];
      return typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    });
}

/** Everything a call's client is made of. */
export interface ClientParts {
  op: OperationDescription;
  input: Record<string, unknown>;
  config: ResolvedConfig;
  options: SendOptions;
  transport: PreparedTransport;
  strategy: BotocoreRetryStrategy;
  attempts: AttemptRecord[];
  connection: ConnectionState;
}

/** A fresh SSOOIDCClient for one call (destroy it afterwards: that closes its sockets). */
export function createClient(p: ClientParts): SSOOIDCClient {
  const { config, options } = p;
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  const client = new SSOOIDCClient({
    // `--region ''` with an endpoint: the AWS CLI sends the call (the region names nothing on the
    // wire of these unsigned operations, the endpoint is given); the SDK refuses an empty region.
    region: config.region === '' ? 'us-east-1' : config.region,
    endpoint: config.endpoint.url,
    maxAttempts: config.retry.maxAttempts,
    retryStrategy: p.strategy,
    // Everything the SDK would otherwise look up in the environment or ~/.aws is given here.
    retryMode: config.retry.mode === 'adaptive' ? 'adaptive' : 'standard',
    defaultsMode: 'legacy',
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    authSchemePreference: [],
    userAgentAppId: () => Promise.resolve(config.userAgentAppId),
    customUserAgent: userAgentPairs(options.userAgent),
    requestHandler: new SendHandler({ ...p.transport.settings, state: p.connection, ...signal }),
    // The signed operation gets exactly the credentials resolved for it (never the SDK's own
    // lookup); without them (--no-sign-request) every operation goes out unsigned.
    ...(options.credentials === undefined
      ? { httpAuthSchemeProvider: () => [{ schemeId: 'smithy.api#noAuth' }] }
      : { credentials: options.credentials }),
  });
  const capture = captureMiddleware<ServiceInputTypes, ServiceOutputTypes>({
    attempts: p.attempts,
    connection: p.connection,
    log: options.log,
    secrets: secretValues(p.op, p.input),
    endpointQuery: new URL(config.endpoint.url).searchParams,
    // The model's query string (`?aws_iam=t`) is the SDK's to send: it is signed with the path.
    path: operationPath(config.endpoint.url, p.op.http.path.split('?')[0] as string),
    ...(p.transport.settings.proxy ? { maskedProxy: p.transport.settings.proxy.masked } : {}),
    ...signal,
  });
  // Deserialize step, low priority: inside the SDK's deserializer, right next to the handler.
  client.middlewareStack.add(capture, { step: 'deserialize', priority: 'low', name: 'ssoOidcCaptureMiddleware' });
  return client;
}

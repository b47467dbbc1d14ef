/**
 * The send layer: one operation through @aws-sdk/client-sso-oidc, with botocore's retries,
 * error wording, timeouts, TLS trust and proxies. Callers import this module lazily (it loads
 * the SDK). The result is the raw 2xx response; everything else is a typed CliError.
 */
import type { AwsCredentialIdentity } from '@smithy/types';
import type { ResolvedConfig } from '../config/types.js';
import type { DebugLog } from '../debug/log.js';
import { InterruptedError, ServiceError, TransportError } from '../errors.js';
import type { OperationDescription } from '../model/types.js';
import type { AttemptRecord } from './capture.js';
import { createClient, makeCommand } from './client.js';
import { ConnectionState } from './connection.js';
import { parseErrorResponse, parseErrorResponseV2, retryErrorCode } from './error-response.js';
import { abortableSleep, type AttemptOutcome, BotocoreRetryStrategy } from './retry.js';
import { logSettings, operationUrl, prepareTransport } from './settings.js';
import type { ReadFile } from './tls.js';

/** A 2xx response exactly as received. Header names are lower-case. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  attempts: number;
}

export interface SendOptions {
  /** Aborted on Ctrl-C: the request or back-off sleep stops and InterruptedError is thrown. */
  signal?: AbortSignal;
  /** For a SigV4 operation (op.auth): the credentials to sign with; absent, it is sent unsigned (--no-sign-request). */
  credentials?: AwsCredentialIdentity;
  log: DebugLog;
  /** One-line warnings to stderr (e.g. TLS verification disabled); called at most once per call. */
  warn: (text: string) => void;
  /** e.g. "sso-oidc/0.1.0 md/foo#1": space-separated name/version tokens. */
  userAgent: string;
  /** Internal (tests, Deps): the random source of the back-off jitter. Default Math.random. */
  random?: () => number;
  /** Internal (tests, Deps): the abortable back-off sleep. Default a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Reads the CA bundle (Deps.fs.readFile). */
  readFile: ReadFile;
}

/** The last attempt as the retry rules see it. */
function outcomeOf(a: AttemptRecord | undefined): AttemptOutcome | undefined {
  if (a?.response) return { type: 'response', status: a.response.status, code: retryErrorCode(a.response.status, a.response.headers, a.response.body) };
  if (a?.failure) return { type: 'failure', kind: a.failure.kind };
  return undefined;
}

/**
 * Sends one operation through @aws-sdk/client-sso-oidc; resolves with the raw 2xx response
 * (body bytes untouched), or throws ServiceError / TransportError / InterruptedError.
 */
export async function sendOperation(
  op: OperationDescription,
  input: Record<string, unknown>,
  config: ResolvedConfig,
  options: SendOptions,
): Promise<RawResponse> {
  if (options.signal?.aborted) throw new InterruptedError();
  const command = makeCommand(op, input);
  const url = operationUrl(config.endpoint.url, op.http.path);
  const transport = prepareTransport(config, url, options);
  logSettings(options.log, config, transport);
  const attempts: AttemptRecord[] = [];
  const connection = new ConnectionState();
  const strategy = new BotocoreRetryStrategy({
    mode: config.retry.mode,
    maxAttempts: config.retry.maxAttempts,
    lastOutcome: () => outcomeOf(attempts.at(-1)),
    log: options.log,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    random: options.random ?? Math.random,
    sleep: options.sleep ?? abortableSleep,
  });
  const client = createClient({ op, input, config, options, transport, strategy, attempts, connection });
  let sdkError: unknown;
  try {
    await client.send(command, options.signal ? { abortSignal: options.signal } : {});
  } catch (e) {
    sdkError = e;
  } finally {
    client.destroy();
  }
  if (options.signal?.aborted) {
    options.log.debug('send', 'Interrupted.');
    throw new InterruptedError();
  }
  return finish(op, attempts, strategy.maxAttemptsReached, options.log, sdkError);
}

/** The call's result from the last attempt's record: the SDK's own view is never used. */
function finish(op: OperationDescription, attempts: AttemptRecord[], maxReached: boolean, log: DebugLog, sdkError: unknown): RawResponse {
  const last = attempts.at(-1);
  const n = attempts.length;
  if (last?.response && last.response.status < 300) {
    const { status, headers, body } = last.response;
    log.debug('send', `Outcome: HTTP ${status} after ${n} attempt(s).`);
    return { status, headers, body, attempts: n };
  }
  if (last?.response) {
    const { status, headers, body } = last.response;
    const { code, message } = parseErrorResponse(status, headers, body);
    const error = new ServiceError({
      code,
      operation: op.name,
      message,
      httpStatus: status,
      ...(maxReached ? { maxRetriesReached: n - 1 } : {}),
      v2: parseErrorResponseV2(status, headers, body),
    });
    log.debug('send', `Outcome: service error after ${n} attempt(s): ${error.message}`);
    throw error;
  }
  if (last?.failure) {
    log.debug('send', `Outcome: transport error after ${n} attempt(s): ${last.failure.message}`);
    throw new TransportError(last.failure.message, { cause: last.failure });
  }
  // The SDK failed before sending anything (e.g. it could not build the request).
  const why = sdkError instanceof Error ? sdkError.message : String(sdkError);
  log.debug('send', `Outcome: no request was sent: ${why}`);
  throw new TransportError(`An HTTP Client raised an unhandled exception: ${why}`, { cause: sdkError });
}

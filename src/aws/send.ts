/**
 * The send layer: one operation through @aws-sdk/client-sso-oidc, with botocore's retries,
 * error wording, timeouts, TLS trust and proxies. Callers import this module lazily (it loads
 * the SDK). The result is the raw 2xx response; everything else is a typed CliError.
 */
import type { ResolvedConfig } from '../config/types.js';
import type { DebugLog } from '../debug/log.js';
import { InterruptedError, ServiceError, TransportError } from '../errors.js';
import type { OperationDescription } from '../model/types.js';
import type { AttemptRecord } from './capture.js';
import { scrubSecrets } from '../debug/redact.js';
import { createClient, makeCommand, secretValues } from './client.js';
import { ConnectionState } from './socket.js';
import { parseErrorResponse, parseErrorResponseV2, retryErrorCode } from './error-response.js';
import { abortableSleep, type AttemptOutcome, BotocoreRetryStrategy } from './retry.js';
import { logSettings, operationUrl, prepareTransport, unparsableEndpoint } from './settings.js';
import type { SendOptions } from './send-options.js';
import type { Value, ValueMap } from '../value/types.js';

/** Every string in a value (keys too) through `scrub`. */
function scrubValue(v: Value, scrub: (text: string) => string): Value {
  if (typeof v === 'string') return scrub(v);
  if (Array.isArray(v)) return v.map((x) => scrubValue(x, scrub));
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [scrub(k), scrubValue(x, scrub)]));
  return v;
}

/** A 2xx response exactly as received. Header names are lower-case. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  attempts: number;
}

/** The last attempt as the retry rules see it. */
function outcomeOf(a: AttemptRecord | undefined): AttemptOutcome | undefined {
  if (a?.response)
    return { type: 'response', status: a.response.status, code: retryErrorCode(a.response.status, a.response.headers, a.response.body) };
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
  const unparsable = unparsableEndpoint(config.endpoint.url, op.http.path);
  if (unparsable) {
    options.log.debug('send', `Outcome: no request was sent: ${unparsable.message}`);
    throw unparsable;
  }
  const command = makeCommand(op, input);
  const url = operationUrl(config.endpoint.url, op.http.path);
  const transport = await prepareTransport(config, url, options);
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
  return finish(op, attempts, strategy.maxAttemptsReached, options.log, sdkError, secretValues(op, input));
}

/**
 * The call's result from the last attempt's record: the SDK's own view is never used. A server
 * may quote what we sent in its error (`bad client secret XYZ`): every secret of the request is
 * scrubbed from the messages made here, in the error and in the --debug Outcome line.
 */
function finish(
  op: OperationDescription,
  attempts: AttemptRecord[],
  maxReached: boolean,
  log: DebugLog,
  sdkError: unknown,
  secrets: readonly string[],
): RawResponse {
  const scrub = (text: string): string => scrubSecrets(text, secrets);
  const last = attempts.at(-1);
  const n = attempts.length;
  if (last?.response && last.response.status < 300) {
    const { status, headers, body } = last.response;
    log.debug('send', `Outcome: HTTP ${status} after ${n} attempt(s).`);
    return { status, headers, body, attempts: n };
  }
  if (last?.response) {
    const { status, headers, body } = last.response;
    const parsed = parseErrorResponse(status, headers, body);
    const [code, message] = [scrub(parsed.code), scrub(parsed.message)];
    const v2 = parseErrorResponseV2(status, headers, body);
    const error = new ServiceError({
      code,
      operation: op.name,
      message,
      httpStatus: status,
      ...(maxReached ? { maxRetriesReached: n - 1 } : {}),
      v2: { message: scrub(v2.message), info: scrubValue(v2.info, scrub) as ValueMap },
    });
    log.debug('send', `Outcome: service error after ${n} attempt(s): ${error.message}`);
    throw error;
  }
  if (last?.failure) {
    const message = scrub(last.failure.message);
    log.debug('send', `Outcome: transport error after ${n} attempt(s): ${message}`);
    throw new TransportError(message, { cause: last.failure });
  }
  // The SDK failed before sending anything (e.g. it could not build the request).
  const why = scrub(sdkError instanceof Error ? sdkError.message : String(sdkError));
  log.debug('send', `Outcome: no request was sent: ${why}`);
  throw new TransportError(`An HTTP Client raised an unhandled exception: ${why}`, { cause: sdkError });
}

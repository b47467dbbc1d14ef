/**
 * botocore's retry decisions behind the SDK's RetryStrategyV2 interface, so the SDK's retry
 * middleware (same invocation id on every attempt, amz-sdk-request) drives attempts while the
 * rules are v1's: `retries/standard.py` for standard/adaptive, `retryhandler.py` with the
 * `_retry.json` general section for legacy.
 */
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import type { RetryMode } from '../config/types.js';
import type { DebugLog } from '../debug/log.js';
import type { FailureKind } from './failure.js';
import { timerMs } from '../timer.js';

/** What one attempt produced, as the retry rules see it. */
export type AttemptOutcome =
  | { type: 'response'; status: number; /** botocore's parsed Error.Code, if any */ code: string | undefined }
  | { type: 'failure'; kind: FailureKind };

export interface RetryDecision {
  retry: boolean;
  /** botocore's MaxAttemptsReached: the error message gets "(reached max retries: N)". */
  maxAttemptsReached: boolean;
}

/** standard.py ThrottledRetryableChecker. */
const STANDARD_THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);
/** standard.py TransientRetryableChecker. */
const STANDARD_TRANSIENT_CODES = new Set(['RequestTimeout', 'RequestTimeoutException', 'PriorRequestNotComplete']);
const STANDARD_TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
/** _retry.json __default__ policies. */
const LEGACY_STATUS = new Set([429, 500, 502, 503, 504, 509]);
const LEGACY_CODES_AT_400 = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
]);
/**
 * GENERAL_CONNECTION_ERROR: ConnectionError and its subclasses (refused, connect timeout, SSL,
 * proxy), ConnectionClosedError and ReadTimeoutError; a bare HTTPClientError is not retried.
 */
const LEGACY_FAILURES: ReadonlySet<FailureKind> = new Set(['connect', 'connect-timeout', 'read-timeout', 'closed', 'tls', 'proxy']);

function retryableStandard(o: AttemptOutcome): boolean {
  // Every transport failure is a ConnectionError or HTTPClientError, both transient; an
  // oversized body is ours and would only come again.
  if (o.type === 'failure') return o.kind !== 'too-large';
  const code = o.code ?? '';
  return STANDARD_TRANSIENT_CODES.has(code) || STANDARD_TRANSIENT_STATUS.has(o.status) || STANDARD_THROTTLING.has(code);
}

function retryableLegacy(o: AttemptOutcome): boolean {
  if (o.type === 'failure') return LEGACY_FAILURES.has(o.kind);
  return LEGACY_STATUS.has(o.status) || (o.status === 400 && LEGACY_CODES_AT_400.has(o.code ?? ''));
}

/**
 * Whether attempt number `attempt` (1-based), which produced `outcome`, is followed by another.
 * Standard mode marks MaxAttemptsReached whenever the last allowed attempt fails, retryable or
 * not (MaxAttemptsChecker runs first): verified with v1, a 404 with AWS_MAX_ATTEMPTS=1 prints
 * "(reached max retries: 0)". Legacy marks it only for a retryable error.
 */
export function decideRetry(mode: RetryMode, maxAttempts: number, attempt: number, outcome: AttemptOutcome): RetryDecision {
  const exhausted = attempt >= maxAttempts;
  if (outcome.type === 'response' && outcome.status < 300) return { retry: false, maxAttemptsReached: false };
  if (mode === 'legacy') {
    const retryable = retryableLegacy(outcome);
    return { retry: retryable && !exhausted, maxAttemptsReached: retryable && exhausted };
  }
  return { retry: !exhausted && retryableStandard(outcome), maxAttemptsReached: exhausted };
}

/** Seconds to wait before the next attempt, after `attempt` attempts were made. */
export function backoffSeconds(mode: RetryMode, attempt: number, random: () => number): number {
  const growth = 2 ** (attempt - 1);
  return random() * (mode === 'legacy' ? growth : Math.min(growth, 20));
}

/** Abortable sleep; rejects with an AbortError when the signal fires. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = (): void => {
      clearTimeout(timer);
      reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, timerMs(ms));
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
  });
}

export interface RetryStrategyOptions {
  mode: RetryMode;
  maxAttempts: number;
  /** The outcome of the attempt that just failed (from the call's capture record). */
  lastOutcome: () => AttemptOutcome | undefined;
  log: DebugLog;
  signal?: AbortSignal;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** standard.py RetryQuota: 500 units; a retry costs 5, or 10 after a timeout. */
const QUOTA_CAPACITY = 500;

function token(retryCount: number): RetryToken {
  return { getRetryCount: () => retryCount, getRetryDelay: () => 0 };
}

/** RetryStrategyV2 with botocore's rules; it sleeps itself (abortably) and returns 0-delay tokens. */
export class BotocoreRetryStrategy implements RetryStrategyV2 {
  /** Set when the call gave up: whether botocore would mark MaxAttemptsReached. */
  maxAttemptsReached = false;
  private quota = QUOTA_CAPACITY;
  constructor(private readonly o: RetryStrategyOptions) {}

  acquireInitialRetryToken(): Promise<RetryToken> {
    return Promise.resolve(token(0));
  }

  async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const attempt = previous.getRetryCount() + 1;
    const outcome = this.o.lastOutcome();
    const giveUp = (why: string): Error => {
      this.o.log.debug('retry', `No retry needed (attempt ${attempt} of ${this.o.maxAttempts}): ${why}.`);
      return info.error ?? new Error(why);
    };
    if (!outcome) throw giveUp('the error did not come from the HTTP exchange');
    const decision = decideRetry(this.o.mode, this.o.maxAttempts, attempt, outcome);
    this.maxAttemptsReached = decision.maxAttemptsReached;
    const what =
      outcome.type === 'response' ? `HTTP ${outcome.status}${outcome.code ? ` ${outcome.code}` : ''}` : `${outcome.kind} failure`;
    if (!decision.retry) {
      throw giveUp(
        decision.maxAttemptsReached
          ? `max attempts of ${this.o.maxAttempts} reached (${what})`
          : `${what} is not retryable in ${this.o.mode} mode`,
      );
    }
    if (this.o.mode !== 'legacy' && !this.takeQuota(outcome)) throw giveUp(`retry quota exhausted (${what})`);
    const seconds = backoffSeconds(this.o.mode, attempt, this.o.random);
    this.o.log.debug(
      'retry',
      `Retry needed (attempt ${attempt} of ${this.o.maxAttempts}: ${what}), sleeping for ${seconds.toFixed(3)} seconds`,
    );
    await this.o.sleep(Math.round(seconds * 1000), this.o.signal);
    return token(attempt);
  }

  recordSuccess(): void {
    // The quota only matters within one call here; nothing to give back.
  }

  private takeQuota(outcome: AttemptOutcome): boolean {
    const timeout = outcome.type === 'failure' && (outcome.kind === 'connect-timeout' || outcome.kind === 'read-timeout');
    const cost = timeout ? 10 : 5;
    if (this.quota < cost) return false;
    this.quota -= cost;
    return true;
  }
}

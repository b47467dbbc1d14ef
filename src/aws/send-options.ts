/** What a caller of sendOperation (send.ts) passes besides the request: its own module, so the client (client.ts) can take it without importing send.ts. */
import type { AwsCredentialIdentity } from '@smithy/types';
import type { DebugLog } from '../debug/log.js';
import type { ReadFile } from './tls.js';

export interface SendOptions {
  /** Aborted on Ctrl-C: the request or back-off sleep stops and InterruptedError is thrown. */
  signal?: AbortSignal;
  /** For a SigV4 operation (op.auth): the credentials to sign with; absent, it goes out unsigned (--no-sign-request). */
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
  /** Reads the CA bundle (Deps.fs.read: capped, abortable). */
  read: ReadFile;
}

/**
 * The public types of the emulator: its options, the handle that startEmulator returns, and the
 * shapes of recorded requests, faults and scripted responses (the same shapes the /emulator/
 * admin endpoints take as JSON).
 */
import type { IdGenerator } from './ids.js';
import type { EmulatorStore } from './store.js';

/** Options of {@link startEmulator}. Every field has the service's default. */
export interface EmulatorOptions {
  /** Address to listen on; default 127.0.0.1. */
  host?: string;
  /** Port; default 0 (an ephemeral port: read it from `url`). */
  port?: number;
  /** Serve TLS with a freshly generated CA and server certificate (SAN 127.0.0.1, ::1, localhost). */
  https?: boolean;
  /** The clock for every expiry, interval and timestamp; default the system clock. */
  now?: () => Date;
  /** Source of random bytes behind every id; default crypto.randomBytes. See seededRandom(). */
  random?: (size: number) => Buffer;
  /** Replaces individual id generators (e.g. a fixed user code). */
  ids?: Partial<IdGenerator>;
  /** Lifetime of a device authorization in seconds; default 600. */
  expiresIn?: number;
  /** Minimum seconds between two CreateToken polls of one device code; default 1. */
  interval?: number;
  /** When set, every device authorization is approved this many seconds after it starts, and every GET /authorize redirects back with a code after that delay (no consent page). */
  autoApproveSeconds?: number;
  /** Delay added to every non-admin response, in milliseconds; default 0. */
  latencyMs?: number;
  /** Access token lifetime in seconds; default 28800 (8 hours, like the service). */
  tokenExpiresIn?: number;
  /** Client registration lifetime in seconds; default 7776000 (90 days, like the service). */
  clientSecretTtl?: number;
  /** Largest accepted request body in bytes; default 65536 (larger ones get 413). */
  bodyLimit?: number;
  /**
   * The credentials CreateTokenWithIAM signatures are verified against (SigV4, service
   * `sso-oauth`). Without them every signed request is refused as an unknown key.
   */
  iamCredentials?: { accessKeyId: string; secretAccessKey: string };
  /** When set, the /emulator/ admin endpoints require `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
  /** How many requests `requests()` and GET /emulator/requests keep, the most recent; default 1000. */
  requestLogLimit?: number;
  /** Receives one line per request (method, path, status) when set; never bodies. */
  log?: (line: string) => void;
}

/** One request the emulator received (admin requests under /emulator/ are not recorded). */
export interface RecordedRequest {
  method: string;
  /** The path without the query string, e.g. `/token`. */
  path: string;
  /** The request target as sent, with its query string. */
  url: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The raw body text. */
  body: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
  /** When it arrived, by the emulator's clock. */
  time: Date;
}

/** A raw response served instead of the real one, for conformance tests. */
export interface ScriptedResponse {
  /** Only requests to this path take it; default any OIDC API path. */
  path?: string;
  status: number;
  headers?: Record<string, string>;
  /** Sent exactly as given; default empty. */
  body?: string;
  /** Wait this long before answering. */
  delayMs?: number;
}

/** Faults applied to the next requests (replaces any earlier faults). */
export interface FaultSpec {
  /** Extra delay for every matching request. */
  latencyMs?: number;
  /** Fail the next `count` matching requests with this status (ThrottlingException for 429). */
  fail?: { count: number; status: 500 | 429 | 503; errorType?: string };
  /** Accept the next `count` matching requests and never answer them. Hangs come before fails. */
  hang?: { count: number };
  /** Only this path matches; default the OIDC API paths (not the verification page). */
  path?: string;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43123`. */
  readonly url: string;
  /** With https: the CA certificate's file (removed by close()). */
  readonly caPath?: string;
  /** With https: the CA certificate, PEM. */
  readonly caPem?: string;
  /** The live state: clients, device authorizations, tokens. */
  readonly store: EmulatorStore;
  /** Stops listening, drops open connections (hung ones too) and removes temp files. */
  close(): Promise<void>;
  /** Approves the pending authorization of this user code; throws when it is unknown or expired. */
  approve(userCode: string): void;
  /** Denies the pending authorization of this user code; throws when it is unknown or expired. */
  deny(userCode: string): void;
  /** A copy of the recorded requests, oldest first. */
  requests(): RecordedRequest[];
  clearRequests(): void;
  /** Queues raw responses for the next matching requests, in order. */
  script(responses: ScriptedResponse[]): void;
  setFaults(faults: FaultSpec): void;
  /** Clears faults and any scripted responses still queued. */
  clearFaults(): void;
}

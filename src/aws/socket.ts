/**
 * A socket's life under our Agents, as data and one tracker: the settings of a call's
 * connections, the per-call record of WHY a socket failed, and `track`, which follows a socket
 * through its phases (proxy -> connect -> handshake -> open) with the phase timers. Node reports
 * most of these failures as bare ECONNRESETs by the time they reach the request; the record keeps
 * the AWS class. Used by the Agents (connection.ts) and the proxy tunnel (tunnel.ts).
 */
import type net from 'node:net';
import type { FailureKind } from './failure.js';
import { errorCodeOf } from './failure.js';
import type { ProxyTarget } from './proxy.js';
import { tlsReason } from './tls.js';
import { timerMs } from '../timer.js';

/** A failure seen at the socket, before the URL for its message is known. */
export interface SocketFailure {
  kind: FailureKind;
  cause: unknown;
  /** For 'tls': the readable reason. */
  reason?: string;
}

/** Per-call record of the current attempt's socket failure (one request in flight at a time). */
export class ConnectionState {
  private failure: SocketFailure | undefined;
  /** Keeps the first failure of an attempt: a timeout, not the reset it causes. */
  record(f: SocketFailure): void {
    this.failure ??= f;
  }
  /** Returns and forgets the recorded failure. */
  take(): SocketFailure | undefined {
    const f = this.failure;
    this.failure = undefined;
    return f;
  }
}

export interface ConnectionSettings {
  /** 0 = no limit. Covers the TCP connect (and, through a proxy, the CONNECT exchange). */
  connectMs: number;
  /** 0 = no limit. The longest silence while waiting for response bytes. */
  readMs: number;
  /** `ca` replaces the default trust store when set. */
  tls: { verify: boolean; ca?: string };
  proxy?: ProxyTarget;
  state: ConnectionState;
  /** Ctrl-C: destroys every socket of the call, including a tunnel still waiting for CONNECT. */
  signal?: AbortSignal;
}

/**
 * What a failure means at each stage of a socket's life:
 * proxy (reaching the proxy) → connect (TCP) → handshake (TLS) → open.
 */
export type Phase = 'proxy' | 'connect' | 'handshake' | 'open';

function kindFor(phase: Phase, e: unknown): SocketFailure {
  if (phase === 'proxy') return { kind: 'proxy', cause: e };
  if (phase === 'connect') return { kind: 'connect', cause: e };
  if (phase === 'handshake') return { kind: 'tls', cause: e, reason: tlsReason(e) };
  const code = errorCodeOf(e) ?? '';
  return { kind: code === 'ECONNRESET' || code === 'EPIPE' ? 'closed' : 'client', cause: e };
}

/** The error a timed-out socket is destroyed with (the recorded failure says which timeout). */
function timeoutError(what: string, ms: number): Error {
  return Object.assign(new Error(`${what} timed out after ${ms} ms`), { code: 'ETIMEDOUT' });
}

/**
 * Follows a socket through its phases: records failures, runs the phase timers, and switches to
 * the read timeout once it is open. `first` is the phase it starts in. With `hold`, the socket
 * stays in its first phase (and under the connect timer) until the returned release() is called;
 * release() then stops tracking it altogether (a proxy tunnel, tracked further by its TLS socket).
 */
export function track(socket: net.Socket, s: ConnectionSettings, first: Phase, secure: boolean, hold = false): () => void {
  let phase = first;
  let timer: NodeJS.Timeout | undefined;
  const fail = (f: SocketFailure, destroyWith?: Error): void => {
    s.state.record(f);
    if (destroyWith) socket.destroy(destroyWith);
  };
  const arm = (ms: number, kind: FailureKind, what: string): void => {
    clearTimeout(timer);
    timer = ms > 0 ? setTimeout(() => fail({ kind, cause: timeoutError(what, ms) }, timeoutError(what, ms)), timerMs(ms)) : undefined;
  };
  const open = (): void => {
    clearTimeout(timer);
    phase = 'open';
    if (s.readMs > 0) {
      socket.setTimeout(timerMs(s.readMs), () =>
        fail({ kind: 'read-timeout', cause: timeoutError('read', s.readMs) }, timeoutError('read', s.readMs)),
      );
    }
  };
  const connected = (): void => {
    if (!secure) return open();
    phase = 'handshake';
    // urllib3 runs the handshake under the connect timeout and reports a stall as a read timeout.
    arm(s.connectMs || s.readMs, 'read-timeout', 'TLS handshake');
  };
  const onError = (e: unknown): void => fail(kindFor(phase, e));
  const onAbort = (): void => void socket.destroy();
  const release = (): void => {
    clearTimeout(timer);
    socket.removeListener('error', onError);
    socket.removeListener('close', release);
    s.signal?.removeEventListener('abort', onAbort);
  };
  socket.on('error', onError);
  socket.once('close', release);
  s.signal?.addEventListener('abort', onAbort, { once: true });
  if (secure) socket.once('secureConnect', open);
  if (first === 'handshake') {
    connected();
  } else if (socket.connecting) {
    arm(s.connectMs, first === 'proxy' ? 'proxy' : 'connect-timeout', 'connect');
    if (!hold) socket.once('connect', connected);
  } else if (!hold) {
    connected();
  }
  return release;
}

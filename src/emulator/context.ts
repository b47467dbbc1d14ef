/**
 * Everything one emulator instance owns, passed to every handler: there is no module-level
 * state, so any number of emulators can run side by side in one process.
 */
import { FaultController } from './faults.js';
import { makeIds, type IdGenerator } from './ids.js';
import { EmulatorStore } from './store.js';
import type { EmulatorOptions, RecordedRequest } from './types.js';
import { timerMs } from '../timer.js';

/** Options resolved to their defaults. */
export interface EmulatorConfig {
  expiresIn: number;
  interval: number;
  tokenExpiresIn: number;
  clientSecretTtl: number;
  autoApproveSeconds: number | undefined;
  latencyMs: number;
  bodyLimit: number;
  /** The address the server binds (its Host is accepted by the admin endpoints). */
  host: string;
  /** When set, the admin endpoints require `Authorization: Bearer <adminToken>`. */
  adminToken: string | undefined;
  /** How many requests the record keeps (the most recent ones). */
  requestLogLimit: number;
}

/** One emulator's state and services. */
export interface EmulatorContext {
  readonly config: EmulatorConfig;
  readonly store: EmulatorStore;
  readonly ids: IdGenerator;
  readonly faults: FaultController;
  readonly recorded: RecordedRequest[];
  /** Milliseconds since the epoch, by the injected clock. */
  now(): number;
  /** Resolves after `ms` of real time, unless the emulator closes first (then never). */
  sleep(ms: number): Promise<void>;
  /** Set once the server listens: `http://127.0.0.1:PORT`. */
  baseUrl: string;
  log: ((line: string) => void) | undefined;
}

export const DEFAULTS = {
  expiresIn: 600,
  interval: 1,
  tokenExpiresIn: 28_800,
  clientSecretTtl: 90 * 24 * 3600,
  bodyLimit: 64 * 1024,
  requestLogLimit: 1000,
} as const;

/** Builds a context; `timers` collects pending sleeps so close() can cancel them. */
export function createContext(options: EmulatorOptions, timers: Set<NodeJS.Timeout>): EmulatorContext {
  const clock = options.now ?? (() => new Date());
  return {
    config: {
      expiresIn: options.expiresIn ?? DEFAULTS.expiresIn,
      interval: options.interval ?? DEFAULTS.interval,
      tokenExpiresIn: options.tokenExpiresIn ?? DEFAULTS.tokenExpiresIn,
      clientSecretTtl: options.clientSecretTtl ?? DEFAULTS.clientSecretTtl,
      autoApproveSeconds: options.autoApproveSeconds,
      latencyMs: options.latencyMs ?? 0,
      bodyLimit: options.bodyLimit ?? DEFAULTS.bodyLimit,
      host: options.host ?? '127.0.0.1',
      adminToken: options.adminToken,
      requestLogLimit: options.requestLogLimit ?? DEFAULTS.requestLogLimit,
    },
    store: new EmulatorStore(),
    ids: makeIds(options.random, options.ids),
    faults: new FaultController(),
    recorded: [],
    now: () => clock().getTime(),
    sleep: (ms) =>
      new Promise((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, timerMs(ms));
        timers.add(t);
      }),
    baseUrl: '',
    log: options.log,
  };
}

/** Shared set-up for the transport tests: configs, a recording log, no-wait sleeps. */
import { readFileSync } from 'node:fs';
import type { ResolvedConfig } from '../../src/config/types.js';
import type { DebugLog } from '../../src/debug/log.js';
import { startDeviceAuthorization } from '../../src/model/operations/start-device-authorization.js';
import type { RawResponse } from '../../src/aws/send.js';
import type { SendOptions } from '../../src/aws/send-options.js';
import { sendOperation } from '../../src/aws/send.js';
import type { OperationDescription } from '../../src/model/types.js';

export const SDA_INPUT = { clientId: 'client-123', clientSecret: 'TOP-SECRET-VALUE', startUrl: 'https://example.awsapps.com/start' };

type ConfigOverrides = Partial<Omit<ResolvedConfig, 'retry' | 'tls' | 'timeouts' | 'proxy'>> & {
  retry?: Partial<ResolvedConfig['retry']>;
  tls?: Partial<ResolvedConfig['tls']>;
  timeouts?: Partial<ResolvedConfig['timeouts']>;
  proxy?: ResolvedConfig['proxy'];
};

/** A ResolvedConfig pointing at `endpoint`; legacy mode with 1 attempt unless overridden. */
export function makeConfig(endpoint: string, o: ConfigOverrides = {}): ResolvedConfig {
  return {
    profile: undefined,
    region: 'us-east-1',
    output: 'json',
    ...o,
    endpoint: o.endpoint ?? { url: endpoint, source: 'cli' },
    retry: { mode: 'legacy', maxAttempts: 1, ...o.retry },
    tls: { verify: true, ...o.tls },
    timeouts: { connectMs: 5000, readMs: 5000, ...o.timeouts },
    proxy: o.proxy ?? {},
  };
}

/** A DebugLog that keeps its lines. */
export function recordingLog(enabled = true): DebugLog & { lines: string[] } {
  const lines: string[] = [];
  return { enabled, lines, debug: (component, message) => void (enabled && lines.push(`${component} - ${message}`)) };
}

/** SendOptions for tests: no back-off wait, warnings collected. */
export function testOptions(extra: Partial<SendOptions> = {}): SendOptions & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    log: recordingLog(false),
    warn: (t) => void warnings.push(t),
    userAgent: 'sso-oidc/0.1.0 md/test#1',
    sleep: async () => undefined,
    random: () => 0.5,
    read: async (p) => readFileSync(p),
    warnings,
    ...extra,
  };
}

/** sendOperation for StartDeviceAuthorization (or `op`) with the standard test input. */
export function send(
  config: ResolvedConfig,
  options: SendOptions = testOptions(),
  op: OperationDescription = startDeviceAuthorization,
  input: Record<string, unknown> = SDA_INPUT,
): Promise<RawResponse> {
  return sendOperation(op, input, config, options);
}

/** Runs `fn`, expecting it to throw; returns the error. */
export async function rejection(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`threw a non-Error: ${String(e)}`);
  }
  throw new Error('expected a rejection');
}

/**
 * Test helpers around the SSO-OIDC emulator: start one per test (real server on 127.0.0.1, an
 * ephemeral port), a manual clock for expiry and slow-down tests, and small wire helpers.
 *
 *   await withEmulator({ interval: 5 }, async (emu) => { ... emu.url ... });
 *   const emu = await startTestEmulator({ now: clock.now }); try { ... } finally { await emu.close(); }
 */
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator, EmulatorOptions } from '../../src/emulator/types.js';

export type { Emulator, EmulatorOptions };

/** A clock that moves only when told to. */
export interface ManualClock {
  now: () => Date;
  advance(seconds: number): void;
}

/** A manual clock starting at `start` (default 2025-01-01T00:00:00Z). */
export function manualClock(start = new Date('2025-01-01T00:00:00Z')): ManualClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (seconds) => {
      t += seconds * 1000;
    },
  };
}

/** A response read whole: the body as text and, when it parses, as JSON. */
export interface WireResponse {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** An emulator plus fetch shortcuts bound to its URL. */
export interface TestEmulator extends Emulator {
  /** POSTs `body` (JSON-encoded unless a string) to `path`. */
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<WireResponse>;
  get(path: string): Promise<WireResponse>;
}

/** Reads a fetch Response fully. */
export async function readResponse(res: Response): Promise<WireResponse> {
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: json stays {}
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Starts an emulator on 127.0.0.1, port 0. Close it when done (or use withEmulator). */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emu = await startEmulator({ host: '127.0.0.1', port: 0, ...options });
  const post = async (path: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<WireResponse> => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(emu.url + path, { method: 'POST', body: text, headers: { 'content-type': 'application/json', ...headers } });
    return readResponse(res);
  };
  const get = async (path: string): Promise<WireResponse> => readResponse(await fetch(emu.url + path));
  return Object.assign(emu, { post, get });
}

/** Runs `fn` with a fresh emulator and always closes it. */
export async function withEmulator<T>(options: EmulatorOptions, fn: (emu: TestEmulator) => Promise<T>): Promise<T> {
  const emu = await startTestEmulator(options);
  try {
    return await fn(emu);
  } finally {
    await emu.close();
  }
}

/** The device-code grant type. */
export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** A registered client and a started device authorization. */
export interface StartedFlow {
  clientId: string;
  clientSecret: string;
  deviceCode: string;
  userCode: string;
  verificationUriComplete: string;
  /** The CreateToken body that polls this device code. */
  tokenRequest: Record<string, string>;
}

/** RegisterClient + StartDeviceAuthorization over the wire; throws on any non-200. */
export async function startFlow(
  emu: TestEmulator,
  client: Record<string, unknown> = { clientName: 'test client', clientType: 'public' },
): Promise<StartedFlow> {
  const reg = await emu.post('/client/register', client);
  if (reg.status !== 200) throw new Error(`RegisterClient: ${reg.status} ${reg.text}`);
  const clientId = reg.json.clientId as string;
  const clientSecret = reg.json.clientSecret as string;
  const sda = await emu.post('/device_authorization', { clientId, clientSecret, startUrl: 'https://example.awsapps.com/start' });
  if (sda.status !== 200) throw new Error(`StartDeviceAuthorization: ${sda.status} ${sda.text}`);
  const deviceCode = sda.json.deviceCode as string;
  return {
    clientId,
    clientSecret,
    deviceCode,
    userCode: sda.json.userCode as string,
    verificationUriComplete: sda.json.verificationUriComplete as string,
    tokenRequest: { clientId, clientSecret, grantType: DEVICE_GRANT, deviceCode },
  };
}

/**
 * A describe-level fixture: an emulator on 127.0.0.1, a sandbox HOME, and a client registered on
 * it, made before the suite's tests and removed after them; `sda()` is a start-device-authorization
 * command line for that client.
 *
 *   describe('...', () => { const fx = useRegisteredClient(); test('...', () => fx.sda() ...) });
 */
import { after, before } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator } from '../../src/emulator/types.js';
import { makeSandbox, type Sandbox } from './cli.js';

export interface RegisteredClient {
  readonly emu: Emulator;
  readonly box: Sandbox;
  readonly client: { clientId: string; clientSecret: string };
  sda(): string[];
}

export function useRegisteredClient(): RegisteredClient {
  let emu: Emulator | undefined;
  let box: Sandbox | undefined;
  let client: RegisteredClient['client'] | undefined;
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('useRegisteredClient: used outside the suite it was made in');
    return v;
  };
  before(async () => {
    emu = await startEmulator({ host: '127.0.0.1', port: 0 });
    box = makeSandbox();
    const res = await fetch(`${emu.url}/client/register`, {
      method: 'POST',
      body: '{"clientName":"dbg","clientType":"public","scopes":["sso:account:access"]}',
    });
    client = (await res.json()) as RegisteredClient['client'];
  });
  after(async () => {
    await emu?.close();
    box?.cleanup();
  });
  return {
    get emu() {
      return ready(emu);
    },
    get box() {
      return ready(box);
    },
    get client() {
      return ready(client);
    },
    sda: () => [
      'start-device-authorization',
      '--client-id',
      ready(client).clientId,
      '--client-secret',
      ready(client).clientSecret,
      '--start-url',
      'https://example.awsapps.com/start',
      '--endpoint-url',
      ready(emu).url,
    ],
  };
}

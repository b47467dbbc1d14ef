/**
 * The emulator's public API, the package export `sso-oidc/emulator` (package.json exports: the
 * esbuild bundle dist/emulator/index.js, declarations in dist/types/emulator/ from
 * tsconfig.emulator.json): start one, and the types and helpers that go with it.
 */
export { startEmulator } from './server.js';
export { seededRandom, normalizeUserCode, USER_CODE_ALPHABET, type IdGenerator } from './ids.js';
export { EmulatorStore } from './store.js';
export type { Emulator, EmulatorOptions, FaultSpec, RecordedRequest, ScriptedResponse } from './types.js';

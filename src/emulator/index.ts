/** The emulator's public API: start one, and the types and helpers that go with it. */
export { startEmulator } from './server.js';
export { seededRandom, normalizeUserCode, USER_CODE_ALPHABET, type IdGenerator } from './ids.js';
export { EmulatorStore } from './store.js';
export type { Emulator, EmulatorOptions, FaultSpec, RecordedRequest, ScriptedResponse } from './types.js';

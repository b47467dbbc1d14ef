/**
 * Id generation. Every id comes from one injectable source of random bytes, so tests can make
 * an emulator deterministic with seededRandom() or replace single generators (a fixed user code).
 */
import { createHash, randomBytes } from 'node:crypto';

/** Generators of every opaque value the emulator hands out. */
export interface IdGenerator {
  clientId(): string;
  clientSecret(): string;
  deviceCode(): string;
  /** `XXXX-XXXX` from {@link USER_CODE_ALPHABET}. */
  userCode(): string;
  accessToken(): string;
  refreshToken(): string;
  requestId(): string;
  /** The per-authorization token that guards the verification page's Allow/Deny form. */
  formToken(): string;
  /** An authorization code of the authorization code grant. */
  authorizationCode(): string;
}

/**
 * Upper-case consonants without Y: no vowels (so no words) and no digits to confuse with
 * letters. RFC 8628 §6.1 suggests exactly this base-20 alphabet.
 */
export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

/** Builds the generators over `random`, with `overrides` taking precedence. */
export function makeIds(random: (size: number) => Buffer = randomBytes, overrides: Partial<IdGenerator> = {}): IdGenerator {
  // A leading "-" would make the value look like an option to argparse (the AWS CLI) and commander.
  const b64 = (n: number): string => random(n).toString('base64url').replace(/^-/, '_');
  const defaults: IdGenerator = {
    clientId: () => b64(24),
    clientSecret: () => b64(96),
    deviceCode: () => b64(48),
    userCode: () => userCode(random),
    accessToken: () => `aoa${b64(96)}`,
    refreshToken: () => `aor${b64(96)}`,
    requestId: () => uuid(random(16)),
    formToken: () => b64(24),
    authorizationCode: () => b64(32),
  };
  return { ...defaults, ...overrides };
}

function userCode(random: (size: number) => Buffer): string {
  const chars: string[] = [];
  // Rejection sampling keeps the letters uniform: 240 is the largest multiple of 20 below 256.
  while (chars.length < 8) {
    for (const byte of random(16)) {
      if (byte < 240 && chars.length < 8) chars.push(USER_CODE_ALPHABET[byte % 20] ?? 'B');
    }
  }
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

function uuid(bytes: Buffer): string {
  const b = Buffer.from(bytes);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * A deterministic byte source for tests: SHA-256 of the seed and a counter. Two emulators with
 * the same seed hand out the same ids in the same order.
 */
export function seededRandom(seed: string): (size: number) => Buffer {
  let counter = 0;
  return (size) => {
    const parts: Buffer[] = [];
    let have = 0;
    while (have < size) {
      const block = createHash('sha256').update(`${seed}:${counter++}`).digest();
      parts.push(block);
      have += block.length;
    }
    return Buffer.concat(parts).subarray(0, size);
  };
}

/**
 * The canonical form of a user code as a person may type it: upper case, spaces dropped, and
 * the dash added when eight letters come without it.
 */
export function normalizeUserCode(input: string): string {
  const compact = input.toUpperCase().replace(/\s+/g, '');
  return /^[A-Z]{8}$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4)}` : compact;
}

// Bundled in place of @smithy/core's serde/uuid/v4.js (scripts/build.mjs). The SDK's bindV4 reads
// the global `crypto` as it loads, and on Node that getter loads WebCrypto with node:crypto's
// internals (3-5 ms on Node 20) in every process; the one UUID a call makes is the
// amz-sdk-invocation-id header. The same version-4 UUID from 16 bytes of /dev/urandom (the
// kernel's CSPRNG, as node:crypto's own source is), or from crypto.getRandomValues where there
// is no /dev/urandom: node:crypto then loads for it, as it does anyway for an https:// endpoint.
import { closeSync, openSync, readSync } from 'node:fs';

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function urandom(bytes) {
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      return readSync(fd, bytes, 0, bytes.length, null) === bytes.length;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

export function bindV4(getRandomValues) {
  return () => {
    const r = new Uint8Array(16);
    if (!urandom(r)) getRandomValues(r);
    r[6] = (r[6] & 0x0f) | 0x40;
    r[8] = (r[8] & 0x3f) | 0x80;
    const h = Array.from(r, (b) => hex[b]);
    return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
  };
}

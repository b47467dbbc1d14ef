// Bundled in place of node:zlib for @smithy/core's Crc32Node (scripts/build.mjs), which looks up
// zlib.crc32 when it loads: these calls never take a CRC32, and zlib should load only for a
// compressed response. zlib.crc32 exists from Node 20.15 and 22.2; zlib itself loads on first use.
const [major, minor] = process.versions.node.split('.').map(Number);
const native = major > 22 || (major === 22 && minor >= 2) || (major === 20 && minor >= 15) || major === 21;
exports.crc32 = native ? (data, value) => require('node:zlib').crc32(data, value) : undefined;

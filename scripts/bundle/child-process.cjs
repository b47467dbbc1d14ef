// Bundled in place of node:child_process (scripts/build.mjs): commander and our browser opener
// import it at load time, but only `login` (the browser) ever spawns; loading child_process
// also loads net, dgram and the stream stack into every --version.
let real;
module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });

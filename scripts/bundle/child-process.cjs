// Bundled in place of node:child_process (scripts/build.mjs): commander and our browser opener
// import it at load time, but only `login` (the browser) ever spawns; loading child_process
// also loads net, dgram and the stream stack into every --version. Each export is a getter that
// loads the real module on first use, so default and named imports (`{ spawn }`) both work.
let real;
const load = () => (real ??= require('node:child_process'));
for (const name of ['ChildProcess', 'exec', 'execFile', 'execFileSync', 'execSync', 'fork', 'spawn', 'spawnSync']) {
  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });
}

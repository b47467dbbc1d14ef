#!/usr/bin/env node
// CommonJS (bin/package.json), like bin/sso-oidc.js; the emulator's bundle is an ES module.
import('../dist/emulator/cli.js').then(async ({ main }) => {
  process.exitCode = await main(process.argv.slice(2));
});

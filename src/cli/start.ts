/**
 * What bin/sso-oidc.js loads: `--version` alone is answered here (version.ts); otherwise the
 * compile cache first, then the CLI (entry.ts, a chunk of its own). With --debug, source maps
 * instead, so a logged stack trace points into src/ (the cache is skipped: the code cache would
 * bypass the source map lookup).
 */
import { enableCompileCache } from './compile-cache.js';
import { answerVersion } from './version.js';

// The SDK warns on Node 20; our users must never see it (set before anything loads the SDK).
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
if (!answerVersion(process.argv.slice(2))) {
  if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
  else enableCompileCache(__dirname);

  void import('./entry.js').then(async ({ entry }) => {
    process.exitCode = await entry();
  });
}

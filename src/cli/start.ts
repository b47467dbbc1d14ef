/**
 * What bin/sso-oidc.js loads. `--version` alone is answered here (version.ts), and so, for a pipe
 * or a file, are the other words that alone decide their answer (help, completion, input
 * skeletons: quick-words.ts), from the answers the build stored (stored-answers.ts). Otherwise
 * the compile cache first; then quick.cjs answers those words for a terminal, and the CLI
 * (entry.ts, a chunk of its own) the rest. With --debug, source maps instead of the cache, so a
 * logged stack trace points into src/ (the code cache would bypass the source map lookup).
 */
import { enableCompileCache, loadBundleFile } from './compile-cache.js';
import type { entry } from './entry.js';
import type { answerQuick } from './quick.js';
import { quickShaped } from './quick-words.js';
import { answerStored } from './stored-answers.js';
import { answerVersion } from './version.js';

/** dist/cli/quick.cjs (src/cli/quick.ts), built on its own by scripts/build.mjs. */
const loadQuick = () => loadBundleFile(module, `${__dirname}/quick.cjs`) as { answerQuick: typeof answerQuick };
/** dist/cli/entry.cjs (src/cli/entry.ts): main() and what every other run needs. */
const loadEntry = () => loadBundleFile(module, `${__dirname}/entry.cjs`) as { entry: typeof entry };

// The SDK warns on Node 20; our users must never see it (set before anything loads the SDK).
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
const argv = process.argv.slice(2);
if (!answerVersion(argv) && !answerStored(__dirname, argv)) {
  if (argv.includes('--debug')) process.setSourceMapsEnabled(true);
  else enableCompileCache(__dirname);
  if (!(quickShaped(argv) && loadQuick().answerQuick(argv))) {
    void Promise.resolve()
      .then(loadEntry)
      .then(async ({ entry }) => {
        process.exitCode = await entry();
      });
  }
}

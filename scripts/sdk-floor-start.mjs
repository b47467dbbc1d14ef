// The SDK-alone floor's start (scripts/sdk-floor.mjs), as src/cli/start.ts starts the CLI: the
// same compile cache, then the script.
import { enableCompileCache } from '../src/cli/compile-cache.ts';

enableCompileCache(__dirname);
void import('./sdk-floor.mjs');

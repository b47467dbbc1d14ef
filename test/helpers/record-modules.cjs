// Preloaded with `node -r` by test/e2e/startup-modules.test.ts: at exit, writes every file the
// CommonJS loader loaded and every Node built-in the process loaded (process.moduleLoadList,
// which also shows built-ins loaded lazily, such as undici behind `fetch`) to $RECORD_MODULES.
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  writeFileSync(process.env.RECORD_MODULES, JSON.stringify({ files: Object.keys(require.cache), builtins }));
});

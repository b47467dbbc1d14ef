#!/usr/bin/env node
// CommonJS (bin/package.json): on Node 20 an ES module would start the ES-module loader, which
// costs more than our whole --version. The bundle (npm run build) does the rest.
require('../dist/cli/start.cjs');

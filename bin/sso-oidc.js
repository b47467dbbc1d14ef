#!/usr/bin/env node
// CommonJS (bin/package.json): on Node 20 an ES module would start the ES-module loader, which
// costs more than our whole --version. The bundle (npm run build) does the rest.
// start.cjs is loaded by its path, without the CommonJS resolver (a stat, a realpath walk and
// package.json lookups: ~0.4 ms of every run); __dirname is real, as Node resolves a bin's link.
const Module = module.constructor;
const file = require('node:path').join(__dirname, '..', 'dist', 'cli', 'start.cjs');
const start = new Module(file, module);
start.filename = file;
start.paths = module.paths;
Module._cache[file] = start;
start._compile(require('node:fs').readFileSync(file, 'utf-8'), file);
start.loaded = true;

#!/usr/bin/env node
// `npm run build`: the bundle the package runs (bin/ loads it), made by esbuild from src/ and the
// ES-module builds of the dependencies. tsc only type-checks (npm run typecheck).
//
//   dist/cli/       sso-oidc: entry.cjs plus one chunk per lazy import (a command loads only
//                   its own chunks; --version, help, completion and skeletons load no SDK), and,
//                   built alone, start.cjs (what bin/ loads: --version, the compile cache) and
//                   quick.cjs (help, completion and input skeletons in one file: src/cli/quick.ts)
//   dist/emulator/  sso-oidc-emulator (cli.js) and its programmatic API (index.js)
//   dist/bench/     the SDK-alone floor of `npm run bench`, bundled the same way (start.cjs)
//   dist/dev/       the query engine for the bench (not shipped)
//
// Load less than the SDK's defaults (src/aws/handler.ts sends): where the SSO-OIDC client's
// runtime config imports the SDK's Node request handler (which loads http2) and the credential
// provider chain, it gets the stubs in scripts/bundle/ instead; node:crypto, node:fs/promises,
// node:https and node:tls load on first use (an http:// call loads none of them). Each build
// writes its metafile (meta.json) beside it: test/e2e/startup-modules.test.ts maps loaded chunks
// back to sources.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stubs = join(root, 'scripts/bundle');

/** The SDK's defaults we replace, for importers inside the SSO-OIDC client only. */
const REPLACED = {
  '@aws-sdk/credential-provider-node': join(stubs, 'credential-provider-node.mjs'),
  '@smithy/node-http-handler': join(stubs, 'node-http-handler.mjs'),
  '@smithy/signature-v4': join(stubs, 'signature-v4.mjs'),
};
const lazyChildProcess = join(stubs, 'child-process.cjs');
const partitionUser = join(root, 'src', 'config', 'endpoint.ts');
const partitionModule = join(root, 'node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partition.js');
const sdkCode = new RegExp(`${sep}node_modules${sep}@(smithy|aws-sdk)${sep}core${sep}dist-es${sep}`);
const sigV4Config = `${sep}@aws-sdk${sep}core${sep}dist-es${sep}submodules${sep}httpAuthSchemes${sep}`;
const clientDir = `${sep}node_modules${sep}@aws-sdk${sep}client-sso-oidc${sep}`;
const srcDir = join(root, 'src') + sep;
const awsDir = join(srcDir, 'aws') + sep;

/**
 * node:https and node:tls as src/aws/ imports them: a module whose members are getters that load
 * the real one on first use (as scripts/bundle/child-process.cjs does for child_process), so the
 * TLS stack (tls, _tls_wrap, https, secure contexts: ~2 ms) loads only for an https:// endpoint.
 * node:crypto as the SDK's core imports it: its functions are wrappers that load it when called
 * (serde keeps a reference to getRandomValues as it loads, which a getter would resolve at once).
 */
const lazyBuiltin = async (id) => {
  const real = await import(id);
  // node:os as an ES module of function wrappers, its lowercase functions only: as CommonJS,
  // each importer's __toESM would copy its ~40 members as getters as it loads (~0.3 ms).
  if (id === 'node:os') {
    const names = Object.keys(real).filter((n) => n !== 'default' && typeof real[n] === 'function' && /^[a-z]/.test(n));
    return (
      `let real;const load=()=>(real??=require(${JSON.stringify(id)}));` +
      names.map((n) => `export function ${n}(...a){return load().${n}.apply(this,a)}`).join('')
    );
  }
  const names = Object.keys(real).filter((n) => n !== 'default');
  const calls = id === 'node:crypto' ? names.filter((n) => typeof real[n] === 'function' && !/^[A-Z]/.test(n)) : [];
  return (
    `let real;const load=()=>(real??=require(${JSON.stringify(id)}));` +
    `for(const name of ${JSON.stringify(names.filter((n) => !calls.includes(n)))})` +
    'Object.defineProperty(exports,name,{enumerable:true,get:()=>load()[name]});' +
    `for(const name of ${JSON.stringify(calls)})exports[name]=function(...a){return load()[name].apply(this,a)};`
  );
};

const trimSdk = {
  name: 'trim-sdk',
  setup(b) {
    b.onResolve({ filter: /^@(aws-sdk\/credential-provider-node|smithy\/node-http-handler|smithy\/signature-v4)$/ }, (args) =>
      args.importer.includes(clientDir) || args.importer.includes(sigV4Config) ? { path: REPLACED[args.path] } : undefined,
    );
    b.onResolve({ filter: /^node:zlib$/ }, (args) =>
      /Crc32Node\.js$/.test(args.importer) ? { path: join(stubs, 'zlib-crc32.cjs') } : undefined,
    );
    b.onResolve({ filter: /^node:(https|tls)$/ }, (args) =>
      args.importer.startsWith(awsDir) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    // node:os as src/ imports it (~0.35 ms): for a home directory without $HOME, a version line,
    // and the SDK's User-Agent, which loads it for itself on a call.
    b.onResolve({ filter: /^node:os$/ }, (args) =>
      args.importer.startsWith(srcDir) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    // The SDK's core imports node:crypto (hashes, checksums, a UUID fallback) and node:fs/promises
    // (its shared-config loader) as it loads; these calls use neither: each loads on first use.
    b.onResolve({ filter: /^node:(crypto|fs\/promises)$/ }, (args) =>
      sdkCode.test(args.importer) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    // src/config/endpoint.ts asks @aws-sdk/core/client for `partition` alone; through the
    // barrel, the config chunk would hold (and load before the call needs it) the SDK's core
    // the client's chunk holds too. The module itself is the one the client's resolver uses.
    b.onResolve({ filter: /^@aws-sdk\/core\/client$/ }, (args) =>
      args.importer === partitionUser ? { path: partitionModule } : undefined,
    );
    // The SDK's UUID (amz-sdk-invocation-id) reads the global `crypto`, WebCrypto, as it loads.
    b.onResolve({ filter: /^\.\/uuid\/v4$/ }, (args) => (sdkCode.test(args.importer) ? { path: join(stubs, 'uuid-v4.mjs') } : undefined));
    // Sha256Node probes createHash('sha256') as it loads, which loads node:crypto; the probe
    // fails only where Node has no OpenSSL, which process.versions says without loading it.
    b.onLoad({ filter: /[\\/]checksum[\\/]sha256[\\/]Sha256Node\.js$/ }, async (args) => {
      const text = readFileSync(args.path, 'utf-8');
      const probe = /const hasNativeCrypto = \(\(\) => \{\s*try \{\s*createHash\("sha256"\);[\s\S]*?\}\)\(\);/;
      if (!probe.test(text)) throw new Error(`trim-sdk: the createHash probe of ${args.path} has changed`);
      return { contents: text.replace(probe, 'const hasNativeCrypto = process.versions.openssl !== undefined;'), loader: 'js' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => ({ contents: await lazyBuiltin(args.path), loader: 'js' }));
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer === lazyChildProcess ? { path: 'node:child_process', external: true } : { path: lazyChildProcess },
    );
  },
};

/** What every bundle shares: ESM for Node 20, SDK through its `module` builds, maps into src/. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  sourcemap: 'linked',
  sourcesContent: false,
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  metafile: true,
  absWorkingDir: root,
  logLevel: 'warning',
  plugins: [trimSdk],
  // src/cli/version.ts: the version without reading package.json on every run.
  define: { __SSO_OIDC_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf-8')).version) },
  // CommonJS dependencies (commander) call require() for Node built-ins.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
};

/** The compile cache's key (src/cli/compile-cache.ts): a hash of every file of the bundle. */
function stampHash(outdir) {
  const files = readdirSync(outdir, { recursive: true })
    .filter((f) => f.endsWith('.cjs'))
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(readFileSync(join(outdir, f)));
  const id = hash.digest('hex').slice(0, 16);
  const start = join(outdir, 'start.cjs');
  const text = readFileSync(start, 'utf-8');
  if (!text.includes('@@BUNDLE_HASH@@@')) throw new Error('start.cjs: no bundle-hash placeholder');
  writeFileSync(start, text.replace('@@BUNDLE_HASH@@@', id));
}

/**
 * Fewer files to load: each file that is loaded on its own (an entry, the target of an import())
 * takes in the chunks that only it loads, statically, as functions that run at its top and
 * register themselves in require.cache under their own file names, so any later require() of
 * them (from any chunk, through any loader) finds the same module. A chunk loaded from more than
 * one place stays a file of its own. The source map becomes an index map, a section per chunk.
 * (Each file costs the loader ~0.1-0.3 ms on Node 20; a call loaded 34 of them.)
 */
function pack(meta, first, abs, firstLoads = undefined) {
  const outputs = Object.fromEntries(Object.entries(meta.outputs).filter(([f]) => f.endsWith('.cjs')));
  const statics = (f) => outputs[f].imports.filter((i) => i.kind === 'import-statement' && outputs[i.path]).map((i) => i.path);
  const closure = (f, seen = new Set()) => {
    for (const d of statics(f)) if (!seen.has(d)) closure(d, seen.add(d));
    return seen;
  };
  const roots = new Set(Object.keys(outputs).filter((f) => outputs[f].entryPoint));
  for (const f of Object.keys(outputs))
    for (const i of outputs[f].imports) if (i.kind === 'dynamic-import' && outputs[i.path]) roots.add(i.path);
  const early = closure(first); // loaded by the first file, before anything else
  // What the first file imports (bench's start.cjs: sdk-floor.cjs) always loads, before any other
  // import(): its chunks are its. `firstLoads` says so instead where that is not the case.
  const firsts = firstLoads ?? outputs[first].imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path);
  const always = new Set(firsts.flatMap((f) => [...closure(f)]));
  // What only a signed call loads (the real credential chain and signer, behind the stubs of
  // scripts/bundle/) needs no copies: by then the call has loaded what it shares with them.
  const dynamics = (f) => outputs[f].imports.filter((i) => i.kind === 'dynamic-import' && outputs[i.path]).map((i) => i.path);
  const cold = new Set();
  const chill = (f) => {
    if (cold.has(f)) return;
    cold.add(f);
    for (const c of [...closure(f)]) dynamics(c).forEach(chill);
    dynamics(f).forEach(chill);
  };
  for (const f of Object.keys(outputs)) {
    if (Object.keys(outputs[f].inputs).some((i) => i.startsWith('scripts/bundle/'))) dynamics(f).forEach(chill);
  }
  const owners = new Map();
  for (const r of roots) {
    if (r === first || cold.has(r)) continue;
    for (const c of closure(r)) {
      if (roots.has(c) || early.has(c) || (always.has(c) && !firsts.includes(r))) continue;
      owners.set(c, [...(owners.get(c) ?? []), r]);
    }
  }
  for (const r of roots) {
    // The first file takes in every chunk it loads (each run loads them all): they register
    // themselves for the files loaded after it to find.
    const mine =
      r === first
        ? early
        : new Set(
            [...owners].filter(([c, o]) => o.includes(r) && (o.length <= MAX_COPIES || outputs[c].bytes <= SMALL_CHUNK)).map(([c]) => c),
          );
    if (mine.size === 0) continue;
    const order = [];
    const visit = (f, path) => {
      for (const d of statics(f)) {
        if (!mine.has(d) || order.includes(d)) continue;
        if (path.includes(d)) throw new Error(`pack: import cycle through ${d}`);
        visit(d, [...path, d]);
        order.push(d);
      }
    };
    visit(r, [r]);
    writePacked(r, order, abs);
  }
}

/** A chunk loaded by up to this many roots is copied into each (the first to run registers it). */
const MAX_COPIES = 3;
/** A chunk this small is copied into every root that loads it: a file costs more than its bytes. */
const SMALL_CHUNK = 8 * 1024;

const MAP_COMMENT = /\n?\/\/# sourceMappingURL=\S+\s*$/;

function writePacked(target, chunks, abs) {
  const dir = dirname(abs(target));
  const lines = [
    // __pack(relative path, module function): runs the chunk unless it is loaded already.
    // Paths are joined by hand, as compile-cache.ts joins them (the same keys in the module cache):
    // node:path's join on every chunk and every require made normalizeString hot enough for V8
    // to optimise it, paging in TurboFan (~3 MB of peak RSS, 3 ms of CPU on a call). The Module
    // class is module.constructor: requiring node:module loads the ES-module loader (~0.4 ms).
    'var __pk=module.constructor,__pack=(rel,fn)=>{let f=__dirname+rel.slice(1),c=__pk._cache;if(c[f])return;' +
      'let m=new __pk(f,module);m.filename=f;m.paths=module.paths;c[f]=m;let d=f.slice(0,f.lastIndexOf("/")),' +
      'r=id=>{if(id.startsWith("./")&&id.endsWith(".cjs")){let x=c[d+id.slice(1)];if(x)return x.exports}return m.require(id)};' +
      'try{fn.call(m.exports,m.exports,r,m,f,d)}catch(e){delete c[f];throw e}m.loaded=!0};',
  ];
  const sections = [];
  const add = (file, code) => {
    const map = JSON.parse(readFileSync(`${abs(file)}.map`, 'utf-8'));
    const from = dirname(abs(file));
    map.sources = map.sources.map((s) => relative(dir, join(from, s)));
    sections.push({ offset: { line: lines.length, column: 0 }, map });
    lines.push(...code.split('\n'));
  };
  for (const c of chunks) {
    const rel = `./${relative(dir, abs(c))}`;
    if (rel.includes('..') || rel.includes('\\')) throw new Error(`${c}: not below ${dir}`);
    lines.push(`__pack(${JSON.stringify(rel)},function(exports,require,module,__filename,__dirname){`);
    add(c, readFileSync(abs(c), 'utf-8').replace(MAP_COMMENT, ''));
    lines.push('});');
  }
  add(target, readFileSync(abs(target), 'utf-8').replace(MAP_COMMENT, ''));
  const base = target.split('/').at(-1);
  lines.push(`//# sourceMappingURL=${base}.map`);
  writeFileSync(abs(target), lines.join('\n'));
  writeFileSync(`${abs(target)}.map`, JSON.stringify({ version: 3, file: base, sections }));
}

/**
 * Moves a build from its staging directory into place file by file (rename: atomic), then removes
 * what the new build no longer has. The tests run the CLI while `npm pack` rebuilds it; an
 * unchanged build renames identical files over themselves, so no run sees a file missing.
 */
function install(stage, final) {
  const files = new Set(
    readdirSync(stage, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => relative(stage, join(d.parentPath, d.name))),
  );
  for (const f of files) {
    mkdirSync(dirname(join(final, f)), { recursive: true });
    renameSync(join(stage, f), join(final, f));
  }
  if (existsSync(final)) {
    for (const d of readdirSync(final, { recursive: true, withFileTypes: true })) {
      const f = relative(final, join(d.parentPath, d.name));
      if (d.isFile() && !files.has(f)) unlinkSync(join(final, f));
    }
  }
  rmSync(stage, { recursive: true, force: true });
}

/** One ES-module build with code splitting (a chunk per lazy import), written to dist/<name>. */
async function bundle(name, entryPoints, options = {}) {
  const final = join(root, 'dist', name);
  const outdir = join(root, 'dist', `.stage-${name}`);
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    ...common,
    entryPoints,
    outdir,
    splitting: true,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    ...options,
  });
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile).replaceAll(`dist/.stage-${name}/`, `dist/${name}/`));
  install(outdir, final);
  return result;
}

/** What the CommonJS files share (the second pass below, and the files built alone). */
const CJS = {
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.cjs' },
  sourcemap: 'linked',
  sourcesContent: false,
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  // import.meta.url, made when read: few files read it, and each file would otherwise load
  // node:url and build its URL as it starts.
  define: { 'import.meta.url': '__import_meta.url' },
  banner: { js: "var __import_meta={get url(){return require('node:url').pathToFileURL(__filename).href}};" },
};

/**
 * quick.cjs's answers for a pipe or a file, one file each under answers/, made by quick.cjs itself:
 * start.cjs copies them out without loading it (src/cli/stored-answers.ts).
 */
function storeQuickAnswers(outdir) {
  const quick = createRequire(import.meta.url)(join(outdir, 'quick.cjs'));
  mkdirSync(join(outdir, 'answers'));
  for (const argv of quick.quickWords()) {
    const text = quick.pipeAnswer(argv);
    if (text === undefined) continue;
    const name = quick.answerFileName(argv);
    if (name === undefined) throw new Error(`quick.cjs answers ${argv.join(' ')}, which has no answer file name`);
    writeFileSync(join(outdir, 'answers', name), text);
  }
}

/**
 * The same, as CommonJS: esbuild splits ES modules only, so the split ESM build goes to a
 * scratch directory and each of its files is converted to a .cjs file (static imports become
 * require(), import() becomes a require() in a promise), its source map carried through. On
 * Node 20, CommonJS starts faster (no ES-module loader) and takes V8's code cache (bin/).
 * `alone` ({ name: source }) are built each into one file with all they import, shared with
 * nothing; the split build leaves `require('./name.cjs')` to them.
 */
async function bundleCjs(name, entryPoints, alone = {}) {
  const final = join(root, 'dist', name);
  const outdir = join(root, 'dist', `.stage-${name}`);
  const esm = join(root, 'dist', `.${name}-esm`);
  rmSync(outdir, { recursive: true, force: true });
  rmSync(esm, { recursive: true, force: true });
  const first = await build({
    ...common,
    banner: {},
    entryPoints,
    outdir: esm,
    splitting: true,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.cjs' },
    external: Object.keys(alone).map((n) => `./${n}.cjs`),
  });
  const files = Object.keys(first.metafile.outputs).filter((f) => f.endsWith('.cjs'));
  await build({
    ...CJS,
    entryPoints: files.map((f) => join(root, f)),
    outbase: esm,
    outdir,
    bundle: false,
    loader: { '.cjs': 'js' },
    supported: { 'dynamic-import': false },
  });
  // The chunk graph in terms of the shipped files (the ESM pass's names, relocated).
  const meta = { inputs: first.metafile.inputs, outputs: {} };
  for (const [out, info] of Object.entries(first.metafile.outputs)) {
    meta.outputs[out.replace(`dist/.${name}-esm/`, `dist/${name}/`)] = {
      ...info,
      imports: info.imports.map((i) => ({ ...i, path: i.path.replace(`dist/.${name}-esm/`, `dist/${name}/`) })),
    };
  }
  // A start file built alone leaves entry.cjs first to load: it takes in the chunks it loads.
  const startAlone = 'start' in alone;
  pack(
    meta,
    `dist/${name}/${startAlone ? 'entry' : 'start'}.cjs`,
    (f) => join(outdir, relative(`dist/${name}`, f)),
    startAlone ? [] : undefined,
  );
  // Each file built alone: the whole of what it imports in one file, no chunks shared.
  for (const [n, entry] of Object.entries(alone)) {
    const own = await build({
      ...CJS,
      entryPoints: { [n]: entry },
      outdir,
      bundle: true,
      metafile: true,
      absWorkingDir: root,
      mainFields: common.mainFields,
      plugins: common.plugins,
      supported: { 'dynamic-import': false },
      define: { ...common.define, ...CJS.define },
    });
    for (const [out, info] of Object.entries(own.metafile.outputs))
      meta.outputs[out.replace(`dist/.stage-${name}/`, `dist/${name}/`)] = info;
    Object.assign(meta.inputs, own.metafile.inputs);
  }
  if ('quick' in alone) storeQuickAnswers(outdir);
  stampHash(outdir);
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify(meta));
  rmSync(esm, { recursive: true, force: true });
  install(outdir, final);
}

rmSync(join(root, 'dist/src'), { recursive: true, force: true }); // the old tsc output
await Promise.all([
  // start.cjs alone, in one scope: as chunks packed into it, its few modules cost ~1 ms of every
  // run (a module wrapper and esbuild's helpers each, compiled from source: no cache yet).
  bundleCjs('cli', { entry: 'src/cli/entry.ts' }, { start: 'src/cli/start.ts', quick: 'src/cli/quick.ts' }),
  bundle('emulator', { cli: 'src/emulator/cli.ts', index: 'src/emulator/index.ts' }),
  bundleCjs('bench', { start: 'scripts/sdk-floor-start.mjs', 'sdk-floor': 'scripts/sdk-floor.mjs' }),
  bundle('dev', { query: 'src/query/index.ts', pyjson: 'src/value/pyjson.ts' }),
]);

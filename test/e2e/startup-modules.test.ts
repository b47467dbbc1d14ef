/**
 * What the shipped bundle loads, by module, not by time: the start-up paths (--version, help,
 * completion, the input skeleton, a usage error) load no SDK code, no config loader and no
 * formatter; a call loads the SDK but not what we replaced (http2, the SDK's Node handler, the
 * credential provider chain, the signer, undici behind the lazy web globals, zlib). Each run
 * records the files it loaded (test/helpers/record-modules.cjs); the bundle's metafile
 * (dist/cli/meta.json, written by scripts/build.mjs) says which sources each chunk holds.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { answerFileName, pipeAnswer, quickWords } from '../../src/cli/quick.js';
import { BIN, makeSandbox, ROOT, run } from '../helpers/cli.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { underPty } from '../helpers/pty.js';

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

const meta = JSON.parse(readFileSync(join(ROOT, 'dist/cli/meta.json'), 'utf-8')) as Metafile;
const sandbox = makeSandbox();
let emu: TestEmulator;

before(async () => {
  emu = await startTestEmulator();
});
after(async () => {
  await emu.close();
  sandbox.cleanup();
});

interface Loaded {
  /** Source modules (src/..., node_modules/...) of the chunks loaded. */
  sources: string[];
  /** Bundle files loaded, relative to the package root. */
  files: string[];
  builtins: string[];
  stdout: string;
}

/** Runs bin/sso-oidc.js with `args` and reports what it loaded. */
async function loaded(args: string[], expectedCode = 0): Promise<Loaded> {
  const record = join(sandbox.dir, `modules-${Math.random().toString(36).slice(2)}.json`);
  const r = await run(process.execPath, ['-r', join(ROOT, 'test/helpers/record-modules.cjs'), BIN, ...args], {
    env: { ...sandbox.env, RECORD_MODULES: record },
  });
  assert.equal(r.code, expectedCode, r.stderr);
  const { files, builtins } = JSON.parse(readFileSync(record, 'utf-8')) as { files: string[]; builtins: string[] };
  const ours = files.map((f) => relative(ROOT, f)).filter((f) => f.startsWith('dist/'));
  assert.ok(ours.includes('dist/cli/start.cjs'), `the bundle ran: ${files.join(' ')}`);
  const outside = files
    .map((f) => relative(ROOT, f))
    .filter((f) => !f.startsWith('dist/') && !f.startsWith('bin/') && !f.startsWith('test/helpers/'));
  assert.deepEqual(outside, [], 'everything comes from the bundle');
  const sources = ours.flatMap((f) => {
    const out = meta.outputs[f];
    assert.ok(out, `${f} is in the metafile`);
    return Object.keys(out.inputs).map((i) => i.replace(/^.*node_modules\//, 'node_modules/'));
  });
  return { sources, files: ours, builtins, stdout: r.stdout };
}

const NOT_AT_START_UP = [
  /^node_modules\/@aws-sdk\//,
  /^node_modules\/@smithy\//,
  /^node_modules\/(chalk|yaml|qrcode)\//,
  /^src\/(aws|output|query|response|sso)\//,
  /^src\/config\/(?!paths\.ts$)/, // paths.ts: `~` and `$VAR` in file:// paths
];
// net, stream and tty: what process.stdout and process.stderr cost for a pipe or a terminal
// (src/cli/stdio.ts writes to the descriptors instead; these runs have pipes for both).
const HEAVY_BUILTINS = [
  'http',
  'https',
  'http2',
  'tls',
  'zlib',
  'child_process',
  'crypto',
  'internal/deps/undici/undici',
  'net',
  'stream',
  'tty',
  // node:module brings the ES-module loader; node:os is for a home without $HOME and a version
  // line (compile-cache.ts and the CLI take the module class and $HOME without them).
  'module',
  'os',
];

for (const [name, args, code] of [
  ['--version', ['--version'], 0],
  ['help', ['help'], 0],
  ['a command manual', ['start-device-authorization', 'help'], 0],
  ['completion', ['completion', 'bash'], 0],
  ['the input skeleton', ['start-device-authorization', '--generate-cli-skeleton'], 0],
  ['a usage error', ['start-device-authorization', '--client-id', 'x'], 252],
] as const) {
  test(`${name} loads no SDK, config loader or formatter`, async () => {
    const { sources, builtins, stdout } = await loaded([...args], code);
    if (code === 0) assert.notEqual(stdout, '');
    const heavy = sources.filter((s) => NOT_AT_START_UP.some((re) => re.test(s)));
    assert.deepEqual(heavy, [], `${name} loaded: ${heavy.join(' ')}`);
    assert.deepEqual(
      // The version line names the system and its release: node:os.
      builtins.filter((b) => HEAVY_BUILTINS.includes(b) && !(name === '--version' && b === 'os')),
      [],
      `${name} loaded these built-ins`,
    );
  });
}

test('--version alone is answered before the CLI loads: no entry.cjs, no compile cache (version.ts)', async () => {
  const { files, stdout } = await loaded(['--version']);
  assert.match(stdout, /^sso-oidc\/\d+\.\d+\.\d+ Node\.js\//);
  assert.ok(!files.includes('dist/cli/entry.cjs'), files.join(' '));
  const other = await loaded(['--version', '--debug']);
  assert.ok(other.files.includes('dist/cli/entry.cjs'), 'any other words go through main()');
});

const QUICK_WORDS = [
  ['help'],
  ['login', 'help'],
  ['completion', 'zsh'],
  ['create-token', '--generate-cli-skeleton', 'yaml-input'],
  ['start-device-authorization', '--generate-cli-skeleton'],
];

test('on a pipe, help, a manual, completion and the input skeletons are the stored answers: no quick.cjs, no cache', async () => {
  for (const args of QUICK_WORDS) {
    const cache = join(sandbox.dir, `cache-pipe-${args.join('-')}`);
    const record = join(sandbox.dir, `modules-${Math.random().toString(36).slice(2)}.json`);
    const r = await run(process.execPath, ['-r', join(ROOT, 'test/helpers/record-modules.cjs'), BIN, ...args], {
      env: { ...sandbox.env, RECORD_MODULES: record, XDG_CACHE_HOME: cache },
    });
    assert.equal(r.code, 0, r.stderr);
    const name = answerFileName(args) as string;
    assert.equal(r.stdout, readFileSync(join(ROOT, 'dist/cli/answers', name), 'utf-8'), args.join(' '));
    const files = (JSON.parse(readFileSync(record, 'utf-8')) as { files: string[] }).files.map((f) => relative(ROOT, f));
    assert.deepEqual(
      files.filter((f) => f.startsWith('dist/')),
      ['dist/cli/start.cjs'],
      args.join(' '),
    );
    assert.ok(!existsSync(cache), `${args.join(' ')}: no compile cache made`);
  }
});

test('the stored answers are what quick.cjs answers on a pipe, one for each it answers', () => {
  const stored = readdirSync(join(ROOT, 'dist/cli/answers')).sort();
  const expected = quickWords()
    .flatMap((w) => {
      const text = pipeAnswer(w);
      return text === undefined ? [] : [[answerFileName(w) as string, text] as const];
    })
    .sort(([a], [b]) => (a < b ? -1 : 1));
  assert.deepEqual(
    stored,
    expected.map(([name]) => name),
  );
  for (const [name, text] of expected) assert.equal(readFileSync(join(ROOT, 'dist/cli/answers', name), 'utf-8'), text, name);
});

test('on a terminal, quick.cjs answers them alone, through the compile cache: no entry.cjs', async () => {
  for (const args of QUICK_WORDS) {
    const cache = join(sandbox.dir, `cache-${args.join('-')}`);
    const record = join(sandbox.dir, `modules-${Math.random().toString(36).slice(2)}.json`);
    const r = await underPty([process.execPath, '-r', join(ROOT, 'test/helpers/record-modules.cjs'), BIN, ...args], {
      ...sandbox.env,
      RECORD_MODULES: record,
      XDG_CACHE_HOME: cache,
    });
    assert.equal(r.code, 0, r.text);
    assert.notEqual(r.text, '');
    const files = (JSON.parse(readFileSync(record, 'utf-8')) as { files: string[] }).files.map((f) => relative(ROOT, f));
    assert.ok(files.includes('dist/cli/quick.cjs'), `${args.join(' ')}: ${files.join(' ')}`);
    assert.ok(!files.includes('dist/cli/entry.cjs'), `${args.join(' ')}: ${files.join(' ')}`);
    // Compiling quick.cjs (~50 KB) and the functions a help page runs cost more than reading
    // their code cache: about 1 ms of a 40 ms help (A/B, 100 shuffled runs).
    const cached = readdirSync(join(cache, 'sso-oidc'), { recursive: true }).map(String);
    assert.deepEqual(
      cached.filter((f) => f.endsWith('.v8')).map((f) => f.split('/').at(-1)),
      ['quick.cjs.v8'],
      `${args.join(' ')}: ${cached.join(' ')}`,
    );
  }
  // Words of one of those shapes that quick-parse.ts leaves to the parser go through main() and the cache.
  const cache = join(sandbox.dir, 'cache-debug');
  const r = await run(process.execPath, [BIN, 'help', 'help'], { env: { ...sandbox.env, XDG_CACHE_HOME: cache } });
  assert.equal(r.code, 0, r.stderr);
  const written = existsSync(cache) ? readdirSync(cache, { recursive: true }).map(String) : [];
  assert.ok(
    written.some((f) => f.endsWith('/entry.cjs.v8')),
    `help help: main() with the compile cache: ${written.join(' ')}`,
  );
});

test('--version, help, a manual and an input skeleton load no parser: commander stays unloaded (quick-parse.ts)', async () => {
  for (const args of [
    ['--version'],
    ['help'],
    ['start-device-authorization', 'help'],
    ['start-device-authorization', '--generate-cli-skeleton'],
  ]) {
    const { sources } = await loaded(args);
    assert.deepEqual(
      sources.filter((s) => s.startsWith('node_modules/commander/') || s === 'src/cli/program.ts'),
      [],
      args.join(' '),
    );
  }
});

test('a call loads the SDK and our handler, not the SDK defaults we replace', async () => {
  const reg = (await emu.post('/client/register', { clientName: 'modules', clientType: 'public' })).json as {
    clientId: string;
    clientSecret: string;
  };
  const { sources, builtins, stdout } = await loaded([
    'start-device-authorization',
    ...[
      '--client-id',
      reg.clientId,
      '--client-secret',
      reg.clientSecret,
      '--start-url',
      'https://example.awsapps.com/start',
      '--endpoint-url',
      emu.url,
    ],
  ]);
  assert.match(stdout, /"userCode"/);
  assert.ok(
    sources.some((s) => s.startsWith('node_modules/@aws-sdk/client-sso-oidc/dist-es/')),
    'the SDK, from its ES-module build',
  );
  assert.ok(sources.includes('src/aws/handler.ts'));
  const replaced = sources.filter((s) =>
    /^node_modules\/@(smithy\/node-http-handler|aws-sdk\/credential-provider|smithy\/credential-provider|smithy\/signature-v4|smithy\/fetch-http-handler)/.test(
      s,
    ),
  );
  assert.deepEqual(replaced, []);
  for (const b of ['http2', 'zlib', 'internal/deps/undici/undici', 'child_process']) assert.ok(!builtins.includes(b), `${b} was loaded`);
  // An http:// endpoint: the TLS stack stays unloaded (src/aws/connection.ts makes the https Agent on first use).
  for (const b of ['https', 'tls', '_tls_wrap']) assert.ok(!builtins.includes(b), `${b} was loaded for an http:// call`);
  // Nor node:crypto and WebCrypto (the SDK core's hashes, its UUID and Sha256Node's probe: scripts/bundle/),
  // nor the SDK's shared-config reader's fs/promises.
  for (const b of ['crypto', 'internal/crypto/webcrypto', 'fs/promises'])
    assert.ok(!builtins.includes(b), `${b} was loaded for an http:// call`);
});

test('no function gets hot enough for TurboFan on the start-up paths or a call, in any output', async () => {
  // TurboFan paged in for one small function costs ~3 MB of peak RSS and ~3 ms of a core (it
  // was node:path's normalizeString, from joining chunk paths, and a table's width lookup).
  // Maglev, Node 22+'s mid tier, is cheap, and on Node 24 Node's own module loader wakes it.
  const reg = (await emu.post('/client/register', { clientName: 'tiers', clientType: 'public' })).json as {
    clientId: string;
    clientSecret: string;
  };
  const call = ['start-device-authorization', '--client-id', reg.clientId, '--client-secret', reg.clientSecret];
  call.push('--start-url', 'https://example.awsapps.com/start', '--endpoint-url', emu.url);
  for (const [args, code] of [
    [['help'], 0],
    [['start-device-authorization', 'help'], 0],
    [['start-device-authorization', '--client-id', 'x'], 252],
    [call, 0],
    ...['text', 'table', 'yaml', 'off'].map((o) => [[...call, '--output', o], 0] as const),
    [[...call, '--query', 'userCode', '--output', 'text'], 0],
  ] as const) {
    for (let i = 0; i < 2; i++) {
      // The second run has the compile cache the first one wrote: both must stay below TurboFan.
      const r = await run(process.execPath, ['--trace-opt', BIN, ...args], { env: sandbox.env });
      assert.equal(r.code, code, r.stderr);
      const optimised = r.stdout.split('\n').filter((l) => l.startsWith('[completed compiling') && l.includes('TURBOFAN'));
      assert.deepEqual(optimised, [], `${args.slice(0, 2).join(' ')} ${args.slice(-2).join(' ')}`);
    }
  }
});

test('json loads no YAML code; yaml output loads our emitter only; --cli-input-yaml loads the yaml package', async () => {
  const reg = (await emu.post('/client/register', { clientName: 'modules', clientType: 'public' })).json as {
    clientId: string;
    clientSecret: string;
  };
  const sda = [
    'start-device-authorization',
    '--client-id',
    reg.clientId,
    '--client-secret',
    reg.clientSecret,
    '--start-url',
    'https://example.awsapps.com/start',
    '--endpoint-url',
    emu.url,
  ];
  const isEmitter = (s: string) => s === 'src/output/yaml.ts';
  const isPackage = (s: string) => s.startsWith('node_modules/yaml/');
  for (const output of ['json', 'text', 'table', 'off']) {
    const { sources } = await loaded([...sda, '--output', output]);
    assert.deepEqual(
      sources.filter((s) => isEmitter(s) || isPackage(s) || s === 'src/input/cli-input-yaml.ts'),
      [],
      output,
    );
  }
  const yaml = await loaded([...sda, '--output', 'yaml']);
  assert.match(yaml.stdout, /^userCode: /m);
  assert.ok(yaml.sources.some(isEmitter), 'the emitter');
  assert.deepEqual(yaml.sources.filter(isPackage), [], 'no yaml package for output');
  const input = await loaded([
    'register-client',
    '--cli-input-yaml',
    'clientName: modules\nclientType: public',
    '--endpoint-url',
    emu.url,
    '--query',
    'clientIdIssuedAt',
  ]);
  assert.ok(input.sources.some(isPackage), 'the yaml package parses --cli-input-yaml');
});

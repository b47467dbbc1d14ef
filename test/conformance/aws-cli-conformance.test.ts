/**
 * Conformance: the installed AWS CLI v1 and the built sso-oidc, side by side, against the same
 * scripted response (each on an emulator of its own). Skips (saying why) when `aws` is not on PATH.
 */
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import { findAws, makeSandbox, runAws, runCli, type RunResult, type Sandbox } from '../helpers/cli.js';
import { CASES, START_URL_FILE, type Case } from './cases.js';

const aws = findAws();

function afterMarker(text: string, marker: RegExp): string {
  const m = marker.exec(text);
  assert.ok(m, `expected ${marker} in:\n${text}`);
  return text.slice(m.index + m[0].length);
}

function compareStderr(c: Case, v1: RunResult, ours: RunResult): void {
  switch (c.stderr) {
    case 'same':
      assert.equal(ours.stderr, v1.stderr);
      return;
    case 'empty':
      assert.equal(v1.stderr, '', 'aws stderr');
      assert.equal(ours.stderr, '');
      return;
    case 'usage':
      assert.equal(afterMarker(ours.stderr, /\nsso-oidc: error: /), afterMarker(v1.stderr, /\naws: error: /));
      return;
    case 'unknown-options': {
      const line = (s: string) => s.split('\n').find((l) => l.startsWith('Unknown options: '));
      assert.equal(line(ours.stderr), line(v1.stderr));
      return;
    }
    case 'usage-message': {
      const line = (s: string, marker: RegExp) => afterMarker(s, marker).split('\n')[0];
      assert.equal(line(ours.stderr, /\nsso-oidc: error: /), line(v1.stderr, /\naws: error: /));
      return;
    }
    case 'usage-prefix': {
      const line = (s: string, marker: RegExp) => afterMarker(s, marker).split('\n')[0] ?? '';
      const v1Line = line(v1.stderr, /\naws: error: /);
      assert.ok(v1Line.length > 0, v1.stderr);
      assert.ok(line(ours.stderr, /\nsso-oidc: error: /).startsWith(v1Line), `${ours.stderr}\ndoes not start with\n${v1Line}`);
      return;
    }
    case 'first-line': {
      const first = (s: string) => s.split('\n').find((l) => l.length > 0);
      assert.equal(first(ours.stderr), first(v1.stderr));
    }
  }
}

/**
 * Cases run side by side with each other as well: each side of each case gets an emulator of its
 * own (so scripts and recorded requests never mix), and both sides run at once. The processes are
 * the cost; the test runner's processes are busy elsewhere, so a few more than the cores.
 */
const CONCURRENCY = availableParallelism() + 1;

describe(
  'sso-oidc and aws side by side',
  { skip: aws === null ? 'the AWS CLI (aws) is not on PATH: conformance cases skipped' : false, concurrency: CONCURRENCY },
  () => {
    let box: Sandbox;
    before(() => {
      box = makeSandbox();
      box.write(START_URL_FILE, 'https://example.awsapps.com/start');
    });
    after(() => box.cleanup());

    async function side(c: Case, runner: typeof runCli): Promise<{ result: RunResult; bodies: unknown[] }> {
      const emu = await startEmulator({ host: '127.0.0.1', port: 0 });
      try {
        if (c.responses) emu.script(c.responses);
        const args = c.args.map((a) => (a === 'URL' ? emu.url : a));
        const prefix = runner === runAws ? ['sso-oidc'] : [];
        const r = await runner([...prefix, ...args], { env: { ...box.env, ...c.env }, cwd: box.dir });
        // Each side has its own port: the emulator's URL reads `URL` in what both print.
        const unport = (t: string) => t.replaceAll(emu.url, 'URL');
        return { result: { ...r, stdout: unport(r.stdout), stderr: unport(r.stderr) }, bodies: emu.requests().map((q) => q.json) };
      } finally {
        await emu.close();
      }
    }

    test(`the table has at least 60 cases (${CASES.length})`, () => assert.ok(CASES.length >= 60));

    for (const c of CASES) {
      test(c.name, async () => {
        const [v1, ours] = await Promise.all([side(c, runAws), side(c, runCli)]);
        assert.equal(v1.result.code, c.v1Code, `aws exit code (stderr: ${v1.result.stderr})`);
        assert.equal(ours.result.code, c.ourCode, `sso-oidc exit code (stderr: ${ours.result.stderr})`);
        assert.equal(ours.result.stdout, v1.result.stdout, 'stdout');
        compareStderr(c, v1.result, ours.result);
        if (c.requests !== undefined) {
          assert.equal(v1.bodies.length, c.requests, 'requests aws sent');
          assert.equal(ours.bodies.length, c.requests, 'requests sso-oidc sent');
        } else {
          assert.equal(ours.bodies.length, v1.bodies.length, 'same number of requests');
        }
        assert.deepEqual(ours.bodies, v1.bodies, 'request bodies');
      });
    }
  },
);

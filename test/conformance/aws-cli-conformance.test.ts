/**
 * Conformance: the installed AWS CLI v1 and the built sso-oidc, side by side, against the same
 * scripted emulator. Skips (saying why) when `aws` is not on PATH.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator } from '../../src/emulator/types.js';
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
    case 'first-line': {
      const first = (s: string) => s.split('\n').find((l) => l.length > 0);
      assert.equal(first(ours.stderr), first(v1.stderr));
    }
  }
}

describe('sso-oidc and aws side by side', { skip: aws === null ? 'the AWS CLI (aws) is not on PATH: conformance cases skipped' : false }, () => {
  let emu: Emulator;
  let box: Sandbox;
  before(async () => {
    emu = await startEmulator({ host: '127.0.0.1', port: 0 });
    box = makeSandbox();
    box.write(START_URL_FILE, 'https://example.awsapps.com/start');
  });
  after(async () => {
    await emu.close();
    box.cleanup();
  });

  async function side(c: Case, runner: typeof runCli): Promise<{ result: RunResult; bodies: unknown[] }> {
    emu.clearFaults();
    emu.clearRequests();
    if (c.responses) emu.script(c.responses);
    const args = c.args.map((a) => (a === 'URL' ? emu.url : a));
    const prefix = runner === runAws ? ['sso-oidc'] : [];
    const result = await runner([...prefix, ...args], { env: { ...box.env, ...c.env }, cwd: box.dir });
    return { result, bodies: emu.requests().map((r) => r.json) };
  }

  test(`the table has at least 60 cases (${CASES.length})`, () => assert.ok(CASES.length >= 60));

  for (const c of CASES) {
    test(c.name, async () => {
      const v1 = await side(c, runAws);
      const ours = await side(c, runCli);
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
});

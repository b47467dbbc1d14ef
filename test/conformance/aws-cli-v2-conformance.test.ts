/**
 * Conformance with AWS CLI v2: the installed v2 (/opt/awscli2/bin/aws) and the built sso-oidc,
 * side by side against the same emulator (started with IAM credentials, so create-token-with-iam
 * signatures are really verified), over v2's error formats, its extra global flags and
 * create-token-with-iam; the create-token-with-iam cases marked `v1` also run AWS CLI v1.
 * Skips (saying why) when v2 is not installed.
 *
 * v2's stderr is compared after its program name (`aws: [ERROR]`) and its usage block are
 * replaced by ours, which are the only words that are meant to differ.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator } from '../../src/emulator/types.js';
import { AWS_V2, findAws, makeSandbox, runAws, runAwsV2, runCli, type RunResult, type Sandbox } from '../helpers/cli.js';
import { START_URL_FILE } from './cases.js';
import { IAM_KEY, V2_CASES, type V2Case } from './v2-cases.js';

const haveV2 = existsSync(AWS_V2);
const aws = findAws();

const V2_USAGE =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';
const OUR_USAGE =
  'usage: sso-oidc [options] <command> [parameters]\nTo see help text, you can run:\n\n  sso-oidc help\n  sso-oidc <command> help\n';

/** v2's stderr in our words: the program name and the usage block, raw and JSON-escaped. */
export function inOurWords(text: string): string {
  const esc = (s: string): string => JSON.stringify(s).slice(1, -1);
  return text.split(V2_USAGE).join(OUR_USAGE).split(esc(V2_USAGE)).join(esc(OUR_USAGE)).split('aws: [ERROR]').join('sso-oidc: [ERROR]');
}

const CONFIG = '[default]\nregion = us-east-1\ncli_follow_urlparam = false\n';
const CREDENTIALS = `[default]\naws_access_key_id = ${IAM_KEY.accessKeyId}\naws_secret_access_key = ${IAM_KEY.secretAccessKey}\n`;

interface Side {
  result: RunResult;
  bodies: unknown[];
  signed: boolean[];
}

/**
 * Cases run side by side with each other, and the sides of a case too: each side gets an
 * emulator of its own (so scripts, faults and recorded requests never mix) and a config file of
 * its own; the processes are the cost, so a few more at once than the cores.
 */
const CONCURRENCY = availableParallelism() + 1;

describe(
  'sso-oidc and AWS CLI v2 side by side',
  { skip: haveV2 ? false : `AWS CLI v2 is not installed at ${AWS_V2}: v2 conformance cases skipped`, concurrency: CONCURRENCY },
  () => {
    let box: Sandbox;
    let sides = 0;
    before(() => {
      box = makeSandbox(CONFIG);
      box.write('credentials', CREDENTIALS);
      box.write(START_URL_FILE, 'https://example.awsapps.com/start');
    });
    after(() => box.cleanup());

    /** Single-use values for one side: an authorization code, or a fresh refresh token. */
    async function prepare(c: V2Case, emu: Emulator): Promise<Record<string, string>> {
      if (c.setup === 'iam-code') {
        const challenge = (await import('node:crypto'))
          .createHash('sha256')
          .update('verifier-0123456789-0123456789-0123456789')
          .digest('base64url');
        const r = await fetch(`${emu.url}/emulator/iam/authorization-code`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ clientId: c.args[2], redirectUri: 'http://127.0.0.1:8400/cb', codeChallenge: challenge }),
        });
        return { code: ((await r.json()) as { code: string }).code };
      }
      if (c.setup === 'iam-refresh') {
        const r = await runCli(
          [
            'create-token-with-iam',
            '--client-id',
            c.args[2] as string,
            '--grant-type',
            'urn:ietf:params:oauth:grant-type:jwt-bearer',
            '--assertion',
            'a.b.c',
            '--endpoint-url',
            emu.url,
            '--query',
            'refreshToken',
            '--output',
            'text',
          ],
          { env: box.env, cwd: box.dir },
        );
        assert.equal(r.code, 0, r.stderr);
        return { refresh: r.stdout.trim() };
      }
      return {};
    }

    /** The request bodies with this side's single-use values put back as their placeholders. */
    function placeholders(value: unknown, values: Record<string, string>): unknown {
      if (typeof value === 'string') {
        const hit = Object.entries(values).find(([, v]) => v === value);
        return hit ? `{${hit[0]}}` : value;
      }
      if (Array.isArray(value)) return value.map((v) => placeholders(v, values));
      if (value !== null && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, placeholders(v, values)]));
      return value;
    }

    /** No format anywhere: v2 prints `enhanced`, we print v1's wording; the v2 table asks for enhanced then. */
    function v2Env(c: V2Case): Record<string, string> {
      const given = c.args.includes('--cli-error-format') || c.config !== undefined || c.env?.['AWS_CLI_ERROR_FORMAT'] !== undefined;
      return given ? {} : { AWS_CLI_ERROR_FORMAT: 'enhanced' };
    }

    async function side(
      c: V2Case,
      runner: (args: string[], env: Record<string, string>) => Promise<RunResult>,
      extraEnv: Record<string, string> = {},
    ): Promise<Side> {
      const emu = await startEmulator({ host: '127.0.0.1', port: 0, iamCredentials: IAM_KEY });
      try {
        const values = await prepare(c, emu);
        emu.clearRequests();
        if (c.responses) emu.script(c.responses);
        const args = c.args.map((a) => (a === 'URL' ? emu.url : a.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '')));
        const env: Record<string, string> = { ...box.env, AWS_PAGER: '', ...extraEnv, ...c.env };
        if (c.config !== undefined) env['AWS_CONFIG_FILE'] = box.write(`case-config-${++sides}`, c.config);
        const r = await runner(args, env);
        // Each side has its own port: the emulator's URL reads `URL` in what both print.
        const unport = (t: string) => t.replaceAll(emu.url, 'URL').replaceAll(emu.url.replace(/^https?:\/\//, ''), 'HOST');
        const requests = emu.requests();
        return {
          result: { ...r, stdout: unport(r.stdout), stderr: unport(r.stderr) },
          bodies: requests.map((q) => placeholders(q.json, values)),
          signed: requests.map((q) => (q.headers['authorization'] ?? '').startsWith('AWS4-HMAC-SHA256 ')),
        };
      } finally {
        await emu.close();
      }
    }

    const v2 = (args: string[], env: Record<string, string>) => runAwsV2(['sso-oidc', ...args], { env, cwd: box.dir });
    const v1 = (args: string[], env: Record<string, string>) => runAws(['sso-oidc', ...args], { env, cwd: box.dir });
    const ours = (args: string[], env: Record<string, string>) => runCli(args, { env, cwd: box.dir });

    function compare(c: V2Case, ref: Side, us: Side, refName: string, refCode: number, translate: (s: string) => string): void {
      assert.equal(ref.result.code, refCode, `${refName} exit code (stderr: ${ref.result.stderr})`);
      assert.equal(us.result.code, c.ourCode, `sso-oidc exit code (stderr: ${us.result.stderr})`);
      assert.equal(us.result.stdout, ref.result.stdout, 'stdout');
      if (c.stderr === 'empty') {
        assert.equal(ref.result.stderr, '', `${refName} stderr`);
        assert.equal(us.result.stderr, '', 'sso-oidc stderr');
      } else {
        assert.equal(us.result.stderr, translate(ref.result.stderr), 'stderr');
      }
      if (c.requests !== undefined) {
        assert.equal(ref.bodies.length, c.requests, `requests ${refName} sent`);
        assert.equal(us.bodies.length, c.requests, 'requests sso-oidc sent');
      } else {
        assert.equal(us.bodies.length, ref.bodies.length, 'same number of requests');
      }
      assert.deepEqual(us.bodies, ref.bodies, 'request bodies');
      if (c.signed !== undefined) {
        assert.deepEqual(
          ref.signed,
          ref.signed.map(() => c.signed),
          `${refName} signed`,
        );
        assert.deepEqual(
          us.signed,
          us.signed.map(() => c.signed),
          'sso-oidc signed',
        );
      }
    }

    test(`the table has at least 80 cases (${V2_CASES.length})`, () => assert.ok(V2_CASES.length >= 80));

    for (const c of V2_CASES) {
      test(`v2: ${c.name}`, async () => {
        const [ref, us] = await Promise.all([side(c, v2, v2Env(c)), side(c, ours, v2Env(c))]);
        compare(c, ref, us, 'aws v2', c.v2Code, inOurWords);
      });
    }

    for (const c of V2_CASES.filter((x) => x.v1 !== undefined)) {
      test(`v1: ${c.name}`, { skip: aws === null ? 'the AWS CLI v1 (aws) is not on PATH' : false }, async () => {
        const [ref, us] = await Promise.all([side(c, v1), side(c, ours)]);
        compare(c, ref, us, 'aws v1', c.v1 as number, (s) => s);
      });
    }
  },
);

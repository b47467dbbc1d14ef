/**
 * Side by side with the AWS CLI v1 (and v2 where it is installed), for what the conformance
 * table cannot compare whole: "maybe you meant" (our command list is longer, the suggestion
 * must be the same: issue 10, item 20) and a misspelt secret option (we mask its value where
 * the AWS CLI echoes it: item 8). Ours runs in-process; nothing is sent anywhere.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { AWS_V2 as V2, findAws, makeSandbox, runAws, runAwsV2, type RunResult } from '../helpers/cli.js';
import { runMain } from '../helpers/fake-deps.js';

async function both(args: string[]): Promise<{ v1: RunResult | undefined; v2: RunResult | undefined }> {
  const box = makeSandbox();
  try {
    const env = { ...box.env, AWS_PAGER: '' };
    const v1 = findAws() === null ? undefined : await runAws(['sso-oidc', ...args], { env, timeoutMs: 60_000 });
    const v2 = existsSync(V2) ? await runAwsV2(['sso-oidc', ...args], { env, timeoutMs: 60_000 }) : undefined;
    return { v1, v2 };
  } finally {
    box.cleanup();
  }
}

/** The "maybe you meant" block at the end of a message, or '' when there is none. */
const suggestionOf = (stderr: string): string =>
  /\n\n\nInvalid choice: [^\n]*, maybe you meant:\n\n(?: {2}\* [^\n]*\n?)+$/.exec(stderr.replace(/\n+$/, ''))?.[0] ?? '';

for (const word of ['start-device-auth', 'start-device-authorizaton', 'create-tokn', 'regster-client', "it's-a-token"]) {
  test(`item 20: "${word}" gets the AWS CLI's suggestion`, async (t) => {
    const ours = await runMain([word]);
    assert.equal(ours.code, 252);
    const { v1 } = await both([word]);
    if (v1 === undefined) {
      t.skip('aws is not on PATH');
      return;
    }
    assert.equal(suggestionOf(ours.stderr), suggestionOf(v1.stderr), `ours:\n${ours.stderr}\naws:\n${v1.stderr}`);
    if (word === 'start-device-auth') assert.equal(suggestionOf(ours.stderr), '', 'no suggestion, as aws');
    if (word === 'start-device-authorizaton') assert.notEqual(suggestionOf(ours.stderr), '');
  });
}

test('item 8: a misspelt secret option: the AWS CLI line, its value masked', async (t) => {
  const args = [
    'create-token',
    '--client-id',
    'c',
    '--client-secret',
    's',
    '--grant-type',
    'g',
    '--refresh-tokn',
    'SEKRIT-VALUE-1',
    '--endpoint-url',
    'http://127.0.0.1:1',
  ];
  const ours = await runMain(args);
  assert.equal(ours.code, 252);
  assert.ok(!ours.stderr.includes('SEKRIT-VALUE-1'), ours.stderr);
  assert.match(ours.stderr, /^Unknown options: --refresh-tokn, \*\*\*$/m);
  const { v1, v2 } = await both(args);
  if (v1 === undefined && v2 === undefined) {
    t.skip('no AWS CLI installed');
    return;
  }
  for (const other of [v1, v2]) {
    if (other === undefined) continue;
    const line = /Unknown options: [^\n]*/.exec(other.stderr)?.[0];
    assert.equal(line, 'Unknown options: --refresh-tokn, SEKRIT-VALUE-1', other.stderr);
    assert.equal(/^Unknown options: [^\n]*/m.exec(ours.stderr)?.[0], line?.replace('SEKRIT-VALUE-1', '***'));
  }
});

test('items 17 and 21 against AWS CLI v2: the same argparse messages', async (t) => {
  if (!existsSync(V2)) {
    t.skip(`${V2} is not installed`);
    return;
  }
  const sda = ['start-device-authorization', '--client-secret', 's', '--start-url', 'u', '--endpoint-url', 'http://127.0.0.1:1'];
  for (const [args, message] of [
    [[...sda, '--client', 'x'], 'ambiguous option: --client could match --client-id, --client-secret'],
    [[...sda, '--client-id', '-x'], 'argument --client-id: expected one argument'],
  ] as const) {
    const { v2 } = await both([...args]);
    assert.match(v2?.stderr ?? '', new RegExp(`\\(ParamValidation\\): ${message.replace(/[-]/g, '\\-')}\\n`));
    const ours = await runMain([...args]);
    assert.equal(ours.code, 252);
    assert.equal(v2?.code, 252);
    assert.ok(ours.stderr.endsWith(`sso-oidc: error: ${message}\n`), ours.stderr);
  }
});

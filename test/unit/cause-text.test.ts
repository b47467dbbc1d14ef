/** --debug's "Cause:" line (src/cli/main.ts): the secrets typed for the run and JSON secret values never show. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutSecrets } from '../../src/cli/main.js';
import { parseArgv } from '../../src/cli/program.js';

test('a cause quoting a typed client secret or device code, or a secret JSON field, prints them as ***', async () => {
  const inv = parseArgv([
    'create-token',
    '--client-id',
    'id-1',
    '--client-secret',
    's3cr3t-value',
    '--grant-type',
    'g',
    '--device-code',
    'dev-code-42',
  ]);
  assert.equal(
    await withoutSecrets('Error: bad s3cr3t-value near dev-code-42 in {"refreshToken": "rt-9", "clientId": "id-1"}', inv),
    'Error: bad *** near *** in {"refreshToken": "***", "clientId": "id-1"}',
  );
});

test('with nothing secret in it, or no invocation parsed yet, the text stays as it is', async () => {
  assert.equal(await withoutSecrets('Error: connect ECONNREFUSED 127.0.0.1:1', undefined), 'Error: connect ECONNREFUSED 127.0.0.1:1');
});

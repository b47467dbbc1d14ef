/**
 * The README's first command ends in `node scripts/quickstart.mjs`: on a machine with no AWS
 * configuration at all it must run the main job against the embedded emulator.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, makeSandbox, run } from '../helpers/cli.js';

test('quickstart runs start-device-authorization against the embedded emulator', async () => {
  const box = makeSandbox('');
  try {
    const env = {
      PATH: box.env['PATH'] as string,
      HOME: box.dir,
      AWS_CONFIG_FILE: join(box.dir, 'none'),
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const r = await run(process.execPath, [join(ROOT, 'scripts/quickstart.mjs')], { env, cwd: box.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /using the embedded IAM Identity Center OIDC emulator at http:\/\/127\.0\.0\.1:\d+/);
    assert.match(r.stdout, /\$ sso-oidc start-device-authorization --client-id \S+ --client-secret file:\/\//);
    assert.match(r.stdout, /"userCode": "[A-Z]{4}-[A-Z]{4}",\n/);
    assert.doesNotMatch(r.stdout, /clientSecret/);
  } finally {
    box.cleanup();
  }
});

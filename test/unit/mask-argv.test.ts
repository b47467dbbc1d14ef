import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskArgv } from '../../src/cli/mask-argv.js';

test('secret option values are masked in every form', () => {
  assert.deepEqual(maskArgv(['start-device-authorization', '--client-id', 'id', '--client-secret', 's3cr3t', '--start-url', 'u']), [
    'start-device-authorization',
    '--client-id',
    'id',
    '--client-secret',
    '***',
    '--start-url',
    'u',
  ]);
  assert.deepEqual(maskArgv(['--client-secret=s3cr3t', '--device-code', 'dc']), ['--client-secret=***', '--device-code', '***']);
  assert.deepEqual(maskArgv(['--cli-input-json', '{"clientSecret": "s3cr3t"}']), ['--cli-input-json', '{"clientSecret": "***"}']);
  assert.deepEqual(maskArgv(['--cli-input-json', '{"client\\u0053ecret": "s3cr3t", bad']), [
    '--cli-input-json',
    '{"client\\u0053ecret": "***", bad',
  ]);
  assert.deepEqual(maskArgv(['--client-secrt', 's3cr3t', '--client-id', 'id']), ['--client-secrt', '***', '--client-id', 'id']);
  assert.deepEqual(maskArgv(['--cli-input-yaml', 'clientSecret: s3cr3t']), ['--cli-input-yaml', '***']);
  assert.deepEqual(maskArgv(['--cli-input-yaml={"clientSecret": s3cr3t}']), ['--cli-input-yaml=***']);
  assert.deepEqual(maskArgv(['--cli-input-yaml', 'file://in.yaml', '--client-id', 'id']), [
    '--cli-input-yaml',
    'file://in.yaml',
    '--client-id',
    'id',
  ]);
});

test('abbreviated secret options (argparse prefixes) are masked too', () => {
  assert.deepEqual(maskArgv(['--client-s', 's3cr3t', '--client-i', 'id']), ['--client-s', '***', '--client-i', 'id']);
  assert.deepEqual(maskArgv(['--refresh-t=rt', '--device-c', 'dc']), ['--refresh-t=***', '--device-c', '***']);
  assert.deepEqual(maskArgv(['--cli-input-j', '{"clientSecret": "s3cr3t"}']), ['--cli-input-j', '{"clientSecret": "***"}']);
  // `--cli-inp` is a prefix of --cli-input-json and --cli-input-yaml (ambiguous): masked whole.
  assert.deepEqual(maskArgv(['--cli-inp', '{"clientSecret": "s3cr3t"}']), ['--cli-inp', '***']);
  assert.deepEqual(maskArgv(['--cli-input', '{clientSecret: s3cr3t}']), ['--cli-input', '***']);
  assert.deepEqual(maskArgv(['--cli-input-y', 'clientSecret: s3cr3t']), ['--cli-input-y', '***']);
  assert.deepEqual(maskArgv(['--cli-input-j={"clientSecret": "s3cr3t"}']), ['--cli-input-j={"clientSecret": "***"}']);
  assert.deepEqual(maskArgv(['--endpoint-url', 'http://u:pw@127.0.0.1:1']), ['--endpoint-url', 'http://***:***@127.0.0.1:1']);
});

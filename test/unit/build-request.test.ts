import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskSecretsInJsonText } from '../../src/debug/redact.js';
import { buildRequest, validateRequest } from '../../src/input/build-request.js';
import { expandPath, type ParamFileIo } from '../../src/input/param-file.js';
import { registerClient } from '../../src/model/operations/register-client.js';
import { startDeviceAuthorization as sda } from '../../src/model/operations/start-device-authorization.js';

function io(files: Record<string, string> = {}): ParamFileIo {
  return {
    cwd: '/work',
    homedir: '/home/u',
    env: { DIR: '/data' },
    fs: {
      read: async (p) => {
        if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return Buffer.from(files[p] as string);
      },
    },
  };
}

test('command line beats JSON; JSON keys follow in JSON order', async () => {
  const r = await buildRequest(sda, { clientId: 'ok' }, '{"startUrl":"u","clientId":"fromjson","clientSecret":"s"}', io());
  assert.deepEqual(
    [...r],
    [
      ['clientId', 'ok'],
      ['startUrl', 'u'],
      ['clientSecret', 's'],
    ],
  );
});

test('file:// loads text unstripped, with ~ and $VAR', async () => {
  const files = { '/home/u/s.txt': 'sec\n', '/data/u.txt': 'https://x/start', '/work/rel.json': '{"clientId":"c"}' };
  const r = await buildRequest(sda, { clientSecret: 'file://~/s.txt', startUrl: 'file://$DIR/u.txt' }, 'file://rel.json', io(files));
  assert.deepEqual(Object.fromEntries(r), { clientSecret: 'sec\n', startUrl: 'https://x/start', clientId: 'c' });
  assert.equal(expandPath('${DIR}/a', io()), '/data/a');
});

test('missing paramfile names the path', async () => {
  await assert.rejects(async () => buildRequest(sda, { startUrl: 'file://nope.txt' }, undefined, io()), {
    message:
      "Error parsing parameter '--start-url': Unable to load paramfile file://nope.txt: [Errno 2] No such file or directory: 'nope.txt'",
  });
  await assert.rejects(async () => buildRequest(sda, {}, 'file://nope.json', io()), {
    message:
      "Error parsing parameter '--cli-input-json': Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'",
  });
});

test('invalid JSON echoes the input with secrets masked', async () => {
  await assert.rejects(async () => buildRequest(sda, {}, '{"clientId": "ok",', io()), {
    message:
      'Error parsing parameter \'cli-input-json\': Invalid JSON: Expecting property name enclosed in double quotes: line 1 column 19 (char 18)\nJSON received: {"clientId": "ok",',
  });
  assert.equal(
    maskSecretsInJsonText('{"clientSecret": "top", "clientId": "x", "deviceCode": "abc'),
    '{"clientSecret": "***", "clientId": "x", "deviceCode": "***',
  );
});

test('validation: missing, unknown, then type errors; secrets never echoed', async () => {
  const r = await buildRequest(sda, {}, '{"clientId":1,"clientSecret":true,"bogus":1}', io());
  assert.throws(() => validateRequest(sda, r), {
    message: [
      'Parameter validation failed:',
      'Missing required parameter in input: "startUrl"',
      'Unknown parameter in input: "bogus", must be one of: clientId, clientSecret, startUrl',
      "Invalid type for parameter clientId, value: 1, type: <class 'int'>, valid types: <class 'str'>",
      "Invalid type for parameter clientSecret, value: ***, type: <class 'bool'>, valid types: <class 'str'>",
    ].join('\n'),
  });
  const nulls = await buildRequest(sda, {}, '{"clientId":null,"clientSecret":"s","startUrl":["a"]}', io());
  assert.throws(() => validateRequest(sda, nulls), {
    message:
      "Parameter validation failed:\nInvalid type for parameter clientId, value: None, type: <class 'NoneType'>, valid types: <class 'str'>\nInvalid type for parameter startUrl, value: ['a'], type: <class 'list'>, valid types: <class 'str'>",
  });
});

test('fileb:// gives bytes, which a string member rejects', async () => {
  const r = await buildRequest(
    sda,
    { clientId: 'fileb://id.bin', clientSecret: 's', startUrl: 'u' },
    undefined,
    io({ '/work/id.bin': 'abc\n' }),
  );
  assert.throws(() => validateRequest(sda, r), {
    message:
      "Parameter validation failed:\nInvalid type for parameter clientId, value: b'abc\\n', type: <class 'bytes'>, valid types: <class 'str'>",
  });
});

test('list members: words, a JSON array, list element types', async () => {
  const r = await buildRequest(
    registerClient,
    { clientName: 'n', clientType: 'public', scopes: ['["a","b"]'], grantTypes: ['x', 'y'] },
    undefined,
    io(),
  );
  assert.deepEqual(r.get('scopes'), ['a', 'b']);
  assert.deepEqual(r.get('grantTypes'), ['x', 'y']);
  const bad = await buildRequest(
    registerClient,
    { clientName: 'n', clientType: 'public' },
    '{"scopes": ["a", 1], "redirectUris": "x"}',
    io(),
  );
  assert.throws(() => validateRequest(registerClient, bad), {
    message:
      "Parameter validation failed:\nInvalid type for parameter scopes[1], value: 1, type: <class 'int'>, valid types: <class 'str'>\nInvalid type for parameter redirectUris, value: x, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>",
  });
});

test('cli-input-json must be an object', async () => {
  await assert.rejects(async () => buildRequest(sda, {}, '[1]', io()), {
    message: "Error parsing parameter 'cli-input-json': Invalid JSON: the input must be a JSON object, not a list",
  });
});

test('a string shows as str(): no quotes (botocore formats the value with str, as v1 and v2 print it)', async () => {
  const bad = await buildRequest(registerClient, { clientName: 'n', clientType: 'public' }, '{"scopes": "abc"}', io());
  assert.throws(() => validateRequest(registerClient, bad), {
    message:
      "Parameter validation failed:\nInvalid type for parameter scopes, value: abc, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>",
  });
});

test('--cli-input-yaml: command line wins, YAML keys follow in order; both inputs is an error', async () => {
  const { loadCliInputYaml } = await import('../../src/input/cli-input-yaml.js');
  const r = await buildRequest(
    sda,
    { clientId: 'ok' },
    { yaml: 'startUrl: u\nclientId: fromyaml\nclientSecret: s' },
    io(),
    loadCliInputYaml,
  );
  assert.deepEqual(
    [...r],
    [
      ['clientId', 'ok'],
      ['startUrl', 'u'],
      ['clientSecret', 's'],
    ],
  );
  const f = await buildRequest(sda, {}, { yaml: 'file://in.yaml' }, io({ '/work/in.yaml': 'clientId: c # comment\n' }), loadCliInputYaml);
  assert.deepEqual([...f], [['clientId', 'c']]);
  await assert.rejects(async () => buildRequest(sda, {}, { json: '{}', yaml: 'a: 1' }, io(), loadCliInputYaml), {
    message: 'Only one --cli-input- parameter may be specified.',
  });
  await assert.rejects(async () => buildRequest(sda, {}, { yaml: '- a' }, io(), loadCliInputYaml), {
    message: "Error parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'list'>",
  });
  const dates = await buildRequest(
    registerClient,
    {},
    { yaml: 'clientName: 2020-01-01\nclientType: public\nscopes: [a, 2001-12-14 21:59:43.10 -5]' },
    io(),
    loadCliInputYaml,
  );
  assert.throws(() => validateRequest(registerClient, dates), {
    message: [
      'Parameter validation failed:',
      "Invalid type for parameter clientName, value: 2020-01-01, type: <class 'datetime.date'>, valid types: <class 'str'>",
      "Invalid type for parameter scopes[1], value: 2001-12-14 21:59:43.100000-05:00, type: <class 'datetime.datetime'>, valid types: <class 'str'>",
    ].join('\n'),
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { registerClient } from '../../src/model/operations/register-client.js';
import { startFakeServer, type FakeServer } from '../helpers/fake-server.js';
import { makeConfig, SDA_INPUT, send, testOptions } from './support.js';

const OK_BODY =
  '{"deviceCode":"DEVCODE-123","userCode":"ABCD-EFGH","verificationUri":"https://device.sso.us-east-1.amazonaws.com/","expiresIn":600,"interval":1}';

describe('sendOperation success', () => {
  let server: FakeServer;
  let bodies: (string | Buffer)[];
  before(async () => {
    bodies = [];
    server = await startFakeServer((_req, i) => ({
      status: i === 3 ? 201 : 200,
      body: bodies[i] ?? OK_BODY,
      headers: { 'content-type': 'application/json', 'x-amzn-RequestId': 'rid-1' },
    }));
  });
  after(() => server.close());

  it('returns the raw body untouched, and the request reached the server as the SDK sends it', async () => {
    const res = await send(makeConfig(server.url));
    assert.equal(res.status, 200);
    assert.equal(res.attempts, 1);
    assert.equal(res.body.toString('utf8'), OK_BODY);
    assert.equal(res.headers['x-amzn-requestid'], 'rid-1');
    const req = server.requests.at(-1);
    assert.ok(req);
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/device_authorization');
    assert.deepEqual(JSON.parse(req.body), SDA_INPUT);
    assert.match(String(req.headers['user-agent']), /(^| )sso-oidc\/0\.1\.0( |$)/);
    assert.match(String(req.headers['user-agent']), / md\/test#1/);
    assert.match(String(req.headers['amz-sdk-invocation-id']), /^[0-9a-f-]{36}$/);
    assert.equal(req.headers['amz-sdk-request'], 'attempt=1; max=1');
    assert.equal(req.headers.authorization, undefined);
  });

  it('returns 2xx bodies the SDK could not parse, byte for byte', async () => {
    for (const body of ['hello not json', '{"expiresIn":"abc"}', '[1,2]', '', Buffer.from([0xff, 0xfe, 0x00])]) {
      bodies[server.requests.length] = body;
      const res = await send(makeConfig(server.url));
      assert.deepEqual(res.body, Buffer.isBuffer(body) ? body : Buffer.from(body));
    }
  });

  it('keeps the endpoint path prefix and query, and sends the other operations to their paths', async () => {
    await send(makeConfig(`${server.url}/prefix/?x=1`));
    assert.equal(server.requests.at(-1)?.url, '/prefix/device_authorization?x=1');
    await send(makeConfig(server.url), testOptions(), registerClient, { clientName: 'n', clientType: 'public', scopes: ['a', 'b'] });
    const req = server.requests.at(-1);
    assert.equal(req?.url, '/client/register');
    assert.deepEqual(JSON.parse(req?.body ?? ''), { clientName: 'n', clientType: 'public', scopes: ['a', 'b'] });
  });

  it('adds app/<id> to the User-Agent', async () => {
    await send(makeConfig(server.url, { userAgentAppId: 'myapp' }));
    assert.match(String(server.requests.at(-1)?.headers['user-agent']), / app\/myapp/);
  });
});

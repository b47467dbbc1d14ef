/** Every row of reference §3's service-error table, through a real server, code and message exact. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ServiceError } from '../../src/errors.js';
import { parseErrorResponse } from '../../src/aws/error-response.js';
import { startFakeServer, type FakeServer, type Scripted } from '../helpers/fake-server.js';
import { makeConfig, rejection, send } from './support.js';

const OP = 'when calling the StartDeviceAuthorization operation';
const oauth = (type: string, extra: object = {}): object => ({
  error: 'oauth_code',
  error_description: `Description for ${type}`,
  ...extra,
});
const typed = (status: number, type: string, body: Scripted['body'] = oauth(type)): Scripted => ({
  status,
  headers: { 'x-amzn-ErrorType': type, 'content-type': 'application/json' },
  body,
});

/** [title, response, expected message, expected attempts] — legacy mode, 5 attempts, as v1's default. */
const ROWS: [string, Scripted, string, number][] = [
  [
    '400 InvalidRequestException',
    typed(400, 'InvalidRequestException'),
    `An error occurred (InvalidRequestException) ${OP}: Description for InvalidRequestException`,
    1,
  ],
  [
    '401 InvalidClientException',
    typed(401, 'InvalidClientException'),
    `An error occurred (InvalidClientException) ${OP}: Description for InvalidClientException`,
    1,
  ],
  [
    '400 UnauthorizedClientException',
    typed(400, 'UnauthorizedClientException'),
    `An error occurred (UnauthorizedClientException) ${OP}: Description for UnauthorizedClientException`,
    1,
  ],
  [
    '400 SlowDownException',
    typed(400, 'SlowDownException'),
    `An error occurred (SlowDownException) ${OP}: Description for SlowDownException`,
    1,
  ],
  [
    '500 InternalServerException',
    typed(500, 'InternalServerException'),
    `An error occurred (InternalServerException) ${OP} (reached max retries: 4): Description for InternalServerException`,
    5,
  ],
  ['400 unmodeled', typed(400, 'FooBarException'), `An error occurred (FooBarException) ${OP}: Description for FooBarException`, 1],
  [
    '401 with message',
    typed(401, 'InvalidClientException', oauth('InvalidClientException', { message: 'lower message' })),
    `An error occurred (InvalidClientException) ${OP}: lower message`,
    1,
  ],
  [
    '401 with Message',
    typed(401, 'InvalidClientException', { error: 'x', Message: 'Upper Message' }),
    `An error occurred (InvalidClientException) ${OP}: Upper Message`,
    1,
  ],
  [
    '401 no header',
    { status: 401, body: oauth('InvalidClientException') },
    `An error occurred (401) ${OP}: Description for InvalidClientException`,
    1,
  ],
  [
    '401 __type',
    { status: 401, body: { __type: 'com.amazon#InvalidClientException', message: 'typed message' } },
    `An error occurred (InvalidClientException) ${OP}: typed message`,
    1,
  ],
  [
    '401 code in body',
    { status: 401, body: { code: 'InvalidClientException', message: 'code in body' } },
    `An error occurred (InvalidClientException) ${OP}: code in body`,
    1,
  ],
  [
    '401 plain text',
    {
      ...typed(401, 'InvalidClientException', 'Plain text failure'),
      headers: { 'x-amzn-ErrorType': 'InvalidClientException', 'content-type': 'text/plain' },
    },
    `An error occurred (InvalidClientException) ${OP}: Plain text failure`,
    1,
  ],
  ['401 empty body', typed(401, 'InvalidClientException', ''), `An error occurred (InvalidClientException) ${OP}: `, 1],
  [
    '401 html, no header',
    { status: 401, body: '<html><body>Oops</body></html>' },
    `An error occurred (401) ${OP}: <html><body>Oops</body></html>`,
    1,
  ],
  ['403', { status: 403, body: { message: 'status 403 body' } }, `An error occurred (403) ${OP}: status 403 body`, 1],
  ['404', { status: 404, body: { message: 'status 404 body' } }, `An error occurred (404) ${OP}: status 404 body`, 1],
  [
    '429',
    { status: 429, body: { message: 'status 429 body' } },
    `An error occurred (429) ${OP} (reached max retries: 4): status 429 body`,
    5,
  ],
  [
    '503',
    { status: 503, body: { message: 'status 503 body' } },
    `An error occurred (503) ${OP} (reached max retries: 4): status 503 body`,
    5,
  ],
  ['502 empty', { status: 502 }, `An error occurred (502) ${OP} (reached max retries: 4): Bad Gateway`, 5],
  [
    '500 html with header',
    typed(500, 'InternalServerException', '<html><body>x</body></html>'),
    `An error occurred (500) ${OP} (reached max retries: 4): Internal Server Error`,
    5,
  ],
  [
    '500 empty with header',
    typed(500, 'InternalServerException', ''),
    `An error occurred (500) ${OP} (reached max retries: 4): Internal Server Error`,
    5,
  ],
  ['501', { status: 501, body: { message: 'status 501 body' } }, `An error occurred (501) ${OP}: status 501 body`, 1],
  [
    '301',
    { status: 301, headers: { location: 'http://127.0.0.1:1/' }, body: { message: 'status 301 body' } },
    `An error occurred (301) ${OP}: status 301 body`,
    1,
  ],
  [
    '302 header cut at colon',
    { status: 302, headers: { 'x-amzn-ErrorType': 'X:http://example.com' }, body: { message: 'status 302 body' } },
    `An error occurred (X) ${OP}: status 302 body`,
    1,
  ],
  ['300', { status: 300, body: { message: 'status 300 body' } }, `An error occurred (Unknown) ${OP}: Unknown`, 1],
  // v1 crashes here ('list' object has no attribute 'get'); we show the body as the message.
  ['400 JSON array', typed(400, 'InvalidRequestException', '["a",1]'), `An error occurred (InvalidRequestException) ${OP}: ["a",1]`, 1],
  [
    'extra members',
    typed(400, 'AccessDeniedException', oauth('AccessDeniedException', { reason: 'KMS_AccessDeniedException', zz: 1 })),
    `An error occurred (AccessDeniedException) ${OP}: Description for AccessDeniedException`,
    1,
  ],
  [
    '429 SlowDownException is retried',
    typed(429, 'SlowDownException'),
    `An error occurred (SlowDownException) ${OP} (reached max retries: 4): Description for SlowDownException`,
    5,
  ],
];

describe('service errors (reference §3)', () => {
  let server: FakeServer;
  let current: Scripted = {};
  before(async () => {
    server = await startFakeServer(() => current);
  });
  after(() => server.close());

  for (const [title, response, expected, attempts] of ROWS) {
    it(title, async () => {
      current = response;
      const before = server.requests.length;
      const e = await rejection(() => send(makeConfig(server.url, { retry: { mode: 'legacy', maxAttempts: 5 } })));
      assert.ok(e instanceof ServiceError, String(e));
      assert.equal(e.message, expected);
      assert.equal(e.exitCode, 254);
      assert.equal(e.httpStatus, response.status);
      assert.equal(server.requests.length - before, attempts);
    });
  }
});

describe('parseErrorResponse edge cases (botocore semantics)', () => {
  const parse = (status: number, body: string, headers: Record<string, string> = {}): string => {
    const { code, message } = parseErrorResponse(status, headers, Buffer.from(body));
    return `${code}|${message}`;
  };
  it('follows dict.get semantics for message keys', () => {
    assert.equal(parse(400, '{"message":"","error_description":"d"}'), '400|');
    assert.equal(parse(400, '{"Message":"","message":"lower","error_description":"d"}'), '400|lower');
    assert.equal(parse(400, '{"Message":"","error_description":"d"}'), '400|d');
    assert.equal(parse(400, '{"message":null}'), '400|None');
    assert.equal(parse(400, '{"message":5,"code":7}'), '7|5');
  });
  it('strips codes like botocore and prefers the header', () => {
    assert.equal(parse(400, '{"__type":"a.b#C:d"}'), 'C|');
    assert.equal(parse(400, '{"code":"x#Y","__type":"Z"}'), 'Y|');
    assert.equal(parse(400, '{"code":null,"__type":"Z"}'), 'Z|');
    assert.equal(parse(400, '{"code":"A"}', { 'x-amzn-errortype': 'ns#H:extra' }), 'H|');
  });
  it('uses Python reason phrases for generic 5xx bodies', () => {
    assert.equal(parse(503, '  \n'), '503|Service Unavailable');
    assert.equal(parse(509, ''), '509|');
    assert.equal(parse(500, ' <html>x'), '500|Internal Server Error');
    assert.equal(parse(500, '<HTML>x'), '500|<HTML>x');
  });
});

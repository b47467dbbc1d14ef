/**
 * The side-by-side table: each case runs `aws sso-oidc ...` (AWS CLI v1) and `sso-oidc ...`
 * against the same scripted emulator response and compares stdout byte for byte, stderr by the
 * case's rule, and exit codes (v1's mapped to our AWS CLI v2 codes).
 */
import type { ScriptedResponse } from '../../src/emulator/types.js';

export type StderrRule =
  | 'same' // byte-identical
  | 'empty' // both empty
  | 'usage' // argparse block: the final "<prog>: error: ..." lines match after the prog name
  | 'unknown-options' // "Unknown options: ..." line matches
  | 'first-line' // the first non-empty line matches (ours may add a hint after it)
  | 'usage-message' // the "<prog>: error: ..." line matches; what follows it may differ (v2's choices)
  | 'usage-prefix'; // our "<prog>: error: ..." line starts with v1's: v2's extra global options follow v1's

export interface Case {
  name: string;
  /** Words after the service name: `start-device-authorization --client-id ...`. `URL` is the emulator. */
  args: string[];
  responses?: ScriptedResponse[];
  env?: Record<string, string>;
  v1Code: number;
  ourCode: number;
  stderr: StderrRule;
  /** Number of requests each must have sent (default: the same number, whatever it is). */
  requests?: number;
}

export const SUCCESS_BODY = JSON.stringify({
  deviceCode: 'DEVCODE-123',
  userCode: 'ABCD-EFGH',
  verificationUri: 'https://device.sso.us-east-1.amazonaws.com/',
  verificationUriComplete: 'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
  expiresIn: 600,
  interval: 1,
});

/**
 * The start URL comes from a file (written by the test) so that no case can make the AWS CLI v1
 * fetch an https:// value: it does so for any profile without cli_follow_urlparam = false.
 */
export const START_URL_FILE = 'starturl.txt';
/** start-device-authorization with fixed credentials, its start URL from the file, against `URL`. */
export const SDA = [
  'start-device-authorization',
  '--client-id',
  'ok',
  '--client-secret',
  's3cr3t',
  '--start-url',
  `file://${START_URL_FILE}`,
  '--endpoint-url',
  'URL',
];
const ok = (body = SUCCESS_BODY): ScriptedResponse[] => [
  { path: '/device_authorization', status: 200, headers: { 'content-type': 'application/json' }, body },
];
const fail = (status: number, type: string | undefined, body: string, count = 1): ScriptedResponse[] =>
  Array.from({ length: count }, () => ({
    path: '/device_authorization',
    status,
    headers: { 'content-type': 'application/json', ...(type ? { 'x-amzn-ErrorType': type } : {}) },
    body,
  }));

const QUERIES = [
  'userCode',
  'expiresIn',
  '`1.5`',
  '`true`',
  '`0`',
  '`false`',
  '`""`',
  '`[]`',
  '`{}`',
  'nonexistent',
  '`600.0`',
  '`1e3`',
  '`1.0e-7`',
  '[userCode, deviceCode]',
  '[userCode, nonexistent, `false`]',
  '{code: userCode, uri: verificationUri}',
  '[[userCode, deviceCode], [expiresIn, interval]]',
  '{a: userCode, b: {c: deviceCode, d: interval}}',
  '{a: userCode, l: [deviceCode, interval]}',
  '[{a: userCode, n: interval}, {a: deviceCode, n: expiresIn}]',
  '[{a: userCode, x: {y: interval}}, {a: deviceCode, z: `5`}]',
  '[{a: nope, b: interval}, {a: userCode, b: nope}]',
  '{a: nope, b: [nope, userCode]}',
  'keys(@)',
  'length(userCode)',
  'avg([expiresIn, interval])',
  'to_string(expiresIn)',
  '{u: userCode, n: `null`}',
];

function outputCases(): Case[] {
  const cases: Case[] = [];
  for (const output of ['json', 'text', 'table']) {
    cases.push({
      name: `success --output ${output}`,
      args: [...SDA, '--output', output],
      responses: ok(),
      v1Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
    });
    for (const q of QUERIES) {
      cases.push({
        name: `--output ${output} --query ${q}`,
        args: [...SDA, '--output', output, '--query', q],
        responses: ok(),
        v1Code: 0,
        ourCode: 0,
        stderr: 'empty',
        requests: 1,
      });
    }
  }
  for (const q of ['[[userCode, deviceCode], [expiresIn]]', '[userCode, [deviceCode, interval]]']) {
    cases.push({
      name: `table row error ${q}`,
      args: [...SDA, '--output', 'table', '--query', q],
      responses: ok(),
      v1Code: 255,
      ourCode: 255,
      stderr: 'same',
    });
  }
  return cases;
}

const ODD_BODIES: [string, string][] = [
  [
    'reversed wire order',
    '{"interval":1,"expiresIn":600,"verificationUriComplete":"https://v/?c","verificationUri":"https://v/","userCode":"U","deviceCode":"D"}',
  ],
  ['missing member', '{"deviceCode":"D","userCode":"U","verificationUri":"https://v/","expiresIn":600,"interval":1}'],
  [
    'null and extra members',
    '{"deviceCode":"D","userCode":"U","verificationUriComplete":null,"zzExtra":1,"aaExtra":{"k":"v"},"expiresIn":600,"interval":1}',
  ],
  ['float and string numbers', '{"deviceCode":"D","expiresIn":600.0,"interval":"2"}'],
  ['non-string strings', '{"userCode":123,"deviceCode":["a",1],"verificationUri":{"k":"v"},"interval":true}'],
  ['unicode', '{"deviceCode":"dévé😀","userCode":"ÄBÇD-日本","expiresIn":600}'],
  ['empty object', '{}'],
  ['empty body', ''],
  ['non-JSON body', 'hello not json'],
  ['tab and newline in a value', '{"deviceCode":"a\\tb","userCode":"c\\nd"}'],
];

function responseCases(): Case[] {
  const cases: Case[] = [];
  for (const [name, body] of ODD_BODIES) {
    for (const output of ['json', 'text', 'table']) {
      cases.push({
        name: `${name} --output ${output}`,
        args: [...SDA, '--output', output],
        responses: ok(body),
        v1Code: 0,
        ourCode: 0,
        stderr: 'empty',
        requests: 1,
      });
    }
  }
  cases.push({ name: 'integer member "abc"', args: SDA, responses: ok('{"expiresIn":"abc"}'), v1Code: 255, ourCode: 255, stderr: 'same' });
  return cases;
}

const desc = (t: string) => JSON.stringify({ error: 'x', error_description: `Description for ${t}` });

function errorCases(): Case[] {
  const one = { AWS_MAX_ATTEMPTS: '1' };
  const std2 = { AWS_RETRY_MODE: 'standard', AWS_MAX_ATTEMPTS: '2' };
  return [
    {
      name: '400 InvalidRequestException',
      args: SDA,
      responses: fail(400, 'InvalidRequestException', desc('InvalidRequestException')),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
    },
    {
      name: '401 InvalidClientException',
      args: SDA,
      responses: fail(401, 'InvalidClientException', desc('InvalidClientException')),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
    },
    {
      name: '400 UnauthorizedClientException',
      args: SDA,
      responses: fail(400, 'UnauthorizedClientException', desc('UnauthorizedClientException')),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: '400 SlowDownException not retried',
      args: SDA,
      responses: fail(400, 'SlowDownException', desc('SlowDownException')),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
    },
    {
      name: '400 unmodeled FooBarException',
      args: SDA,
      responses: fail(400, 'FooBarException', desc('FooBarException')),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'message beats error_description',
      args: SDA,
      responses: fail(401, 'InvalidClientException', '{"error":"x","error_description":"d","message":"lower message"}'),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'Message',
      args: SDA,
      responses: fail(401, 'InvalidClientException', '{"error":"x","Message":"Upper Message"}'),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'no header: code is the status',
      args: SDA,
      responses: fail(401, undefined, desc('InvalidClientException')),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: '__type in body',
      args: SDA,
      responses: fail(401, undefined, '{"__type":"com.amazon#InvalidClientException","message":"typed message"}'),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'code in body',
      args: SDA,
      responses: fail(401, undefined, '{"code":"InvalidClientException","message":"code in body"}'),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'header with URL suffix',
      args: SDA,
      responses: fail(400, 'InvalidRequestException:http://internal.amazon.com/coral/', desc('InvalidRequestException')),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'plain text body',
      args: SDA,
      responses: fail(401, 'InvalidClientException', 'Plain text failure'),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
    { name: 'empty error body', args: SDA, responses: fail(401, 'InvalidClientException', ''), v1Code: 255, ourCode: 254, stderr: 'same' },
    {
      name: 'html 401 body',
      args: SDA,
      responses: fail(401, undefined, '<html><body>Oops</body></html>'),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: '403 not retried',
      args: SDA,
      responses: fail(403, undefined, '{"message":"status 403 body"}'),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
    },
    {
      name: '404 not retried',
      args: SDA,
      responses: fail(404, undefined, '{"message":"status 404 body"}'),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
    },
    {
      name: '500 with max attempts 1',
      args: SDA,
      env: one,
      responses: fail(500, 'InternalServerException', desc('InternalServerException')),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
    },
    {
      name: '500 standard mode, 2 attempts',
      args: SDA,
      env: std2,
      responses: fail(500, 'InternalServerException', desc('InternalServerException'), 2),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
      requests: 2,
    },
    {
      name: '503 standard mode, 2 attempts',
      args: SDA,
      env: std2,
      responses: fail(503, undefined, '{"message":"status 503 body"}', 2),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
      requests: 2,
    },
    {
      name: '502 empty body: reason phrase',
      args: SDA,
      env: one,
      responses: fail(502, undefined, ''),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: '500 html body ignores the header',
      args: SDA,
      env: one,
      responses: fail(500, 'InternalServerException', '<html>x</html>'),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: '429 standard mode not retried',
      args: SDA,
      env: { AWS_RETRY_MODE: 'standard' },
      responses: fail(429, undefined, '{"message":"status 429 body"}'),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
    },
    {
      name: '501 not retried',
      args: SDA,
      responses: fail(501, undefined, '{"message":"status 501 body"}'),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
    },
    {
      name: '500 then success',
      args: SDA,
      env: std2,
      responses: [...fail(500, 'InternalServerException', desc('x')), ...ok()],
      v1Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 2,
    },
    {
      name: 'ThrottlingException at 400 retried',
      args: SDA,
      env: std2,
      responses: fail(400, 'ThrottlingException', desc('ThrottlingException'), 2),
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
      requests: 2,
    },
    {
      name: 'connection refused',
      args: [...SDA.slice(0, -1), 'http://127.0.0.1:1'],
      env: one,
      v1Code: 255,
      ourCode: 255,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'create-token pending',
      args: [
        'create-token',
        '--client-id',
        'c',
        '--client-secret',
        's',
        '--grant-type',
        'urn:ietf:params:oauth:grant-type:device_code',
        '--device-code',
        'd',
        '--endpoint-url',
        'URL',
      ],
      responses: [
        {
          path: '/token',
          status: 400,
          headers: { 'x-amzn-ErrorType': 'AuthorizationPendingException' },
          body: JSON.stringify({ error: 'authorization_pending', error_description: 'Authorization is pending' }),
        },
      ],
      v1Code: 255,
      ourCode: 254,
      stderr: 'same',
    },
  ];
}

/** A RegisterClient answer, fixed so both sides print the same. */
const REGISTERED = JSON.stringify({
  clientId: 'cid-1',
  clientSecret: 'csecret-1',
  clientIdIssuedAt: 1700000000,
  clientSecretExpiresAt: 1707776000,
});
const REGISTER = ['register-client', '--client-name', 'x', '--client-type', 'public', '--endpoint-url', 'URL'];

/** --scopes is argparse's nargs='*': no value is an empty list, and the last occurrence wins (the bodies are compared). */
function listCases(): Case[] {
  return [
    ['--scopes'],
    ['--scopes', 'a', '--scopes', 'b', 'c'],
    ['--scopes', 'a', 'b', '--scopes'],
    ['--scopes=a', '--scopes', 'b'],
    ['--scopes', 'b', '--scopes=a'],
  ].map((scopes) => ({
    name: `register-client ${scopes.join(' ')}`,
    args: [...REGISTER, ...scopes],
    responses: [{ path: '/client/register', status: 200, headers: { 'content-type': 'application/json' }, body: REGISTERED }],
    v1Code: 0,
    ourCode: 0,
    stderr: 'empty' as const,
    requests: 1,
  }));
}

function inputCases(): Case[] {
  const base = ['start-device-authorization', '--endpoint-url', 'URL'];
  return [
    ...listCases(),
    { name: 'missing all required', args: base, v1Code: 2, ourCode: 252, stderr: 'usage', requests: 0 },
    { name: 'missing two required', args: [...base, '--client-id', 'x'], v1Code: 2, ourCode: 252, stderr: 'usage', requests: 0 },
    // We list v2's choices (yaml, yaml-stream, off; yaml-input): the README's deliberate differences.
    { name: 'bad --output', args: [...SDA, '--output', 'bogus'], v1Code: 2, ourCode: 252, stderr: 'usage-message', requests: 0 },
    { name: 'bad --color', args: [...SDA, '--color', 'maybe'], v1Code: 2, ourCode: 252, stderr: 'usage', requests: 0 },
    {
      name: 'bad skeleton value',
      args: [...SDA, '--generate-cli-skeleton', 'bogus'],
      v1Code: 2,
      ourCode: 252,
      stderr: 'usage-message',
      requests: 0,
    },
    { name: '--output without value', args: [...SDA, '--output'], v1Code: 2, ourCode: 252, stderr: 'usage', requests: 0 },
    { name: 'unknown option', args: [...SDA, '--bogus', '1'], v1Code: 255, ourCode: 252, stderr: 'unknown-options', requests: 0 },
    {
      name: 'unknown options order',
      args: [...SDA, '--bogus', '1', '--other'],
      v1Code: 255,
      ourCode: 252,
      stderr: 'unknown-options',
      requests: 0,
    },
    { name: 'bad query', args: [...SDA, '--query', 'foo['], v1Code: 255, ourCode: 252, stderr: 'same', requests: 0 },
    { name: 'empty query', args: [...SDA, '--query', ''], v1Code: 255, ourCode: 252, stderr: 'same', requests: 0 },
    {
      name: 'unknown function after the call',
      args: [...SDA, '--query', 'nofunc(@)'],
      responses: ok(),
      v1Code: 255,
      ourCode: 255,
      stderr: 'same',
      requests: 1,
    },
    {
      name: 'invalid type in function',
      args: [...SDA, '--query', 'length(expiresIn)'],
      responses: ok(),
      v1Code: 255,
      ourCode: 255,
      stderr: 'same',
      requests: 1,
    },
    {
      name: 'endpoint without scheme',
      args: [...SDA.slice(0, -1), '127.0.0.1:18080'],
      v1Code: 255,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'skeleton input',
      args: ['start-device-authorization', '--generate-cli-skeleton'],
      v1Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 0,
    },
    {
      name: 'skeleton input ignores json',
      args: ['start-device-authorization', '--generate-cli-skeleton', 'input', '--cli-input-json', '{"clientId":"x"}'],
      v1Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 0,
    },
    { name: 'skeleton output', args: [...SDA, '--generate-cli-skeleton', 'output'], v1Code: 0, ourCode: 0, stderr: 'empty', requests: 0 },
    {
      name: 'skeleton output text',
      args: [...SDA, '--generate-cli-skeleton', 'output', '--output', 'text'],
      v1Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 0,
    },
    {
      name: 'skeleton output query',
      args: [...SDA, '--generate-cli-skeleton', 'output', '--query', 'userCode'],
      v1Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 0,
    },
    {
      name: 'register-client skeleton',
      args: ['register-client', '--generate-cli-skeleton'],
      v1Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 0,
    },
    {
      name: 'create-token skeleton output',
      args: [
        'create-token',
        '--client-id',
        'a',
        '--client-secret',
        'b',
        '--grant-type',
        'c',
        '--generate-cli-skeleton',
        'output',
        '--output',
        'text',
      ],
      v1Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 0,
    },
    {
      name: 'cli-input-json alone',
      args: [
        ...base,
        '--cli-input-json',
        '{"clientId":"ok","clientSecret":"s","startUrl":"https://a.example/start"}' /* JSON values are never fetched */,
      ],
      responses: ok(),
      v1Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
    },
    {
      name: 'cli-input-json invalid',
      args: [...base, '--cli-input-json', '{"clientId": "ok",'],
      v1Code: 255,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'cli-input-json unknown key',
      args: [...base, '--cli-input-json', '{"clientId":"ok","clientSecret":"s","startUrl":"u","bogusKey":1}'],
      v1Code: 255,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'cli-input-json wrong types',
      args: [...base, '--cli-input-json', '{"clientId":123,"clientSecret":"s","startUrl":["a"]}'],
      v1Code: 255,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'cli-input-json missing members',
      args: [...base, '--cli-input-json', '{"clientId":"ok"}'],
      v1Code: 255,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'cli-input-json missing, unknown, types',
      args: [...base, '--cli-input-json', '{"clientId":1,"bogus":1}'],
      v1Code: 255,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'option beats cli-input-json',
      args: [...base, '--client-id', 'ok', '--cli-input-json', '{"clientId":"fromjson","clientSecret":"s","startUrl":"u"}'],
      responses: ok(),
      v1Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
    },
    {
      name: 'missing paramfile',
      args: [...SDA.slice(0, 5), '--start-url', 'file://nope.txt', '--endpoint-url', 'URL'],
      v1Code: 255,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'missing cli-input-json file',
      args: [...base, '--cli-input-json', 'file://nope.json'],
      v1Code: 255,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'no region',
      args: SDA,
      env: { AWS_CONFIG_FILE: '/nonexistent/config' },
      v1Code: 255,
      ourCode: 253,
      stderr: 'same',
      requests: 0,
    },
    { name: 'invalid region', args: [...SDA, '--region', 'bad region!'], v1Code: 255, ourCode: 253, stderr: 'same', requests: 0 },
    {
      name: 'empty --region with an endpoint sends the call',
      args: [...SDA, '--region', ''],
      responses: ok(),
      v1Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
    },
    { name: 'unknown profile', args: [...SDA, '--profile', 'nope'], v1Code: 255, ourCode: 253, stderr: 'same', requests: 0 },
    { name: 'bad AWS_MAX_ATTEMPTS', args: SDA, env: { AWS_MAX_ATTEMPTS: '0' }, v1Code: 255, ourCode: 253, stderr: 'same', requests: 0 },
    {
      name: 'no region beats a validation error',
      args: [...base, '--cli-input-json', '{"clientId":1}'],
      env: { AWS_CONFIG_FILE: '/nonexistent/config' },
      v1Code: 255,
      ourCode: 253,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'an unknown profile beats a validation error',
      args: [...base, '--cli-input-json', '{"foo":1}', '--profile', 'nope'],
      v1Code: 255,
      ourCode: 253,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'bad JSON beats no region',
      args: [...base, '--cli-input-json', '{bad'],
      env: { AWS_CONFIG_FILE: '/nonexistent/config' },
      v1Code: 255,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    { name: 'bad AWS_RETRY_MODE', args: SDA, env: { AWS_RETRY_MODE: 'bogus' }, v1Code: 255, ourCode: 253, stderr: 'same', requests: 0 },
  ];
}

/** argparse's option rules (issue 10, items 17 and 21): prefixes, ambiguity, what may be a value. */
function argparseCases(): Case[] {
  const start = `file://${START_URL_FILE}`;
  const sda = (...words: string[]): string[] => ['start-device-authorization', ...words, '--endpoint-url', 'URL'];
  const okCase = (name: string, args: string[]): Case => ({
    name: `argparse: ${name}`,
    args,
    responses: ok(),
    v1Code: 0,
    ourCode: 0,
    stderr: 'empty',
    requests: 1,
  });
  const usageCase = (name: string, args: string[]): Case => ({
    name: `argparse: ${name}`,
    args,
    v1Code: 2,
    ourCode: 252,
    stderr: 'usage',
    requests: 0,
  });
  return [
    okCase(
      'unambiguous prefixes are the options',
      sda('--client-i', 'ok', '--client-s', 's3cr3t', '--start', start, '--reg', 'us-east-1', '--out', 'text'),
    ),
    okCase('prefixes with =', sda('--client-i=ok', '--client-se=s3cr3t', '--start-u=' + start, '--qu=userCode', '--ou=text')),
    okCase('a global prefix before the command', [
      '--reg',
      'us-east-1',
      '--out',
      'json',
      ...sda('--client-id', 'ok', '--client-secret', 's', '--start-url', start),
    ]),
    okCase('a negative number is a value', sda('--client-id', '-5', '--client-secret', '-.5', '--start-url', start)),
    okCase('a word with a space, and -, are values', sda('--client-id', '-x y', '--client-secret', '-', '--start-url', start)),
    usageCase('ambiguous --client', sda('--client', 'ok', '--client-secret', 's', '--start-url', start)),
    usageCase('ambiguous --client=ok', sda('--client=ok', '--client-secret', 's', '--start-url', start)),
    // v2's globals (--cli-binary-format, --cli-error-format, --no-cli-pager, ...) are ours too, so
    // the candidates v1 lists come first, in its order, and v2's follow them.
    {
      ...usageCase('ambiguous global --cli', sda('--client-id', 'ok', '--client-secret', 's', '--start-url', start, '--cli', '5')),
      stderr: 'usage-prefix',
    },
    {
      ...usageCase('ambiguous --no', sda('--client-id', 'ok', '--client-secret', 's', '--start-url', start, '--no')),
      stderr: 'usage-prefix',
    },
    usageCase('--client-id -x: expected one argument', sda('--client-id', '-x', '--client-secret', 's', '--start-url', start)),
    usageCase(
      '--client-id before a global: expected one argument',
      sda('--client-id', '--debug', '--client-secret', 's', '--start-url', start),
    ),
    usageCase('--query -x: expected one argument', sda('--client-id', 'ok', '--client-secret', 's', '--start-url', start, '--query', '-x')),
    usageCase('--region at the end: expected one argument', [
      ...sda('--client-id', 'ok', '--client-secret', 's', '--start-url', start),
      '--region',
    ]),
    usageCase('--debug=x: ignored explicit argument', sda('--client-id', 'ok', '--client-secret', 's', '--start-url', start, '--debug=x')),
    usageCase('an ambiguous word beats an earlier missing value', sda('--client-id', '-x', '--client', 's', '--start-url', start)),
  ];
}

export const CASES: readonly Case[] = [...outputCases(), ...responseCases(), ...errorCases(), ...inputCases(), ...argparseCases()];

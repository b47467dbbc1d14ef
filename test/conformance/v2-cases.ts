/**
 * The AWS CLI v2 side-by-side table: error formats, the v2-only global flags and
 * create-token-with-iam. Each case runs `aws sso-oidc ...` (v2 2.36.7, and for the cases marked
 * `v1`, also AWS CLI v1) and `sso-oidc ...` against the same emulator. `URL` in args is the
 * emulator; `{name}` is a value the case's `setup` made (once per side: tokens and codes are
 * single-use).
 */
import type { ScriptedResponse } from '../../src/emulator/types.js';
import { SDA } from './cases.js';

/** The credentials the emulator verifies signatures with; the sandbox's [default] profile has them. */
export const IAM_KEY = { accessKeyId: 'AKIDCONFORMANCE', secretAccessKey: 'conformance-secret-key' };

export type V2StderrRule =
  | 'same' // byte-identical after v2's program name and usage block are replaced by ours
  | 'empty'; // both empty

export interface V2Case {
  name: string;
  args: string[];
  responses?: ScriptedResponse[];
  env?: Record<string, string>;
  /** Replaces the sandbox config file for this case. */
  config?: string;
  v2Code: number;
  ourCode: number;
  stderr: V2StderrRule;
  requests?: number;
  /** Also compare with AWS CLI v1 (its exit code), with our output in its default (v1) wording. */
  v1?: number;
  /** Makes single-use values (authorization codes, refresh tokens) for one side. */
  setup?: 'iam-code' | 'iam-refresh';
  /** Every request must carry (true) or lack (false) a SigV4 Authorization header. */
  signed?: boolean;
}

const JSON_CT = { 'content-type': 'application/json' };
const ok = (): ScriptedResponse[] => [
  {
    path: '/device_authorization',
    status: 200,
    headers: JSON_CT,
    body: '{"deviceCode":"D","userCode":"ABCD-EFGH","expiresIn":600,"interval":1}',
  },
];
const err = (status: number, type: string | undefined, body: string, count = 1): ScriptedResponse[] =>
  Array.from({ length: count }, () => ({
    path: '/device_authorization',
    status,
    headers: { ...JSON_CT, ...(type ? { 'x-amzn-ErrorType': type } : {}) },
    body,
  }));

const FORMATS = ['enhanced', 'legacy', 'json', 'yaml', 'text', 'table'] as const;
const REASON = err(
  400,
  'InvalidRequestException',
  '{"error":"invalid_request","error_description":"Bad thing","reason":"KMS_AccessDeniedException"}',
);
const CLIENT = err(401, 'InvalidClientException', '{"error":"invalid_client","error_description":"Client is invalid"}');
const UNMODELED = err(400, 'FooBarException', '{"message":"Foo happened","error":"x","extra":1}');
const NON_JSON = err(400, undefined, 'not json at all');
const SERVER_3 = err(500, 'InternalServerException', '{"error":"server_error","error_description":"boom"}', 3);
const HTML_3 = Array.from({ length: 3 }, () => ({ path: '/device_authorization', status: 503, body: '<html>Service Unavailable</html>' }));

function serviceErrorCases(): V2Case[] {
  const cases: V2Case[] = [];
  const fmt = (f: string) => ['--cli-error-format', f];
  for (const f of FORMATS) {
    cases.push({
      name: `modeled error with a reason, ${f}`,
      args: [...SDA, ...fmt(f)],
      responses: REASON,
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
    });
  }
  for (const f of ['enhanced', 'json', 'yaml', 'text', 'table']) {
    cases.push({
      name: `InvalidClientException, ${f}`,
      args: [...SDA, ...fmt(f)],
      responses: CLIENT,
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
    });
  }
  for (const f of ['enhanced', 'legacy', 'json', 'text']) {
    cases.push({
      name: `unmodeled error (message kept, fields dropped), ${f}`,
      args: [...SDA, ...fmt(f)],
      responses: UNMODELED,
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    });
  }
  for (const f of ['enhanced', 'json', 'yaml', 'text', 'table']) {
    cases.push({
      name: `non-JSON error body, ${f}`,
      args: [...SDA, ...fmt(f)],
      responses: NON_JSON,
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    });
  }
  for (const f of ['enhanced', 'legacy', 'json']) {
    cases.push({
      name: `500 retried to the limit, ${f}`,
      args: [...SDA, ...fmt(f)],
      responses: SERVER_3,
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
      requests: 3,
    });
  }
  for (const f of ['enhanced', 'json', 'table']) {
    cases.push({
      name: `generic 503 page, ${f}`,
      args: [...SDA, ...fmt(f)],
      responses: HTML_3,
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
      requests: 3,
    });
  }
  cases.push(
    {
      name: 'table error --color on',
      args: [...SDA, ...fmt('table'), '--color', 'on'],
      responses: CLIENT,
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'table error --color off',
      args: [...SDA, ...fmt('table'), '--color', 'off'],
      responses: REASON,
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'InvalidRequestRegionException: four modeled members, enhanced',
      args: [...SDA, ...fmt('enhanced')],
      responses: err(
        400,
        'InvalidRequestRegionException',
        '{"error":"invalid_request","error_description":"Wrong region","endpoint":"https://oidc.eu-west-1.amazonaws.com","region":"eu-west-1"}',
      ),
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'small collections inline, enhanced',
      args: [...SDA, ...fmt('enhanced')],
      responses: err(
        400,
        'InvalidRequestException',
        '{"error":"invalid_request","error_description":[1,"two",null],"reason":{"a":1,"b":true}}',
      ),
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'complex values, enhanced',
      args: [...SDA, ...fmt('enhanced')],
      responses: err(400, 'InvalidRequestException', '{"error":[1,2,3,4,5],"error_description":{"nested":{"x":1}},"reason":null}'),
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'complex values, json',
      args: [...SDA, ...fmt('json')],
      responses: err(400, 'InvalidRequestException', '{"error":[1,2,3,4,5],"error_description":{"nested":{"x":1.5}}}'),
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'message and modeled members, json',
      args: [...SDA, ...fmt('json')],
      responses: err(401, 'InvalidClientException', '{"message":"M","error":"invalid_client","error_description":"D","other":5}'),
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
  );
  return cases;
}

function parameterErrorCases(): V2Case[] {
  const missing = ['start-device-authorization', '--client-id', 'ok'];
  const cases: V2Case[] = [];
  for (const f of ['enhanced', 'legacy', 'json', 'text']) {
    cases.push({
      name: `missing required options, ${f}`,
      args: [...missing, '--cli-error-format', f],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    });
  }
  cases.push(
    // (A usage error in yaml cannot be compared: ruamel folds v2's longer usage text differently.)
    {
      name: '--query syntax error, yaml',
      args: [...SDA, '--query', 'a[', '--cli-error-format', 'yaml'],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'missing file://, yaml',
      args: [
        'start-device-authorization',
        '--client-id',
        'file:///nonexistent/x',
        '--client-secret',
        's',
        '--start-url',
        'x',
        '--cli-error-format',
        'yaml',
      ],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'invalid --generate-cli-skeleton choice, json',
      args: [...SDA, '--generate-cli-skeleton', 'foo', '--cli-error-format', 'json'],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'misspelt command, json',
      args: ['start-device-authorizatio', '--cli-error-format', 'json'],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'unknown option, json (never formatted)',
      args: [...SDA, '--foo', '--cli-error-format', 'json'],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'unknown options, enhanced',
      args: [...SDA, '--foo', 'bar', '--baz', '--cli-error-format', 'enhanced'],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'bad --output: the main parser, so the env format applies',
      args: [...SDA, '--output', 'jsn', '--cli-error-format', 'text'],
      env: { AWS_CLI_ERROR_FORMAT: 'json' },
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'invalid flag value JSON, reported in the env format',
      args: [...SDA, '--cli-error-format', 'JSON'],
      env: { AWS_CLI_ERROR_FORMAT: 'json' },
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'invalid flag value, reported in the config format',
      args: [...SDA, '--cli-error-format', 'Text'],
      config: '[default]\nregion = us-east-1\ncli_follow_urlparam = false\ncli_error_format = legacy\n',
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'invalid --cli-binary-format',
      args: [...SDA, '--cli-binary-format', 'hex'],
      env: { AWS_CLI_ERROR_FORMAT: 'json' },
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'endpoint without a scheme, json',
      args: [...SDA.slice(0, -1), 'foo', '--cli-error-format', 'json'],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'invalid --cli-input-json, json',
      args: ['start-device-authorization', '--cli-input-json', '{bad', '--cli-error-format', 'json'],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: '--cli-input-json not an object, json',
      args: ['start-device-authorization', '--cli-input-json', '[1]', '--cli-error-format', 'json'],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'missing file://, json',
      args: [
        'start-device-authorization',
        '--client-id',
        'file:///nonexistent/x',
        '--client-secret',
        's',
        '--start-url',
        'x',
        '--cli-error-format',
        'json',
      ],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: '--query syntax error, json',
      args: [...SDA, '--query', 'a[', '--cli-error-format', 'json'],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    {
      name: '--query syntax error, text',
      args: [...SDA, '--query', 'a[', '--cli-error-format', 'text'],
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
  );
  return cases;
}

function environmentCases(): V2Case[] {
  const noRegion = { AWS_CONFIG_FILE: '/nonexistent/config' };
  return [
    {
      name: 'no region, json',
      args: [...SDA, '--cli-error-format', 'json'],
      env: noRegion,
      v2Code: 253,
      ourCode: 253,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'no region, enhanced',
      args: [...SDA, '--cli-error-format', 'enhanced'],
      env: noRegion,
      v2Code: 253,
      ourCode: 253,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'no region, legacy',
      args: [...SDA, '--cli-error-format', 'legacy'],
      env: noRegion,
      v2Code: 253,
      ourCode: 253,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'no region, yaml (long line folded)',
      args: [...SDA, '--cli-error-format', 'yaml'],
      env: noRegion,
      v2Code: 253,
      ourCode: 253,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'no region, table',
      args: [...SDA, '--cli-error-format', 'table'],
      env: noRegion,
      v2Code: 253,
      ourCode: 253,
      stderr: 'same',
      requests: 0,
    },
    // One-line forms: v2 does not apply the format (and exits 255 where our documented code differs).
    {
      name: '--query failing while evaluating, json',
      args: [...SDA, '--query', 'abs(userCode)', '--cli-error-format', 'json'],
      responses: ok(),
      v2Code: 255,
      ourCode: 255,
      stderr: 'same',
    },
    {
      name: 'connection refused, json',
      args: [...SDA.slice(0, -1), 'http://127.0.0.1:1', '--cli-error-format', 'json'],
      v2Code: 255,
      ourCode: 255,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'unknown profile, json',
      args: [...SDA, '--profile', 'nope', '--cli-error-format', 'json'],
      v2Code: 255,
      ourCode: 253,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'negative timeout, env json',
      args: [...SDA, '--cli-read-timeout', '-1'],
      env: { AWS_CLI_ERROR_FORMAT: 'json' },
      v2Code: 255,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
    },
    // Where the format comes from.
    {
      name: 'AWS_CLI_ERROR_FORMAT is case-insensitive',
      args: SDA,
      responses: CLIENT,
      env: { AWS_CLI_ERROR_FORMAT: 'JSON' },
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'an unknown AWS_CLI_ERROR_FORMAT means enhanced',
      args: SDA,
      responses: CLIENT,
      env: { AWS_CLI_ERROR_FORMAT: 'bogus' },
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'flag over env',
      args: [...SDA, '--cli-error-format', 'json'],
      responses: CLIENT,
      env: { AWS_CLI_ERROR_FORMAT: 'legacy' },
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'cli_error_format in the config, any case',
      args: SDA,
      responses: REASON,
      config: '[default]\nregion = us-east-1\ncli_follow_urlparam = false\ncli_error_format = Text\n',
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'cli_error_format of the --profile',
      args: [...SDA, '--profile', 'p'],
      responses: CLIENT,
      config:
        '[default]\nregion = us-east-1\ncli_error_format = text\n[profile p]\nregion = us-east-1\ncli_follow_urlparam = false\ncli_error_format = yaml\n',
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
    {
      name: 'env over config',
      args: SDA,
      responses: CLIENT,
      env: { AWS_CLI_ERROR_FORMAT: 'legacy' },
      config: '[default]\nregion = us-east-1\ncli_follow_urlparam = false\ncli_error_format = json\n',
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
    },
  ];
}

function flagCases(): V2Case[] {
  return [
    {
      name: '--no-cli-pager accepted',
      args: [...SDA, '--no-cli-pager'],
      responses: ok(),
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
    },
    {
      name: '--cli-binary-format base64 accepted',
      args: [...SDA, '--cli-binary-format', 'base64'],
      responses: ok(),
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
    },
    {
      name: '--cli-binary-format raw-in-base64-out accepted',
      args: [...SDA, '--cli-binary-format', 'raw-in-base64-out', '--output', 'text'],
      responses: ok(),
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
    },
    {
      name: '--no-cli-auto-prompt accepted',
      args: [...SDA, '--no-cli-auto-prompt', '--output', 'table'],
      responses: ok(),
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
    },
    {
      name: 'AWS_PAGER and cli_pager ignored off a terminal',
      args: [...SDA, '--query', 'userCode'],
      responses: ok(),
      env: { AWS_PAGER: 'cat -n' },
      config: '[default]\nregion = us-east-1\ncli_follow_urlparam = false\ncli_pager = cat -n\n',
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
    },
  ];
}

const APP = 'arn:aws:sso::123456789012:application/ssoins-1111111111111111/apl-2222222222222222';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';
const CTWI = ['create-token-with-iam', '--client-id', APP, '--endpoint-url', 'URL'];
const JWT_GRANT = [...CTWI, '--grant-type', 'urn:ietf:params:oauth:grant-type:jwt-bearer', '--assertion', JWT];
const STABLE = '{type: tokenType, expires: expiresIn, issued: issuedTokenType, scope: scope, details: keys(awsAdditionalDetails)}';

function iamCases(): V2Case[] {
  const badKey = { AWS_ACCESS_KEY_ID: IAM_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: 'wrong-secret' };
  const otherKey = { AWS_ACCESS_KEY_ID: 'AKIDUNKNOWN', AWS_SECRET_ACCESS_KEY: 'whatever' };
  const noCreds = { AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials' };
  return [
    {
      name: 'IAM jwt-bearer, json',
      args: [...JWT_GRANT, '--query', STABLE],
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
      v1: 0,
      signed: true,
    },
    {
      name: 'IAM jwt-bearer, text',
      args: [...JWT_GRANT, '--query', STABLE, '--output', 'text'],
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
      v1: 0,
      signed: true,
    },
    {
      name: 'IAM jwt-bearer, table',
      args: [...JWT_GRANT, '--query', STABLE, '--output', 'table'],
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
      v1: 0,
      signed: true,
    },
    {
      name: 'IAM jwt-bearer with scopes',
      args: [...JWT_GRANT, '--scope', 'openid', 'aws', '--query', 'scope'],
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
      v1: 0,
      signed: true,
    },
    {
      name: 'IAM keys from the environment',
      args: [...JWT_GRANT, '--query', 'tokenType'],
      env: {
        AWS_ACCESS_KEY_ID: IAM_KEY.accessKeyId,
        AWS_SECRET_ACCESS_KEY: IAM_KEY.secretAccessKey,
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      },
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
      v1: 0,
      signed: true,
    },
    {
      name: 'IAM authorization_code with PKCE',
      args: [
        ...CTWI,
        '--grant-type',
        'authorization_code',
        '--code',
        '{code}',
        '--redirect-uri',
        'http://127.0.0.1:8400/cb',
        '--code-verifier',
        'verifier-0123456789-0123456789-0123456789',
        '--query',
        STABLE,
      ],
      setup: 'iam-code',
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
      v1: 0,
      signed: true,
    },
    {
      name: 'IAM refresh_token',
      args: [...CTWI, '--grant-type', 'refresh_token', '--refresh-token', '{refresh}', '--query', STABLE],
      setup: 'iam-refresh',
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
      v1: 0,
      signed: true,
    },
    {
      name: 'IAM --generate-cli-skeleton',
      args: ['create-token-with-iam', '--generate-cli-skeleton'],
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 0,
      v1: 0,
    },
    {
      name: 'IAM --generate-cli-skeleton output',
      args: [...JWT_GRANT, '--generate-cli-skeleton', 'output'],
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 0,
      v1: 0,
    },
    {
      name: 'IAM --cli-input-json',
      args: [
        ...CTWI,
        '--cli-input-json',
        `{"grantType":"urn:ietf:params:oauth:grant-type:jwt-bearer","assertion":"${JWT}"}`,
        '--query',
        'tokenType',
      ],
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
      v1: 0,
      signed: true,
    },
    { name: 'IAM bad secret', args: JWT_GRANT, env: badKey, v2Code: 254, ourCode: 254, stderr: 'same', requests: 1, v1: 255, signed: true },
    {
      name: 'IAM bad secret, json',
      args: [...JWT_GRANT, '--cli-error-format', 'json'],
      env: badKey,
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
      signed: true,
    },
    {
      name: 'IAM unknown access key',
      args: JWT_GRANT,
      env: otherKey,
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
      v1: 255,
      signed: true,
    },
    {
      name: 'IAM --no-sign-request',
      args: [...JWT_GRANT, '--no-sign-request'],
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
      v1: 255,
      signed: false,
    },
    {
      name: 'IAM --no-sign-request, enhanced',
      args: [...JWT_GRANT, '--no-sign-request', '--cli-error-format', 'enhanced'],
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
      signed: false,
    },
    { name: 'IAM no credentials', args: JWT_GRANT, env: noCreds, v2Code: 253, ourCode: 253, stderr: 'same', requests: 0, v1: 255 },
    {
      name: 'IAM no credentials, json',
      args: [...JWT_GRANT, '--cli-error-format', 'json'],
      env: noCreds,
      v2Code: 253,
      ourCode: 253,
      stderr: 'same',
      requests: 0,
    },
    {
      name: 'IAM --profile negates env keys',
      args: [...JWT_GRANT, '--profile', 'default', '--query', 'tokenType'],
      env: otherKey,
      v2Code: 0,
      ourCode: 0,
      stderr: 'empty',
      requests: 1,
      v1: 0,
      signed: true,
    },
    {
      name: 'IAM missing --grant-type',
      args: CTWI,
      v2Code: 252,
      ourCode: 252,
      stderr: 'same',
      requests: 0,
      env: { AWS_CLI_ERROR_FORMAT: 'json' },
    },
    {
      name: 'IAM token-exchange refused',
      args: [
        ...CTWI,
        '--grant-type',
        'urn:ietf:params:oauth:grant-type:token-exchange',
        '--subject-token',
        'aoa-x',
        '--subject-token-type',
        'urn:ietf:params:oauth:token-type:access_token',
        '--requested-token-type',
        'urn:ietf:params:oauth:token-type:access_token',
      ],
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
      v1: 255,
      signed: true,
    },
    {
      name: 'IAM malformed assertion',
      args: [
        ...CTWI,
        '--grant-type',
        'urn:ietf:params:oauth:grant-type:jwt-bearer',
        '--assertion',
        'not-a-jwt',
        '--cli-error-format',
        'json',
      ],
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
      signed: true,
    },
    {
      name: 'IAM unknown refresh token, enhanced',
      args: [...CTWI, '--grant-type', 'refresh_token', '--refresh-token', 'aor-unknown', '--cli-error-format', 'enhanced'],
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
      signed: true,
    },
    {
      name: 'IAM unsupported grant',
      args: [...CTWI, '--grant-type', 'password'],
      v2Code: 254,
      ourCode: 254,
      stderr: 'same',
      requests: 1,
      v1: 255,
      signed: true,
    },
  ];
}

export const V2_CASES: readonly V2Case[] = [
  ...serviceErrorCases(),
  ...parameterErrorCases(),
  ...environmentCases(),
  ...flagCases(),
  ...iamCases(),
];

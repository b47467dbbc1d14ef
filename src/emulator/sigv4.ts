/**
 * Verifying AWS Signature Version 4 (header form) as the service's front end does for
 * CreateTokenWithIAM, with the error types and messages AWS answers a bad or missing signature
 * with (403, `x-amzn-ErrorType`, `{"message": ...}`). The emulator's clock is not compared with
 * X-Amz-Date: tests run with injected clocks.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface IamCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A refused signature: the error type and message the service sends with 403. */
export class SignatureError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.name = 'SignatureError';
    this.type = type;
  }
}

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it (unreserved characters kept, everything else %XX). */
function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(search: string): string {
  const pairs = [...new URLSearchParams(search)].map(([k, v]) => [uriEncode(k), uriEncode(v)] as const);
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** Each path segment encoded once more (non-S3 services sign the already-encoded path). */
function canonicalPath(pathname: string): string {
  return (
    pathname
      .split('/')
      .map((seg) => uriEncode(seg))
      .join('/') || '/'
  );
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/**
 * Checks the request's SigV4 signature for `service` against `credentials`; throws
 * SignatureError as the service answers. `credentials` undefined: no key is known (every
 * signature is refused as an unknown key).
 */
export function verifySigV4(
  req: { method: string; url: string; headers: IncomingHttpHeaders; body: string },
  service: string,
  credentials: IamCredentials | undefined,
): void {
  const auth = headerValue(req.headers, 'authorization');
  if (auth === undefined || auth === '') throw new SignatureError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const m = /^AWS4-HMAC-SHA256 +Credential=([^,\s]+), *SignedHeaders=([^,\s]+), *Signature=([0-9a-f]{64})$/.exec(auth.trim());
  if (!m) {
    throw new SignatureError(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=${auth.split(' ')[0] ?? ''}`,
    );
  }
  const [credential, signedHeadersText, signature] = [m[1] as string, m[2] as string, m[3] as string];
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') {
    throw new SignatureError('IncompleteSignatureException', `Credential should be scoped to a valid region. `);
  }
  const [accessKeyId, date, region, scopeService] = parts as [string, string, string, string, string];
  if (credentials === undefined || accessKeyId !== credentials.accessKeyId) {
    throw new SignatureError('UnrecognizedClientException', 'The security token included in the request is invalid.');
  }
  if (scopeService !== service)
    throw new SignatureError('InvalidSignatureException', `Credential should be scoped to correct service: '${service}'. `);
  const amzDate = headerValue(req.headers, 'x-amz-date');
  if (amzDate === undefined || !amzDate.startsWith(date)) {
    throw new SignatureError('IncompleteSignatureException', "Date must be in ISO-8601 'basic format'. Got '" + (amzDate ?? '') + "'.");
  }
  const signedHeaders = signedHeadersText.split(';');
  if (!signedHeaders.includes('host'))
    throw new SignatureError('InvalidSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  const url = new URL(req.url, 'http://emulator.invalid');
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${(headerValue(req.headers, h) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payloadHash = headerValue(req.headers, 'x-amz-content-sha256') ?? sha256(Buffer.from(req.body, 'utf8'));
  const canonicalRequest = [
    req.method,
    canonicalPath(url.pathname),
    canonicalQuery(url.search),
    canonicalHeaders,
    signedHeadersText,
    payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/${scopeService}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), region), scopeService), 'aws4_request');
  const expected = hmac(key, stringToSign);
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) throw new SignatureError('InvalidSignatureException', SIGNATURE_MISMATCH);
}

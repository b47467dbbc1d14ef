/** TLS trust and the wording of TLS failures. */
import type { ReadLimit } from '../deps.js';
import { ConfigError, InterruptedError, TransportError } from '../errors.js';
import { errorCodeOf } from './failure.js';

/** Deps.fs.read: a capped, abortable read; throws the Node error (with .code) when it cannot. */
export type ReadFile = (path: string, limit: ReadLimit) => Promise<Buffer>;

/** The most a CA bundle may hold: 16 MiB (Mozilla's whole store is about 220 KB). */
export const MAX_CA_BUNDLE_BYTES = 16 * 1024 * 1024;

/**
 * Reads the CA bundle, which REPLACES the default trust store (botocore passes it to urllib3 as
 * `ca_certs`; Node's `ca` option does the same). v1 fails on every attempt with
 * "SSL validation failed for <url> [Errno 2] No such file or directory"; we fail once, before
 * sending, in the same layout (Python's OSError text) with the path added.
 */
export async function loadCaBundle(path: string, url: string, readFile: ReadFile, signal?: AbortSignal): Promise<string> {
  const fail = (why: string): TransportError => new TransportError(`SSL validation failed for ${url} ${why}`);
  let pem: string;
  try {
    pem = (await readFile(path, { maxBytes: MAX_CA_BUNDLE_BYTES, ...(signal ? { signal } : {}) })).toString('utf8');
  } catch (e) {
    if (signal?.aborted) throw new InterruptedError();
    const code = errorCodeOf(e);
    if (code === 'EFBIG')
      throw new ConfigError(`Unable to load the CA bundle ${path}: the file is larger than 16 MiB (${MAX_CA_BUNDLE_BYTES} bytes)`);
    if (code === 'ENOENT') throw fail(`[Errno 2] No such file or directory: '${path}'`);
    if (code === 'EISDIR') throw fail(`[Errno 21] Is a directory: '${path}'`);
    throw fail(`cannot read CA bundle ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  // Node silently ignores text that is not a certificate, which would leave an empty trust store
  // and a confusing verify failure later; OpenSSL (and so v1) rejects such a file up front.
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    throw fail(`[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found in CA bundle '${path}'`);
  return pem;
}

/** Node's verify error codes as OpenSSL's short texts (the ones Python prints after "certificate verify failed: "). */
const VERIFY_REASONS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
  CERT_REVOKED: 'certificate revoked',
  CERT_SIGNATURE_FAILURE: 'certificate signature failure',
  CERT_UNTRUSTED: 'certificate not trusted',
  CERT_REJECTED: 'certificate rejected',
  INVALID_CA: 'invalid CA certificate',
  INVALID_PURPOSE: 'unsupported certificate purpose',
};

/**
 * One readable reason for a TLS failure in Python's SSLError layout with Node's reason, e.g.
 * "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate" or
 * "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: hostname mismatch: IP: 127.0.0.2
 * is not in the cert's list: 127.0.0.1" (Python's ends with "(_ssl.c:1006)"; ours does not).
 */
const VERIFY_FAILED = '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed:';

export function tlsReason(e: unknown): string {
  const code = errorCodeOf(e) ?? '';
  const verify = VERIFY_REASONS[code];
  if (verify) return `${VERIFY_FAILED} ${verify}`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const reason = (e as { reason?: unknown }).reason;
    return `${VERIFY_FAILED} hostname mismatch${typeof reason === 'string' ? `: ${reason}` : ''}`;
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') {
    return '[SSL: WRONG_VERSION_NUMBER] wrong version number (the server did not answer with TLS; is it plain HTTP?)';
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was closed during the TLS handshake';
  const opensslReason = (e as { reason?: unknown }).reason;
  if (typeof opensslReason === 'string' && opensslReason) return opensslReason;
  const message = e instanceof Error ? e.message : String(e);
  // "write EPROTO 80CC…:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:…"
  const fromText = /error:[0-9A-F]+:SSL routines:[^:]*:([^:]+)/.exec(message)?.[1];
  if (fromText === 'wrong version number' || fromText === 'packet length too long')
    return tlsReason({ code: 'ERR_SSL_WRONG_VERSION_NUMBER' });
  return fromText ?? message.split('\n')[0] ?? message;
}

/**
 * X.509 certificates made with node:crypto alone: a tiny DER writer, EC P-256 keys and
 * ecdsa-with-SHA256 signatures. Used by the emulator's --https mode and by TLS tests, so that
 * neither needs an openssl binary nor an npm package. The certificates follow RFC 5280 closely
 * enough for OpenSSL 3's strict mode (SKI/AKI present, critical basicConstraints, CA keyUsage).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** A certificate and its private key, both PEM text (the key is PKCS#8). */
export interface Pem {
  cert: string;
  key: string;
}

/** Options for {@link issueServerCertificate}. */
export interface ServerCertificateOptions {
  /** Start of validity; default one hour ago (tolerates small clock skew). */
  notBefore?: Date;
  /** End of validity; default 30 days after notBefore. */
  notAfter?: Date;
  /** Subject common name; default the first host. */
  commonName?: string;
}

// ---- DER writer (only what certificates need) ----

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, content]);
}

const seq = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const octets = (b: Buffer): Buffer => tlv(0x04, b);
const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 + n, inner);

/** A non-negative INTEGER from big-endian bytes: minimal, with a 0x00 pad when the top bit is set. */
function uint(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  let b = bytes.subarray(i);
  if ((b[0] ?? 0) & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const [a = 0, b = 0, ...rest] = parts;
  const out = [40 * a + b];
  for (const p of rest) {
    const chunk = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

function bitString(bytes: Buffer, unusedBits = 0): Buffer {
  return tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), bytes]));
}

/** Times in 1950–2049 must be UTCTime, others GeneralizedTime (RFC 5280 §4.1.2.5). */
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  const year = d.getUTCFullYear();
  return year >= 1950 && year < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii')) : tlv(0x18, Buffer.from(iso, 'ascii'));
}

function name(commonName: string): Buffer {
  const rdn = (type: string, value: string): Buffer => set(seq(oid(type), tlv(0x0c, Buffer.from(value, 'utf8'))));
  return seq(rdn('2.5.4.10', 'sso-oidc'), rdn('2.5.4.3', commonName));
}

// ---- extensions ----

const KU_DIGITAL_SIGNATURE = 0x80;
const KU_KEY_CERT_SIGN = 0x04;
const KU_CRL_SIGN = 0x02;

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
}

/** keyUsage is a named BIT STRING: DER drops trailing zero bits and counts them as unused. */
function keyUsage(bits: number): Buffer {
  let unused = 0;
  while (unused < 7 && !(bits & (1 << unused))) unused++;
  return extension('2.5.29.15', true, bitString(Buffer.from([bits]), unused));
}

function ipBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  const [head = '', tail] = ip.split('::');
  const groups = (s: string): number[] => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const all = [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
  return Buffer.from(all.flatMap((g) => [g >> 8, g & 0xff]));
}

function subjectAltName(hosts: string[]): Buffer {
  const names = hosts.map((h) => {
    const bare = h.replace(/^\[|\]$/g, '');
    if (isIPv4(bare) || isIPv6(bare)) return tlv(0x87, ipBytes(bare));
    return tlv(0x82, Buffer.from(bare, 'ascii'));
  });
  return extension('2.5.29.17', false, seq(...names));
}

const keyId = (spki: Buffer): Buffer => createHash('sha1').update(spki).digest();

// ---- certificate assembly ----

interface CertSpec {
  subject: Buffer;
  issuer: Buffer;
  spki: Buffer;
  issuerSpki: Buffer;
  signingKey: string;
  notBefore: Date;
  notAfter: Date;
  extensions: Buffer[];
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

function buildCertificate(spec: CertSpec): string {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01; // positive and non-zero
  const exts = [
    ...spec.extensions,
    extension('2.5.29.14', false, octets(keyId(spec.spki))),
    extension('2.5.29.35', false, seq(tlv(0x80, keyId(spec.issuerSpki)))),
  ];
  const tbs = seq(
    explicit(0, uint(Buffer.from([2]))), // v3
    uint(serial),
    ECDSA_SHA256,
    spec.issuer,
    seq(time(spec.notBefore), time(spec.notAfter)),
    spec.subject,
    spec.spki,
    explicit(3, seq(...exts)),
  );
  const signature = sign('sha256', tbs, createPrivateKey(spec.signingKey)); // DER ECDSA-Sig-Value
  return toPem(seq(tbs, ECDSA_SHA256, bitString(signature)));
}

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function newKey(): { spki: Buffer; key: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    spki: publicKey.export({ type: 'spki', format: 'der' }),
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function spkiOfKey(keyPem: string): Buffer {
  return createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' });
}

/** Reads one DER element at `at`: where its content starts and where the element ends. */
function readTlv(der: Buffer, at: number): { start: number; end: number } {
  const first = der[at + 1] ?? 0;
  if (first < 0x80) return { start: at + 2, end: at + 2 + first };
  const n = first & 0x7f;
  const len = der.subarray(at + 2, at + 2 + n).reduce((acc, b) => acc * 256 + b, 0);
  return { start: at + 2 + n, end: at + 2 + n + len };
}

/** The subject Name of a certificate, as its exact DER bytes (a leaf's issuer must match them). */
function subjectNameDer(certPem: string): Buffer {
  const der = Buffer.from(certPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  const tbs = readTlv(der, readTlv(der, 0).start);
  let at = tbs.start;
  // TBSCertificate: [0] version, serialNumber, signature, issuer, validity, subject
  for (let i = 0; i < 5; i++) at = readTlv(der, at).end;
  return der.subarray(at, readTlv(der, at).end);
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A certificate signed by its own fresh key, valid from one hour ago for `days`. */
function selfSigned(commonName: string, days: number, extensions: Buffer[]): Pem {
  const { spki, key } = newKey();
  const now = Date.now();
  const subject = name(commonName);
  const cert = buildCertificate({
    subject,
    issuer: subject,
    spki,
    issuerSpki: spki,
    signingKey: key,
    notBefore: new Date(now - HOUR),
    notAfter: new Date(now + days * DAY),
    extensions,
  });
  return { cert, key };
}

/**
 * A self-signed certificate authority (basicConstraints CA:true, keyUsage keyCertSign+cRLSign),
 * valid from one hour ago for ten years.
 */
export function makeCertificateAuthority(commonName = 'sso-oidc local CA'): Pem {
  return selfSigned(commonName, 3650, [extension('2.5.29.19', true, seq(bool(true))), keyUsage(KU_KEY_CERT_SIGN | KU_CRL_SIGN)]);
}

function leafExtensions(hosts: string[]): Buffer[] {
  if (hosts.length === 0) throw new Error('A server certificate needs at least one host');
  return [
    extension('2.5.29.19', true, seq()), // CA:false
    keyUsage(KU_DIGITAL_SIGNATURE),
    extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // serverAuth
    subjectAltName(hosts),
  ];
}

/**
 * A server certificate for `hosts` (IP addresses such as 127.0.0.1 and ::1 become IP SANs,
 * anything else DNS SANs) signed by `ca`. Pass a past `notAfter` to make an expired one.
 */
export function issueServerCertificate(ca: Pem, hosts: string[], opts: ServerCertificateOptions = {}): Pem {
  const extensions = leafExtensions(hosts);
  const { spki, key } = newKey();
  const notBefore = opts.notBefore ?? new Date(Date.now() - HOUR);
  const cert = buildCertificate({
    subject: name(opts.commonName ?? hosts[0] ?? 'localhost'),
    issuer: subjectNameDer(ca.cert),
    spki,
    issuerSpki: spkiOfKey(ca.key),
    signingKey: ca.key,
    notBefore,
    notAfter: opts.notAfter ?? new Date(notBefore.getTime() + 30 * DAY),
    extensions,
  });
  return { cert, key };
}

/**
 * A server certificate that is its own issuer (no CA): trust it by passing the certificate
 * itself as the client's CA. Valid from one hour ago for 30 days.
 */
export function makeSelfSignedServerCertificate(hosts: string[]): Pem {
  return selfSigned(hosts[0] ?? 'localhost', 30, leafExtensions(hosts));
}

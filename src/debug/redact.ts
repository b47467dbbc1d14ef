import { OPERATIONS } from '../model/operations/index.js';

/** The model's `sensitive` members (clientSecret, deviceCode, tokens, code, codeVerifier). */
const SENSITIVE_MEMBERS = [
  ...new Set(
    OPERATIONS.flatMap((op) => [...op.input, ...op.output])
      .filter((m) => m.sensitive)
      .map((m) => m.name),
  ),
];

/**
 * The one list of secret-bearing names, from the operation descriptions: values under these keys
 * are shown as `***`, in camelCase (the wire) and snake_case (OAuth forms), plus the
 * credential-bearing header names.
 */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  ...SENSITIVE_MEMBERS.map((n) => n.toLowerCase()),
  ...SENSITIVE_MEMBERS.map((n) => n.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())),
  'authorization',
  'proxy-authorization',
]);

export const REDACTED = '***';

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase());
}

/** Deep copy of a JSON-like value with every secret-keyed value replaced by `***`. */
export function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value instanceof Map) {
    const out = new Map<string, unknown>();
    for (const [k, v] of value as Map<string, unknown>) out.set(k, isSecretKey(k) ? REDACTED : redactValue(v));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = isSecretKey(k) ? REDACTED : redactValue(v);
    return out;
  }
  return value;
}

/** Header names whose values are credentials: shown as `***` in --debug output. */
const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-amz-security-token',
]);

/** Headers for --debug: credentials-bearing values hidden, multi-values joined. */
export function redactHeadersForLog(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Every occurrence of each known secret value (4+ characters) in `text` replaced by `***`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a secret that contains another is masked whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (s.length >= 4) out = out.split(s).join(REDACTED);
  }
  return out;
}

/**
 * A request or response body as --debug shows it. JSON is redacted structurally. Other text is
 * shown only when it names no secret-bearing key (it could not be masked reliably otherwise):
 * then a length-only note stands in for it. Known secret values are scrubbed in both cases.
 */
export function redactBodyForLog(body: string | Uint8Array, secrets: readonly string[] = []): string {
  // A view on the bytes, never Buffer.from(body): the SDK's JSON body is a Uint8Array subclass
  // whose valueOf() prints a warning to the console.
  const text = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (text.length === 0) return '(empty)';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const lower = text.toLowerCase();
    if ([...SECRET_KEYS].some((k) => lower.includes(k))) {
      return `(${Buffer.byteLength(text)} bytes, not JSON: not shown because it may hold secrets)`;
    }
    return scrubSecrets(text, secrets);
  }
  return scrubSecrets(JSON.stringify(redactValue(parsed)), secrets);
}

/** Hides the values of secret keys in a JSON text that may not even parse, before echoing it. */
export function maskSecretsInJsonText(text: string): string {
  return text.replace(/("((?:[^"\\]|\\.)+)"\s*:\s*)"(?:[^"\\]|\\.)*("|$)/g, (whole, head: string, key: string, end: string) =>
    isSecretKey(decodeJsonKey(key)) ? `${head}"***${end}` : whole,
  );
}

/** "client\u0053ecret" is clientSecret too. */
function decodeJsonKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

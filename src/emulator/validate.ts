/** Input checks shared by the operations. Messages name the member but never echo its value. */
import { invalidRequest, invalidScope } from './oidc-errors.js';

/** A parsed JSON request body. */
export type Body = Record<string, unknown>;

/** A member that must be a non-empty string. */
export function requiredString(body: Body, name: string): string {
  const v = body[name];
  if (v === undefined || v === null || v === '') throw invalidRequest(`The ${name} member is required.`);
  if (typeof v !== 'string') throw invalidRequest(`The ${name} member must be a string.`);
  return v;
}

/** A member that may be absent (or null) but otherwise is a string. */
export function optionalString(body: Body, name: string): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidRequest(`The ${name} member must be a string.`);
  return v;
}

/** A member that may be absent but otherwise is a list of strings. */
export function optionalList(body: Body, name: string): string[] | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw invalidRequest(`The ${name} member must be a list of strings.`);
  return v;
}

/** Scopes are single tokens (RFC 6749 §3.3): non-empty, no whitespace, printable. */
export function checkScopes(scopes: string[]): void {
  for (const s of scopes) {
    if (!/^[\x21\x23-\x5b\x5d-\x7e]{1,256}$/.test(s)) {
      throw invalidScope('Each scope must be a non-empty token without spaces, quotes or backslashes.');
    }
  }
}

/** True for an absolute http: or https: URL with a host. */
export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

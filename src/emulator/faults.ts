/**
 * Injected faults and scripted raw responses. Tests (ours and our users') use them to see how a
 * client copes with latency, 5xx/429 answers, requests that never get an answer, and odd bodies.
 */
import { invalidRequest } from './oidc-errors.js';
import type { FaultSpec, ScriptedResponse } from './types.js';

/** The OIDC API paths: faults and scripts without a `path` match only these. */
export const API_PATHS: ReadonlySet<string> = new Set(['/client/register', '/device_authorization', '/token']);

/** What to do with one request instead of (or before) answering it normally. */
export type FaultAction =
  | { kind: 'none' }
  | { kind: 'script'; response: ScriptedResponse }
  | { kind: 'hang' }
  | { kind: 'fail'; status: number; errorType: string };

const DEFAULT_ERROR_TYPE: Record<number, string> = {
  429: 'ThrottlingException',
  500: 'InternalServerException',
  503: 'ServiceUnavailableException',
};

const matches = (wanted: string | undefined, path: string): boolean => (wanted === undefined ? API_PATHS.has(path) : wanted === path);

/** The faults and script queue of one emulator. */
export class FaultController {
  private spec: FaultSpec = {};
  private hangsLeft = 0;
  private failsLeft = 0;
  private queue: ScriptedResponse[] = [];

  /** Replaces the current faults (counts start afresh). */
  set(spec: FaultSpec): void {
    this.spec = spec;
    this.hangsLeft = spec.hang?.count ?? 0;
    this.failsLeft = spec.fail?.count ?? 0;
  }

  /** Clears faults and the script queue. */
  clear(): void {
    this.set({});
    this.queue = [];
  }

  /** Appends raw responses to the script queue. */
  script(responses: ScriptedResponse[]): void {
    this.queue.push(...responses);
  }

  /** The current faults and what is left of them, for GET /emulator/faults. */
  describe(): { faults: FaultSpec; hangsLeft: number; failsLeft: number; scripted: number } {
    return { faults: this.spec, hangsLeft: this.hangsLeft, failsLeft: this.failsLeft, scripted: this.queue.length };
  }

  /** Extra latency for a request to `path`. */
  latencyFor(path: string): number {
    return matches(this.spec.path, path) ? (this.spec.latencyMs ?? 0) : 0;
  }

  /** Takes the action for the next request to `path`: a scripted response first, then hang, then fail. */
  take(path: string): FaultAction {
    const i = this.queue.findIndex((r) => matches(r.path, path));
    if (i >= 0) {
      const [response] = this.queue.splice(i, 1);
      if (response !== undefined) return { kind: 'script', response };
    }
    if (!matches(this.spec.path, path)) return { kind: 'none' };
    if (this.hangsLeft > 0) {
      this.hangsLeft--;
      return { kind: 'hang' };
    }
    const fail = this.spec.fail;
    if (fail !== undefined && this.failsLeft > 0) {
      this.failsLeft--;
      return {
        kind: 'fail',
        status: fail.status,
        errorType: fail.errorType ?? DEFAULT_ERROR_TYPE[fail.status] ?? 'InternalServerException',
      };
    }
    return { kind: 'none' };
  }
}

// ---- validation of the admin endpoints' JSON ----

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function count(v: unknown, what: string): number {
  if (!Number.isInteger(v) || (v as number) < 0) throw invalidRequest(`The ${what} member must be a non-negative integer.`);
  return v as number;
}

function optionalPath(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !v.startsWith('/')) throw invalidRequest('The path member must be a string starting with "/".');
  return v;
}

/** Checks the body of POST /emulator/faults. */
export function parseFaultSpec(v: unknown): FaultSpec {
  if (!isObject(v)) throw invalidRequest('The faults must be a JSON object.');
  const spec: FaultSpec = {};
  if (v.latencyMs !== undefined) spec.latencyMs = count(v.latencyMs, 'latencyMs');
  if (v.fail !== undefined) {
    if (!isObject(v.fail)) throw invalidRequest('The fail member must be an object.');
    const status = v.fail.status;
    if (status !== 500 && status !== 429 && status !== 503) throw invalidRequest('The fail.status member must be 500, 429 or 503.');
    const errorType = v.fail.errorType;
    if (errorType !== undefined && (typeof errorType !== 'string' || !/^\w+$/.test(errorType))) {
      throw invalidRequest('The fail.errorType member must be a word such as ThrottlingException.');
    }
    spec.fail = { count: count(v.fail.count, 'fail.count'), status, ...(errorType === undefined ? {} : { errorType }) };
  }
  if (v.hang !== undefined) {
    if (!isObject(v.hang)) throw invalidRequest('The hang member must be an object.');
    spec.hang = { count: count(v.hang.count, 'hang.count') };
  }
  const path = optionalPath(v.path);
  if (path !== undefined) spec.path = path;
  return spec;
}

function parseScripted(v: unknown): ScriptedResponse {
  if (!isObject(v)) throw invalidRequest('Each scripted response must be an object.');
  const { status, headers, body, delayMs } = v;
  if (!Number.isInteger(status) || (status as number) < 100 || (status as number) > 599) {
    throw invalidRequest('The status member must be an HTTP status code (100-599).');
  }
  if (headers !== undefined && (!isObject(headers) || !Object.values(headers).every((h) => typeof h === 'string'))) {
    throw invalidRequest('The headers member must be an object of strings.');
  }
  if (body !== undefined && typeof body !== 'string') throw invalidRequest('The body member must be a string (the raw response body).');
  const out: ScriptedResponse = { status: status as number };
  const path = optionalPath(v.path);
  if (path !== undefined) out.path = path;
  if (headers !== undefined) out.headers = headers as Record<string, string>;
  if (body !== undefined) out.body = body;
  if (delayMs !== undefined) out.delayMs = count(delayMs, 'delayMs');
  return out;
}

/** Checks the body of POST /emulator/script: `{"responses": [...]}`. */
export function parseScript(v: unknown): ScriptedResponse[] {
  if (!isObject(v) || !Array.isArray(v.responses)) throw invalidRequest('The script must be {"responses": [...]}.');
  return v.responses.map(parseScripted);
}

/**
 * Parameter files, as the AWS CLI's paramfile.py: `file://path` is replaced by the file's text
 * (not stripped), `fileb://path` by its bytes. `~` and `$VAR` are expanded, relative paths are
 * resolved against the working directory. Unlike the AWS CLI v1, `http://` and `https://` values
 * are never fetched: a start URL is sent as given.
 */
import { resolve } from 'node:path';
import { expandUser, expandVars } from '../config/paths.js';
import type { Env, FileSystem } from '../deps.js';
import { InterruptedError, ParamError } from '../errors.js';
import { pyStrRepr } from '../value/pystr.js';
import type { PyObject } from '../value/types.js';

export interface ParamFileIo {
  fs: Pick<FileSystem, 'read'>;
  env: Env;
  cwd: string;
  homedir: string;
  /** Ctrl-C: stops a read that waits (a FIFO nobody writes). */
  signal?: AbortSignal;
}

/** The most a file:// or fileb:// value (or --cli-input-json file://) may hold: 1 MiB. */
export const MAX_PARAM_FILE_BYTES = 1024 * 1024;

/** A value read with fileb://: bytes, which no string member accepts. */
export class BinaryValue implements PyObject {
  readonly pyType = 'bytes';
  constructor(readonly bytes: Buffer) {}
  pyRepr(): string {
    return `b${pyStrRepr(this.bytes.toString('latin1'))}`;
  }
}

/**
 * A Python object outside the JSON model that --cli-input-yaml can load (a `datetime.date` from
 * `2020-01-01`, a `set`): no member accepts one, so it only ever shows in a validation message,
 * as str() (`value: 2020-01-01`), repr() (inside a list) and its type.
 */
export class PyObjectValue implements PyObject {
  constructor(
    readonly pyType: string,
    readonly str: string,
    readonly repr: string,
  ) {}
  pyRepr(): string {
    return this.repr;
  }
  pyStr(): string {
    return this.str;
  }
}

/** os.path.expandvars + expanduser (the config loader's), then relative to the working directory. */
export function expandPath(path: string, io: ParamFileIo): string {
  return resolve(io.cwd, expandUser(expandVars(path, io.env), io.homedir));
}

function describeReadError(e: unknown, shown: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `[Errno 2] No such file or directory: '${shown}'`;
  if (code === 'EACCES') return `[Errno 13] Permission denied: '${shown}'`;
  if (code === 'EISDIR') return `[Errno 21] Is a directory: '${shown}'`;
  if (code === 'EFBIG') return `[Errno 27] File too large: '${shown}' (the limit is 1 MiB, ${MAX_PARAM_FILE_BYTES} bytes)`;
  return (e as Error).message;
}

/**
 * Loads a parameter value. `paramName` is how the error names it (`--start-url`).
 * Returns the value unchanged when it has no file prefix.
 */
export async function loadParamValue(paramName: string, value: string, io: ParamFileIo): Promise<string | BinaryValue> {
  const prefix = value.startsWith('file://') ? 'file://' : value.startsWith('fileb://') ? 'fileb://' : undefined;
  if (prefix === undefined) return value;
  const shown = value.slice(prefix.length);
  let bytes: Buffer;
  try {
    bytes = await io.fs.read(expandPath(shown, io), { maxBytes: MAX_PARAM_FILE_BYTES, ...(io.signal ? { signal: io.signal } : {}) });
  } catch (e) {
    if (io.signal?.aborted) throw new InterruptedError();
    throw new ParamError(`Error parsing parameter '${paramName}': Unable to load paramfile ${value}: ${describeReadError(e, shown)}`);
  }
  if (prefix === 'fileb://') return new BinaryValue(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ParamError(
      `Error parsing parameter '${paramName}': Unable to load paramfile (${shown}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.`,
    );
  }
}

/**
 * FileSystem.read for the real system: a size-capped, abortable read of anything a user can name
 * as a file (file://, fileb://, --cli-input-json, --ca-bundle, AWS_CONFIG_FILE): a regular file,
 * a FIFO or `<(cmd)`, /dev/stdin, a device. readFileSync would grow without bound on /dev/zero
 * and, on a FIFO nobody writes, block the thread so that SIGINT is never handled.
 *
 * The file is opened O_NONBLOCK (opening a FIFO then never waits for a writer; a blocked open in
 * libuv's thread pool would even stop the process from exiting). Pipes and sockets are read
 * through the event loop (net.Socket), which waits for data without holding a thread; regular
 * files at once (their reads never wait), capped; devices in chunks through the thread pool, with
 * the signal and the cap checked between them.
 */
import { closeSync, constants, fstatSync, openSync, read, readSync } from 'node:fs';
import type net from 'node:net';
import type tty from 'node:tty';
import { promisify } from 'node:util';
import type { ReadLimit } from '../deps.js';

const readChunk = promisify(read);

const CHUNK = 64 * 1024;

function tooLarge(path: string, maxBytes: number): Error {
  return Object.assign(new Error(`EFBIG: file too large (more than ${maxBytes} bytes), read '${path}'`), { code: 'EFBIG', path });
}

function aborted(): Error {
  return Object.assign(new Error('The read was aborted'), { name: 'AbortError', code: 'ABORT_ERR' });
}

/** Chunked reads through the thread pool: devices (a read of one may wait), the signal checked between them. */
async function readChunks(fd: number, path: string, { maxBytes, signal }: ReadLimit): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    if (signal?.aborted) throw aborted();
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - size));
    const { bytesRead } = await readChunk(fd, buffer, 0, buffer.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, size);
    chunks.push(buffer.subarray(0, bytesRead));
    size += bytesRead;
    if (size > maxBytes) throw tooLarge(path, maxBytes);
  }
}

/** Pipes, sockets and terminals, through the event loop; the stream owns (and closes) the fd. */
function readStream(stream: net.Socket, path: string, { maxBytes, signal }: ReadLimit): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: Error | undefined): void => {
      signal?.removeEventListener('abort', onAbort);
      stream.destroy();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onAbort = (): void => finish(aborted());
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish(tooLarge(path, maxBytes));
      chunks.push(chunk);
    });
    stream.once('end', () => finish(undefined));
    stream.once('error', (e: Error) => finish(e));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** net and tty only for a pipe, socket or terminal: loading them costs every run that reads a config file ~1.5 ms. */
const loadNet = async (): Promise<typeof net> => (await import('node:net')).default;
const loadTty = async (): Promise<typeof tty> => (await import('node:tty')).default;

const STDIN_PATHS = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/**
 * A regular file, read whole without the thread pool: such reads never wait on a writer, and a
 * call or a usage error that reads only config files then never starts libuv's threads (~0.6 ms
 * of every run, measured).
 */
function readFileCapped(fd: number, path: string, size: number, { maxBytes }: ReadLimit): Buffer {
  if (size > maxBytes) throw tooLarge(path, maxBytes);
  // As readChunks, synchronously; the cap is checked again as it reads (a file that grew, or a
  // /proc file, whose size says 0).
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
    const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw tooLarge(path, maxBytes);
  }
}

export async function readCapped(path: string, limit: ReadLimit): Promise<Buffer> {
  if (limit.signal?.aborted) throw aborted();
  let fd: number;
  try {
    // O_NONBLOCK: the open never waits (a FIFO opens before it has a writer), so it can be synchronous.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    // Linux cannot reopen a socket through /proc: when stdin is one (as a parent's spawn() makes
    // it), file:///dev/stdin reads the descriptor itself.
    if ((e as NodeJS.ErrnoException).code !== 'ENXIO' || !STDIN_PATHS.has(path)) throw e;
    return readStream(new (await loadNet()).Socket({ fd: 0, readable: true, writable: false }), path, limit);
  }
  let owned = true;
  try {
    const st = fstatSync(fd);
    if (st.isFile()) return readFileCapped(fd, path, st.size, limit);
    if (st.isFIFO() || st.isSocket()) {
      owned = false;
      return await readStream(new (await loadNet()).Socket({ fd, readable: true, writable: false }), path, limit);
    }
    const terminal = st.isCharacterDevice() ? await loadTty() : undefined;
    if (terminal?.isatty(fd)) {
      owned = false;
      return await readStream(new terminal.ReadStream(fd), path, limit);
    }
    // Devices such as /dev/zero and /dev/null: reads that return at once. A directory fails here
    // with EISDIR, as readFileSync does.
    return await readChunks(fd, path, limit);
  } finally {
    if (owned) closeSync(fd);
  }
}

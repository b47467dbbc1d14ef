/**
 * stdout and stderr as Deps streams, without creating process.stdout or process.stderr unless a
 * terminal needs them. Node builds those on first access: a net.Socket for a pipe (loading the
 * stream, net and pipe modules), a tty.WriteStream for a terminal; measured in a CPU profile of
 * `--version`, ~1.5 ms of every start-up, when all a run does is write a few lines.
 *
 * Where the descriptor is a pipe or a file, text goes out with writeSync, as Node's own stdio
 * writes there (synchronously, on Linux). A terminal, or a pipe left non-blocking by whoever shares
 * it (EAGAIN: full for now), gets Node's stream from then on, so the order of the output holds.
 * isTTY asks isatty only for a character device other than /dev/null: a pipe, a file or /dev/null
 * is never a terminal.
 *
 * A reader that went away (EPIPE): stdout ends the process quietly with 0, as the AWS CLI does
 * with `| head -c1`; on stderr it only silences the rest (the run keeps its exit code).
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import type { OutStream } from '../deps.js';

type Fd = 1 | 2;

const nodeStream = (fd: Fd): NodeJS.WriteStream => (fd === 1 ? process.stdout : process.stderr);

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null ? (e as NodeJS.ErrnoException).code : undefined;
}

export function fdStream(fd: Fd): OutStream {
  let stream: NodeJS.WriteStream | undefined;
  let closed = false;
  let tty: boolean | undefined;

  /** EPIPE, from a write or from the stream: the one rule for a reader that went away. */
  const readerGone = (): void => {
    closed = true;
    if (fd === 1) process.exit(0);
  };

  /** Node's stream for this descriptor, with the EPIPE rule; from now on every write goes through it. */
  const useStream = (): NodeJS.WriteStream => {
    if (stream === undefined) {
      stream = nodeStream(fd);
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE') throw e;
        readerGone();
      });
    }
    return stream;
  };

  const isTTY = (): boolean => {
    if (tty === undefined) {
      let device = false;
      try {
        const st = fstatSync(fd);
        device = st.isCharacterDevice() && st.rdev !== statSync('/dev/null').rdev;
      } catch {
        device = false;
      }
      tty = device && useStream().isTTY === true;
    }
    return tty;
  };

  return {
    write(text) {
      if (closed || text === '') return;
      if (stream !== undefined || isTTY()) {
        useStream().write(text);
        return;
      }
      let rest = Buffer.from(text, 'utf-8');
      try {
        while (rest.length > 0) rest = rest.subarray(writeSync(fd, rest));
      } catch (e) {
        const code = errorCode(e);
        if (code === 'EAGAIN') {
          useStream().write(rest);
        } else if (code === 'EPIPE') {
          readerGone();
        } else {
          throw e;
        }
      }
    },
    get isTTY() {
      return isTTY();
    },
    get columns() {
      return isTTY() ? useStream().columns : undefined;
    },
  };
}

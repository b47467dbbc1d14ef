/**
 * Everything the CLI touches outside itself comes in through Deps, so a test can hold it:
 * environment, files, clock, standard streams, the terminal, and the signal that interrupts.
 * `systemDeps()` in src/cli/system.ts builds the real one; nothing reads process.* elsewhere.
 */

export type Env = Readonly<Record<string, string | undefined>>;

export interface OutStream {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Terminal width in columns when isTTY, else undefined. */
  readonly columns: number | undefined;
}

/** How much `FileSystem.read` may take, and the signal that stops it. */
export interface ReadLimit {
  maxBytes: number;
  signal?: AbortSignal;
}

/** Plain functions (no `this`), so callers may pass them on: `{ readFile: deps.fs.readFile }`. */
export interface FileSystem {
  /**
   * Reads a whole file synchronously; throws the Node error (with .code such as ENOENT). Only
   * for files we own (the token cache); anything a user names goes through `read`.
   */
  readFile: (path: string) => Buffer;
  /**
   * Reads a whole file, pipe or device without blocking the event loop, so Ctrl-C works while a
   * FIFO waits for a writer. Rejects with code 'EFBIG' past `maxBytes` (at once for /dev/zero),
   * with name 'AbortError' when the signal aborts, else with the Node error (.code ENOENT...).
   */
  read: (path: string, limit: ReadLimit) => Promise<Buffer>;
  exists: (path: string) => boolean;
  /** Writes a file atomically (temp file + rename) with the given mode, creating its directory. */
  writeFileAtomic: (path: string, data: string, mode: number) => void;
  /**
   * Makes sure `path` is a directory, creating it and any missing parents with `mode`; returns
   * whether it was created and its permission bits. Throws the Node error (EEXIST, ENOTDIR, ...).
   */
  ensureDir: (path: string, mode: number) => { created: boolean; mode: number };
  /** The names in a directory; [] when it does not exist. */
  listDir: (path: string) => string[];
  /** Removes a file; throws the Node error. */
  remove: (path: string) => void;
}

/** The function members are plain functions (no `this`): they may be passed on unbound. */
export interface Deps {
  env: Env;
  cwd: string;
  homedir: string;
  fs: FileSystem;
  stdout: OutStream;
  stderr: OutStream;
  now: () => Date;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Aborted on SIGINT: requests and sleeps stop, and main exits 130. */
  signal: AbortSignal;
  /** Opens a URL in the user's browser; resolves false when it could not. */
  openBrowser: (url: string) => Promise<boolean>;
  /** For --version and the User-Agent: our package version, Node's, and os.type()/os.release(). */
  platform: { version: string; system: string; release: string; node: string };
}

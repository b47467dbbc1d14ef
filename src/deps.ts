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

/** Plain functions (no `this`), so callers may pass them on: `{ readFile: deps.fs.readFile }`. */
export interface FileSystem {
  /** Reads a whole file; throws the Node error (with .code such as ENOENT) when it cannot. */
  readFile: (path: string) => Buffer;
  exists: (path: string) => boolean;
  /** Writes a file atomically (temp file + rename) with the given mode, creating its directory. */
  writeFileAtomic: (path: string, data: string, mode: number) => void;
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

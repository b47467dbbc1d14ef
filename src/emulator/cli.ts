/**
 * The sso-oidc-emulator command: parses options, starts an emulator, prints its base URL as the
 * first stdout line (and `CA bundle: <path>` second with --https), then runs until SIGINT or
 * SIGTERM. Everything else goes to stderr.
 */
import { parseIamCredentials } from './iam.js';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT } from '../errors.js';
import { startEmulator } from './server.js';
import type { Emulator, EmulatorOptions } from './types.js';

/** Where the command writes and how it learns that it should stop. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Resolves with the signal's name when the emulator should stop. */
  waitForStop(): Promise<string>;
}

/** The real process: its streams, and SIGINT/SIGTERM. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    waitForStop: () =>
      new Promise((resolve) => {
        const onSignal = (signal: NodeJS.Signals): void => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          resolve(signal);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      }),
  };
}

interface ParsedOptions {
  host: string;
  port: number;
  https?: boolean;
  autoApprove?: true | number;
  expiresIn: number;
  interval: number;
  tokenExpiresIn: number;
  latency: number;
  requestLog: number;
  adminToken?: string;
  verbose?: boolean;
  iamCredentials?: { accessKeyId: string; secretAccessKey: string };
}

function integer(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      throw new InvalidArgumentError(
        max === Number.MAX_SAFE_INTEGER ? `Expected a whole number of at least ${min}.` : `Expected a whole number from ${min} to ${max}.`,
      );
    }
    return n;
  };
}

/**
 * A bad value of an option that holds a secret. commander's own message for a value its parser
 * refuses quotes the value; parse() words this one without it.
 */
class SecretValueError extends Error {
  constructor(
    readonly flags: string,
    message: string,
  ) {
    super(message);
  }
}

const IAM_CREDENTIALS = '--iam-credentials <AKID:SECRET>';

function iamCredentials(value: string): { accessKeyId: string; secretAccessKey: string } {
  const c = parseIamCredentials(value);
  if (c === undefined) throw new SecretValueError(IAM_CREDENTIALS, 'Expected ACCESS_KEY_ID:SECRET_ACCESS_KEY.');
  return c;
}

function program(io: CliIo): Command {
  return new Command('sso-oidc-emulator')
    .description('A local IAM Identity Center OIDC (SSO-OIDC) service with a device verification page.')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on; 0 picks a free one', integer(0, 65535), 0)
    .option('--https', 'serve TLS with a fresh CA; prints "CA bundle: <path>" as the second line')
    .option('--auto-approve [seconds]', 'approve every device authorization and /authorize request after SECONDS (default 0)', integer(0))
    .option('--expires-in <seconds>', 'lifetime of a device authorization', integer(1), 600)
    .option('--interval <seconds>', 'polling interval clients must keep', integer(0), 1)
    .option('--token-expires-in <seconds>', 'lifetime of an access token', integer(1), 28_800)
    .option('--latency <ms>', 'delay every API response by MS milliseconds', integer(0), 0)
    .option('--request-log <count>', 'keep the last COUNT requests for GET /emulator/requests', integer(0), 1000)
    .addOption(
      // The environment forms keep secrets out of `ps`, which any user of a shared machine can read.
      new Option('--admin-token <token>', 'require "Authorization: Bearer TOKEN" on the /emulator/ admin endpoints (shared machines)').env(
        'SSO_OIDC_EMULATOR_ADMIN_TOKEN',
      ),
    )
    .option('--verbose', 'log one line per request (method, path, status) to stderr')
    .addOption(
      new Option(IAM_CREDENTIALS, 'accept CreateTokenWithIAM requests signed (SigV4) with these credentials')
        .argParser(iamCredentials)
        .env('SSO_OIDC_EMULATOR_IAM_CREDENTIALS'),
    )
    .showHelpAfterError('(run sso-oidc-emulator --help for usage)')
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .exitOverride();
}

/** Parses argv; a number is the exit code to return at once (help, or a usage error already printed). */
function parse(argv: string[], io: CliIo): ParsedOptions | number {
  const cmd = program(io);
  try {
    try {
      cmd.parse(argv, { from: 'user' });
    } catch (err) {
      if (!(err instanceof SecretValueError)) throw err;
      // Reported as commander reports a bad value (same layout, usage hint, exit code), unquoted.
      cmd.error(`error: option '${err.flags}' value is invalid (not shown: it holds a secret). ${err.message}`, {
        code: 'commander.invalidArgument',
      });
    }
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw err;
  }
  return cmd.opts<ParsedOptions>();
}

function toEmulatorOptions(o: ParsedOptions, io: CliIo): EmulatorOptions {
  return {
    host: o.host,
    port: o.port,
    https: o.https === true,
    expiresIn: o.expiresIn,
    interval: o.interval,
    tokenExpiresIn: o.tokenExpiresIn,
    latencyMs: o.latency,
    requestLogLimit: o.requestLog,
    ...(o.adminToken === undefined ? {} : { adminToken: o.adminToken }),
    ...(o.autoApprove === undefined ? {} : { autoApproveSeconds: o.autoApprove === true ? 0 : o.autoApprove }),
    ...(o.iamCredentials === undefined ? {} : { iamCredentials: o.iamCredentials }),
    ...(o.verbose === true ? { log: (line: string) => void io.stderr.write(`${line}\n`) } : {}),
  };
}

/** True for an address only this machine can reach. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Runs the command; resolves with the process exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parse(argv, io);
  if (typeof parsed === 'number') return parsed;
  if (!isLoopback(parsed.host)) {
    const guard = parsed.adminToken === undefined ? ' Set --admin-token to guard it.' : '';
    io.stderr.write(
      `sso-oidc-emulator: warning: listening on ${parsed.host}: the admin API (/emulator/) is reachable from the network.${guard}\n`,
    );
  }
  // Listen for signals before announcing the URL, so a stop sent right after it is not missed.
  const stopped = io.waitForStop();
  let emulator: Emulator;
  try {
    emulator = await startEmulator(toEmulatorOptions(parsed, io));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.stderr.write(
      `sso-oidc-emulator: cannot listen on ${parsed.host}:${parsed.port}${code === undefined ? '' : ` (${code})`}: ${(err as Error).message}\n`,
    );
    return EXIT.other;
  }
  io.stdout.write(`${emulator.url}\n`);
  if (emulator.caPath !== undefined) io.stdout.write(`CA bundle: ${emulator.caPath}\n`);
  const auto = parsed.autoApprove === undefined ? '' : ' Device authorizations are approved automatically.';
  io.stderr.write(`sso-oidc-emulator: listening; verification page ${emulator.url}/.${auto} Stop with Ctrl-C.\n`);
  const signal = await stopped;
  await emulator.close();
  io.stderr.write(`sso-oidc-emulator: stopped (${signal}).\n`);
  return EXIT.ok;
}

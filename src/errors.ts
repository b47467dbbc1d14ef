/**
 * The typed errors of sso-oidc. Every error that reaches the user is a CliError: it carries the
 * exit code (AWS CLI v2's table) and the exact text to print. `src/cli/main.ts` is the one place
 * that turns an error into stderr text and an exit code.
 */

/** AWS CLI v2 exit codes. */
export const EXIT = {
  ok: 0,
  usage: 252,
  config: 253,
  service: 254,
  other: 255,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CliErrorOptions {
  cause?: unknown;
  /**
   * How the message is written. 'aws' is the AWS CLI's `"\n" + message + "\n"`; 'plain' is
   * `message + "\n"` (argparse usage errors and the no-region message have no leading blank line).
   */
  layout?: 'aws' | 'plain';
}

export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly layout: 'aws' | 'plain';
  constructor(message: string, exitCode: ExitCode, options: CliErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.layout = options.layout ?? 'aws';
  }
}

/** Bad command line: unknown option, bad choice, missing required option. Exit 252. */
export class UsageError extends CliError {
  /** When set, main prints the short usage hint before the message (argparse style). */
  readonly showUsage: boolean;
  constructor(message: string, options: CliErrorOptions & { showUsage?: boolean } = {}) {
    super(message, EXIT.usage, { layout: 'plain', ...options });
    this.showUsage = options.showUsage ?? true;
  }
}

/** Bad parameter value: --cli-input-json, file://, validation, --query syntax. Exit 252. */
export class ParamError extends CliError {
  constructor(message: string, options: CliErrorOptions = {}) {
    super(message, EXIT.usage, options);
  }
}

/** Configuration or environment: no region, unknown profile, bad config value. Exit 253. */
export class ConfigError extends CliError {
  constructor(message: string, options: CliErrorOptions = {}) {
    super(message, EXIT.config, options);
  }
}

/** The service answered with an error. Exit 254. */
export class ServiceError extends CliError {
  readonly code: string;
  readonly operation: string;
  readonly serviceMessage: string;
  readonly httpStatus: number;
  /** Set when the error was retryable and the attempt budget ran out: attempts - 1. */
  readonly maxRetriesReached: number | undefined;
  constructor(fields: {
    code: string;
    operation: string;
    message: string;
    httpStatus: number;
    maxRetriesReached?: number;
  }) {
    const retries = fields.maxRetriesReached === undefined ? '' : ` (reached max retries: ${fields.maxRetriesReached})`;
    super(
      `An error occurred (${fields.code}) when calling the ${fields.operation} operation${retries}: ${fields.message}`,
      EXIT.service,
    );
    this.code = fields.code;
    this.operation = fields.operation;
    this.serviceMessage = fields.message;
    this.httpStatus = fields.httpStatus;
    this.maxRetriesReached = fields.maxRetriesReached;
  }
}

/** Network and everything else: connection refused, timeouts, TLS failures. Exit 255. */
export class TransportError extends CliError {
  constructor(message: string, options: CliErrorOptions = {}) {
    super(message, EXIT.other, options);
  }
}

/** Ctrl-C. Exit 130. */
export class InterruptedError extends CliError {
  constructor() {
    super('', EXIT.interrupted);
  }
}

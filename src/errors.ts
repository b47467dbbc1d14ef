/**
 * The typed errors of sso-oidc. Every error that reaches the user is a CliError: it carries the
 * exit code (AWS CLI v2's table) and the exact text to print. `src/cli/main.ts` is the one place
 * that turns an error into stderr text and an exit code.
 */

import type { ValueMap } from './value/types.js';

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
  /** How AWS CLI v2 shows this error when an error format is in force, where the class alone does not say. */
  v2?: V2Override;
}

/**
 * AWS CLI v2's view of an error, used only when `--cli-error-format`, AWS_CLI_ERROR_FORMAT or
 * `cli_error_format` asks for one (src/cli/error-format.ts renders it).
 * - structured: the format applies; `info` holds the fields (Code, Message, modeled members);
 * - line: v2 prints `prog: [ERROR]: message` whatever the format;
 * - unknown-options: the usage block, then that line.
 */
export interface V2Override {
  form?: 'structured' | 'line' | 'unknown-options';
  /** v2's str(exception): the [ERROR] line (legacy) and, for service errors, the enhanced headline. */
  message?: string;
  /** Structured fields in v2's order (service errors); otherwise {Code: code, Message: message}. */
  info?: ValueMap;
  /** The structured code for non-service errors: ParamValidation, NoRegion. */
  code?: string;
}

export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly layout: 'aws' | 'plain';
  readonly v2: V2Override | undefined;
  constructor(message: string, exitCode: ExitCode, options: CliErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.layout = options.layout ?? 'aws';
    this.v2 = options.v2;
  }
}

/** Bad command line: unknown option, bad choice, missing required option. Exit 252. */
export class UsageError extends CliError {
  /** When set, main prints the short usage hint before the message (argparse style). */
  readonly showUsage: boolean;
  /**
   * Raised by the top-level parser on a global option (AWS CLI v2's main parser): v2 has no parsed
   * globals then, so `--cli-error-format` on the same line does not apply to it.
   */
  globalParse = false;
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
    /** AWS CLI v2's reading of the same response: its message (no OAuth2 mapping) and fields. */
    v2?: { message: string; info: ValueMap };
  }) {
    const retries = fields.maxRetriesReached === undefined ? '' : ` (reached max retries: ${fields.maxRetriesReached})`;
    const head = `An error occurred (${fields.code}) when calling the ${fields.operation} operation${retries}: `;
    super(`${head}${fields.message}`, EXIT.service, {
      v2: {
        form: 'structured',
        message: head + (fields.v2?.message ?? fields.message),
        info:
          fields.v2?.info ??
          new Map([
            ['Message', fields.message],
            ['Code', fields.code],
          ]),
      },
    });
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

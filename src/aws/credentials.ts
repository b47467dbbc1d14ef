/**
 * AWS credentials for the one signed operation (CreateTokenWithIAM), in botocore's order: the
 * environment (unless --profile names a profile, which negates it, as botocore's
 * create_credential_resolver does), then the SDK's chain for the profile (shared credentials and
 * config files, credential_process, SSO, web identity, container and instance metadata).
 * Loaded only by that command: every other command is unsigned and never reads credentials.
 */
import type { AwsCredentialIdentity } from '@smithy/types';
import type { DebugLog } from '../debug/log.js';
import type { Env } from '../deps.js';
import { ConfigError } from '../errors.js';

/** botocore's NoCredentialsError as AWS CLI v1 prints it; v2's handler adds its own hint. */
export function noCredentialsError(cause?: unknown): ConfigError {
  return new ConfigError('Unable to locate credentials. You can configure credentials by running "aws configure".', {
    ...(cause === undefined ? {} : { cause }),
    layout: 'plain',
    v2: {
      form: 'structured',
      code: 'NoCredentials',
      message: 'Unable to locate credentials. You can configure credentials by running "aws login".',
    },
  });
}

export interface CredentialSource {
  /** --profile as typed: an explicit profile skips the environment's keys. */
  profileFlag: string | undefined;
  /** The profile in use (resolveConfig's), or undefined for none. */
  profile: string | undefined;
  env: Env;
  log: DebugLog;
}

/** Resolves credentials once, before anything is sent; throws ConfigError (253) when there are none. */
export async function resolveCredentials(src: CredentialSource): Promise<AwsCredentialIdentity> {
  const { env, log } = src;
  const key = env['AWS_ACCESS_KEY_ID'];
  const secret = env['AWS_SECRET_ACCESS_KEY'];
  if (src.profileFlag === undefined && key && secret) {
    log.debug('credentials', 'Found credentials in environment variables.');
    const token = env['AWS_SESSION_TOKEN'] || env['AWS_SECURITY_TOKEN'];
    return { accessKeyId: key, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}) };
  }
  const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
  // The SDK warns on console when AWS_PROFILE and keys are both set: its messages go to --debug only.
  const logger = {
    debug: (...a: unknown[]) => log.debug('credentials', a.map(String).join(' ')),
    info: (...a: unknown[]) => log.debug('credentials', a.map(String).join(' ')),
    warn: (...a: unknown[]) => log.debug('credentials', a.map(String).join(' ')),
    error: (...a: unknown[]) => log.debug('credentials', a.map(String).join(' ')),
  };
  try {
    const creds = await defaultProvider({ profile: src.profile ?? 'default', logger })();
    log.debug('credentials', `Found credentials for profile ${src.profile ?? 'default'}.`);
    return creds;
  } catch (e) {
    log.debug('credentials', `No credentials: ${e instanceof Error ? e.message : String(e)}`);
    throw noCredentialsError(e);
  }
}

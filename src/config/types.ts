/** What `resolveConfig` produces: every setting the request and transport need, resolved once. */

export type OutputFormat = 'json' | 'text' | 'table';
export type RetryMode = 'legacy' | 'standard' | 'adaptive';

/** The global options as typed on the command line (undefined = not given). */
export interface GlobalArgs {
  debug: boolean;
  endpointUrl?: string;
  verifySsl: boolean; // false with --no-verify-ssl
  paginate: boolean; // false with --no-paginate (accepted, no effect)
  output?: string;
  query?: string;
  profile?: string;
  region?: string;
  color?: 'on' | 'off' | 'auto';
  signRequest: boolean; // false with --no-sign-request (accepted, the operations are unsigned)
  caBundle?: string;
  cliReadTimeout?: number; // seconds, validated integer >= 0
  cliConnectTimeout?: number; // seconds, validated integer >= 0
  /** --cli-error-format (AWS CLI v2); read only when an error is printed. */
  cliErrorFormat?: string;
}

export type EndpointSource =
  | 'cli' // --endpoint-url
  | 'env-service' // AWS_ENDPOINT_URL_SSO_OIDC
  | 'env-global' // AWS_ENDPOINT_URL
  | 'config-service' // [services X] sso_oidc = endpoint_url = ...
  | 'config-profile' // endpoint_url in the profile
  | 'default'; // the AWS endpoint for the region

export interface ResolvedConfig {
  /** The profile in use, or undefined when none was asked for and there is no [default]. */
  profile: string | undefined;
  region: string;
  endpoint: { url: string; source: EndpointSource };
  retry: { mode: RetryMode; maxAttempts: number };
  tls: { verify: boolean; caBundle?: string };
  /** Milliseconds; 0 means no limit. */
  timeouts: { connectMs: number; readMs: number };
  proxy: { httpsProxy?: string; httpProxy?: string; noProxy?: string };
  output: OutputFormat;
  /** AWS_SDK_UA_APP_ID / sdk_ua_app_id, appended to the User-Agent as app/<id>. */
  userAgentAppId?: string;
}

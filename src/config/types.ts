/** What `resolveConfig` produces: every setting the request and transport need, resolved once. */

import type { OutputKind } from '../cli/spec.js';

export type RetryMode = 'legacy' | 'standard' | 'adaptive';

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
  output: OutputKind;
  /** AWS_SDK_UA_APP_ID / sdk_ua_app_id, appended to the User-Agent as app/<id>. */
  userAgentAppId?: string;
}

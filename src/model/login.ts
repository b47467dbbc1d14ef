/** The `login` command's description: drives its options, help and completion. */

export interface CommandOption {
  flag: string;
  /** Key in the parsed options (commander's camelCase of the flag). */
  key: string;
  kind: 'string' | 'list' | 'boolean' | 'negated';
  doc: string;
}

export interface CommandDescription {
  cliName: string;
  doc: string;
  options: readonly CommandOption[];
  examples: readonly { title: string; command: string; output?: string }[];
}

export const login: CommandDescription = {
  cliName: 'login',
  doc:
    'Sign in to IAM Identity Center and write the token cache the AWS CLI v2 and SDKs read (~/.aws/sso/cache, as ' +
    '`aws sso login` does). A cached token with more than 15 minutes left is reused without a request (--force signs ' +
    'in again); an expiring one is refreshed with its refresh token when it has one. Otherwise, as the AWS CLI v2: ' +
    'with an sso-session, the authorization code flow with PKCE in your browser; with --use-device-code or a legacy ' +
    'profile (sso_start_url), the device code flow. Where no browser can be opened (an SSH session, CI=true, Linux ' +
    'without DISPLAY or WAYLAND_DISPLAY unless BROWSER is set, or --no-browser) the device code flow is used, with a QR ' +
    'code of the URL on a terminal. The start URL and region come from --start-url/--region, or from the profile ' +
    '(sso_session and its [sso-session] section, or the legacy sso_start_url and sso_region). Messages go to ' +
    'standard error; standard output gets one line.',
  options: [
    { flag: '--start-url', key: 'startUrl', kind: 'string', doc: 'The URL for the AWS access portal. Overrides sso_start_url of the profile or sso-session.' },
    { flag: '--sso-session', key: 'ssoSession', kind: 'string', doc: 'The [sso-session NAME] section of the config file to log in with. The token is cached under this name.' },
    { flag: '--scopes', key: 'scopes', kind: 'list', doc: 'The scopes to register the client with. Overrides sso_registration_scopes. With scopes the service also issues a refresh token.' },
    { flag: '--no-browser', key: 'browser', kind: 'negated', doc: 'Do not open a browser: use the device code flow and print the URL and the code only.' },
    { flag: '--use-device-code', key: 'useDeviceCode', kind: 'boolean', doc: 'Use the device code flow instead of the authorization code flow with PKCE.' },
    { flag: '--force', key: 'force', kind: 'boolean', doc: 'Sign in again even when the cached token is still valid or can be refreshed.' },
    { flag: '--no-qr', key: 'qr', kind: 'negated', doc: 'Do not print the QR code of the verification URL in the device code flow.' },
  ],
  examples: [
    { title: 'To log in with an sso-session of your config file', command: 'sso-oidc login --sso-session my-sso' },
    { title: 'To log in with a start URL, without a browser (a remote shell)', command: 'sso-oidc login --start-url https://my-sso-portal.awsapps.com/start --region us-east-1 --no-browser' },
  ],
};

export const logout: CommandDescription = {
  cliName: 'logout',
  doc:
    'Remove cached IAM Identity Center access tokens, as `aws sso logout` does: with --sso-session, the token of that ' +
    'session; with --start-url, the tokens for that start URL; with neither, every cached token. Client registrations ' +
    'stay, so the next login needs no new registration. Each removed token is listed on standard output; with ' +
    'nothing to remove it says so and exits 0. Unlike the AWS CLI v2, it does not call the AWS access portal\'s Logout ' +
    'API (that is the SSO portal service, not SSO-OIDC), so the tokens stay valid on the server until they expire.',
  options: [
    { flag: '--sso-session', key: 'ssoSession', kind: 'string', doc: 'Remove only the token cached for this [sso-session NAME].' },
    { flag: '--start-url', key: 'startUrl', kind: 'string', doc: 'Remove only the tokens cached for this start URL (under the URL, or for a session that uses it).' },
  ],
  examples: [
    { title: 'To log out of one sso-session', command: 'sso-oidc logout --sso-session my-sso' },
    { title: 'To remove every cached token', command: 'sso-oidc logout' },
  ],
};

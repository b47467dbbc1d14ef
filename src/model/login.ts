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
    'Run the whole device authorization flow and write the token cache the AWS CLI v2 and SDKs read. ' +
    'It calls RegisterClient (or reuses a registration cached by an earlier login), StartDeviceAuthorization, then ' +
    'CreateToken until you approve in the browser, and writes ~/.aws/sso/cache as `aws sso login` does. The start URL ' +
    'and region come from --start-url/--region, or from the profile (sso_session and its [sso-session] section, ' +
    'or the legacy sso_start_url and sso_region). The URL and code are printed on standard error; standard output ' +
    'gets one line once you are logged in.',
  options: [
    { flag: '--start-url', key: 'startUrl', kind: 'string', doc: 'The URL for the AWS access portal. Overrides sso_start_url of the profile or sso-session.' },
    { flag: '--sso-session', key: 'ssoSession', kind: 'string', doc: 'The [sso-session NAME] section of the config file to log in with. The token is cached under this name.' },
    { flag: '--scopes', key: 'scopes', kind: 'list', doc: 'The scopes to register the client with. Overrides sso_registration_scopes. With scopes the service also issues a refresh token.' },
    { flag: '--no-browser', key: 'browser', kind: 'negated', doc: 'Do not open a browser: print the URL and the code only. A browser is only ever opened when standard error is a terminal.' },
    { flag: '--use-device-code', key: 'useDeviceCode', kind: 'boolean', doc: 'Accepted for compatibility with aws sso login: sso-oidc always uses the device code flow.' },
  ],
  examples: [
    { title: 'To log in with an sso-session of your config file', command: 'sso-oidc login --sso-session my-sso' },
    { title: 'To log in with a start URL, without a browser (a remote shell)', command: 'sso-oidc login --start-url https://my-sso-portal.awsapps.com/start --region us-east-1 --no-browser' },
  ],
};

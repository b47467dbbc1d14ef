import type { OperationDescription } from '../types.js';

export const startDeviceAuthorization: OperationDescription = {
  name: 'StartDeviceAuthorization',
  cliName: 'start-device-authorization',
  http: { method: 'POST', path: '/device_authorization' },
  doc: 'Initiates device authorization by requesting a pair of verification codes from the authorization service.',
  input: [
    {
      name: 'clientId',
      type: 'string',
      required: true,
      doc: 'The unique identifier string for the client that is registered with IAM Identity Center. This value should come from the persisted result of the RegisterClient API operation.',
    },
    {
      name: 'clientSecret',
      type: 'string',
      required: true,
      sensitive: true,
      doc: 'A secret string that is generated for the client. This value should come from the persisted result of the RegisterClient API operation.',
    },
    {
      name: 'startUrl',
      type: 'string',
      required: true,
      doc: 'The URL for the Amazon Web Services access portal. For more information, see Using the Amazon Web Services access portal in the IAM Identity Center User Guide.',
    },
  ],
  output: [
    {
      name: 'deviceCode',
      type: 'string',
      sensitive: true,
      doc: 'The short-lived code that is used by the device when polling for a session token.',
    },
    { name: 'userCode', type: 'string', doc: 'A one-time user verification code. This is needed to authorize an in-use device.' },
    { name: 'verificationUri', type: 'string', doc: 'The URI of the verification page that takes the userCode to authorize the device.' },
    {
      name: 'verificationUriComplete',
      type: 'string',
      doc: 'An alternate URL that the client can use to automatically launch a browser. This process skips the manual step in which the user visits the verification page and enters their code.',
    },
    { name: 'expiresIn', type: 'integer', doc: 'Indicates the number of seconds in which the verification code will become invalid.' },
    {
      name: 'interval',
      type: 'integer',
      doc: 'Indicates the number of seconds the client must wait between attempts when polling for a session.',
    },
  ],
  examples: [
    {
      title: 'To start device authorization',
      command:
        'sso-oidc start-device-authorization --client-id "$CLIENT_ID" --client-secret file://client-secret.txt --start-url https://my-sso-portal.awsapps.com/start',
      output: `{
    "deviceCode": "...",
    "userCode": "ABCD-EFGH",
    "verificationUri": "https://device.sso.us-east-1.amazonaws.com/",
    "verificationUriComplete": "https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH",
    "expiresIn": 600,
    "interval": 1
}`,
    },
    {
      title: 'To keep only the device code, for a CI shell step',
      command:
        'DEVICE_CODE=$(sso-oidc start-device-authorization --client-id "$CLIENT_ID" --client-secret file://client-secret.txt --start-url "$START_URL" --query deviceCode --output text)',
    },
  ],
};

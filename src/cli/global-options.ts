/**
 * The AWS CLI's global options, as data: they drive the parser, validation, help and completion.
 * Texts are the AWS CLI's own help for each option.
 */

export interface GlobalOption {
  /** Flag as typed: --endpoint-url. */
  flag: string;
  /** Key in GlobalArgs. */
  key: string;
  kind: 'boolean' | 'negated' | 'string' | 'integer' | 'choice';
  choices?: readonly string[];
  doc: string;
}

export const OUTPUT_CHOICES = ['json', 'text', 'table'] as const;
export const COLOR_CHOICES = ['on', 'off', 'auto'] as const;
/** AWS CLI v2's error formats (awscli/errorhandler.py VALID_ERROR_FORMATS), in its order. */
export const ERROR_FORMAT_CHOICES = ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'] as const;
export const BINARY_FORMAT_CHOICES = ['base64', 'raw-in-base64-out'] as const;

export const GLOBAL_OPTIONS: readonly GlobalOption[] = [
  { flag: '--debug', key: 'debug', kind: 'boolean', doc: 'Turn on debug logging. Secrets (client secrets, device codes, tokens) are always shown as ***.' },
  { flag: '--endpoint-url', key: 'endpointUrl', kind: 'string', doc: "Override command's default URL with the given URL." },
  {
    flag: '--no-verify-ssl',
    key: 'verifySsl',
    kind: 'negated',
    doc: 'By default, the AWS CLI uses SSL when communicating with AWS services. For each SSL connection, the AWS CLI will verify SSL certificates. This option overrides the default behavior of verifying SSL certificates.',
  },
  { flag: '--no-paginate', key: 'paginate', kind: 'negated', doc: 'Disable automatic pagination. (Accepted for compatibility: these operations are not paginated.)' },
  { flag: '--output', key: 'output', kind: 'choice', choices: OUTPUT_CHOICES, doc: 'The formatting style for command output.' },
  { flag: '--query', key: 'query', kind: 'string', doc: 'A JMESPath query to use in filtering the response data.' },
  { flag: '--profile', key: 'profile', kind: 'string', doc: 'Use a specific profile from your credential file.' },
  { flag: '--region', key: 'region', kind: 'string', doc: 'The region to use. Overrides config/env settings.' },
  { flag: '--version', key: 'version', kind: 'boolean', doc: 'Display the version of this tool.' },
  { flag: '--color', key: 'color', kind: 'choice', choices: COLOR_CHOICES, doc: 'Turn on/off color output.' },
  {
    flag: '--no-sign-request',
    key: 'signRequest',
    kind: 'negated',
    doc: 'Do not sign requests. Credentials will not be loaded if this argument is provided. (These operations are always unsigned.)',
  },
  { flag: '--ca-bundle', key: 'caBundle', kind: 'string', doc: 'The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.' },
  {
    flag: '--cli-read-timeout',
    key: 'cliReadTimeout',
    kind: 'integer',
    doc: 'The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and not timeout. The default value is 60 seconds.',
  },
  {
    flag: '--cli-connect-timeout',
    key: 'cliConnectTimeout',
    kind: 'integer',
    doc: 'The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be blocking and not timeout. The default value is 60 seconds.',
  },
  {
    flag: '--cli-binary-format',
    key: 'cliBinaryFormat',
    kind: 'choice',
    choices: BINARY_FORMAT_CHOICES,
    doc: 'The formatting style to be used for binary blobs. (Accepted for compatibility with AWS CLI v2: these operations have no binary members.)',
  },
  { flag: '--no-cli-pager', key: 'cliPager', kind: 'negated', doc: 'Disable cli pager for output. (Accepted for compatibility with AWS CLI v2: output is never paged.)' },
  {
    flag: '--no-cli-auto-prompt',
    key: 'cliAutoPrompt',
    kind: 'negated',
    doc: 'Disable automatically prompt for CLI input parameters. (Accepted for compatibility with AWS CLI v2: we never prompt.)',
  },
  {
    flag: '--cli-error-format',
    key: 'cliErrorFormat',
    kind: 'choice',
    choices: ERROR_FORMAT_CHOICES,
    doc: 'The formatting style for error output, as AWS CLI v2 prints it. Without it (or AWS_CLI_ERROR_FORMAT, or cli_error_format in the config), errors are worded as AWS CLI v1 words them.',
  },
];

/** Options every operation command has besides its members. */
export const SKELETON_CHOICES = ['input', 'output'] as const;

export const OPERATION_EXTRA_OPTIONS = [
  {
    flag: '--cli-input-json',
    doc: 'Performs service operation based on the JSON string provided. The JSON string follows the format provided by --generate-cli-skeleton. If other arguments are provided on the command line, the CLI values will override the JSON-provided values. It is not possible to pass arbitrary binary values using a JSON-provided value as the string will be taken literally.',
  },
  {
    flag: '--generate-cli-skeleton',
    doc: 'Prints a JSON skeleton to standard output without sending an API request. If provided with no value or the value input, prints a sample input JSON that can be used as an argument for --cli-input-json. If provided with the value output, it validates the command inputs and returns a sample output JSON for that command.',
  },
] as const;

/**
 * `sso-oidc help`: what the tool is, its commands (each with the first sentence of its doc), the
 * global options, the exit codes, and where to read more.
 */
import { EXIT } from '../../errors.js';
import { PROG } from '../usage.js';
import { commandSpecs } from '../spec.js';
import { globalsBody } from './manual.js';
import { at, BODY, docLines, DOC, firstSentence, hanging, helpWidth, section, wrap } from './text.js';

const ABOUT =
  `${PROG} is a command-line client for the IAM Identity Center OIDC service (sso-oidc). Its ` +
  'operation commands behave as the AWS CLI\'s "aws sso-oidc" commands do, with the same options, ' +
  'parameter files, output formats, errors and exit codes; login runs the whole device ' +
  'authorization flow in one command.';

/** What each exit code means, keyed like EXIT so a new code cannot be left out. */
const EXIT_MEANINGS: Record<keyof typeof EXIT, string> = {
  ok: 'Success.',
  usage: 'Usage or parameter error: unknown option, bad value, missing required option.',
  config: 'Configuration or environment error: no region, unknown profile.',
  service: 'The service returned an error.',
  other: 'Anything else: network, TLS, timeouts.',
  interrupted: 'Interrupted (Ctrl-C).',
};

function commandsBody(width: number): string[] {
  return commandSpecs().flatMap((d, i) => [...(i === 0 ? [] : ['']), at(BODY, d.name), ...docLines(firstSentence(d.doc), DOC, width)]);
}

function exitBody(width: number): string[] {
  return (Object.keys(EXIT) as (keyof typeof EXIT)[]).flatMap((key) => hanging(String(EXIT[key]), EXIT_MEANINGS[key], BODY, 5, width));
}

/** The overview manual, as plain text ending in a newline. */
export function renderOverview(columns: number | undefined): string {
  const width = helpWidth(columns);
  return [
    ...section('NAME', [at(BODY, `${PROG} -`)]),
    ...section('DESCRIPTION', docLines(ABOUT, BODY, width)),
    ...section('SYNOPSIS', wrap(`${PROG} [options] <command> [parameters]`, DOC, width, 2)),
    ...section('AVAILABLE COMMANDS', commandsBody(width)),
    ...section('GLOBAL OPTIONS', globalsBody(width)),
    ...section('EXIT CODES', exitBody(width)),
    ...section('SEE ALSO', docLines(`${PROG} <command> help (or ${PROG} help <command>): the manual of one command.`, BODY, width)),
  ].join('\n');
}

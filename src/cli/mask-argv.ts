/**
 * argv for --debug, with the values of secret options and secrets inside JSON shown as ***.
 * An inline --cli-input-yaml is shown as *** whole (YAML can spell a key too many ways to mask
 * just the secret: quoted, flow style, an alias, a `? key` entry); a file:// value keeps its path.
 */
import { maskUrlCredentials } from '../debug/mask-url.js';
import { REDACTED, maskSecretsInJsonText } from '../debug/redact.js';
import { allOptions } from './spec.js';

const SECRET_FLAGS = new Set(
  allOptions()
    .filter((o) => o.sensitive)
    .map((o) => o.flag),
);

/**
 * A secret option, a prefix of one (argparse takes `--client-s` for `--client-secret`), or a
 * misspelling that looks like one (`--client-secrt`): its value is masked.
 */
const isSecretFlag = (flag: string): boolean =>
  SECRET_FLAGS.has(flag) ||
  (flag.startsWith('--') &&
    (/secr|token|code|verif|passw/i.test(flag) || (flag.length > 2 && [...SECRET_FLAGS].some((f) => f.startsWith(flag)))));

/** --cli-input-json, or a prefix of it that argparse would take for it (`--cli-input-j`). */
const isInputJsonFlag = (flag: string): boolean => flag.startsWith('--cli-input-j') && '--cli-input-json'.startsWith(flag);
/**
 * --cli-input-yaml, a prefix of it that argparse would take for it (`--cli-input-y`), or a prefix
 * of both inputs (`--cli-inp`: ambiguous, refused, but logged first): its value is masked whole.
 */
const isInputYamlFlag = (flag: string): boolean => flag.startsWith('--cli-i') && '--cli-input-yaml'.startsWith(flag);

export function maskArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    const [flag, inline] = word.includes('=') ? [word.slice(0, word.indexOf('=')), true] : [word, false];
    if (isSecretFlag(flag)) {
      if (inline) out.push(`${flag}=${REDACTED}`);
      else {
        out.push(word);
        if (i + 1 < argv.length) out.push(REDACTED);
        i++;
      }
    } else if (isInputYamlFlag(flag)) {
      const value = inline ? word.slice(flag.length + 1) : argv[i + 1];
      const shown = value === undefined ? undefined : /^fileb?:\/\//.test(value) ? value : REDACTED;
      if (inline) out.push(`${flag}=${shown}`);
      else {
        out.push(word);
        if (shown !== undefined) out.push(shown);
        i++;
      }
    } else if (isInputJsonFlag(flag) && !inline && i + 1 < argv.length) {
      out.push(word, maskSecretsInJsonText(argv[i + 1] as string));
      i++;
    } else out.push(inline && isInputJsonFlag(flag) ? `${flag}=${maskSecretsInJsonText(word.slice(flag.length + 1))}` : word);
  }
  // `--endpoint-url http://user:password@host` and the like.
  return out.map(maskUrlCredentials);
}

/**
 * Table colours, byte for byte as the AWS CLI v1 writes them.
 *
 * Why plain escapes and not chalk: awscli's ColorizedStyler wraps a data cell as
 * `ESC[1m ESC[34m text ESC[0m` (colorama Style.BRIGHT + Fore.BLUE + Style.RESET_ALL) and an indent
 * bar as `ESC[2m ESC[33m | ESC[0m`, and colorama (autoreset=True) appends `ESC[0m` after every
 * single write call. chalk closes each style with its own reset (`ESC[22m`, `ESC[39m`) and
 * nests differently, so it cannot produce these bytes; these few constants can.
 */

export const RESET = '\x1b[0m';
const BRIGHT_BLUE = '\x1b[1m\x1b[34m';
const DIM_YELLOW = '\x1b[2m\x1b[33m';

/** awscli.table Styler / ColorizedStyler. Titles and headers are never styled. */
export interface Styler {
  rowElement(text: string): string;
  indentationChar(text: string): string;
}

export const PLAIN_STYLER: Styler = {
  rowElement: (text) => text,
  indentationChar: (text) => text,
};

export const COLOR_STYLER: Styler = {
  rowElement: (text) => BRIGHT_BLUE + text + RESET,
  indentationChar: (text) => DIM_YELLOW + text + RESET,
};

/** The stream the table is written to; with colour it behaves like colorama's autoreset. */
export class Sink {
  private readonly parts: string[] = [];
  constructor(private readonly autoreset: boolean) {}

  write(text: string): void {
    this.parts.push(text);
    if (this.autoreset) this.parts.push(RESET);
  }

  toString(): string {
    return this.parts.join('');
  }
}

// Matches the SGR sequences the styler emits (and any other CSI ... m sequence).
const SGR = /\x1b\[[0-9;]*m/g; // eslint-disable-line no-control-regex -- ESC is the point

/** Removes SGR escapes; the coloured table stripped of them equals the colourless table. */
export function stripAnsi(text: string): string {
  return text.replace(SGR, '');
}

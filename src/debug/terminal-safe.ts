/**
 * Text from a server (a user code, a URL, an error message) must not drive the terminal it is
 * printed on: ESC sequences can recolour, retitle or clear the screen, OSC 8 can dress a link as
 * another, C1 controls act like ESC on some terminals, and bidi overrides reorder what is shown.
 * `terminalSafe` shows each of those characters as a visible escape (`\x1b`, `\u202e`), as Python's
 * repr() shows them; tab, and newline where the text is multi-line, stay as they are.
 */

// C0 controls but tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks.
/* eslint-disable no-control-regex -- matching control characters is the point */
const UNSAFE_MULTILINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_ONE_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

function escape(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every character that could drive a terminal shown as an escape. */
export function terminalSafe(text: string, options: { multiline?: boolean } = {}): string {
  return text.replace(options.multiline === false ? UNSAFE_ONE_LINE : UNSAFE_MULTILINE, escape);
}

/** True when `text` holds a character that terminalSafe would escape. */
export function hasTerminalControls(text: string): boolean {
  UNSAFE_ONE_LINE.lastIndex = 0;
  return UNSAFE_ONE_LINE.test(text.replace(/\n/g, ''));
}

/**
 * Whether a browser can be opened here, and how: `$BROWSER` read as Python's webbrowser reads it
 * (the AWS CLI opens pages through webbrowser), then the platform's opener.
 */
import type { Env } from '../deps.js';

/** Why no browser will be opened, in words for the one line login prints; undefined when one can be. */
export function noBrowserReason(env: Env, system: string, noBrowserFlag: boolean): string | undefined {
  if (noBrowserFlag) return '--no-browser';
  const set = (name: string): boolean => (env[name] ?? '') !== '';
  if (set('SSH_CONNECTION') || set('SSH_CLIENT') || set('SSH_TTY')) return 'this is an SSH session';
  const ci = (env['CI'] ?? '').toLowerCase();
  if (ci === 'true' || ci === '1') return 'CI is set';
  const desktop = system === 'Darwin' || system === 'Windows_NT' || system.startsWith('CYGWIN') || system.startsWith('MINGW');
  if (!desktop && !set('DISPLAY') && !set('WAYLAND_DISPLAY') && !set('BROWSER'))
    return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  return undefined;
}

/** Only these are ever handed to a browser (never file:, javascript:, or text that could read as an option). */
export function isBrowserUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex -- controls and spaces never belong in a URL we open
  if (!/^https?:\/\//i.test(url) || /[\u0000-\u0020\u007f-\u009f]/.test(url)) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** One way to open a URL: a program and its arguments (the URL is always exactly one of them). */
export interface BrowserCommand {
  command: string;
  args: string[];
  /** Python's GenericBrowser waits and counts exit 0 as opened; a BackgroundBrowser does not wait. */
  wait: boolean;
}

/**
 * The commands to try, in order. Each `$BROWSER` entry (split on `:`): with `%s`, split as a
 * shell would (shlex) and `%s` replaced by the URL, a trailing `&` meaning do not wait; without,
 * the whole entry is the program and the URL its one argument. Then the platform's opener.
 */
export function browserCommands(env: Env, platform: NodeJS.Platform, url: string): BrowserCommand[] {
  const out: BrowserCommand[] = [];
  for (const entry of (env['BROWSER'] ?? '').split(platform === 'win32' ? ';' : ':')) {
    if (entry === '') continue;
    if (entry.includes('%s')) {
      const words = shlexSplit(entry);
      if (words === undefined || words.length === 0) continue;
      const background = words.at(-1) === '&';
      const [command, ...args] = background ? words.slice(0, -1) : words;
      if (command === undefined) continue;
      out.push({ command, args: args.map((a) => a.replaceAll('%s', url)), wait: !background });
    } else {
      out.push({ command: entry, args: [url], wait: true });
    }
  }
  if (platform === 'darwin') out.push({ command: 'open', args: [url], wait: false });
  else if (platform === 'win32') out.push({ command: 'rundll32', args: ['url.dll,FileProtocolHandler', url], wait: false });
  else out.push({ command: 'xdg-open', args: [url], wait: false });
  return out;
}

/** POSIX shlex.split: quotes and backslashes; undefined on an unclosed quote. */
export function shlexSplit(text: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < text.length && '\\"$`\n'.includes(text[i + 1] as string)) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote !== undefined) return undefined;
  if (inWord) words.push(word);
  return words;
}

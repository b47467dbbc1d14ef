/**
 * login on a terminal: under a pseudo-terminal (python3's pty module, 120x60) the device flow
 * prints the QR code of verificationUriComplete in half blocks, which decodes back to exactly
 * that URL (rendered into a bit matrix, decoded by jsQR), and keeps one progress line updated in
 * place and erased at the end; on a pipe there is neither. --no-qr turns the code off, and a
 * terminal narrower than the code gets none.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jsQRModule from 'jsqr';
import { startEmulator } from '../../src/emulator/server.js';
import type { Emulator } from '../../src/emulator/types.js';
import { BIN, makeSandbox, runCli, type Sandbox } from '../helpers/cli.js';
import { underPty } from '../helpers/pty.js';

const START = 'https://my-sso-portal.awsapps.com/start';
// jsqr is CommonJS whose module.exports is the function itself (and its .default).
type JsQR = (
  data: Uint8ClampedArray,
  width: number,
  height: number,
  options?: { inversionAttempts?: 'attemptBoth' },
) => { data: string } | null;
const jsQR: JsQR = (jsQRModule as unknown as { default?: JsQR }).default ?? (jsQRModule as unknown as JsQR);
/* eslint-disable no-control-regex -- the escape sequences on the terminal are what is tested */

/** The half-block lines back into a bit matrix (true = dark module), then an RGBA image for jsQR. */
function decodeQr(text: string): string | undefined {
  const lines = text.split('\n').filter((l) => /^[█▀▄ ]+$/.test(l) && /[█▀▄]/.test(l));
  if (lines.length === 0) return undefined;
  const width = Math.max(...lines.map((l) => [...l].length));
  const rows: boolean[][] = [];
  for (const line of lines) {
    const chars = [...line.padEnd(width, ' ')];
    // A block is a light module (drawn in the terminal's foreground), a space a dark one.
    rows.push(chars.map((c) => !(c === '█' || c === '▀')));
    rows.push(chars.map((c) => !(c === '█' || c === '▄')));
  }
  const scale = 8;
  const margin = 4;
  const w = (width + 2 * margin) * scale;
  const h = (rows.length + 2 * margin) * scale;
  const data = new Uint8ClampedArray(w * h * 4).fill(255);
  rows.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + margin) * scale + dy) * w + (x + margin) * scale + dx) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
    }),
  );
  return jsQR(data, w, h, { inversionAttempts: 'attemptBoth' })?.data;
}

describe('login on a terminal', () => {
  let emu: Emulator;
  let box: Sandbox;
  before(async () => {
    // Approval comes after 2 s, so the progress line has time to show.
    emu = await startEmulator({ host: '127.0.0.1', port: 0, interval: 1, autoApproveSeconds: 2 });
    box = makeSandbox();
  });
  after(async () => {
    await emu.close();
    box.cleanup();
  });

  const args = (...extra: string[]): string[] => [
    'login',
    '--start-url',
    START,
    '--region',
    'us-east-1',
    '--endpoint-url',
    emu.url,
    '--force',
    ...extra,
  ];
  const lastUri = (): string => {
    const auth = [...emu.store.authorizations.values()].at(-1);
    return `${emu.url}/?user_code=${auth?.userCode ?? ''}`;
  };

  test('a QR code that decodes to verificationUriComplete, and a progress line erased at the end', async () => {
    const r = await underPty([process.execPath, BIN, ...args()], box.env);
    assert.equal(r.code, 0, r.text);
    assert.equal(decodeQr(r.text), lastUri());
    const widths = r.text
      .split('\n')
      .filter((l) => /^[█▀▄ ]+$/.test(l) && /[█▀▄]/.test(l))
      .map((l) => [...l].length);
    assert.ok(widths.length > 0 && Math.max(...widths) <= 45, `the code fits in 45 columns: ${widths[0]}`);
    assert.match(r.text, /\r\x1b\[2KWaiting for approval\.\.\. \d+:\d\d left/);
    assert.match(r.text, /\r\x1b\[2KSuccessfully logged into Start URL: /, 'the line is erased before the result');
  });

  test('--no-qr: no code; a terminal narrower than the code: no code either', async () => {
    const noQr = await underPty([process.execPath, BIN, ...args('--no-qr')], box.env);
    assert.equal(noQr.code, 0, noQr.text);
    assert.equal(decodeQr(noQr.text), undefined);
    assert.doesNotMatch(noQr.text, /[█▀▄]/);
    const narrow = await underPty([process.execPath, BIN, ...args()], box.env, 30);
    assert.equal(narrow.code, 0, narrow.text);
    assert.doesNotMatch(narrow.text, /[█▀▄]/);
  });

  test('on a pipe: no QR code, no progress line, no escape sequences', async () => {
    const r = await runCli(args(), { env: box.env });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /[█▀▄]|Waiting|\x1b/);
  });
});

/**
 * The verification URL as a QR code on the terminal, for a phone to open. Encoded by `qrcode`
 * (the most used QR encoder on npm, pure JS, no native parts; we use only its matrix API) and
 * drawn two modules per character with half blocks (`▀ ▄ █`), so a typical verification URL
 * (version 4, 33 modules, 2-module quiet zone) takes 37 columns and 19 lines. Light modules are
 * drawn as blocks, dark ones as spaces, as `qrencode -t UTF8` does: right on the usual dark
 * terminal background, and phone scanners read the inverted code on a light one too.
 */
const QUIET = 2;

/** The code's lines, each the same width; loads the encoder only when called. */
export async function qrLines(text: string): Promise<string[]> {
  const { default: QRCode } = await import('qrcode');
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'L' });
  const size = modules.size;
  const dark = (r: number, c: number): boolean => r >= 0 && c >= 0 && r < size && c < size && Boolean(modules.get(r, c));
  const lines: string[] = [];
  for (let r = -QUIET; r < size + QUIET; r += 2) {
    let line = '';
    for (let c = -QUIET; c < size + QUIET; c++) {
      const top = !dark(r, c);
      const bottom = r + 1 < size + QUIET ? !dark(r + 1, c) : false;
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    lines.push(line);
  }
  return lines;
}

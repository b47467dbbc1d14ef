/**
 * Display width as awscli/table.py's get_text_length() measures it: a character whose Unicode
 * East-Asian-Width is W, F **or A (ambiguous)** counts 2, everything else 1 (combining marks and
 * controls included). Counting ambiguous characters as wide is the AWS CLI's choice, not the
 * terminal's, and we copy it because the table's padding is computed from it.
 */
import { WIDE_RUNS } from './east-asian-width-data.js';

/**
 * Sorted, disjoint [start, end] code point ranges of W/F/A characters, decoded on first use: the
 * text and table formatters load with the JSON one, and only they measure widths.
 */
let wideRanges: ReadonlyArray<readonly [number, number]> | undefined;

function decodeRuns(encoded: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let cp = 0;
  let wide = false;
  for (const part of encoded.split(',')) {
    const length = parseInt(part, 36);
    if (wide && length > 0) ranges.push([cp, cp + length - 1]);
    cp += length;
    wide = !wide;
  }
  return ranges;
}

/** True when Python's unicodedata.east_asian_width(chr(cp)) is 'W', 'F' or 'A'. */
export function isWideCodePoint(cp: number): boolean {
  const ranges = (wideRanges ??= decodeRuns(WIDE_RUNS));
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid] as readonly [number, number];
    if (cp < range[0]) hi = mid - 1;
    else if (cp > range[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** No character below U+00A1 is W, F or A: a text without one at or above it is as wide as it is long. */
const MAYBE_WIDE = /[\u00a1-\uffff]/;

/** get_text_length(): the sum over code points (not UTF-16 units) of 2 for W/F/A, else 1. */
export function textLength(text: string): number {
  // The common case, without a lookup per character (which made V8 optimise isWideCodePoint).
  if (!MAYBE_WIDE.test(text)) return text.length;
  let total = 0;
  for (const ch of text) total += isWideCodePoint(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return total;
}

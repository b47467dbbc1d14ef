// Display width as awscli/table.py get_text_length(): East-Asian-Width W, F and A count 2.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNICODE_VERSION } from '../../src/output/east-asian-width-data.js';
import { isWideCodePoint, textLength } from '../../src/output/width.js';

describe('textLength', () => {
  it('counts ASCII one column per character', () => {
    assert.equal(textLength(''), 0);
    assert.equal(textLength('DEVCODE-123'), 11);
    assert.equal(textLength('a\tb\nc'), 5);
  });

  it('counts ambiguous characters (A) as 2, like the AWS CLI (é, ±, °, ×, Ω)', () => {
    assert.equal(textLength('é'), 2);
    assert.equal(textLength('±°×Ω'), 8);
    // Ä and Ç are Neutral/Narrow: 1 each. Captured: "ÄBÇD-日本" pads as 11 columns.
    assert.equal(textLength('ÄBÇD-日本'), 9);
    assert.equal(textLength('dévé😀'), 8);
  });

  it('counts wide and fullwidth as 2, per code point (not per UTF-16 unit)', () => {
    assert.equal(textLength('日本'), 4);
    assert.equal(textLength('Ａ'), 2);
    assert.equal(textLength('😀'), 2);
    assert.equal(textLength('\u{20000}'), 2); // CJK Ext. B, astral
  });

  it('sums per code point: controls count 1, a combining acute (A) counts 2', () => {
    assert.equal(textLength('\u0000\u001b'), 2);
    assert.equal(textLength('e\u0301'), 3);
    assert.equal(textLength('\u0300'), 2);
  });

  it('measures a text of code points below U+00A1 by its length, as the table does', () => {
    const narrow = Array.from({ length: 0xa1 }, (_, cp) => String.fromCodePoint(cp)).join('');
    for (let cp = 0; cp < 0xa1; cp++) assert.equal(isWideCodePoint(cp), false, `U+${cp.toString(16)}`);
    assert.equal(textLength(narrow), 0xa1);
    assert.equal(textLength(`${narrow}\u00a1`), 0xa1 + 2);
  });

  it('knows the range edges of the generated table (Unicode 14.0.0, Python 3.11)', () => {
    assert.equal(UNICODE_VERSION, '14.0.0');
    assert.equal(isWideCodePoint(0xa0), false);
    assert.equal(isWideCodePoint(0xa1), true); // ¡ is A
    assert.equal(isWideCodePoint(0x10ff), false);
    assert.equal(isWideCodePoint(0x1100), true); // Hangul Jamo, W
    assert.equal(isWideCodePoint(0xe000), true); // private use is A
    assert.equal(isWideCodePoint(0x20a9), false); // ₩ is H (halfwidth)
    // Python 3.11 reports the noncharacters U+FFFF and U+10FFFF as F.
    assert.equal(isWideCodePoint(0xffff), true);
    assert.equal(isWideCodePoint(0x10fffd), true); // plane 16 private use is A
    assert.equal(isWideCodePoint(0x10ffff), true);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasTerminalControls, terminalSafe } from '../../src/debug/terminal-safe.js';

test('terminalSafe escapes ESC, OSC 8, clear-screen, C1, DEL and bidi overrides', () => {
  assert.equal(terminalSafe('\x1b[2J\x1b]8;;http://evil\x07x\x1b]8;;\x07'), '\\x1b[2J\\x1b]8;;http://evil\\x07x\\x1b]8;;\\x07');
  assert.equal(terminalSafe('a\u009bb\u007fc\u202ed'), 'a\\x9bb\\x7fc\\u202ed');
  assert.equal(terminalSafe('tab\tand\nnewline'), 'tab\tand\nnewline');
  assert.equal(terminalSafe('one\nline', { multiline: false }), 'one\\x0aline');
  assert.equal(
    terminalSafe('ABCD-EFGH https://device.sso.us-east-1.amazonaws.com/ 日本'),
    'ABCD-EFGH https://device.sso.us-east-1.amazonaws.com/ 日本',
  );
});

test('hasTerminalControls', () => {
  assert.equal(hasTerminalControls('plain\ntext'), false);
  assert.equal(hasTerminalControls('x\x1by'), true);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useColour } from '../../src/cli/colour.js';

test('--color on/off win; auto colours a terminal unless NO_COLOR is set', () => {
  assert.equal(useColour('on', { NO_COLOR: '1' }, false), true);
  assert.equal(useColour('off', {}, true), false);
  assert.equal(useColour('auto', {}, true), true);
  assert.equal(useColour(undefined, {}, true), true);
  assert.equal(useColour(undefined, {}, false), false);
  assert.equal(useColour('auto', { NO_COLOR: '1' }, true), false);
  assert.equal(useColour('auto', { NO_COLOR: '' }, true), true, 'an empty NO_COLOR is unset (no-color.org)');
});

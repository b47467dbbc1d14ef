import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startDeviceAuthorization as sda } from '../../src/model/operations/start-device-authorization.js';
import { shapeResponse } from '../../src/response/shape.js';
import { pyInt } from '../../src/value/pynum.js';
import { dumpPyJson } from '../../src/value/pyjson.js';

const shape = (body: string) => dumpPyJson(shapeResponse(sda, Buffer.from(body)));

test('model order, unknown and null members dropped', () => {
  assert.equal(
    shape('{"interval": 1, "zz": 1, "expiresIn": 600, "verificationUriComplete": null, "userCode": "U", "deviceCode": "D"}'),
    '{"deviceCode": "D", "userCode": "U", "expiresIn": 600, "interval": 1}',
  );
});

test("integer members go through Python's int()", () => {
  assert.equal(shape('{"expiresIn": 600.0, "interval": 1.5}'), '{"expiresIn": 600, "interval": 1}');
  assert.equal(shape('{"expiresIn": "600", "interval": true}'), '{"expiresIn": 600, "interval": 1}');
  assert.throws(() => shape('{"expiresIn": "abc"}'), { message: "invalid literal for int() with base 10: 'abc'" });
  assert.equal(pyInt(' -1_000 '), -1000n);
});

test('string members are passed through whatever their type', () => {
  assert.equal(shape('{"userCode": 123, "deviceCode": ["a", 1]}'), '{"deviceCode": ["a", 1], "userCode": 123}');
});

test('empty and non-JSON bodies are an empty response; a list is an error', () => {
  assert.equal(shape(''), '{}');
  assert.equal(shape('hello not json'), '{}');
  assert.throws(() => shape('[1]'), {
    message: 'Unable to parse the StartDeviceAuthorization response: expected a JSON object, received a list',
  });
});

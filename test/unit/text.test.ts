import { test } from 'node:test';
import assert from 'node:assert/strict';
import { thousands } from '../../server/src/service/core/text';

test('thousands writes integers as toLocaleString(\'en-US\') does', () => {
  for (const n of [0, 7, 999, 1000, 12345, 999999, 1_048_576, 123456789, 1e15, -1234567]) assert.equal(thousands(n), n.toLocaleString('en-US'));
});
